#include "domain/datebuckets.h"

#include <algorithm>

namespace bd {

namespace {

bool validRange(QDate first, QDate last)
{
    return first.isValid() && last.isValid() && first <= last;
}

} // namespace

QDate DateBuckets::bucketStart(QDate day, Granularity g)
{
    if (!day.isValid())
        return {};
    switch (g) {
    case Granularity::Day:
        return day;
    case Granularity::Week:
        return day.addDays(1 - day.dayOfWeek()); // Qt: Monday = 1
    case Granularity::Month:
        return QDate(day.year(), day.month(), 1);
    case Granularity::Quarter:
        return QDate(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
    }
    return day;
}

QDate DateBuckets::bucketEnd(QDate day, Granularity g)
{
    const QDate start = bucketStart(day, g);
    if (!start.isValid())
        return {};
    switch (g) {
    case Granularity::Day:
        return start;
    case Granularity::Week:
        return start.addDays(6);
    case Granularity::Month:
        return start.addMonths(1).addDays(-1);
    case Granularity::Quarter:
        return start.addMonths(3).addDays(-1);
    }
    return start;
}

QList<DateBucket> DateBuckets::tile(QDate first, QDate last, Granularity g)
{
    QList<DateBucket> buckets;
    if (!validRange(first, last))
        return buckets;
    buckets.reserve(count(first, last, g));
    QDate day = first;
    while (day <= last) {
        const QDate end = std::min(bucketEnd(day, g), last);
        buckets.append(DateBucket { day, end });
        day = end.addDays(1);
    }
    return buckets;
}

qsizetype DateBuckets::count(QDate first, QDate last, Granularity g)
{
    if (!validRange(first, last))
        return 0;
    switch (g) {
    case Granularity::Day:
        return first.daysTo(last) + 1;
    case Granularity::Week:
        return bucketStart(first, g).daysTo(bucketStart(last, g)) / 7 + 1;
    case Granularity::Month:
        return qsizetype(last.year() - first.year()) * 12 + (last.month() - first.month()) + 1;
    case Granularity::Quarter:
        return qsizetype(last.year() - first.year()) * 4 + ((last.month() - 1) / 3 - (first.month() - 1) / 3)
            + 1;
    }
    return 0;
}

} // namespace bd
