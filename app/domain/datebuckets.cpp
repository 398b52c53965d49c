#include "domain/datebuckets.h"

#include <algorithm>

namespace bd {

namespace {

bool validRange(QDate first, QDate last)
{
    return first.isValid() && last.isValid() && first <= last;
}

/// The day a billing cycle starts in a month: its cycle day, or the month's last day when the month is
/// shorter (a cycle of the 31st starts on 28 or 29 February).
QDate cycleStartIn(int year, int month, int cycleDay)
{
    const QDate first(year, month, 1);
    return QDate(year, month, std::clamp(cycleDay, 1, first.daysInMonth()));
}

} // namespace

QDate DateBuckets::bucketStart(QDate day, Granularity g, int cycleDay)
{
    if (!day.isValid())
        return {};
    switch (g) {
    case Granularity::Day:
        return day;
    case Granularity::Week:
        return day.addDays(1 - day.dayOfWeek()); // Qt: Monday = 1
    case Granularity::Month: {
        const QDate start = cycleStartIn(day.year(), day.month(), cycleDay);
        if (day >= start)
            return start;
        const QDate before = QDate(day.year(), day.month(), 1).addMonths(-1);
        return cycleStartIn(before.year(), before.month(), cycleDay);
    }
    case Granularity::Quarter:
        return QDate(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
    }
    return day;
}

QDate DateBuckets::bucketEnd(QDate day, Granularity g, int cycleDay)
{
    const QDate start = bucketStart(day, g, cycleDay);
    if (!start.isValid())
        return {};
    switch (g) {
    case Granularity::Day:
        return start;
    case Granularity::Week:
        return start.addDays(6);
    case Granularity::Month: {
        const QDate next = QDate(start.year(), start.month(), 1).addMonths(1);
        return cycleStartIn(next.year(), next.month(), cycleDay).addDays(-1);
    }
    case Granularity::Quarter:
        return start.addMonths(3).addDays(-1);
    }
    return start;
}

std::optional<int> DateBuckets::cycleDayOf(const QList<QDate>& periodStarts)
{
    if (periodStarts.isEmpty())
        return std::nullopt;
    for (int day = 1; day <= 31; ++day) {
        const bool followed = std::all_of(periodStarts.cbegin(), periodStarts.cend(), [day](QDate start) {
            return start.isValid() && bucketStart(start, Granularity::Month, day) == start;
        });
        if (followed)
            return day;
    }
    return std::nullopt;
}

QList<DateBucket> DateBuckets::tile(QDate first, QDate last, Granularity g, int cycleDay)
{
    QList<DateBucket> buckets;
    if (!validRange(first, last))
        return buckets;
    buckets.reserve(count(first, last, g, cycleDay));
    QDate day = first;
    while (day <= last) {
        const QDate end = std::min(bucketEnd(day, g, cycleDay), last);
        buckets.append(DateBucket { day, end });
        day = end.addDays(1);
    }
    return buckets;
}

qsizetype DateBuckets::count(QDate first, QDate last, Granularity g, int cycleDay)
{
    if (!validRange(first, last))
        return 0;
    switch (g) {
    case Granularity::Day:
        return first.daysTo(last) + 1;
    case Granularity::Week:
        return bucketStart(first, g).daysTo(bucketStart(last, g)) / 7 + 1;
    case Granularity::Month: {
        // Every cycle starts in a month of its own: count the months between the first and last starts.
        const QDate a = bucketStart(first, g, cycleDay);
        const QDate b = bucketStart(last, g, cycleDay);
        return qsizetype(b.year() - a.year()) * 12 + (b.month() - a.month()) + 1;
    }
    case Granularity::Quarter:
        return qsizetype(last.year() - first.year()) * 4 + ((last.month() - 1) / 3 - (first.month() - 1) / 3)
            + 1;
    }
    return 0;
}

} // namespace bd
