#pragma once

#include "domain/decimal.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace bd {

struct SubscriptionOverviewUsage;
struct TrusteeBillingOverview;

/// One earlier, complete period of a licence: its usage by the same day of its period as the open one has
/// reached, and what it ended with.
struct RampHistory
{
    Decimal atSameDay;
    Decimal final;
};

/// Where an open period of one licence is likely to end: a 10–90 % band around a likely value, or the reason
/// there is no number.
struct Projection
{
    enum class Status {
        Projected,
        TooLittleHistory, ///< fewer than Projections::MinimumHistory earlier periods to learn from
        NothingYet, ///< no usage so far to project from (for a partner period: no complete day yet)
    };
    /// How the band was made, named on screen.
    enum class Method {
        SeatRamp, ///< seats seen so far × how much earlier periods' ramps grew from the same day to their end
        SameDayGrowth, ///< metered usage so far × how much earlier periods grew from the same day to their
                       ///< end
        RunRate, ///< a period's metered usage so far ÷ the share of the period with data
        SeatFinals, ///< recent periods' final seats carried forward by their growth; seats so far a floor
        Level, ///< a level (storage) now, moved by earlier periods' change for the rest of the period
    };

    Status status = Status::TooLittleHistory;
    Method method = Method::SameDayGrowth;
    Decimal low;
    Decimal likely;
    Decimal high;
    int periodsUsed = 0; ///< earlier periods the band rests on

    bool isProjected() const { return status == Status::Projected; }
};

/// How far an open period has got: its days with complete data (through DataCutoff::lastCompleteDay) of all
/// its days.
struct PeriodProgress
{
    int daysWithData = 0;
    int days = 0;
};

/// How a usage line of a billing period grows through the period.
enum class LineKind {
    Seat, ///< named seats, devices, concurrent licences: the most seen in the period is billed
    Metered, ///< requests, messages, minutes: adds up over the days
    Level, ///< storage: a level that is measured, not added up
};

/// The projection of one usage line of an open billing period (index 0) to its end, with what it means for
/// the commitment and the estimated overage.
struct LineProjection
{
    /// Why a line is not projected at all, before any history is looked at.
    enum class Suppressed {
        No,
        Ramp, ///< the period is in a ramp: Cloud CX licences are not billed on usage then
        Allowance, ///< a fair-use allowance: it lowers another line's billable usage and is not billed
    };
    Suppressed suppressed = Suppressed::No;
    Projection projection; ///< TooLittleHistory while suppressed
    QString currency; ///< the period's currency: costs of different currencies are never added
    QDate periodEnd; ///< the period's last day
    std::optional<Decimal> commitment; ///< prepayQuantity, when there is one (above 0)
    Decimal allowance; ///< the fair-use allowance netted against the line (0 without one)
    std::optional<Decimal> exceedBy; ///< likely billable − commitment, when above 0
    Decimal overageCost; ///< max(likely − allowance − prepay, 0) × overagePrice (0 without a price)
    bool hasOveragePrice = false;
};

/// Projections of an open period to its end. Pure and explainable: each method is one sentence, and with too
/// little history there is no number. The bands aim to hold about 8 in 10 outcomes (a 10–90 band):
/// bench_projection backtests this on billing-sim's history.
namespace Projections {

inline constexpr int MinimumHistory = 3;
inline constexpr int MaximumHistory = 12; ///< the most recent periods a band rests on

/// Named seats: the seats seen so far times the growth earlier periods' ramps showed from the same day to
/// their end (their final ÷ their seats by that day): likely at the median growth, the band between the
/// order statistics that hold the next period 8 times in 10 ((j − i) ÷ (n + 1) of n earlier periods; with
/// fewer than 9 that is out of reach and the band is their whole range, which holds (n − 1) ÷ (n + 1)),
/// rounded outwards to whole seats. Earlier periods with
/// no seat by that day are not counted.
Projection seats(Decimal toDate, const QList<RampHistory>& history);

/// Metered usage (sessions, minutes, gigabytes): the same growth rule on earlier periods' figures for the
/// same days. It holds for usage that adds up over the days and for usage that is a level (storage) alike,
/// which a rule on elapsed time would not.
Projection metered(Decimal toDate, const QList<RampHistory>& history);

/// Partner billing periods: each line of the active period (index 0) from its usage so far, how far the
/// period has got and the same line's finals in the closed periods before it (newest first; the newest
/// Projections::MaximumHistory count). Period-over-period ratios of those finals give the spread.
///  - Metered: likely = so far ÷ the share of the period with data; the band is the 10th–90th percentile
///    spread of the ratios around their median, narrowed to the share of the period still to come, never
///    below so far.
///  - Seats: likely = the three newest finals, each carried forward by the median ratio, their median grown
///    one more period; the band is how far that rule missed (10th–90th percentile) on the earlier periods,
///    each predicted from the ones before it (with fewer than MinimumHistory of those: the ratios' spread
///    around their median); seats so far are a floor.
///  - Level (storage): the seats rule without the floor (stored data can be deleted).
/// Fewer than MinimumHistory finals: TooLittleHistory; metered with no complete day yet: NothingYet.
Projection line(Decimal soFar, PeriodProgress progress, LineKind kind, const QList<Decimal>& finals);

/// The kind of a line: seats by unit of measure "seat", storage (unit "gigabyte" or grouping "storage") a
/// level, anything else metered.
LineKind kindOf(const SubscriptionOverviewUsage& usage);

/// The days of the period [start, end] (UTC days; the end's day is its last) with complete data through
/// lastCompleteDay, from 0 to all of them.
PeriodProgress progress(const QDateTime& start, const QDateTime& end, QDate lastCompleteDay);

/// Every usage line of the active period `open` projected (in open.usages order), from the closed periods
/// before it (newest first; a line's history stops at the first period that lacks its grouping and part
/// number) and the data cut-off. While open.inRampPeriod is true every line is suppressed (Ramp).
QList<LineProjection> period(const TrusteeBillingOverview& open,
    const QList<const TrusteeBillingOverview*>& closed, QDate lastCompleteDay);

/// Why there is no number, in English for files ("too little history", "ramp period", …); for a projection,
/// its method ("metered run rate", "seats from recent finals", "storage level").
QString note(const LineProjection& line);

/// The estimated overage of projected lines, summed per currency (never across currencies).
QMap<QString, Decimal> overageByCurrency(const QList<LineProjection>& lines);

/// The q-quantile (0 ≤ q ≤ 1) of values, linearly interpolated; values need not be sorted. Zero for none.
Decimal quantile(QList<Decimal> values, double q);

} // namespace Projections

} // namespace bd
