#include "csv/usagecsv.h"

#include "csv/csvwriter.h"
#include "domain/billingusagereport.h"
#include "domain/datebucket.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

QStringList UsageCsv::header()
{
    return { u"Bucket start"_s, u"Bucket end"_s, u"Licence"_s, u"Total usage"_s };
}

CsvWriter UsageCsv::build(const QList<DateBucket>& buckets, const QList<BillingUsageReport>& reports)
{
    Q_ASSERT(buckets.size() == reports.size());
    CsvWriter csv(header());
    for (qsizetype i = 0; i < buckets.size() && i < reports.size(); ++i) {
        QList<BillingUsage> usages = reports.at(i).usages;
        std::stable_sort(usages.begin(), usages.end(), [](const BillingUsage& a, const BillingUsage& b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
        for (const BillingUsage& usage : std::as_const(usages)) {
            csv.date(buckets.at(i).first).date(buckets.at(i).last).text(usage.name).number(usage.totalUsage);
            csv.endRow();
        }
    }
    return csv;
}

} // namespace bd
