// PeriodUsageModel, the active period projected: what each line's projection says, why a line has none, and
// what it means for the commitment.

#include "models/periodusagemodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace bd {

QString PeriodUsageModel::methodText(Projection::Method method)
{
    switch (method) {
    case Projection::Method::SeatRamp:
    case Projection::Method::SeatFinals:
        return tr(
            "Seats: the seats so far are a floor; likely is the three newest closed periods' final seats "
            "carried forward by their median period-over-period growth, and the band is how far that rule "
            "missed on earlier periods (10th–90th percentile).");
    case Projection::Method::Level:
        return tr(
            "Storage is a level, not a running total: likely is the three newest closed periods' finals "
            "carried forward by their median growth, and the band is how far that rule missed on earlier "
            "periods (10th–90th percentile).");
    case Projection::Method::SameDayGrowth:
    case Projection::Method::RunRate:
        break;
    }
    return tr(
        "Metered usage grows with time: likely is the usage so far ÷ the share of the period with "
        "complete data, and the band is the spread of earlier periods' period-over-period change "
        "(10th–90th percentile), narrowed to the part of the period still to come, never below so far.");
}

QString PeriodUsageModel::reasonText(int row) const
{
    const Row* r = rowAt(row);
    if (!r)
        return {};
    if (!r->projection)
        return tr("closed period");
    if (r->projection->suppressed == LineProjection::Suppressed::Ramp)
        return tr("ramp period");
    if (r->projection->suppressed == LineProjection::Suppressed::Allowance)
        return tr("allowance");
    switch (r->projection->projection.status) {
    case Projection::Status::Projected:
        return {};
    case Projection::Status::TooLittleHistory:
        return tr("too little history");
    case Projection::Status::NothingYet:
        return tr("no complete day yet");
    }
    return {};
}

namespace {

QString reasonTip(const LineProjection& line)
{
    switch (line.suppressed) {
    case LineProjection::Suppressed::Ramp:
        return PeriodUsageModel::tr(
            "Ramp period: Cloud CX licences are not billed on usage during a ramp, so nothing is projected.");
    case LineProjection::Suppressed::Allowance:
        return PeriodUsageModel::tr("A fair-use allowance is not billed: it lowers the line above.");
    case LineProjection::Suppressed::No:
        break;
    }
    switch (line.projection.status) {
    case Projection::Status::Projected:
        break;
    case Projection::Status::TooLittleHistory:
        return PeriodUsageModel::tr(
            "Too little history: a projection needs this line in at least %n closed period(s) before this "
            "one. Load earlier periods to project it.",
            nullptr, Projections::MinimumHistory);
    case Projection::Status::NothingYet:
        return PeriodUsageModel::tr("The period has no complete day of usage yet.");
    }
    return {};
}

} // namespace

QString PeriodUsageModel::outlookText(int row) const
{
    const LineProjection* line = projection(row);
    if (!line || !line->projection.isProjected() || !line->commitment)
        return {};
    if (!line->exceedBy)
        return tr("likely within the commitment");
    const SubscriptionOverviewUsage& u = m_overview.usages.at(m_rows.at(row).usageIndex);
    const bool seats = Projections::kindOf(u) == LineKind::Seat;
    const QString by = seats ? tr("%n seat(s)", nullptr, int(line->exceedBy->toDouble() + 0.5))
                             : u"%1 %2"_s.arg(line->exceedBy->toString(), u.unitOfMeasureType);
    if (!line->periodEnd.isValid())
        return tr("likely to exceed the commitment by %1").arg(by);
    return tr("likely to exceed the commitment by %1 on %2")
        .arg(by, QLocale().toString(line->periodEnd, u"d MMM yyyy"_s));
}

QString PeriodUsageModel::projectionTip(int row) const
{
    const Row* r = rowAt(row);
    if (!r)
        return {};
    if (!r->projection)
        return tr("Closed period: only the active period is projected; these figures are final.");
    const LineProjection& line = *r->projection;
    if (!line.projection.isProjected())
        return reasonTip(line);
    QStringList parts { tr("Where this line is likely to end the period, with a 10–90 % band (from %n "
                           "closed period(s)).",
                            nullptr, line.projection.periodsUsed),
        methodText(line.projection.method) };
    if (const QString outlook = outlookText(row); !outlook.isEmpty())
        parts << outlook[0].toUpper() + outlook.mid(1) + u'.';
    if (line.hasOveragePrice)
        parts << tr("Estimated overage: %1 %2 (max(likely − allowance − prepay, 0) × overage price; prices "
                    "exclude tax).")
                     .arg(line.currency, line.overageCost.toString(2));
    return parts.join(u"\n"_s);
}

} // namespace bd
