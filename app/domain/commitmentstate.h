#pragma once

#include "domain/decimal.h"

#include <QList>
#include <QString>

#include <optional>

namespace bd {

struct LineProjection;
struct TrusteeBillingOverview;
struct UsageEstimate;

/// Where a usage line, or a whole billing period, stands against its commitment. The values from Ok to
/// Exceeded are ordered by severity: a period takes the worst of its lines.
enum class CommitmentState {
    Ok, ///< under the threshold of its commitment, or nothing billable
    OnDemand, ///< billable usage with no commitment: paid at the on-demand price
    Warning, ///< at or above the threshold of its commitment
    ProjectedToExceed, ///< under its commitment so far, but projected to pass it before the period ends
    Exceeded, ///< above its commitment: overage
    Ramp, ///< a period in its ramp: Cloud CX licences are not billed on usage, so overage is not charged
};

/// How a line stands, with the figures behind it.
struct LineStanding
{
    CommitmentState state = CommitmentState::Ok;
    qsizetype line = -1; ///< its index in the period's usages
    std::optional<Decimal> usedPercent; ///< billable ÷ prepay × 100, when there is a commitment
    Decimal overage; ///< billable above the commitment
    Decimal overageCost; ///< its estimated cost (0 without an overage price, or when waived)
    bool overageUnpriced = false; ///< overage with no overage price: its cost is not known
    bool overageWaived = false; ///< a licence in a ramp period: its overage is not billed
    bool waivedUnpriced = false; ///< waived, and with no overage price to say what it would cost
    Decimal waivedOverageCost; ///< when waived, what the overage would cost outside the ramp
    std::optional<Decimal> projectedExceedBy; ///< ProjectedToExceed: by how much the likely value passes it
};

/// How a billing period stands: the worst state of its lines, the lines that make it so, and what it costs.
struct PeriodStanding
{
    CommitmentState state = CommitmentState::Ok;
    QList<LineStanding> drivers; ///< the lines in `state` (for Ramp: the lines that would be over)
    QList<CommitmentState> lines; ///< every line's own state, in the order of the period's usages
    Decimal total; ///< the period's estimated total (a lower bound when unpricedLines > 0)
    Decimal overageCost; ///< the estimated cost of every line's billed overage
    Decimal idlePrepayCost; ///< seat lines' unused commitment, max(prepay − usage, 0) × prepay price
    int unpricedLines = 0; ///< lines with a cost but no price: left out of total (a lower bound then)
    int unpricedOverageLines = 0; ///< of them, overage billed with no price: overageCost is a lower bound
    bool idleUnpriced
        = false; ///< an idle seat commitment with no prepay price: idlePrepayCost is a lower bound
};

/// The one rule for commitment states, shared by every page, export and check. Pure.
namespace Commitments {

inline constexpr int DefaultThresholdPercent = 90;

/// The rule itself: where `used` stands against `commitment` at `thresholdPercent` of it. Without a
/// commitment, any use is OnDemand (none is Ok). Under the commitment, a `likely` end-of-period value (a
/// projection) above it makes the line ProjectedToExceed. Used for partner lines and for the licences a
/// customer admin commits to alike.
CommitmentState state(Decimal used, std::optional<Decimal> commitment, int thresholdPercent,
    std::optional<Decimal> likely = {});

/// `used` as a percentage of `commitment` (none without a commitment above 0).
std::optional<Decimal> usedPercent(Decimal used, std::optional<Decimal> commitment);

/// The state of one line's estimate at `thresholdPercent` of its commitment (a fair-use allowance is Ok:
/// it is not billed).
CommitmentState lineState(const UsageEstimate& estimate, int thresholdPercent);

/// The standing of a period at `thresholdPercent`. With `projections` (one per usage line of an active
/// period, as Projections::period gives them), a line under its commitment whose likely value passes it is
/// ProjectedToExceed. A period in its ramp is Ramp whatever its lines say.
PeriodStanding period(const TrusteeBillingOverview& overview, int thresholdPercent,
    const QList<LineProjection>& projections = {});

/// A state's name for files and command lines: "ok", "on-demand", "warning", "projected", "exceeded",
/// "ramp".
QString key(CommitmentState state);
/// The state a key() names; nullopt for any other text.
std::optional<CommitmentState> fromKey(const QString& key);
/// A state's name on screen ("Exceeded", "On demand", …).
QString label(CommitmentState state);

} // namespace Commitments

} // namespace bd
