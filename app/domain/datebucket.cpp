#include "domain/datebucket.h"

#include "domain/utc.h"

#include <QTime>

namespace bd {

QDateTime DateBucket::start() const
{
    return QDateTime(first, QTime(0, 0), UtcZone);
}

QDateTime DateBucket::end() const
{
    return QDateTime(last, QTime(23, 59, 59, 999), UtcZone);
}

QString DateBucket::label(Granularity g) const
{
    static const char* const kMonths[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    if (!first.isValid())
        return {};
    switch (g) {
    case Granularity::Day:
        return QString::asprintf("%04d-%02d-%02d", first.year(), first.month(), first.day());
    case Granularity::Week: {
        int isoYear = 0;
        const int week = first.weekNumber(&isoYear);
        return QString::asprintf("%04d-W%02d", isoYear, week);
    }
    case Granularity::Month:
        return QString::asprintf("%s %04d", kMonths[first.month() - 1], first.year());
    case Granularity::Quarter:
        return QString::asprintf("Q%d %04d", (first.month() - 1) / 3 + 1, first.year());
    }
    return {};
}

} // namespace bd
