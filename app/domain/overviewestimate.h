#pragma once

#include "domain/decimal.h"

#include <QList>
#include <QString>

#include <optional>

namespace bd {

struct SubscriptionOverviewUsage;
struct TrusteeBillingOverview;

/// The estimated cost of one usage line of a billing period. Genesys does not publish how it turns usage into
/// money; these are the figures third-party tools use, so they are shown as estimates only.
struct UsageEstimate
{
    Decimal usage; ///< usageQuantity as reported
    std::optional<Decimal> allowance; ///< the fair-use allowance netted against this line, if any
    Decimal billable; ///< usage − allowance, never below 0 (= usage without an allowance)
    Decimal prepay; ///< prepayQuantity
    Decimal overage; ///< max(billable − prepay, 0)
    Decimal prepayCost; ///< prepay × prepayPrice (0 without a prepay price: see prepayUnpriced)
    Decimal overageCost; ///< overage × overagePrice (0 without an overage price, or when waived)
    Decimal total; ///< prepayCost + overageCost
    bool isAllowance = false; ///< a `fair-use` row: it is the allowance of another line and costs nothing
    bool prepayUnpriced = false; ///< a commitment with no prepay price: its cost is not known, not 0
    bool overageUnpriced = false; ///< overage with no overage price: its cost is not known, not 0
    /// A licence line of a period in its ramp: its overage is not billed, so overageCost is 0 and
    /// waivedOverageCost is what it would cost outside the ramp.
    bool overageWaived = false;
    Decimal waivedOverageCost;

    /// True when the cost of the overage billed is known (a waived overage is not billed).
    bool isOveragePriced() const { return !overageUnpriced || overageWaived; }
    /// True when every cost of the line is known: a total that adds an unpriced line is only a lower bound.
    bool isPriced() const { return !prepayUnpriced && isOveragePriced(); }
};

/// Cost estimates of a trustee billing overview: fair-use netting and prepay/overage pricing, in exact
/// decimals.
class OverviewEstimate final
{
public:
    /// Billable usage after a fair-use allowance: max(usage − allowance, 0).
    static Decimal billable(Decimal usage, Decimal allowance);
    /// Usage above the prepaid quantity: max(billable − prepay, 0).
    static Decimal overage(Decimal billable, Decimal prepay);
    /// The estimate of one line, netted against `allowance` when given.
    static UsageEstimate estimate(const SubscriptionOverviewUsage& usage, std::optional<Decimal> allowance);
    /// The fair-use allowance of a `resource` line: the `fair-use` rows of the same name, summed; nullopt
    /// when none.
    static std::optional<Decimal> allowanceFor(
        const TrusteeBillingOverview& overview, const SubscriptionOverviewUsage& usage);
    /// One estimate per usage line, in the order of overview.usages. In a period in its ramp, licence
    /// (seat) lines are billed their commitment only: their overage is waived.
    static QList<UsageEstimate> estimateAll(const TrusteeBillingOverview& overview);
    /// The period's estimated total (in overview.currency; one period has one currency).
    static Decimal periodTotal(const TrusteeBillingOverview& overview);
    /// True for the grouping that carries a fair-use allowance.
    static bool isFairUse(const SubscriptionOverviewUsage& usage);
};

} // namespace bd
