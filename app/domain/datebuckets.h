#pragma once

#include "domain/datebucket.h"
#include "domain/granularity.h"

#include <QDate>
#include <QList>

namespace bd {

/// Tiles a date range into calendar-aligned report buckets.
namespace DateBuckets {

/// Buckets covering [first, last] (weeks start Monday, months on the 1st, quarters Jan/Apr/Jul/Oct), the
/// first and last clipped to the range; empty if first > last or either date is invalid.
QList<DateBucket> tile(QDate first, QDate last, Granularity g);

/// tile(first, last, g).size(), computed without allocating.
qsizetype count(QDate first, QDate last, Granularity g);

/// First day of the calendar bucket of granularity g that contains `day`.
QDate bucketStart(QDate day, Granularity g);

/// Last day of the calendar bucket of granularity g that contains `day`.
QDate bucketEnd(QDate day, Granularity g);

} // namespace DateBuckets

} // namespace bd
