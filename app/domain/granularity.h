#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace bd {

/// Size of the calendar buckets a date range is tiled into.
enum class Granularity { Day, Week, Month, Quarter };

/// Every granularity, finest first (the order of the range bar's menu).
QList<Granularity> allGranularities();

/// Stable lower-case name for settings and the command line: "day", "week", "month", "quarter". Not a text
/// for people: the UI names granularities itself.
QString granularityName(Granularity g);

/// Inverse of granularityName(), case-insensitive; nullopt for unknown names.
std::optional<Granularity> granularityFromName(QStringView name);

} // namespace bd
