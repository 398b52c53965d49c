#include "csv/portfoliocsv.h"

#include "csv/csvwriter.h"
#include "domain/overviewestimate.h"
#include "domain/portfolio.h"

using namespace Qt::StringLiterals;

namespace bd {

QStringList PortfolioCsv::header()
{
    return { u"Organization id"_s, u"Organization"_s, u"Period start"_s, u"Period end"_s,
        u"Billing period index"_s, u"Currency"_s, u"Grouping"_s, u"Part number"_s, u"Charge"_s,
        u"Unit of measure"_s, u"Usage"_s, u"Prepay"_s, u"Fair-use allowance"_s, u"Billable"_s, u"Overage"_s,
        u"Estimated overage cost"_s, u"Estimated total"_s, u"State"_s, u"Error code"_s };
}

CsvWriter PortfolioCsv::build(const QList<PortfolioCustomer>& customers, int firstIndex)
{
    CsvWriter csv(header());
    for (const PortfolioCustomer& c : customers) {
        for (int index = std::max(0, firstIndex); index < c.cells.size(); ++index) {
            const PortfolioCell& cell = c.cells.at(index);
            if (cell.status == PortfolioCell::Status::NoPeriod)
                continue;
            if (!cell.overview) {
                // Not read: the row says so, and why, instead of leaving a gap.
                const QString state = cell.status == PortfolioCell::Status::Refused ? u"refused"_s
                    : cell.status == PortfolioCell::Status::Failed                  ? u"no-data"_s
                                                                                    : u"not-loaded"_s;
                csv.text(c.orgId).text(c.name).text({}).text({}).integer(index).text(c.currency());
                for (int i = 0; i < 11; ++i)
                    csv.text({});
                csv.text(state).text(cell.errorCode).endRow();
                continue;
            }
            const TrusteeBillingOverview& o = *cell.overview;
            const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(o);
            const QList<CommitmentState>& states = cell.standing.lines;
            const bool ramp = cell.standing.state == CommitmentState::Ramp;
            for (qsizetype i = 0; i < estimates.size(); ++i) {
                const SubscriptionOverviewUsage& line = o.usages.at(i);
                const UsageEstimate& e = estimates.at(i);
                csv.text(c.orgId)
                    .text(c.name)
                    .optionalTimestamp(o.billingPeriodStartDate)
                    .optionalTimestamp(o.billingPeriodEndDate)
                    .integer(index)
                    .text(o.currency)
                    .text(line.grouping)
                    .text(line.partNumber)
                    .text(line.name)
                    .text(line.unitOfMeasureType)
                    .number(e.usage)
                    .number(e.prepay)
                    .optionalNumber(e.allowance)
                    .number(e.billable)
                    .number(e.overage)
                    .number(e.overageCost)
                    .number(e.total)
                    .text(e.isAllowance ? u"allowance"_s
                            : ramp      ? u"ramp"_s
                                        : Commitments::key(states.value(i)))
                    .text({})
                    .endRow();
            }
        }
    }
    return csv;
}

} // namespace bd
