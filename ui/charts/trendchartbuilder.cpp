#include "ui/charts/trendchartbuilder.h"

#include "domain/datacutoff.h"
#include "domain/overviewestimate.h"
#include "models/periodlistmodel.h"
#include "models/usageseriesmodel.h"
#include "ui/charts/chartstyle.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QPen>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct TrendChartBuilderText
{
    Q_DECLARE_TR_FUNCTIONS(bd::TrendChartBuilder)
};

// The line through the closed periods; the partial period is left to addPartial().
QLineSeries* addLine(QChart* chart, TrendSeries* series, const QList<qreal>& x)
{
    auto* line = new QLineSeries;
    line->setName(series->name);
    line->setPointsVisible(true);
    for (qsizetype i = 0; i < series->values.size(); ++i) {
        if (i != series->partialAt)
            line->append(x.at(i), series->values.at(i).toDouble());
    }
    chart->addSeries(line);
    series->line = line;
    return line;
}

// The partial period in the line's colour: a dashed run from the last closed point (a line drawn dashed
// already keeps its style) and a hollow marker. Added after every line, so that the lines keep the theme's
// colours, and hidden from the legend.
void addPartial(
    QChart* chart, TrendSeries* series, const QList<qreal>& x, QAbstractAxis* xAxis, QAbstractAxis* yAxis)
{
    if (series->partialAt < 0)
        return;
    const QPointF point(x.at(series->partialAt), series->values.at(series->partialAt).toDouble());
    QPen pen = series->line->pen();
    auto* run = new QLineSeries;
    run->setName(series->name);
    if (series->line->count() > 0)
        run->append(series->line->at(series->line->count() - 1));
    run->append(point);
    auto* hollow = new QScatterSeries;
    hollow->setName(series->name);
    hollow->append(point);
    for (QXYSeries* companion : { static_cast<QXYSeries*>(run), static_cast<QXYSeries*>(hollow) }) {
        chart->addSeries(companion);
        companion->attachAxis(xAxis);
        companion->attachAxis(yAxis);
        for (QLegendMarker* marker : chart->legend()->markers(companion))
            marker->setVisible(false);
    }
    // Styled once in the chart: adding a series applies the theme's colours to it.
    QPen dashed = pen;
    if (dashed.style() == Qt::SolidLine)
        dashed.setStyle(Qt::DashLine);
    run->setPen(dashed);
    hollow->setMarkerSize(10);
    hollow->setBrush(Qt::NoBrush);
    hollow->setBorderColor(pen.color());
    hollow->setPen(QPen(pen.color(), 2.0));
    series->partialLine = run;
    series->partialPoint = hollow;
}

// The open period's usage band, low to high, dotted in the usage line's colour, with its likely value.
void addProjection(QChart* chart, BuiltTrend* built, QAbstractAxis* xAxis, QAbstractAxis* yAxis)
{
    const Projection& p = built->projection->projection;
    const qreal x = built->periodX.at(built->partialPoint);
    auto* band = new QLineSeries;
    band->setName(TrendChartBuilderText::tr("Projected"));
    band->append(x, p.low.toDouble());
    band->append(x, p.high.toDouble());
    auto* likely = new QScatterSeries;
    likely->setName(band->name());
    likely->append(x, p.likely.toDouble());
    for (QXYSeries* s : { static_cast<QXYSeries*>(band), static_cast<QXYSeries*>(likely) }) {
        chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
        for (QLegendMarker* marker : chart->legend()->markers(s))
            marker->setVisible(false);
    }
    const QColor colour = built->usage.line->pen().color();
    band->setPen(QPen(colour, 6.0, Qt::DotLine, Qt::FlatCap));
    likely->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    likely->setMarkerSize(9);
    likely->setColor(colour);
    likely->setBorderColor(colour);
    built->projectionBand = band;
    built->projectionLikely = likely;
}

