#include "models/displayzone.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace bd {

QString DisplayZones::name(DisplayZone zone)
{
    if (zone == DisplayZone::Utc)
        return u"UTC"_s;
    const QString abbreviation = QDateTime::currentDateTime().timeZoneAbbreviation();
    return abbreviation.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : abbreviation;
}

QString DisplayZones::format(const QDateTime& instant, DisplayZone zone, const QString& pattern)
{
    const QDateTime shown = zone == DisplayZone::Utc ? instant.toUTC() : instant.toLocalTime();
    return shown.toString(pattern);
}

} // namespace bd
