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

CommitmentState Commitments::state(
    Decimal used, std::optional<Decimal> commitment, int thresholdPercent, std::optional<Decimal> likely)
{
    if (!commitment || commitment->isZero() || commitment->isNegative())
        return used.isZero() ? CommitmentState::Ok : CommitmentState::OnDemand;
    if (used > *commitment)
        return CommitmentState::Exceeded;
    if (likely && *likely > *commitment)
        return CommitmentState::ProjectedToExceed;
    // used ≥ threshold % of the commitment, in exact decimals.
    if (used * Decimal::fromInt(100) >= *commitment * Decimal::fromInt(thresholdPercent))
        return CommitmentState::Warning;
    return CommitmentState::Ok;
}

std::optional<Decimal> Commitments::usedPercent(Decimal used, std::optional<Decimal> commitment)
{
    if (!commitment || commitment->isZero() || commitment->isNegative())
        return std::nullopt;
    return (used * Decimal::fromInt(100)).dividedBy(*commitment);
}

CommitmentState Commitments::lineState(const UsageEstimate& estimate, int thresholdPercent)
{
    if (estimate.isAllowance)
        return CommitmentState::Ok;
    return state(estimate.billable, estimate.prepay, thresholdPercent);
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
        if (!e.isPriced())
            ++standing.unpricedLines;
        if (!e.isOveragePriced())
            ++standing.unpricedOverageLines;
        if (!e.isAllowance && isSeat(usage) && e.prepay > e.usage) {
            if (usage.prepayPrice)
                standing.idlePrepayCost += (e.prepay - e.usage) * *usage.prepayPrice;
            else
                standing.idleUnpriced = true;
        }

        LineStanding line;
        line.line = i;
        line.state = lineState(e, thresholdPercent);
        if (!e.isAllowance)
            line.usedPercent = usedPercent(e.billable, e.prepay);
        line.overage = e.overage;
        line.overageCost = e.overageCost;
        line.overageUnpriced = e.overageUnpriced && !e.overageWaived;
        line.waivedUnpriced = e.overageUnpriced && e.overageWaived;
        line.overageWaived = e.overageWaived;
        line.waivedOverageCost = e.waivedOverageCost;
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

std::optional<CommitmentState> Commitments::fromKey(const QString& key)
{
    for (CommitmentState state : { CommitmentState::Ok, CommitmentState::OnDemand, CommitmentState::Warning,
             CommitmentState::ProjectedToExceed, CommitmentState::Exceeded, CommitmentState::Ramp }) {
        if (Commitments::key(state) == key)
            return state;
    }
    return std::nullopt;
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
