#pragma once

#include "domain/decimal.h"

#include <QList>

namespace bd {

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
        NothingYet, ///< no usage so far to project from
    };
    /// How the band was made, named on screen.
    enum class Method {
        SeatRamp, ///< seats seen so far × how much earlier periods' ramps grew from the same day to their end
        SameDayGrowth, ///< metered usage so far × how much earlier periods grew from the same day to their
                       ///< end
    };

    Status status = Status::TooLittleHistory;
    Method method = Method::SameDayGrowth;
    Decimal low;
    Decimal likely;
    Decimal high;
    int periodsUsed = 0; ///< earlier periods the band rests on

    bool isProjected() const { return status == Status::Projected; }
};

/// Projections of an open period to its end. Pure and explainable: each method is one sentence, and with too
/// little history there is no number. The bands aim at the 10th and 90th percentiles of what earlier periods
/// did, so about 8 in 10 outcomes should fall inside (bench_projection backtests this on billing-sim's
/// history).
namespace Projections {

inline constexpr int MinimumHistory = 3;
inline constexpr int MaximumHistory = 12; ///< the most recent periods a band rests on

/// Named seats: the seats seen so far times the growth earlier periods' ramps showed from the same day to
/// their end (their final ÷ their seats by that day), rounded outwards to whole seats. Earlier periods with
/// no seat by that day are not counted.
Projection seats(Decimal toDate, const QList<RampHistory>& history);

/// Metered usage (sessions, minutes, gigabytes): the same growth rule on earlier periods' figures for the
/// same days. It holds for usage that adds up over the days and for usage that is a level (storage) alike,
/// which a rule on elapsed time would not.
Projection metered(Decimal toDate, const QList<RampHistory>& history);

/// The q-quantile (0 ≤ q ≤ 1) of values, linearly interpolated; values need not be sorted. Zero for none.
Decimal quantile(QList<Decimal> values, double q);

} // namespace Projections

} // namespace bd
