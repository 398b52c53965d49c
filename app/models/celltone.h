#pragma once

#include <Qt>

namespace bd {

/// What a cell's colour says. Models answer ToneRole with one of these; the views map it to the theme's
/// colours (ui/tonedelegate.h), so that a dark palette is followed everywhere and no model holds a colour.
enum class CellTone {
    Normal,
    Good, ///< an improvement or an addition (a line added between two periods)
    Bad, ///< a failure or a removal (a failed bucket, a line removed)
    Muted, ///< listed but unavailable (a disabled trust)
    Shaded, ///< every other group, so that groups read as blocks
};

/// The item-data role with a cell's CellTone (as int); absent means CellTone::Normal.
constexpr int ToneRole = Qt::UserRole + 100;

} // namespace bd
