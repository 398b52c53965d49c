#pragma once

#include <QList>

namespace bd {

class CsvWriter;
struct BillingUsageReport;
struct DateBucket;

/// The usage CSV: one row per licence per bucket (bucket start, bucket end, licence, total usage).
namespace UsageCsv {

/// Rows in bucket order, licences by name within a bucket. reports[i] belongs to buckets[i].
CsvWriter build(const QList<DateBucket>& buckets, const QList<BillingUsageReport>& reports);
QStringList header();

} // namespace UsageCsv

} // namespace bd
