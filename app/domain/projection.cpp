#include "domain/projection.h"

#include <algorithm>
#include <cmath>

namespace bd {

namespace {

constexpr double LowQuantile = 0.1;
constexpr double HighQuantile = 0.9;

/// q as an exact decimal with three places (0.1, 0.5, 0.9 and the interpolation weights are exact).
Decimal fraction(double q)
{
    return *Decimal::fromInt(qint64(std::llround(q * 1000))).dividedBy(Decimal::fromInt(1000));
}

} // namespace

Decimal Projections::quantile(QList<Decimal> values, double q)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const double position = std::clamp(q, 0.0, 1.0) * double(values.size() - 1);
    const auto below = qsizetype(std::floor(position));
    const qsizetype above = std::min(below + 1, values.size() - 1);
    const Decimal weight = fraction(position - double(below));
    return values.at(below) + (values.at(above) - values.at(below)) * weight;
}

namespace {

/// The 10th, 50th and 90th percentile of earlier periods' growth from the same day to their end, applied to
/// toDate; nullopt with too little history.
Projection grown(Decimal toDate, const QList<RampHistory>& history, Projection::Method method, int decimals)
{
    Projection p;
    p.method = method;
    if (toDate.isZero() || toDate.isNegative()) {
        p.status = Projection::Status::NothingYet;
        return p;
    }
    QList<Decimal> growth;
    const qsizetype from = std::max<qsizetype>(0, history.size() - Projections::MaximumHistory);
    for (qsizetype i = from; i < history.size(); ++i) {
        const RampHistory& h = history.at(i);
        if (h.atSameDay.isZero() || h.atSameDay.isNegative() || h.final.isNegative())
            continue;
        growth << *h.final.dividedBy(h.atSameDay);
    }
    p.periodsUsed = int(growth.size());
    if (growth.size() < Projections::MinimumHistory)
        return p; // TooLittleHistory
    const auto at = [&](double q) { return (toDate * Projections::quantile(growth, q)).rounded(decimals); };
    p.low = at(LowQuantile);
    p.likely = Decimal::max(p.low, at(0.5));
    p.high = Decimal::max(p.likely, at(HighQuantile));
    p.status = Projection::Status::Projected;
    return p;
}

} // namespace

Projection Projections::seats(Decimal toDate, const QList<RampHistory>& history)
{
    Projection p = grown(toDate, history, Projection::Method::SeatRamp, 0);
    if (p.isProjected()) { // seats seen are seats billed: the band never goes below them
        p.low = Decimal::max(p.low, toDate);
        p.likely = Decimal::max(p.likely, p.low);
        p.high = Decimal::max(p.high, p.likely);
    }
    return p;
}

Projection Projections::metered(Decimal toDate, const QList<RampHistory>& history)
{
    return grown(toDate, history, Projection::Method::SameDayGrowth, 2);
}

} // namespace bd
