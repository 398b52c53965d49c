#include "ui/charts/usagechartbuilder.h"

#include "models/usageseriesmodel.h"
#include "ui/charts/chartstyle.h"

#include <QPen>
#include <QtCharts/QBarLegendMarker>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

using BucketState = UsageSeriesModel::BucketState;

PlottedSeries plotRows(const UsageSeriesModel& model, const QList<int>& rows, const QString& name, bool other)
{
    PlottedSeries plotted;
    plotted.name = name;
    plotted.other = other;
    for (int row : rows)
        plotted.licences << model.licence(row);
    const int bucketCount = int(model.buckets().size());
    for (int b = 0; b < bucketCount; ++b) {
        if (model.bucketState(b) != BucketState::Loaded || model.coverage(b) == Coverage::NotYet)
            continue;
        Decimal sum; // exact: "Other" must equal the sum of what it hides, to the last digit
        for (int row : rows)
            sum += model.value(row, b).value_or(Decimal());
        plotted.buckets << b;
        plotted.values << sum;
        if (model.coverage(b) == Coverage::Partial)
            plotted.partialBuckets << b;
    }
    return plotted;
}

// Hidden series stay in the legend so a second click can bring them back; the marker is dimmed instead.
void dimLegendMarker(QLegendMarker* marker)
{
    marker->setVisible(true);
    QColor label = marker->labelBrush().color();
    label.setAlphaF(0.4f);
    marker->setLabelBrush(label);
    QColor fill = marker->brush().color();
    fill.setAlphaF(0.25f);
    marker->setBrush(fill);
}

} // namespace

std::optional<Decimal> PlottedSeries::valueAt(int bucket) const
{
    const qsizetype i = buckets.indexOf(bucket);
    return i < 0 ? std::nullopt : std::optional<Decimal>(values.at(i));
}

