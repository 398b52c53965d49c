#pragma once

#include <QList>

namespace bd {

class CsvWriter;
struct BillingUsageReport;
struct DateBucket;

/// The usage CSV: one row per licence per bucket (bucket start, bucket end, licence, total usage).
class UsageCsv final
{
public:
    /// Rows in bucket order, licences by name within a bucket. reports[i] belongs to buckets[i].
    static CsvWriter build(const QList<DateBucket>& buckets, const QList<BillingUsageReport>& reports);
    static QStringList header();
};

} // namespace bd
