#pragma once

#include "domain/datebucket.h"
#include "domain/granularity.h"

#include <QDate>
#include <QDateTime>

namespace bd {

/// How far Genesys' billable usage has got. Usage is complete through the end of the previous UTC day: a day
/// is reported once it is over, so on 1 December the last complete day is 30 November. This is the one place
/// that says so; presets, buckets, charts, exports and billing-sim all ask here.
namespace DataCutoff {

/// Whole UTC days between the end of a day and its usage being complete.
inline constexpr int LagDays = 1;

/// The last UTC day whose usage is complete at `now`.
QDate lastCompleteDay(const QDateTime& now);
/// The last complete day when `today` (UTC) is the current day.
QDate lastCompleteDay(QDate today);
/// The first instant (UTC) whose usage is not complete yet at `now`: the start of the current UTC day.
QDateTime horizon(const QDateTime& now);

} // namespace DataCutoff

/// How much of a bucket's calendar period the data covers.
enum class Coverage {
    Complete, ///< every day of the bucket's calendar period is at or before the cut-off
    Partial, ///< the bucket's calendar period runs past the cut-off: month to date, week to date, …
    NotYet, ///< the bucket starts after the cut-off: there is no data for it yet
};

/// The coverage of a bucket of granularity g when `lastCompleteDay` is the cut-off. A bucket clipped by the
/// range (1–14 December of a month) is Partial when its calendar month continues past the cut-off; one
/// clipped at the start of a range but wholly past is Complete. Monthly buckets follow `cycleDay`
/// (DateBuckets).
Coverage coverageOf(const DateBucket& bucket, Granularity g, QDate lastCompleteDay, int cycleDay = 1);

} // namespace bd
