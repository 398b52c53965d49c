#pragma once

#include <QDateTime>
#include <QString>

namespace bd {

/// The zone times are shown in. Report windows are UTC days whatever is chosen (Genesys bills by UTC day);
/// instants such as a resource's first-seen time or a fetch time follow the choice, and the zone is named
/// wherever a time is shown.
enum class DisplayZone { Utc, Local };

namespace DisplayZones {

/// The zone's name as shown beside times: "UTC", or the local zone's abbreviation ("CET", "EST").
QString name(DisplayZone zone);
/// An instant in the zone, formatted ("yyyy-MM-dd HH:mm" by default), without the zone's name.
QString format(
    const QDateTime& instant, DisplayZone zone, const QString& pattern = QStringLiteral("yyyy-MM-dd HH:mm"));

} // namespace DisplayZones

} // namespace bd
