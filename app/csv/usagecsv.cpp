#include "csv/usagecsv.h"

#include "csv/csvwriter.h"
#include "domain/billingusagereport.h"
#include "domain/datacutoff.h"
#include "domain/datebucket.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString statusText(Coverage coverage)
{
    switch (coverage) {
    case Coverage::Complete:
        return u"complete"_s;
    case Coverage::Partial:
        return u"partial"_s;
    case Coverage::NotYet:
        return u"no data yet"_s;
    }
    return {};
}

} // namespace

QStringList UsageCsv::header()
{
    return { u"Bucket start"_s, u"Bucket end"_s, u"Licence"_s, u"Total usage"_s, u"Status"_s,
        u"Data through"_s };
}

CsvWriter UsageCsv::build(const QList<DateBucket>& buckets, const QList<BillingUsageReport>& reports,
    Granularity granularity, QDate lastCompleteDay)
{
    Q_ASSERT(buckets.size() == reports.size());
    CsvWriter csv(header());
    for (qsizetype i = 0; i < buckets.size() && i < reports.size(); ++i) {
        const DateBucket& bucket = buckets.at(i);
        const Coverage coverage = coverageOf(bucket, granularity, lastCompleteDay);
        QList<BillingUsage> usages;
        if (coverage != Coverage::NotYet)
            usages = reports.at(i).usages;
        if (usages.isEmpty()) {
            csv.date(bucket.first).date(bucket.last).text({}).text({});
            csv.text(coverage == Coverage::NotYet ? statusText(coverage) : u"no usage"_s)
                .date(lastCompleteDay);
            csv.endRow();
            continue;
        }
        std::stable_sort(usages.begin(), usages.end(), [](const BillingUsage& a, const BillingUsage& b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
        for (const BillingUsage& usage : std::as_const(usages)) {
            csv.date(bucket.first).date(bucket.last).text(usage.name).number(usage.totalUsage);
            csv.text(statusText(coverage)).date(lastCompleteDay);
            csv.endRow();
        }
    }
    return csv;
}

} // namespace bd
