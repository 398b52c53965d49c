#pragma once

#include "domain/granularity.h"

#include <QDate>
#include <QList>

namespace bd {

class CsvWriter;
struct BillingUsageReport;
struct DateBucket;

/// The usage CSV: one row per licence per bucket (bucket start, bucket end, licence, total usage), each with
/// the bucket's status and the data cut-off ("Data through"). A bucket without usage is one row with an empty
/// licence and total: never a missing row, never a zero.
namespace UsageCsv {

/// Rows in bucket order, licences by name within a bucket. reports[i] belongs to buckets[i];
/// `lastCompleteDay` is the cut-off (DataCutoff::lastCompleteDay). Status is "complete", "partial" (the
/// bucket's calendar period runs past the cut-off), "no data yet" (the bucket starts after it: any usage
/// reported is left out) or "no usage" (a complete or partial bucket whose report lists none).
CsvWriter build(const QList<DateBucket>& buckets, const QList<BillingUsageReport>& reports,
    Granularity granularity, QDate lastCompleteDay);
QStringList header();

} // namespace UsageCsv

} // namespace bd