// What the title says of the open period's projection.
QString projectionTitle(const LineProjection& line)
{
    if (line.suppressed == LineProjection::Suppressed::Ramp)
        return TrendChartBuilderText::tr("not projected during a ramp");
    const Projection& p = line.projection;
    switch (p.status) {
    case Projection::Status::Projected:
        return TrendChartBuilderText::tr("dotted: likely to end at %1 (%2 – %3)")
            .arg(p.likely.toString(), p.low.toString(), p.high.toString());
    case Projection::Status::TooLittleHistory:
        return TrendChartBuilderText::tr("not projected: too little history (load more periods)");
    case Projection::Status::NothingYet:
        return TrendChartBuilderText::tr("not projected: no complete day yet");
    }
    return {};
}

double maxOf(const TrendSeries& series)
{
    double m = 0;
    for (const Decimal& d : series.values)
        m = std::max(m, d.toDouble());
    return m;
}

} // namespace

QString TrendChartBuilder::title(const QString& partNumber, const QString& chargeName)
{
    return chargeName.isEmpty() ? partNumber : u"%1 · %2"_s.arg(chargeName, partNumber);
}

QString TrendChartBuilder::partialNote(BillingPeriodState state, QDate today)
{
    if (state == BillingPeriodState::EndedNotClosed)
        return TrendChartBuilderText::tr("Period ended, Genesys has not closed it yet");
    return TrendChartBuilderText::tr("period to date, through %1")
        .arg(UsageSeriesModel::dayText(DataCutoff::lastCompleteDay(today)));
}

