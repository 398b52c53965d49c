// Usage and ramp charts over a hand-filled UsageSeriesModel: series, points and values, not pixels.
#include "domain/datebuckets.h"
#include "domain/utc.h"
#include "i18n/translations.h"
#include "models/usageseriesmodel.h"
#include "ui/charts/chartexporter.h"
#include "ui/charts/chartstyle.h"
#include "ui/charts/rampchartbuilder.h"
#include "ui/charts/rampchartview.h"
#include "ui/charts/usagechartbuilder.h"
#include "ui/charts/usagechartview.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

Decimal dec(const char* text)
{
    return *Decimal::fromString(QString::fromLatin1(text));
}

BillingUsageReport report(const QList<std::pair<QString, Decimal>>& totals)
{
    BillingUsageReport r;
    for (const auto& [name, total] : totals)
        r.usages << BillingUsage { name, total, {} };
    return r;
}

// 12 months of 2025.
QList<DateBucket> months()
{
    return DateBuckets::tile(QDate(2025, 1, 1), QDate(2025, 12, 31), Granularity::Month);
}

// Six licences whose peaks rank A > B > C > D > E > F; value in bucket b = base + b/10 (fractional on
// purpose).
void fillSix(UsageSeriesModel* model, const QList<int>& loaded)
{
    model->setBuckets(months(), Granularity::Month);
    const QStringList names { u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s, u"F"_s };
    for (int b : loaded) {
        QList<std::pair<QString, Decimal>> totals;
        for (int i = 0; i < names.size(); ++i)
            totals.append(
                { names.at(i), Decimal::fromInt(600 - 100 * i) + dec("0.1") * Decimal::fromInt(b) });
        model->setReport(b, report(totals));
    }
}

QLineSeries* lineNamed(QChart* chart, const QString& name)
{
    const QList<QAbstractSeries*> all = chart->series();
    for (QAbstractSeries* s : all) {
        if (s->name() == name)
            return qobject_cast<QLineSeries*>(s);
    }
    return nullptr;
}

QStackedBarSeries* barsOf(QChart* chart)
{
    const QList<QAbstractSeries*> all = chart->series();
    for (QAbstractSeries* s : all) {
        if (auto* bars = qobject_cast<QStackedBarSeries*>(s))
            return bars;
    }
    return nullptr;
}

/// Moves the mouse over `inChart` (chart coordinates) of `view`, as a person pointing at it would.
void hoverAt(QChartView& view, const QPointF& inChart)
{
    QToolTip::hideText();
    const QPoint at = view.mapFromScene(view.chart()->mapToScene(inChart));
    QTest::mouseMove(view.viewport(), at + QPoint(0, 3)); // from just beside it, so the item sees an entry
    QTest::mouseMove(view.viewport(), at);
}

} // namespace

class TestUsageChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(QCoreApplication::instance()); }

    void lines_threeLicencesSomeLoaded_onePointPerLoadedBucket()
    {
        UsageSeriesModel model;
        model.setBuckets(months(), Granularity::Month);
        model.setReport(
            0, report({ { u"CX 1"_s, dec("10.5") }, { u"CX 2"_s, dec("3") }, { u"CX 3"_s, dec("0.125") } }));
        model.setReport(2, report({ { u"CX 1"_s, dec("12") }, { u"CX 2"_s, dec("4.25") } }));
        model.setReport(5, report({ { u"CX 1"_s, dec("7") }, { u"CX 3"_s, dec("1") } }));

        const BuiltChart built = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> owner(built.chart);
        QCOMPARE(built.seriesNames, (QStringList { u"CX 1"_s, u"CX 2"_s, u"CX 3"_s }));
        QCOMPARE(built.chart->series().size(), 3 * 3); // each licence in three runs
        QVERIFY(built.failedMarker == nullptr);
        for (int row = 0; row < model.licenceCount(); ++row) {
            QLineSeries* line = lineNamed(built.chart, model.licence(row));
            QVERIFY(line);
            QVERIFY(line->pointsVisible());
            // Buckets 1, 3 and 4 have no value yet: the line does not bridge them, it goes on in runs.
            const PlottedSeries& plotted = built.series.at(row);
            QCOMPARE(plotted.line, line);
            QList<QPointF> points = line->points();
            for (const QXYSeries* more : plotted.moreRuns) {
                QCOMPARE(more->count(), 1);
                points += more->points();
            }
            QCOMPARE(line->count(), 1);
            QCOMPARE(points.size(), 3);
            const QList<int> loaded { 0, 2, 5 };
            for (int i = 0; i < loaded.size(); ++i) {
                const int b = loaded.at(i);
                QCOMPARE(points.at(i).x(), qreal(model.buckets().at(b).start().toMSecsSinceEpoch()));
                QCOMPARE(points.at(i).y(), model.value(row, b)->toDouble());
                QCOMPARE(built.series.at(row).valueAt(b), model.value(row, b));
            }
        }
        // y from 0 with room for the largest value; x labels on the bucket starts.
        const auto yAxes = built.chart->axes(Qt::Vertical);
        QCOMPARE(yAxes.size(), 1);
        auto* y = qobject_cast<QValueAxis*>(yAxes.first());
        QVERIFY(y);
        QCOMPARE(y->min(), 0.0);
        QVERIFY(y->max() >= 12.0);
        const auto xAxes = built.chart->axes(Qt::Horizontal);
        QCOMPARE(xAxes.size(), 1);
        auto* x = qobject_cast<QCategoryAxis*>(xAxes.first());
        QVERIFY(x);
        QCOMPARE(x->count(), 12);
        QCOMPARE(x->endValue(x->categoriesLabels().at(2)),
            qreal(model.buckets().at(2).start().toMSecsSinceEpoch()));
    }

    void stackedBars_sixLicences_oneSetPerLicenceZeroWhereNotLoaded()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1, 3 });
        UsageChartOptions options;
        options.mode = UsageChartOptions::Mode::StackedBars;
        const BuiltChart built = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> owner(built.chart);
        QStackedBarSeries* bars = barsOf(built.chart);
        QVERIFY(bars);
        QCOMPARE(bars->count(), 6);
        const QList<QBarSet*> sets = bars->barSets();
        for (int row = 0; row < 6; ++row) {
            QCOMPARE(sets.at(row)->label(), model.licence(row));
            QCOMPARE(sets.at(row)->count(), 12);
            for (int b = 0; b < 12; ++b) {
                const auto v = model.value(row, b);
                QCOMPARE(sets.at(row)->at(b), v ? v->toDouble() : 0.0);
            }
        }
        // Each bar stands at its bucket's number, labelled there, with half a bar of room at each end.
        auto* x = qobject_cast<QCategoryAxis*>(built.chart->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->count(), 12);
        QCOMPARE(x->min(), -0.5);
        QCOMPARE(x->max(), 11.5);
        QCOMPARE(x->endValue(x->categoriesLabels().at(4)), 4.0);
        QVERIFY(bars->attachedAxes().contains(x));
    }

    // A year of weeks: at most 12 labels, evenly thinned, never cut short, in lines and bars alike, and
    // every label on its bucket's position.
    void weeklyYear_axisLabelsAreThinnedNotTruncated()
    {
        UsageSeriesModel model;
        const QList<DateBucket> weeks
            = DateBuckets::tile(QDate(2025, 12, 1), QDate(2026, 11, 29), Granularity::Week);
        QCOMPARE(weeks.size(), 52);
        model.setBuckets(weeks, Granularity::Week);
        for (int b = 0; b < weeks.size(); ++b)
            model.setReport(b, report({ { u"CX 3"_s, Decimal::fromInt(100 + b) } }));
        for (const auto mode : { UsageChartOptions::Mode::Lines, UsageChartOptions::Mode::StackedBars }) {
            UsageChartOptions options;
            options.mode = mode;
            const BuiltChart built = UsageChartBuilder::build(model, options);
            QChartView view(built.chart); // takes the chart
            view.resize(1024, 420);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            auto* x = qobject_cast<QCategoryAxis*>(built.chart->axes(Qt::Horizontal).value(0));
            QVERIFY(x);
            QVERIFY(!x->truncateLabels());
            QCOMPARE(x->count(), 11); // every fifth week of 52
            const QStringList labels = x->categoriesLabels();
            for (int i = 0; i < labels.size(); ++i) {
                QCOMPARE(labels.at(i), QString(built.bucketLabels.at(5 * i)).replace(u' ', u"<br>"_s));
                QCOMPARE(x->endValue(labels.at(i)), built.bucketX.at(5 * i));
            }
            // The widest label fits the room between two labels at 1024 px.
            const QFontMetrics metrics(x->labelsFont());
            int widest = 0;
            for (const QString& label : labels) {
                for (const QString& line : label.split(u"<br>"_s))
                    widest = std::max(widest, metrics.horizontalAdvance(line));
            }
            const qreal between = built.chart->plotArea().width() * 5 / (x->max() - x->min())
                * (built.bucketX.at(1) - built.bucketX.at(0));
            QVERIFY2(widest < between, qPrintable(u"%1 px labels, %2 px apart"_s.arg(widest).arg(between)));
        }
    }

    // A month to date is hatched, stacked on its own sets with no legend entry; the solid sets hold nothing
    // there. Lines draw it as a dashed run to a hollow marker, and the solid line stops at the last whole
    // month.
    void partialBucket_isDrawnApart_inBarsAndLines()
    {
        UsageSeriesModel model;
        model.setBuckets(DateBuckets::tile(QDate(2026, 9, 1), QDate(2026, 11, 19), Granularity::Month),
            Granularity::Month);
        model.setDataThrough(QDate(2026, 11, 19));
        for (int b = 0; b < 3; ++b)
            model.setReport(
                b, report({ { u"A"_s, Decimal::fromInt(10 + b) }, { u"B"_s, Decimal::fromInt(5) } }));
        QCOMPARE(model.coverage(2), Coverage::Partial);

        UsageChartOptions options;
        options.mode = UsageChartOptions::Mode::StackedBars;
        const BuiltChart bars = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> barsOwner(bars.chart);
        QStackedBarSeries* stacked = barsOf(bars.chart);
        QVERIFY(stacked);
        QCOMPARE(stacked->count(), 4); // A and B, then their hatched month to date
        for (const PlottedSeries& plotted : bars.series) {
            QVERIFY(plotted.partialBarSet);
            QCOMPARE(plotted.barSet->at(2), 0.0);
            QCOMPARE(plotted.partialBarSet->at(2), plotted.valueAt(2)->toDouble());
            QCOMPARE(plotted.partialBarSet->at(1), 0.0);
            QCOMPARE(plotted.partialBarSet->brush().style(), Qt::BDiagPattern);
            QVERIFY(!bars.chart->legend()
                         ->markers(stacked)
                         .at(int(stacked->barSets().indexOf(plotted.partialBarSet)))
                         ->isVisible());
        }
        QVERIFY(bars.chart->title().contains(u"data through"_s));

        const BuiltChart lines = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> linesOwner(lines.chart);
        for (const PlottedSeries& plotted : lines.series) {
            QCOMPARE(plotted.line->count(), 2);
            QVERIFY(plotted.partialLine);
            QCOMPARE(plotted.partialLine->count(), 2); // from the last whole month to the month to date
            QCOMPARE(plotted.partialLine->at(0), plotted.line->at(1));
            QCOMPARE(plotted.partialLine->pen().style(), Qt::DashLine);
            QCOMPARE(plotted.partialPoints->count(), 1);
            QCOMPARE(plotted.partialPoints->at(0).y(), plotted.valueAt(2)->toDouble());
            for (QAbstractSeries* companion : { static_cast<QAbstractSeries*>(plotted.partialLine),
                     static_cast<QAbstractSeries*>(plotted.partialPoints) })
                QVERIFY(!lines.chart->legend()->markers(companion).first()->isVisible());
        }
        QCOMPARE(lines.seriesNames, (QStringList { u"A"_s, u"B"_s }));
        // The companions take no colour of their own: each licence keeps the colour of its place.
        for (int i = 0; i < lines.series.size(); ++i) {
            QCOMPARE(lines.series.at(i).line->pen().color(), ChartStyle::seriesColor(i));
            QCOMPARE(lines.series.at(i).partialLine->pen().color(), ChartStyle::seriesColor(i));
        }
        // Peak and average leave the month to date out.
        QCOMPARE(*model.peak(model.rowOfLicence(u"A"_s)), Decimal::fromInt(11));
        QCOMPARE(*model.average(model.rowOfLicence(u"A"_s)), *Decimal::fromString(u"10.5"_s));
    }

    void topN_sixLicencesTopThree_otherIsExactSumOfRest_data()
    {
        QTest::addColumn<bool>("bars");
        QTest::newRow("lines") << false;
        QTest::newRow("bars") << true;
    }
    void topN_sixLicencesTopThree_otherIsExactSumOfRest()
    {
        QFETCH(bool, bars);
        UsageSeriesModel model;
        model.setBuckets(months(), Granularity::Month);
        // Rest: D, E, F with values whose double sum is inexact (0.1 + 0.2 ≠ 0.3 in binary).
        model.setReport(0,
            report({ { u"A"_s, dec("100") }, { u"B"_s, dec("90") }, { u"C"_s, dec("80") },
                { u"D"_s, dec("0.1") }, { u"E"_s, dec("0.2") }, { u"F"_s, dec("1.000000001") } }));
        model.setReport(1,
            report({ { u"A"_s, dec("100") }, { u"B"_s, dec("90") }, { u"C"_s, dec("80") },
                { u"D"_s, dec("5") }, { u"F"_s, dec("2.5") } }));
        UsageChartOptions options;
        options.topN = 3;
        options.mode = bars ? UsageChartOptions::Mode::StackedBars : UsageChartOptions::Mode::Lines;
        const BuiltChart built = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> owner(built.chart);
        QCOMPARE(built.seriesNames, (QStringList { u"A"_s, u"B"_s, u"C"_s, UsageChartBuilder::otherName() }));
        const PlottedSeries& other = built.series.last();
        QVERIFY(other.other);
        QCOMPARE(other.licences, (QStringList { u"D"_s, u"E"_s, u"F"_s }));
        QCOMPARE(other.valueAt(0), dec("1.300000001"));
        QCOMPARE(other.valueAt(0)->toString(), u"1.300000001"_s);
        QCOMPARE(other.valueAt(1), dec("7.5"));
        if (bars) {
            QStackedBarSeries* series = barsOf(built.chart);
            QCOMPARE(series->count(), 4);
            QCOMPARE(series->barSets().last()->label(), UsageChartBuilder::otherName());
            QCOMPARE(series->barSets().last()->at(0), dec("1.300000001").toDouble());
            QCOMPARE(series->barSets().last()->at(1), 7.5);
        } else {
            QLineSeries* line = lineNamed(built.chart, UsageChartBuilder::otherName());
            QVERIFY(line);
            QCOMPARE(line->count(), 2);
            QCOMPARE(line->at(0).y(), dec("1.300000001").toDouble());
            QCOMPARE(line->at(1).y(), 7.5);
        }

        options.showOther = false;
        const BuiltChart withoutOther = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> owner2(withoutOther.chart);
        QCOMPARE(withoutOther.seriesNames, (QStringList { u"A"_s, u"B"_s, u"C"_s }));
    }

    void failedBucket_marksThatBucketOnTheXAxis()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1, 2 });
        model.setBucketFailed(3, u"HTTP 500"_s);
        model.setBucketFailed(7, u"timeout"_s);
        for (const auto mode : { UsageChartOptions::Mode::Lines, UsageChartOptions::Mode::StackedBars }) {
            UsageChartOptions options;
            options.mode = mode;
            const BuiltChart built = UsageChartBuilder::build(model, options);
            std::unique_ptr<QChart> owner(built.chart);
            QCOMPARE(built.failedBuckets, (QList<int> { 3, 7 }));
            QVERIFY(built.failedMarker);
            QCOMPARE(built.failedMarker->name(), UsageChartBuilder::failedName());
            QVERIFY(built.chart->series().contains(built.failedMarker));
            QCOMPARE(built.failedMarker->count(), 2);
            QCOMPARE(built.failedMarker->at(0), QPointF(built.bucketX.at(3), 0));
            QCOMPARE(built.failedMarker->at(1), QPointF(built.bucketX.at(7), 0));
            QVERIFY(built.failedMarker->color().red() > 200);
            QVERIFY(!built.seriesNames.contains(UsageChartBuilder::failedName()));
        }
    }

    // Metered licences (gigabytes, sessions) get a scale of their own beside seats, never flatten them, and
    // are said to be left out of a stack.
    void meteredLicences_drawnOnTheirOwnScale()
    {
        UsageSeriesModel model;
        model.setBuckets(months(), Granularity::Month);
        for (int b = 0; b < 3; ++b) {
            BillingUsageReport r;
            BillingUsage seats { u"CX 3"_s, Decimal::fromInt(40 + b), {} };
            for (int i = 0; i < 40 + b; ++i)
                seats.resources << BillingUsageResource { u"u%1@example.com"_s.arg(i),
                    QDateTime(QDate(2025, 1 + b, 1), QTime(9, 0), UtcZone) };
            seats.resourceCount = seats.resources.size();
            r.usages << seats << BillingUsage { u"Storage GB"_s, dec("123456.5"), {} };
            model.setReport(b, r);
        }
        const int storage = model.rowOfLicence(u"Storage GB"_s);
        QVERIFY(model.isMetered(storage));
        QVERIFY(!model.isMetered(model.rowOfLicence(u"CX 3"_s)));

        const BuiltChart lines = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> linesOwner(lines.chart);
        QCOMPARE(lines.seriesNames, (QStringList { u"CX 3"_s, u"Storage GB"_s }));
        QVERIFY(lines.meteredAxis);
        const PlottedSeries& gb = lines.series.at(1);
        QVERIFY(gb.ownScale && !lines.series.at(0).ownScale);
        QVERIFY(gb.line->attachedAxes().contains(lines.meteredAxis));
        QVERIFY(lines.meteredAxis->max() >= 123456.5);
        QVERIFY(!lines.series.at(0).line->attachedAxes().contains(lines.meteredAxis));
        const auto* left = qobject_cast<QValueAxis*>(lines.series.at(0).line->attachedAxes().at(1));
        QVERIFY(left && left->max() < 100); // the seats are not flattened
        QVERIFY(lines.chart->title().indexOf(u"not drawn"_s) < 0);
        QVERIFY(lines.leftOut.isEmpty());

        UsageChartOptions stacked;
        stacked.mode = UsageChartOptions::Mode::StackedBars;
        const BuiltChart bars = UsageChartBuilder::build(model, stacked);
        std::unique_ptr<QChart> barsOwner(bars.chart);
        QCOMPARE(bars.seriesNames, QStringList { u"CX 3"_s });
        QCOMPARE(bars.leftOut, QStringList { u"Storage GB"_s });
        QVERIFY2(bars.chart->title().contains(u"1 metered licence not drawn: see the table"_s),
            qPrintable(bars.chart->title()));

        // Picked into a stack, a metered licence still stays out of it, and says so.
        stacked.pinnedLicences = { u"Storage GB"_s, u"CX 3"_s };
        const BuiltChart pickedBars = UsageChartBuilder::build(model, stacked);
        std::unique_ptr<QChart> pickedBarsOwner(pickedBars.chart);
        QCOMPARE(pickedBars.seriesNames, QStringList { u"CX 3"_s });
        QCOMPARE(pickedBars.leftOut, QStringList { u"Storage GB"_s });

        // With room for one series only, the metered licence is not drawn, and the title says so.
        UsageChartOptions topOne;
        topOne.topN = 1;
        topOne.showOther = false;
        const BuiltChart one = UsageChartBuilder::build(model, topOne);
        std::unique_ptr<QChart> oneOwner(one.chart);
        QCOMPARE(one.seriesNames, QStringList { u"CX 3"_s });
        QCOMPARE(one.leftOut, QStringList { u"Storage GB"_s });
        QVERIFY(one.chart->title().contains(u"1 metered licence not drawn"_s));

        // Picked together, each keeps its own scale.
        UsageChartOptions picked;
        picked.pinnedLicences = { u"Storage GB"_s, u"CX 3"_s };
        const BuiltChart both = UsageChartBuilder::build(model, picked);
        std::unique_ptr<QChart> bothOwner(both.chart);
        QCOMPARE(both.seriesNames, (QStringList { u"CX 3"_s, u"Storage GB"_s }));
        QVERIFY(both.meteredAxis && both.series.at(1).ownScale);
    }

    // Past a quarter of days the markers go (the line and its breaks remain); a lone bucket keeps its own.
    void dailyMarkers_areThinnedPastAQuarter()
    {
        UsageSeriesModel model;
        model.setBuckets(
            DateBuckets::tile(QDate(2025, 1, 1), QDate(2025, 3, 31), Granularity::Day), Granularity::Day);
        for (int b = 0; b < 90; ++b) {
            if (b != 88)
                model.setReport(b, report({ { u"CX 1"_s, Decimal::fromInt(10 + b % 3) } }));
        }
        const BuiltChart days = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> owner(days.chart);
        const PlottedSeries& cx = days.series.first();
        QCOMPARE(cx.line->count(), 88);
        QVERIFY(!cx.line->pointsVisible());
        QCOMPARE(cx.moreRuns.size(), 1);
        QVERIFY(cx.moreRuns.first()->pointsVisible()); // the 90th day alone, after the missing 89th

        fillSix(&model, { 0, 1, 2 });
        const BuiltChart months = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> monthsOwner(months.chart);
        QVERIFY(months.series.first().line->pointsVisible());
    }

    // A chart with nothing to plot has no 0–1 axis: it says why.
    void nothingToPlot_saysWhyInsteadOfAnEmptyAxis()
    {
        UsageSeriesModel model;
        model.setBuckets(months(), Granularity::Month);
        model.setDataThrough(QDate(2025, 12, 31));
        const BuiltChart loading = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> loadingOwner(loading.chart);
        QCOMPARE(loading.emptyText, u"Loading…"_s);
        QVERIFY(loading.chart->axes().isEmpty());
        // Nor a cut-off rule over nothing, though the range reaches past it.
        model.setDataThrough(QDate(2025, 6, 30));
        const BuiltChart past = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> pastOwner(past.chart);
        QVERIFY(past.chart->series().isEmpty());
        model.setDataThrough(QDate(2025, 12, 31));
        for (int b = 0; b < 12; ++b)
            model.setReport(b, BillingUsageReport {});
        const BuiltChart none = UsageChartBuilder::build(model, {});
        std::unique_ptr<QChart> noneOwner(none.chart);
        QCOMPARE(none.emptyText, u"No usage in this range."_s);
        model.setBucketState(11, BucketState::Cancelled);
        QCOMPARE(model.emptyText(), u"No usage in the 11 of 12 reports that loaded."_s);
        model.setReport(11, BillingUsageReport {});
        QVERIFY(none.chart->axes().isEmpty());

        UsageChartView view;
        view.setModel(&model);
        view.rebuildNow();
        auto* text = view.findChild<QLabel*>(u"chartEmptyText"_s);
        QVERIFY(text && !text->isHidden());
        QCOMPARE(text->text(), u"No usage in this range."_s);
        model.setReport(0, report({ { u"CX 1"_s, dec("3") } }));
        view.rebuildNow();
        QVERIFY(text->isHidden());
        QVERIFY(!view.chart()->axes().isEmpty());
    }

    // A line never bridges a bucket it has no value for: it stops at a failed bucket and goes on after it.
    void failedBucket_breaksTheLineInsteadOfBridgingIt()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1, 3, 4, 5 });
        model.setBucketFailed(2, u"HTTP 500"_s);
        UsageChartOptions options;
        options.mode = UsageChartOptions::Mode::Lines;
        const BuiltChart built = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> owner(built.chart);
        for (const PlottedSeries& series : built.series) {
            QCOMPARE(series.line->count(), 2); // buckets 0 and 1
            QCOMPARE(series.line->at(1).x(), built.bucketX.at(1));
            QCOMPARE(series.moreRuns.size(), 1);
            const QXYSeries* after = series.moreRuns.first();
            QCOMPARE(after->count(), 3); // buckets 3 to 5
            QCOMPARE(after->at(0).x(), built.bucketX.at(3));
            QCOMPARE(after->pen().color(), series.line->pen().color());
            // One legend entry per licence: the second stretch has none.
            for (const QLegendMarker* marker : built.chart->legend()->markers(const_cast<QXYSeries*>(after)))
                QVERIFY(!marker->isVisible());
        }
        // All loaded: one line each.
        fillSix(&model, { 0, 1, 2, 3, 4, 5 });
        const BuiltChart whole = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> wholeOwner(whole.chart);
        for (const PlottedSeries& series : whole.series) {
            QCOMPARE(series.line->count(), 6);
            QVERIFY(series.moreRuns.isEmpty());
        }
    }

    void pinnedLicences_showExactlyThoseInThatOrder()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1 });
        UsageChartOptions options;
        options.topN = 2; // ignored when pinned
        options.pinnedLicences = { u"F"_s, u"B"_s, u"E"_s, u"no such licence"_s };
        const BuiltChart built = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> owner(built.chart);
        QCOMPARE(built.seriesNames, (QStringList { u"F"_s, u"B"_s, u"E"_s }));
        QCOMPARE(built.chart->series().size(), 3);

        UsageChartView view;
        view.setModel(&model);
        view.setPinnedLicences({ u"C"_s });
        QCOMPARE(view.built().seriesNames, QStringList { u"C"_s });
    }

    void legendToggle_hiddenLicence_survivesRebuild()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1 });
        UsageChartView view;
        view.resize(800, 500);
        view.setModel(&model);
        QLineSeries* b = lineNamed(view.chart(), u"B"_s);
        QVERIFY(b && b->isVisible());
        const QList<QLegendMarker*> markers = view.chart()->legend()->markers(b);
        QCOMPARE(markers.size(), 1);
        QSignalSpy rebuilt(&view, &UsageChartView::rebuilt);
        Q_EMIT markers.first()->clicked();
        QTRY_COMPARE(rebuilt.size(), 1);
        QVERIFY(view.options().hiddenLicences.contains(u"B"_s));

        model.setReport(2, report({ { u"A"_s, dec("1") }, { u"B"_s, dec("2") } }));
        QTRY_COMPARE(rebuilt.size(), 2);
        b = lineNamed(view.chart(), u"B"_s);
        QVERIFY(b);
        QVERIFY(!b->isVisible());
        QCOMPARE(b->count(), 3);
        const QList<QLegendMarker*> after = view.chart()->legend()->markers(b);
        QCOMPARE(after.size(), 1);
        QVERIFY(after.first()->isVisible()); // still listed so it can be switched back on
        QVERIFY(lineNamed(view.chart(), u"A"_s)->isVisible());

        Q_EMIT after.first()->clicked();
        QTRY_VERIFY(lineNamed(view.chart(), u"B"_s) && lineNamed(view.chart(), u"B"_s)->isVisible());
    }

    void hiddenLicence_stackedBars_zeroValuesLegendKept()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0 });
        UsageChartOptions options;
        options.mode = UsageChartOptions::Mode::StackedBars;
        options.hiddenLicences = { u"A"_s };
        const BuiltChart built = UsageChartBuilder::build(model, options);
        std::unique_ptr<QChart> owner(built.chart);
        QBarSet* a = built.series.first().barSet;
        QCOMPARE(a->label(), u"A"_s);
        QCOMPARE(a->at(0), 0.0);
        QVERIFY(!built.series.first().visible);
        QCOMPARE(built.series.first().valueAt(0), model.value(0, 0)); // exact value kept for the tooltip
    }

    void palette_darkWindow_darkTheme()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0 });
        UsageChartView view;
        view.setModel(&model);
        QPalette light = view.palette();
        light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
        view.setPalette(light);
        QCOMPARE(view.chart()->theme(), QChart::ChartThemeLight);
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
        view.setPalette(dark);
        QCOMPARE(view.chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(view.built().seriesNames.size(), 6);
        view.setPalette(light);
        QCOMPARE(view.chart()->theme(), QChart::ChartThemeLight);

        RampChartView ramp;
        ramp.setPalette(dark);
        QCOMPARE(ramp.chart()->theme(), QChart::ChartThemeDark);
    }

    void streaming_reportOnAnotherBucket_coalescedRebuildAddsPoint()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1 });
        UsageChartView view;
        view.setModel(&model);
        QSignalSpy rebuilt(&view, &UsageChartView::rebuilt);
        QCOMPARE(lineNamed(view.chart(), u"A"_s)->count(), 2);

        // A burst of updates: nothing rebuilds synchronously, then one rebuild takes them all.
        for (int b = 2; b < 12; ++b)
            model.setReport(b, report({ { u"A"_s, Decimal::fromInt(b) } }));
        QCOMPARE(rebuilt.size(), 0);
        QCOMPARE(lineNamed(view.chart(), u"A"_s)->count(), 2);
        QTRY_COMPARE(lineNamed(view.chart(), u"A"_s)->count(), 12);
        QCOMPARE(rebuilt.size(), 1);
        QCOMPARE(lineNamed(view.chart(), u"A"_s)->at(11).y(), 11.0);
    }

    void modeSwitch_linesToBars_andTopN()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1 });
        UsageChartView view;
        view.setModel(&model);
        view.setMode(UsageChartOptions::Mode::StackedBars);
        QVERIFY(barsOf(view.chart()));
        QCOMPARE(barsOf(view.chart())->count(), 6);
        view.setTopN(2);
        QCOMPARE(view.built().seriesNames, (QStringList { u"A"_s, u"B"_s, UsageChartBuilder::otherName() }));
        view.setMode(UsageChartOptions::Mode::Lines);
        QVERIFY(!barsOf(view.chart()));
        QCOMPARE(view.chart()->series().size(), 3);
    }

    void barClick_licenceSet_emitsBucketClicked()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1, 2 });
        UsageChartView view;
        view.setModel(&model);
        view.setMode(UsageChartOptions::Mode::StackedBars);
        view.setTopN(2);
        QSignalSpy clicked(&view, &UsageChartView::bucketClicked);
        QStackedBarSeries* bars = barsOf(view.chart());
        Q_EMIT bars->clicked(2, bars->barSets().at(1));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().at(0).toInt(), 2);
        QCOMPARE(clicked.first().at(1).toString(), u"B"_s);
        Q_EMIT bars->clicked(1, bars->barSets().last()); // "Other" has no single licence
        QCOMPARE(clicked.size(), 1);

        view.setMode(UsageChartOptions::Mode::Lines);
        QLineSeries* a = lineNamed(view.chart(), u"A"_s);
        Q_EMIT a->clicked(a->at(1) + QPointF(1000, 0));
        QCOMPARE(clicked.size(), 2);
        QCOMPARE(clicked.last().at(0).toInt(), 1);
        QCOMPARE(clicked.last().at(1).toString(), u"A"_s);
    }

    // Hovering is the mouse over the chart, shown offscreen: the tooltip gives the exact decimal.
    void hover_stackedBar_tellsThatLicenceAndBucket()
    {
        UsageSeriesModel model;
        fillSix(&model, { 0, 1, 2 });
        UsageChartView view;
        view.resize(900, 520);
        view.setModel(&model);
        view.setMode(UsageChartOptions::Mode::StackedBars);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStackedBarSeries* bars = barsOf(view.chart());
        QVERIFY(bars);
        QBarSet* b = nullptr;
        for (QBarSet* set : bars->barSets())
            b = set->label() == u"B" ? set : b;
        QVERIFY(b);
        // The middle of B's bar in bucket 2, which stands on A's.
        qreal below = 0;
        for (QBarSet* set : bars->barSets()) {
            if (set == b)
                break;
            below += set->at(2);
        }
        hoverAt(view, view.chart()->mapToPosition(QPointF(2, below + b->at(2) / 2), bars));
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().startsWith(u"B\n"_s), qPrintable(QToolTip::text()));
        QVERIFY2(QToolTip::text().contains(u"500.2"_s), qPrintable(QToolTip::text())); // 500 + 2/10, exactly
        QVERIFY(QToolTip::text().contains(ChartStyle::dateRangeText(model.buckets().at(2))));
    }

    void hover_ramp_tellsTheDaysCount()
    {
        UsageSeriesModel model;
        model.setBuckets({ { QDate(2025, 3, 1), QDate(2025, 3, 10) } }, Granularity::Day);
        BillingUsageReport r;
        const auto at = [](int day) { return QDateTime(QDate(2025, 3, day), QTime(9, 30), bd::UtcZone); };
        r.usages << BillingUsage { u"CX 3"_s, dec("3"),
            { { u"ann@example.com"_s, at(1) }, { u"bob@example.com"_s, at(1) },
                { u"cy@example.com"_s, at(5) } } };
        model.setReport(0, r);
        RampChartView view;
        view.resize(900, 520);
        view.setSource(&model, u"CX 3"_s, 0);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QDateTime day7(QDate(2025, 3, 7), QTime(12, 0), bd::UtcZone); // the middle of its step
        auto* series = qobject_cast<QXYSeries*>(view.chart()->series().value(0));
        QVERIFY(series);
        hoverAt(view, view.chart()->mapToPosition(QPointF(qreal(day7.toMSecsSinceEpoch()), 3), series));
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), u"2025-03-07: 3 resources"_s);
    }

    void ramp_resourcesOnDays115_cumulativeSteps()
    {
        UsageSeriesModel model;
        const QList<DateBucket> buckets { { QDate(2025, 3, 1), QDate(2025, 3, 10) },
            { QDate(2025, 3, 11), QDate(2025, 3, 20) } };
        model.setBuckets(buckets, Granularity::Day);
        BillingUsageReport r;
        const auto at = [](int day) { return QDateTime(QDate(2025, 3, day), QTime(9, 30), bd::UtcZone); };
        r.usages << BillingUsage { u"CX 3"_s, dec("3"),
            { { u"ann@example.com"_s, at(1) }, { u"bob@example.com"_s, at(1) },
                { u"cy@example.com"_s, at(5) },
                { u"cy@example.com"_s, at(7) } /* listed again later: counts once */ } };
        model.setReport(0, r);

        const BuiltRamp ramp = RampChartBuilder::build(model, 0, 0, QChart::ChartThemeLight);
        std::unique_ptr<QChart> owner(ramp.chart);
        QCOMPARE(ramp.days.size(), 10);
        QCOMPARE(ramp.counts, (QList<int> { 2, 2, 2, 2, 3, 3, 3, 3, 3, 3 }));
        QCOMPARE(ramp.title, u"CX 3 · ramp 2025-03-01 – 2025-03-10"_s);
        QCOMPARE(ramp.chart->title(), ramp.title);
        QVERIFY(ramp.series);
        QCOMPARE(ramp.series->count(), 20);
        for (int day = 0; day < 10; ++day) {
            QCOMPARE(ramp.series->at(2 * day).y(), qreal(ramp.counts.at(day)));
            QCOMPARE(ramp.series->at(2 * day + 1).y(), qreal(ramp.counts.at(day)));
            QCOMPARE(ramp.series->at(2 * day).x(),
                qreal(ramp.days.at(day).startOfDay(bd::UtcZone).toMSecsSinceEpoch()));
        }

        RampChartView view;
        view.setSource(&model, u"CX 3"_s, 0);
        QCOMPARE(view.built().counts.last(), 3);
        QCOMPARE(view.chart()->title(), ramp.title);
    }

    // A ramp with nothing to plot says why, on screen and when exported, and draws no axis or flat 0.
    void ramp_nothingToPlot_saysWhyAndIsNotExported()
    {
        UsageSeriesModel model;
        model.setBuckets(
            { { QDate(2025, 3, 1), QDate(2025, 3, 10) }, { QDate(2025, 3, 11), QDate(2025, 3, 20) } },
            Granularity::Day);
        BillingUsageReport r;
        r.usages << BillingUsage { u"CX 3"_s, dec("1"), { { u"ann@example.com"_s, {} } } }
                 << BillingUsage { u"Speech minutes"_s, dec("1200"), {} }; // metered: no resources
        model.setReport(0, r);
        const int cx3 = model.rowOfLicence(u"CX 3"_s);
        const int speech = model.rowOfLicence(u"Speech minutes"_s);
        QVERIFY(model.isMetered(speech));

        const struct
        {
            int row;
            int bucket;
            QString says;
        } cases[] = {
            { -1, -1, u"Select a cell of the table"_s },
            { speech, 0, u"Speech minutes is metered: metered usage lists no users or devices"_s },
            { cx3, 1, u"CX 3, 2025-03-11 – 2025-03-20: not loaded."_s },
        };
        for (const auto& [row, bucket, says] : cases) {
            const BuiltRamp ramp = RampChartBuilder::build(model, row, bucket, QChart::ChartThemeLight);
            std::unique_ptr<QChart> owner(ramp.chart);
            QVERIFY2(ramp.emptyText.startsWith(says), qPrintable(ramp.emptyText));
            QVERIFY(!ramp.series);
            QVERIFY(ramp.chart->axes().isEmpty());
        }
        model.setReport(1, BillingUsageReport {}); // loaded, and no usage
        BuiltRamp none = RampChartBuilder::build(model, cx3, 1, QChart::ChartThemeLight);
        delete none.chart;
        QCOMPARE(none.emptyText, u"CX 3, 2025-03-11 – 2025-03-20: no usage."_s);

        RampChartView view;
        view.resize(900, 520);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* why = view.findChild<QLabel*>(u"chartEmptyText"_s);
        QVERIFY(why && why->isVisible());
        QVERIFY(why->text().startsWith(u"Select a cell of the table"_s));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ramp.png"_s);
        QString error;
        QVERIFY(!ChartExporter::save(view, path, ChartFormat::Png, QSize(800, 500), 1.0, {}, &error));
        QVERIFY2(error.startsWith(u"Nothing to export: Select a cell"_s), qPrintable(error));
        QVERIFY(!QFile::exists(path));

        view.setSource(&model, u"CX 3"_s, 0);
        QVERIFY(!why->isVisible());
        QVERIFY(view.emptyText().isEmpty());
        QVERIFY2(ChartExporter::save(view, path, ChartFormat::Png, QSize(800, 500), 1.0, {}, &error),
            qPrintable(error));
    }
};

QTEST_MAIN(TestUsageChart)
#include "tst_usagechart.moc"
