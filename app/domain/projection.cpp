#include "domain/projection.h"

#include "domain/overviewestimate.h"
#include "domain/subscriptionoverviewusage.h"
#include "domain/trusteebillingoverview.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

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

/// `value` rounded to `decimals` places down (`up` false) or up: a band rounded outwards never narrows.
Decimal roundedOutwards(Decimal value, int decimals, bool up)
{
    const Decimal step = *Decimal::fromInt(1).dividedBy(Decimal::fromInt(qint64(std::pow(10, decimals))));
    const Decimal nearest = value.rounded(decimals);
    if (up)
        return nearest < value ? nearest + step : nearest;
    return nearest > value ? nearest - step : nearest;
}

/// Earlier periods' growth from the same day to their end, applied to toDate: likely at their median; the
/// band between the order statistics that hold the next period 8 times in 10 (of n earlier periods, a new
/// one falls between the i-th and j-th smallest with probability (j − i) ÷ (n + 1): i = ⌊0.1 (n + 1)⌋ and
/// j = ⌈0.9 (n + 1)⌉, within 1…n), rounded outwards; nullopt with too little history.
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
    std::sort(growth.begin(), growth.end());
    const qsizetype n = growth.size();
    const auto lowRank = std::clamp<qsizetype>(qsizetype(std::floor(LowQuantile * double(n + 1))), 1, n);
    const auto highRank = std::clamp<qsizetype>(qsizetype(std::ceil(HighQuantile * double(n + 1))), 1, n);
    p.low = roundedOutwards(toDate * growth.at(lowRank - 1), decimals, false);
    p.likely = Decimal::max(p.low, (toDate * Projections::quantile(growth, 0.5)).rounded(decimals));
    p.high = Decimal::max(p.likely, roundedOutwards(toDate * growth.at(highRank - 1), decimals, true));
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

namespace {

/// Fractional digits of a value's shortest text.
int placesOf(const Decimal& value)
{
    const QString text = value.toString();
    const qsizetype dot = text.indexOf(u'.');
    return dot < 0 ? 0 : int(text.size() - dot - 1);
}

/// Where the seats or level of the period after `finals` (newest first) likely end: the three newest finals,
/// each brought to the newest one by the median growth, their median grown one more period.
Decimal carriedForward(const QList<Decimal>& finals, const Decimal& median)
{
    QList<Decimal> carried;
    Decimal growth = Decimal::fromInt(1);
    for (qsizetype k = 0; k < std::min<qsizetype>(Projections::MinimumHistory, finals.size()); ++k) {
        carried << finals.at(k) * growth;
        growth = growth * median;
    }
    return Projections::quantile(carried, 0.5) * median;
}

/// low ≤ likely ≤ high, each at least `floor`.
void order(Projection& p, const Decimal& floor)
{
    p.low = Decimal::max(p.low, floor);
    p.likely = Decimal::max(p.likely, p.low);
    p.high = Decimal::max(p.high, p.likely);
}

} // namespace

Projection Projections::line(
    Decimal soFar, PeriodProgress progress, LineKind kind, const QList<Decimal>& finals)
{
    Projection p;
    p.method = kind == LineKind::Seat ? Projection::Method::SeatFinals
        : kind == LineKind::Level     ? Projection::Method::Level
                                      : Projection::Method::RunRate;
    const QList<Decimal> recent = finals.mid(0, MaximumHistory);
    p.periodsUsed = int(recent.size());
    QList<Decimal> ratios; // period over period: each final ÷ the one before it
    for (qsizetype i = 0; i + 1 < recent.size(); ++i) {
        if (const auto ratio = recent.at(i).dividedBy(recent.at(i + 1));
            ratio && !recent.at(i + 1).isNegative())
            ratios << *ratio;
    }
    if (recent.size() < MinimumHistory || ratios.size() < MinimumHistory - 1)
        return p; // TooLittleHistory
    if (kind == LineKind::Metered && (progress.daysWithData <= 0 || progress.days <= 0)) {
        p.status = Projection::Status::NothingYet;
        return p;
    }
    const Decimal low = quantile(ratios, LowQuantile);
    const Decimal median = quantile(ratios, 0.5);
    const Decimal high = quantile(ratios, HighQuantile);
    const int days = std::max(progress.days, 1);
    const int withData = std::clamp(progress.daysWithData, 0, days);
    // The share of the period still to come.
    const Decimal rest = *Decimal::fromInt(days - withData).dividedBy(Decimal::fromInt(days));
    const Decimal one = Decimal::fromInt(1);
    int decimals = placesOf(soFar);
    for (const Decimal& f : recent)
        decimals = std::max(decimals, placesOf(f));
    decimals = std::min(decimals, 2);

    switch (kind) {
    case LineKind::Metered: {
        const Decimal likely = *(soFar * Decimal::fromInt(days)).dividedBy(Decimal::fromInt(withData));
        p.likely = likely.rounded(decimals);
        p.low = (likely * (one + (low - median) * rest)).rounded(decimals);
        p.high = (likely * (one + (high - median) * rest)).rounded(decimals);
        order(p, soFar);
        break;
    }
    case LineKind::Seat:
    case LineKind::Level: {
        const int places = kind == LineKind::Seat ? 0 : decimals;
        const Decimal likely = carriedForward(recent, median);
        // The band: how far the same rule was off on the earlier periods, each predicted from the ones before
        // it; with too few of those, the spread of the ratios around their median.
        QList<Decimal> misses;
        for (qsizetype j = 0; j + MinimumHistory < recent.size(); ++j) {
            if (const auto miss = recent.at(j).dividedBy(carriedForward(recent.mid(j + 1), median)))
                misses << *miss;
        }
        const bool fromMisses = misses.size() >= MinimumHistory;
        const Decimal lowFactor
            = fromMisses ? quantile(misses, LowQuantile) : low.dividedBy(median).value_or(one);
        const Decimal highFactor
            = fromMisses ? quantile(misses, HighQuantile) : high.dividedBy(median).value_or(one);
        p.likely = likely.rounded(places);
        p.low = (likely * lowFactor).rounded(places);
        p.high = (likely * highFactor).rounded(places);
        // Seats seen are seats billed; stored data can be deleted, so a level has no such floor.
        order(p, kind == LineKind::Seat ? soFar : Decimal());
        break;
    }
    }
    p.status = Projection::Status::Projected;
    return p;
}