BuiltTrend TrendChartBuilder::build(
    const PeriodListModel& periods, const QString& partNumber, QChart::ChartTheme theme)
{
    BuiltTrend built;
    built.partNumber = partNumber;
    built.chart = new QChart;
    QChart* chart = built.chart;
    ChartStyle::applyCommon(chart, theme);

    built.usage.name = TrendChartBuilderText::tr("Usage");
    built.prepay.name = TrendChartBuilderText::tr("Prepay");
    built.allowance.name = TrendChartBuilderText::tr("Fair-use allowance");
    QString chargeName;
    bool anyAllowance = false;
    QMap<QString, QList<std::optional<Decimal>>> costByCurrency;

    // Oldest first: the model lists newest first.
    for (int row = periods.periodCount() - 1; row >= 0; --row) {
        const PeriodListModel::Period* p = periods.period(row);
        if (!p->overview.billingPeriodStartDate)
            continue; // a period without dates cannot be placed on a date axis
        const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(p->overview);
        Decimal usage;
        Decimal prepay;
        Decimal allowance;
        Decimal cost;
        bool costKnown = true;
        bool present = false;
        for (qsizetype i = 0; i < estimates.size(); ++i) {
            const SubscriptionOverviewUsage& u = p->overview.usages.at(i);
            if (u.partNumber != partNumber)
                continue;
            present = true;
            if (chargeName.isEmpty())
                chargeName = u.name;
            if (estimates.at(i).isAllowance) {
                allowance += u.usageQuantity;
                anyAllowance = true;
                continue;
            }
            usage += u.usageQuantity;
            prepay += u.prepayQuantity;
            cost += estimates.at(i).overageCost;
            costKnown = costKnown && !estimates.at(i).overageUnpriced;
        }
        if (!present)
            continue; // the charge did not exist then: no point rather than a false zero
        const int plotted = int(built.periodRows.size());
        built.periodRows << row;
        const QDateTime start = *p->overview.billingPeriodStartDate;
        built.periodX << qreal(start.toMSecsSinceEpoch());
        // "2 Dec" over "2025": the axis breaks labels at spaces, so day and month are joined by a no-break
        // space.
        built.periodLabels << QLocale().toString(start.date(), u"d MMM"_s).replace(u' ', QChar(0x00a0)) + u' '
                + QString::number(start.date().year());
        built.usage.values << usage;
        built.prepay.values << prepay;
        built.allowance.values << allowance;
        QList<std::optional<Decimal>>& costs = costByCurrency[p->overview.currency];
        costs.resize(plotted + 1);
        if (costKnown) // an overage with no price leaves a gap, not a zero
            costs[plotted] = cost;
    }
    chart->setTitle(title(partNumber, chargeName));
    built.emptyText = periods.trendEmptyText(partNumber);
    if (built.periodRows.isEmpty())
        return built;
    if (built.periodRows.last() == 0)
        built.projection = periods.openProjection(partNumber);
    // Only the newest period can be open; it is drawn apart on every line.
    if (const BillingPeriodState state = periods.state(built.periodRows.last());
        state != BillingPeriodState::Closed) {
        built.partialPoint = int(built.periodRows.size()) - 1;
        built.partialRow = built.periodRows.last();
        built.partialState = state;
        built.partialNote = partialNote(state, periods.today());
        for (TrendSeries* series : { &built.usage, &built.prepay, &built.allowance })
            series->partialAt = built.partialPoint;
    }

    QList<QLineSeries*> left;
    left << addLine(chart, &built.usage, built.periodX);
    QLineSeries* prepayLine = addLine(chart, &built.prepay, built.periodX);
    QPen dashed = prepayLine->pen();
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(2);
    prepayLine->setPen(dashed);
    left << prepayLine;
    double leftMax = std::max(maxOf(built.usage), maxOf(built.prepay));
    const bool projected
        = built.partialPoint >= 0 && built.projection && built.projection->projection.isProjected();
    if (projected)
        leftMax = std::max(leftMax, built.projection->projection.high.toDouble());
    if (anyAllowance) {
        QLineSeries* line = addLine(chart, &built.allowance, built.periodX);
        QPen dotted = line->pen();
        dotted.setStyle(Qt::DotLine);
        line->setPen(dotted);
        left << line;
        leftMax = std::max(leftMax, maxOf(built.allowance));
    } else {
        built.allowance.values.clear();
        built.allowance.partialAt = -1;
    }

    QList<QLineSeries*> right;
    QList<QList<qreal>> costX; // x of each overage cost series' points
    double rightMax = 0;
    for (auto it = costByCurrency.cbegin(); it != costByCurrency.cend(); ++it) {
        TrendSeries cost;
        cost.name = TrendChartBuilderText::tr("Est. overage cost (%1)").arg(it.key());
        QList<qreal> xs;
        for (qsizetype i = 0; i < it.value().size(); ++i) {
            if (it.value().at(i)) {
                if (i == built.partialPoint)
                    cost.partialAt = int(cost.values.size());
                cost.values << *it.value().at(i);
                xs << built.periodX.at(i);
            }
        }
        costX << xs;
        QLineSeries* line = addLine(chart, &cost, xs);
        right << line;
        rightMax = std::max(rightMax, maxOf(cost));
        built.overageCost << cost;
    }

    const qreal pad = built.periodX.size() > 1
        ? (built.periodX.last() - built.periodX.first()) / (2.0 * (built.periodX.size() - 1))
        : 15.0 * 86'400'000.0;
    QCategoryAxis* xAxis = ChartStyle::positionedAxis(
        built.periodX, built.periodLabels, built.periodX.first() - pad, built.periodX.last() + pad, 13);
    xAxis->setTitleText(TrendChartBuilderText::tr("Billing period (start)"));
    QValueAxis* yAxis = ChartStyle::usageAxis(leftMax, TrendChartBuilderText::tr("Quantity"));
    QValueAxis* costAxis = ChartStyle::usageAxis(rightMax, TrendChartBuilderText::tr("Estimated cost"));
    costAxis->setLabelFormat(u"%.2f"_s);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(costAxis, Qt::AlignRight);
    for (QLineSeries* s : std::as_const(left)) {
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
    for (QLineSeries* s : std::as_const(right)) {
        s->attachAxis(xAxis);
        s->attachAxis(costAxis);
    }
    for (TrendSeries* series : { &built.usage, &built.prepay, &built.allowance }) {
        if (series->line)
            addPartial(chart, series, built.periodX, xAxis, yAxis);
    }
    for (qsizetype i = 0; i < built.overageCost.size(); ++i)
        addPartial(chart, &built.overageCost[i], costX.at(i), xAxis, costAxis);
    if (projected)
        addProjection(chart, &built, xAxis, yAxis);
    if (built.partialPoint >= 0 && built.projection)
        chart->setTitle(chart->title() + u" · "_s + projectionTitle(*built.projection));
    return built;
}

} // namespace bd
