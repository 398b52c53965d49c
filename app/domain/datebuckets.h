#pragma once

#include "domain/datebucket.h"
#include "domain/granularity.h"

#include <QDate>
#include <QList>

#include <optional>

namespace bd {

/// Tiles a date range into calendar-aligned report buckets. Monthly buckets can follow a billing cycle
/// instead of the calendar: `cycleDay` is the day of the month a cycle starts on (1 = calendar months). A
/// cycle day past a month's end starts that month's cycle on its last day (the 31st → 28 February).
namespace DateBuckets {

/// Buckets covering [first, last] (weeks start Monday, months on the cycle day, quarters Jan/Apr/Jul/Oct),
/// the first and last clipped to the range; empty if first > last or either date is invalid.
QList<DateBucket> tile(QDate first, QDate last, Granularity g, int cycleDay = 1);

/// tile(first, last, g, cycleDay).size(), computed without allocating.
qsizetype count(QDate first, QDate last, Granularity g, int cycleDay = 1);

/// First day of the bucket of granularity g that contains `day`.
QDate bucketStart(QDate day, Granularity g, int cycleDay = 1);

/// Last day of the bucket of granularity g that contains `day`.
QDate bucketEnd(QDate day, Granularity g, int cycleDay = 1);

/// The billing-cycle day that billing periods starting on `periodStarts` follow: the smallest day every
/// start is a cycle start of (a cycle of the 31st starts on 30 November), so one start on 28 February says
/// 28. nullopt when there is no start, or the starts follow no single day (the cycle was moved).
std::optional<int> cycleDayOf(const QList<QDate>& periodStarts);

} // namespace DateBuckets

} // namespace bd
