#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace bd {

/// Size of the calendar buckets a date range is tiled into.
enum class Granularity { Day, Week, Month, Quarter };

/// Stable lower-case name: "day", "week", "month", "quarter".
QString granularityName(Granularity g);

/// Inverse of granularityName(), case-insensitive; nullopt for unknown names.
std::optional<Granularity> granularityFromName(QStringView name);

} // namespace bd
