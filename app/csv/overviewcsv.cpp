#include "csv/overviewcsv.h"

#include "csv/csvwriter.h"
#include "domain/trusteebillingoverview.h"

using namespace Qt::StringLiterals;

namespace bd {

QStringList OverviewCsv::header()
{
    return { u"Billing period index"_s, u"Period start"_s, u"Period end"_s, u"Organization id"_s,
        u"Organization"_s, u"Currency"_s, u"Name"_s, u"Part number"_s, u"Grouping"_s, u"Unit of measure"_s,
        u"Usage quantity"_s, u"Prepay quantity"_s, u"Overage price"_s, u"Prepay price"_s,
        u"Bundle quantity"_s, u"Usage notes"_s, u"Cancellable"_s, u"Third party"_s };
}

CsvWriter OverviewCsv::build(const QList<IndexedOverview>& periods)
{
    CsvWriter csv(header());
    for (const IndexedOverview& period : periods) {
        const TrusteeBillingOverview& overview = *period.overview;
        for (const SubscriptionOverviewUsage& usage : overview.usages) {
            csv.integer(period.billingPeriodIndex)
                .optionalTimestamp(overview.billingPeriodStartDate)
                .optionalTimestamp(overview.billingPeriodEndDate)
                .text(overview.organization.id)
                .text(overview.organization.name)
                .text(overview.currency)
                .text(usage.name)
                .text(usage.partNumber)
                .text(usage.grouping)
                .text(usage.unitOfMeasureType)
                .number(usage.usageQuantity)
                .number(usage.prepayQuantity)
                .optionalNumber(usage.overagePrice)
                .optionalNumber(usage.prepayPrice)
                .optionalNumber(usage.bundleQuantity)
                .text(usage.usageNotes)
                .boolean(usage.isCancellable)
                .boolean(usage.isThirdParty);
            csv.endRow();
        }
    }
    return csv;
}

} // namespace bd