LineKind Projections::kindOf(const SubscriptionOverviewUsage& usage)
{
    if (usage.unitOfMeasureType.compare(u"seat", Qt::CaseInsensitive) == 0)
        return LineKind::Seat;
    if (usage.unitOfMeasureType.compare(u"gigabyte", Qt::CaseInsensitive) == 0
        || usage.grouping == u"storage")
        return LineKind::Level;
    return LineKind::Metered;
}

PeriodProgress Projections::progress(const QDateTime& start, const QDateTime& end, QDate lastCompleteDay)
{
    PeriodProgress progress;
    if (!start.isValid() || !end.isValid())
        return progress;
    const QDate first = start.toUTC().date();
    const QDate last = end.toUTC().date();
    progress.days = int(std::max<qint64>(0, first.daysTo(last) + 1));
    if (lastCompleteDay.isValid())
        progress.daysWithData = int(std::clamp<qint64>(first.daysTo(lastCompleteDay) + 1, 0, progress.days));
    return progress;
}

QList<LineProjection> Projections::period(const TrusteeBillingOverview& open,
    const QList<const TrusteeBillingOverview*>& closed, QDate lastCompleteDay)
{
    const PeriodProgress elapsed = progress(open.billingPeriodStartDate.value_or(QDateTime()),
        open.billingPeriodEndDate.value_or(QDateTime()), lastCompleteDay);
    QList<LineProjection> lines;
    lines.reserve(open.usages.size());
    for (const SubscriptionOverviewUsage& usage : open.usages) {
        LineProjection line;
        line.currency = open.currency;
        if (open.billingPeriodEndDate)
            line.periodEnd = open.billingPeriodEndDate->toUTC().date();
        if (OverviewEstimate::isFairUse(usage) || open.inRampPeriod.value_or(false)) {
            line.suppressed = OverviewEstimate::isFairUse(usage) ? LineProjection::Suppressed::Allowance
                                                                 : LineProjection::Suppressed::Ramp;
            lines << line;
            continue;
        }
        QList<Decimal> finals;
        for (const TrusteeBillingOverview* before : closed) {
            if (finals.size() >= MaximumHistory)
                break;
            const auto same = std::find_if(
                before->usages.cbegin(), before->usages.cend(), [&](const SubscriptionOverviewUsage& u) {
                    return u.grouping == usage.grouping && u.partNumber == usage.partNumber;
                });
            if (same == before->usages.cend())
                break; // the line did not exist then: its history ends here
            finals << same->usageQuantity;
        }
        line.projection = Projections::line(usage.usageQuantity, elapsed, kindOf(usage), finals);
        line.allowance = OverviewEstimate::allowanceFor(open, usage).value_or(Decimal());
        if (usage.prepayQuantity > Decimal())
            line.commitment = usage.prepayQuantity;
        line.hasOveragePrice = usage.overagePrice.has_value();
        if (line.projection.isProjected()) {
            const Decimal billable = OverviewEstimate::billable(line.projection.likely, line.allowance);
            const Decimal overage = OverviewEstimate::overage(billable, usage.prepayQuantity);
            if (line.commitment && !overage.isZero())
                line.exceedBy = overage;
            line.overageCost = usage.overagePrice ? overage * *usage.overagePrice : Decimal();
        }
        lines << line;
    }
    return lines;
}

QString Projections::note(const LineProjection& line)
{
    switch (line.suppressed) {
    case LineProjection::Suppressed::Ramp:
        return u"ramp period"_s;
    case LineProjection::Suppressed::Allowance:
        return u"fair-use allowance"_s;
    case LineProjection::Suppressed::No:
        break;
    }
    const Projection& projection = line.projection;
    switch (projection.status) {
    case Projection::Status::Projected:
        break;
    case Projection::Status::TooLittleHistory:
        return u"too little history"_s;
    case Projection::Status::NothingYet:
        return u"no complete day yet"_s;
    }
    switch (projection.method) {
    case Projection::Method::SeatRamp:
    case Projection::Method::SeatFinals:
        return u"seats from recent finals"_s;
    case Projection::Method::Level:
        return u"storage level"_s;
    case Projection::Method::SameDayGrowth:
    case Projection::Method::RunRate:
        break;
    }
    return u"metered run rate"_s;
}

QMap<QString, Decimal> Projections::overageByCurrency(const QList<LineProjection>& lines)
{
    QMap<QString, Decimal> totals;
    for (const LineProjection& line : lines) {
        if (line.projection.isProjected() && line.hasOveragePrice)
            totals[line.currency] += line.overageCost;
    }
    return totals;
}

} // namespace bd
