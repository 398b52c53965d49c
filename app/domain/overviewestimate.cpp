#include "domain/overviewestimate.h"

#include "domain/projection.h"
#include "domain/subscriptionoverviewusage.h"
#include "domain/trusteebillingoverview.h"

using namespace Qt::StringLiterals;

namespace bd {

Decimal OverviewEstimate::billable(Decimal usage, Decimal allowance)
{
    return Decimal::max(usage - allowance, Decimal());
}

Decimal OverviewEstimate::overage(Decimal billable, Decimal prepay)
{
    return Decimal::max(billable - prepay, Decimal());
}

bool OverviewEstimate::isFairUse(const SubscriptionOverviewUsage& usage)
{
    return usage.grouping == u"fair-use";
}

UsageEstimate OverviewEstimate::estimate(
    const SubscriptionOverviewUsage& usage, std::optional<Decimal> allowance)
{
    UsageEstimate e;
    e.usage = usage.usageQuantity;
    e.prepay = usage.prepayQuantity;
    if (isFairUse(usage)) {
        // The allowance is not a charge: it only lowers the billable usage of its resource line.
        e.isAllowance = true;
        return e;
    }
    e.allowance = allowance;
    e.billable = allowance ? billable(usage.usageQuantity, *allowance) : usage.usageQuantity;
    e.overage = overage(e.billable, usage.prepayQuantity);
    e.prepayCost = usage.prepayPrice ? usage.prepayQuantity * *usage.prepayPrice : Decimal();
    e.overageCost = usage.overagePrice ? e.overage * *usage.overagePrice : Decimal();
    e.prepayUnpriced = !usage.prepayPrice && usage.prepayQuantity > Decimal();
    e.overageUnpriced = !usage.overagePrice && e.overage > Decimal();
    e.total = e.prepayCost + e.overageCost;
    return e;
}

std::optional<Decimal> OverviewEstimate::allowanceFor(
    const TrusteeBillingOverview& overview, const SubscriptionOverviewUsage& usage)
{
    // The contract pairs a fair-use row with the resource row of the same name; nothing else is netted.
    if (usage.grouping != u"resource")
        return std::nullopt;
    std::optional<Decimal> allowance;
    for (const SubscriptionOverviewUsage& other : overview.usages) {
        if (isFairUse(other) && other.name == usage.name)
            allowance = allowance.value_or(Decimal()) + other.usageQuantity;
    }
    return allowance;
}

QList<UsageEstimate> OverviewEstimate::estimateAll(const TrusteeBillingOverview& overview)
{
    QList<UsageEstimate> estimates;
    estimates.reserve(overview.usages.size());
    const bool ramp = overview.inRampPeriod.value_or(false);
    for (const SubscriptionOverviewUsage& usage : overview.usages) {
        UsageEstimate e = estimate(usage, allowanceFor(overview, usage));
        if (ramp && !e.isAllowance && Projections::kindOf(usage) == LineKind::Seat && e.overage > Decimal()) {
            e.overageWaived = true;
            e.waivedOverageCost = e.overageCost;
            e.overageCost = Decimal();
            e.total = e.prepayCost;
        }
        estimates << e;
    }
    return estimates;
}

Decimal OverviewEstimate::periodTotal(const TrusteeBillingOverview& overview)
{
    Decimal total;
    for (const UsageEstimate& e : estimateAll(overview))
        total += e.total;
    return total;
}

} // namespace bd
