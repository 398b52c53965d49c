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

namespace {

QString cellState(const PortfolioCell& cell)
{
    switch (cell.status) {
    case PortfolioCell::Status::Pending:
        return u"not-loaded"_s;
    case PortfolioCell::Status::Loaded:
        return Commitments::key(cell.standing.state);
    case PortfolioCell::Status::NoPeriod:
        return u"no-period"_s;
    case PortfolioCell::Status::Failed:
        return u"no-data"_s;
    case PortfolioCell::Status::Refused:
        return u"refused"_s;
    }
    return {};
}

} // namespace

CsvWriter PortfolioCsv::matrix(
    const QList<PortfolioCustomer>& customers, const QList<int>& rows, bool overage)
{
    int periods = 0;
    for (const PortfolioCustomer& c : customers)
        periods = std::max(periods, int(c.cells.size()));
    QStringList columns { u"Organization id"_s, u"Organization"_s, u"Currency"_s, u"Active overage"_s,
        u"Active idle prepaid"_s };
    const QString amount = overage ? u"estimated overage"_s : u"estimated total"_s;
    for (int index = 0; index < periods; ++index)
        columns << u"Period %1 %2"_s.arg(index).arg(amount) << u"Period %1 state"_s.arg(index);
    CsvWriter csv(columns);
    for (int row : rows) {
        if (row < 0 || row >= customers.size())
            continue;
        const PortfolioCustomer& c = customers.at(row);
        const PortfolioCell active = c.cells.value(0);
        csv.text(c.orgId).text(c.name).text(c.currency());
        if (active.overview) {
            // An overage or an idle commitment with no price has no known cost: blank, not 0.
            if (active.standing.unpricedOverageLines == 0)
                csv.number(active.standing.overageCost);
            else
                csv.text({});
            if (!active.standing.idleUnpriced)
                csv.number(active.standing.idlePrepayCost);
            else
                csv.text({});
        } else
            csv.text({}).text({});
        for (int index = 0; index < periods; ++index) {
            const PortfolioCell cell = c.cells.value(index);
            if (cell.overview
                && (overage ? cell.standing.unpricedOverageLines : cell.standing.unpricedLines) == 0)
                csv.number(overage ? cell.standing.overageCost : cell.standing.total);
            else // not read, or a line with no price: the sum is not known
                csv.text({});
            csv.text(cellState(cell));
        }
        csv.endRow();
    }
    return csv;
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
                    .optionalNumber(e.isOveragePriced() ? std::optional(e.overageCost) : std::nullopt)
                    .optionalNumber(e.isPriced() ? std::optional(e.total) : std::nullopt)
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
