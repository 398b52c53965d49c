#include "csv/overviewcsv.h"

#include "csv/csvwriter.h"
#include "domain/datacutoff.h"
#include "domain/projection.h"
#include "domain/trusteebillingoverview.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace bd {

QStringList OverviewCsv::header()
{
    return { u"Billing period index"_s, u"Period start"_s, u"Period end"_s, u"Organization id"_s,
        u"Organization"_s, u"Currency"_s, u"Name"_s, u"Part number"_s, u"Grouping"_s, u"Unit of measure"_s,
        u"Usage quantity"_s, u"Prepay quantity"_s, u"Overage price"_s, u"Prepay price"_s,
        u"Bundle quantity"_s, u"Usage notes"_s, u"Cancellable"_s, u"Third party"_s, u"Projected low"_s,
        u"Projected likely"_s, u"Projected high"_s, u"Projection note"_s };
}

CsvWriter OverviewCsv::build(const QList<IndexedOverview>& periods, QDate lastCompleteDay)
{
    if (!lastCompleteDay.isValid())
        lastCompleteDay = DataCutoff::lastCompleteDay(QDateTime::currentDateTimeUtc());
    // The closed periods before the active one: 1, 2, … as long as they follow on.
    QMap<int, const TrusteeBillingOverview*> byIndex;
    for (const IndexedOverview& period : periods)
        byIndex.insert(period.billingPeriodIndex, period.overview);
    QList<const TrusteeBillingOverview*> closed;
    for (int index = 1; byIndex.contains(index) && closed.size() < Projections::MaximumHistory; ++index)
        closed << byIndex.value(index);

    CsvWriter csv(header());
    for (const IndexedOverview& period : periods) {
        const TrusteeBillingOverview& overview = *period.overview;
        const QList<LineProjection> projections = period.billingPeriodIndex == 0
            ? Projections::period(overview, closed, lastCompleteDay)
            : QList<LineProjection>();
        for (qsizetype i = 0; i < overview.usages.size(); ++i) {
            const SubscriptionOverviewUsage& usage = overview.usages.at(i);
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
            if (i < projections.size() && projections.at(i).projection.isProjected()) {
                const Projection& p = projections.at(i).projection;
                csv.number(p.low).number(p.likely).number(p.high).text(Projections::note(projections.at(i)));
            } else {
                csv.text({}).text({}).text({}).text(
                    i < projections.size() ? Projections::note(projections.at(i)) : u"closed period"_s);
            }
            csv.endRow();
        }
    }
    return csv;
}

} // namespace bd
