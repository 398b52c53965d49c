#include "domain/datacutoff.h"

#include "domain/datebuckets.h"
#include "domain/utc.h"

#include <algorithm>

namespace bd {

QDate DataCutoff::lastCompleteDay(QDate today)
{
    return today.addDays(-LagDays);
}

QDate DataCutoff::lastCompleteDay(const QDateTime& now)
{
    return lastCompleteDay(now.toUTC().date());
}

QDateTime DataCutoff::horizon(const QDateTime& now)
{
    return QDateTime(lastCompleteDay(now).addDays(1), QTime(0, 0), UtcZone);
}

Coverage coverageOf(const DateBucket& bucket, Granularity g, QDate lastCompleteDay, int cycleDay)
{
    if (!lastCompleteDay.isValid())
        return Coverage::Complete;
    if (bucket.first > lastCompleteDay)
        return Coverage::NotYet;
    const QDate periodEnd = std::max(bucket.last, DateBuckets::bucketEnd(bucket.first, g, cycleDay));
    return periodEnd > lastCompleteDay ? Coverage::Partial : Coverage::Complete;
}

} // namespace bd