BuiltChart UsageChartBuilder::build(const UsageSeriesModel& model, const UsageChartOptions& options)
{
    BuiltChart built;
    built.chart = new QChart;
    QChart* chart = built.chart;
    ChartStyle::applyCommon(chart, options.theme);

    const QList<DateBucket>& buckets = model.buckets();
    const Granularity granularity = model.granularity();
    const bool lines = options.mode == UsageChartOptions::Mode::Lines;
    chart->setTitle(title(granularity, model.dataThrough()));
    // Nothing to plot: no 0–1 axis and no rule over nothing; the view says why instead.
    built.emptyText = model.emptyText();
    if (buckets.isEmpty() || !built.emptyText.isEmpty())
        return built;

    // Billing cycles are named by the day they start on, like weeks.
    const bool cycles = granularity == Granularity::Month && model.cycleDay() != 1;
    built.bucketLabels = ChartStyle::bucketAxisLabels(buckets, cycles ? Granularity::Week : granularity);
    for (int b = 0; b < buckets.size(); ++b)
        built.bucketX << (lines ? qreal(buckets.at(b).start().toMSecsSinceEpoch()) : qreal(b));

    QList<int> shownRows;
    QList<int> otherRows;
    QList<int> meteredRows;
    selectRows(model, options, &shownRows, &otherRows, lines ? &meteredRows : nullptr);
    if (!lines && std::any_of(shownRows.cbegin(), shownRows.cend(), [&](int row) {
            return !model.isMetered(row);
        })) {
        // Gigabytes and sessions do not stack on seats, picked or not.
        shownRows.removeIf([&](int row) { return model.isMetered(row); });
    }
    for (int row = 0; row < model.licenceCount(); ++row) {
        if (model.isMetered(row) && !shownRows.contains(row) && !otherRows.contains(row)
            && !meteredRows.contains(row))
            built.leftOut << model.licence(row);
    }
    for (int row : std::as_const(shownRows))
        built.series << plotRows(model, { row }, model.licence(row), false);
    if (!otherRows.isEmpty())
        built.series << plotRows(model, otherRows, otherName(), true);
    for (int row : std::as_const(meteredRows)) {
        built.series << plotRows(model, { row }, model.licence(row), false);
        built.series.last().ownScale = true;
    }
    for (PlottedSeries& plotted : built.series) {
        plotted.visible = !options.hiddenLicences.contains(plotted.name);
        built.seriesNames << plotted.name;
    }
    for (int b = 0; b < buckets.size(); ++b) {
        if (model.bucketState(b) == BucketState::Failed)
            built.failedBuckets << b;
        else if (model.coverage(b) == Coverage::NotYet)
            built.notYetBuckets << b;
    }
    // Series drawn for a licence beside its own (the partial run): they follow its visibility and have no
    // legend entry of their own.
    QList<QAbstractSeries*> companions;

    // The y range covers what is visible, so hiding a large licence zooms in on the small ones.
    double maxValue = 0;
    double maxMetered = 0; // the right-hand axis of metered licences
    QList<QAbstractSeries*> allSeries;
    QList<QAbstractSeries*> onMeteredAxis;
    if (lines) {
        int colour = 0; // the licence's place among the plotted series: its companions take no colour
        for (PlottedSeries& plotted : built.series) {
            auto* series = new QLineSeries;
            series->setName(plotted.name);
            QPen pen(
                plotted.name == otherName() ? ChartStyle::otherColor() : ChartStyle::seriesColor(colour++));
            pen.setWidthF(2.0);
            series->setPen(pen);
            // Markers show which buckets really carry a value; past a couple of months of days they would
            // be a bead curtain, and the line's breaks show the gaps.
            series->setPointsVisible(buckets.size() <= MaxMarkedBuckets);
            QList<QPointF> partial; // the dashed run
            QList<QPointF> partialPoints; // its hollow markers
            QXYSeries* run = series; // the stretch being drawn
            int previous = -1; // the bucket of the last point drawn
            for (qsizetype i = 0; i < plotted.buckets.size(); ++i) {
                const int b = plotted.buckets.at(i);
                const QPointF point(built.bucketX.at(b), plotted.values.at(i).toDouble());
                const bool gap = previous >= 0 && b != previous + 1;
                if (plotted.partialBuckets.contains(b)) {
                    // The dashed run starts at the last complete point, so the line does not seem to end.
                    if (partial.isEmpty() && run->count() > 0 && !gap)
                        partial << run->at(run->count() - 1);
                    partial << point;
                    partialPoints << point;
                } else {
                    if (gap && run->count() > 0) {
                        auto* next = new QLineSeries;
                        next->setName(plotted.name);
                        next->setPen(pen);
                        next->setPointsVisible(buckets.size() <= MaxMarkedBuckets);
                        plotted.moreRuns << next;
                        run = next;
                    }
                    run->append(point);
                }
                previous = b;
                if (plotted.visible)
                    (plotted.ownScale ? maxMetered : maxValue)
                        = std::max(plotted.ownScale ? maxMetered : maxValue, point.y());
            }
            // A stretch of one bucket is only its marker: it is always drawn.
            if (series->count() == 1)
                series->setPointsVisible(true);
            for (QXYSeries* more : std::as_const(plotted.moreRuns)) {
                if (more->count() == 1)
                    more->setPointsVisible(true);
            }
            plotted.line = series;
            chart->addSeries(series);
            allSeries << series;
            if (const int row = plotted.other ? -1 : model.rowOfLicence(plotted.name);
                row >= 0 && model.committedColumn() >= 0) {
                // What the licence is committed to per cycle: a thin dash-dot rule in its colour.
                auto* committed = new QLineSeries;
                committed->setName(plotted.name);
                committed->setPen(QPen(pen.color(), 1.5, Qt::DashDotLine));
                for (int b = 0; b < buckets.size(); ++b) {
                    if (const auto q = model.commitmentOf(row, b))
                        committed->append(built.bucketX.at(b), q->toDouble());
                }
                if (committed->count() == 0) {
                    delete committed;
                } else {
                    plotted.commitmentLine = committed;
                    chart->addSeries(committed);
                    allSeries << committed;
                    companions << committed;
                    committed->setVisible(plotted.visible);
                    if (plotted.ownScale)
                        onMeteredAxis << committed;
                    for (const QPointF& point : committed->points()) {
                        if (plotted.visible)
                            (plotted.ownScale ? maxMetered : maxValue)
                                = std::max(plotted.ownScale ? maxMetered : maxValue, point.y());
                    }
                }
            }
            for (QXYSeries* more : std::as_const(plotted.moreRuns)) {
                chart->addSeries(more);
                allSeries << more;
                companions << more;
                more->setVisible(plotted.visible);
            }
            if (!partial.isEmpty()) {
                auto* run = new QLineSeries;
                run->setName(plotted.name);
                QPen dashed = pen;
                dashed.setStyle(Qt::DashLine);
                run->setPen(dashed);
                run->append(partial);
                auto* hollow = new QScatterSeries;
                hollow->setName(plotted.name);
                hollow->setMarkerSize(10);
                hollow->setBrush(Qt::NoBrush);
                hollow->setBorderColor(pen.color());
                hollow->setPen(QPen(pen.color(), 2.0));
                hollow->append(partialPoints);
                plotted.partialLine = run;
                plotted.partialPoints = hollow;
                QList<QAbstractSeries*> drawn { run, hollow };
                const int row = plotted.other ? -1 : model.rowOfLicence(plotted.name);
                if (const auto p = model.projection(row); p && p->isProjected()) {
                    const qreal x = built.bucketX.at(plotted.partialBuckets.last());
                    auto* band = new QLineSeries;
                    band->setName(plotted.name);
                    QColor faint = pen.color();
                    faint.setAlphaF(0.55f);
                    band->setPen(QPen(faint, 4.0, Qt::DotLine, Qt::FlatCap));
                    band->append(x, p->low.toDouble());
                    band->append(x, p->high.toDouble());
                    auto* likely = new QScatterSeries;
                    likely->setName(plotted.name);
                    likely->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
                    likely->setMarkerSize(7);
                    likely->setColor(pen.color());
                    likely->setBorderColor(pen.color());
                    likely->append(x, p->likely.toDouble());
                    plotted.projectionBand = band;
                    plotted.projectionLikely = likely;
                    drawn << band << likely;
                    if (plotted.visible)
                        (plotted.ownScale ? maxMetered : maxValue)
                            = std::max(plotted.ownScale ? maxMetered : maxValue, p->high.toDouble());
                }
                for (QAbstractSeries* companion : std::as_const(drawn)) {
                    chart->addSeries(companion);
                    allSeries << companion;
                    companions << companion;
                    companion->setVisible(plotted.visible);
                }
                if (plotted.ownScale)
                    onMeteredAxis << drawn;
            }
            if (plotted.ownScale) {
                onMeteredAxis << series;
                for (QXYSeries* more : std::as_const(plotted.moreRuns))
                    onMeteredAxis << more;
            }
        }
    } else {
        auto* bars = new QStackedBarSeries;
        QList<double> stacked(buckets.size(), 0.0);
        QList<QBarSet*> partialSets;
        for (PlottedSeries& plotted : built.series) {
            auto* set = new QBarSet(plotted.name);
            set->setColor(plotted.name == otherName() ? ChartStyle::otherColor()
                                                      : ChartStyle::seriesColor(int(bars->count())));
            set->setBorderColor(set->color().darker(115));
            QList<qreal> values(buckets.size(), 0.0);
            QList<qreal> partialValues(buckets.size(), 0.0);
            if (plotted.visible) {
                for (qsizetype i = 0; i < plotted.buckets.size(); ++i) {
                    const int b = plotted.buckets.at(i);
                    (plotted.partialBuckets.contains(b) ? partialValues : values)[b]
                        = plotted.values.at(i).toDouble();
                    stacked[b] += plotted.values.at(i).toDouble();
                }
            }
            set->append(values);
            plotted.barSet = set;
            bars->append(set);
            if (!plotted.partialBuckets.isEmpty()) {
                auto* hatched = new QBarSet(plotted.name);
                hatched->setBrush(QBrush(set->color(), Qt::BDiagPattern));
                hatched->setBorderColor(set->color());
                hatched->append(partialValues);
                plotted.partialBarSet = hatched;
                partialSets << hatched;
            }
        }
        // The hatched sets stack on top, in the same order as the solid ones, at the partial buckets only.
        for (QBarSet* hatched : std::as_const(partialSets))
            bars->append(hatched);
        for (double total : std::as_const(stacked))
            maxValue = std::max(maxValue, total);
        chart->addSeries(bars);
        allSeries << bars;
    }

    if (!built.failedBuckets.isEmpty()) {
        auto* failed = new QScatterSeries;
        failed->setName(failedName());
        failed->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        failed->setMarkerSize(14);
        failed->setColor(ChartStyle::failedColor());
        failed->setBorderColor(ChartStyle::failedColor().darker(130));
        // Sitting on the x axis, under the bucket that is missing.
        for (int b : std::as_const(built.failedBuckets))
            failed->append(built.bucketX.at(b), 0);
        built.failedMarker = failed;
        chart->addSeries(failed);
        allSeries << failed;
    }

    const QDate dataThrough = model.dataThrough();
    if (lines && dataThrough.isValid() && buckets.last().last > dataThrough) {
        // The rule stands where the cut-off day ends.
        const qreal x = qreal(DateBucket { dataThrough, dataThrough }.end().toMSecsSinceEpoch());
        auto* rule = new QLineSeries;
        rule->setName(cutoffName(dataThrough));
        QPen pen(ChartStyle::otherColor(), 1.5, Qt::DashDotLine);
        rule->setPen(pen);
        rule->append(x, 0);
        rule->append(x, 1); // stretched to the y axis' top once the axis is known
        built.cutoffLine = rule;
        chart->addSeries(rule);
        allSeries << rule;
    }

    // Half a bucket of room on each side keeps the first and last markers off the plot edge. Bars stand at
    // their bucket's number, so the same positioned axis thins their labels too (a bar category axis labels
    // every bar, and cuts each label to the bar's width).
    const qreal before = lines ? buckets.first().start().msecsTo(buckets.first().end()) / 2.0 : 0.5;
    const qreal after = lines ? buckets.last().start().msecsTo(buckets.last().end()) / 2.0 : 0.5;
    QCategoryAxis* xAxis = ChartStyle::positionedAxis(
        built.bucketX, built.bucketLabels, built.bucketX.first() - before, built.bucketX.last() + after);
    QValueAxis* yAxis = ChartStyle::usageAxis(maxValue, tr("Usage"));
    if (built.cutoffLine)
        built.cutoffLine->replace(1, built.cutoffLine->at(1).x(), yAxis->max());
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    if (!onMeteredAxis.isEmpty()) {
        built.meteredAxis = ChartStyle::usageAxis(maxMetered, tr("Metered"));
        chart->addAxis(built.meteredAxis, Qt::AlignRight);
    }
    for (QAbstractSeries* series : std::as_const(allSeries)) {
        series->attachAxis(xAxis);
        series->attachAxis(onMeteredAxis.contains(series) ? built.meteredAxis : yAxis);
    }
    if (!built.leftOut.isEmpty())
        chart->setTitle(
            tr("%1 · %n metered licence(s) not drawn: see the table", nullptr, int(built.leftOut.size()))
                .arg(chart->title()));
    if (std::any_of(built.series.cbegin(), built.series.cend(),
            [](const PlottedSeries& p) { return p.commitmentLine != nullptr; }))
        chart->setTitle(tr("%1 · dash-dot: commitment per cycle").arg(chart->title()));

    // Hidden series: lines are switched off, bar sets were filled with zeros above; both keep a dimmed legend
    // entry.
    for (QAbstractSeries* companion : std::as_const(companions)) {
        for (QLegendMarker* marker : chart->legend()->markers(companion))
            marker->setVisible(false);
    }
    for (QLegendMarker* marker : chart->legend()->markers()) {
        if (companions.contains(marker->series()))
            continue;
        if (auto* barMarker = qobject_cast<QBarLegendMarker*>(marker); barMarker
            && std::any_of(built.series.cbegin(), built.series.cend(),
                [barMarker](const PlottedSeries& p) { return p.partialBarSet == barMarker->barset(); })) {
            marker->setVisible(false);
            continue;
        }
        if (!options.hiddenLicences.contains(marker->label()))
            continue;
        if (marker->series() && marker->series()->type() != QAbstractSeries::SeriesTypeStackedBar)
            marker->series()->setVisible(false);
        dimLegendMarker(marker);
    }
    return built;
}

} // namespace bd
