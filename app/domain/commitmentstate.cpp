#include "domain/commitmentstate.h"

#include "domain/overviewestimate.h"
#include "domain/projection.h"
#include "domain/subscriptionoverviewusage.h"
#include "domain/trusteebillingoverview.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

bool isSeat(const SubscriptionOverviewUsage& usage)
{
    return Projections::kindOf(usage) == LineKind::Seat;
}

} // namespace

CommitmentState Commitments::lineState(const UsageEstimate& estimate, int thresholdPercent)
{
    if (estimate.isAllowance)
        return CommitmentState::Ok;
    if (estimate.prepay.isZero())
        return estimate.billable.isZero() ? CommitmentState::Ok : CommitmentState::OnDemand;
    if (!estimate.overage.isZero())
        return CommitmentState::Exceeded;
    // billable ≥ threshold % of prepay, in exact decimals.
    if (estimate.billable * Decimal::fromInt(100) >= estimate.prepay * Decimal::fromInt(thresholdPercent))
        return CommitmentState::Warning;
    return CommitmentState::Ok;
}

PeriodStanding Commitments::period(
    const TrusteeBillingOverview& overview, int thresholdPercent, const QList<LineProjection>& projections)
{
    PeriodStanding standing;
    const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(overview);
    const bool projected = projections.size() == estimates.size();
    CommitmentState worst = CommitmentState::Ok;
    for (qsizetype i = 0; i < estimates.size(); ++i) {
        const UsageEstimate& e = estimates.at(i);
        const SubscriptionOverviewUsage& usage = overview.usages.at(i);
        standing.total += e.total;
        standing.overageCost += e.overageCost;
        if (!e.isAllowance && isSeat(usage) && usage.prepayPrice && e.prepay > e.usage)
            standing.idlePrepayCost += (e.prepay - e.usage) * *usage.prepayPrice;

        LineStanding line;
        line.line = i;
        line.state = lineState(e, thresholdPercent);
        if (!e.prepay.isZero() && !e.isAllowance)
            line.usedPercent = (e.billable * Decimal::fromInt(100)).dividedBy(e.prepay);
        line.overage = e.overage;
        line.overageCost = e.overageCost;
        if (projected && (line.state == CommitmentState::Ok || line.state == CommitmentState::Warning)) {
            const LineProjection& p = projections.at(i);
            if (p.suppressed == LineProjection::Suppressed::No && p.exceedBy) {
                line.state = CommitmentState::ProjectedToExceed;
                line.projectedExceedBy = p.exceedBy;
            }
        }
        standing.lines.append(line.state);
        if (line.state > worst) {
            worst = line.state;
            standing.drivers.clear();
        }
        if (line.state == worst && worst != CommitmentState::Ok)
            standing.drivers.append(line);
    }
    standing.state = overview.inRampPeriod.value_or(false) ? CommitmentState::Ramp : worst;
    return standing;
}

QString Commitments::key(CommitmentState state)
{
    switch (state) {
    case CommitmentState::Ok:
        return u"ok"_s;
    case CommitmentState::OnDemand:
        return u"on-demand"_s;
    case CommitmentState::Warning:
        return u"warning"_s;
    case CommitmentState::ProjectedToExceed:
        return u"projected"_s;
    case CommitmentState::Exceeded:
        return u"exceeded"_s;
    case CommitmentState::Ramp:
        return u"ramp"_s;
    }
    return {};
}

QString Commitments::label(CommitmentState state)
{
    switch (state) {
    case CommitmentState::Ok:
        return QCoreApplication::translate("bd::Commitments", "OK");
    case CommitmentState::OnDemand:
        return QCoreApplication::translate("bd::Commitments", "On demand");
    case CommitmentState::Warning:
        return QCoreApplication::translate("bd::Commitments", "Near commitment");
    case CommitmentState::ProjectedToExceed:
        return QCoreApplication::translate("bd::Commitments", "Projected to exceed");
    case CommitmentState::Exceeded:
        return QCoreApplication::translate("bd::Commitments", "Exceeded");
    case CommitmentState::Ramp:
        return QCoreApplication::translate("bd::Commitments", "Ramp");
    }
    return {};
}

} // namespace bd
