#pragma once

#include "domain/decimal.h"
#include "domain/granularity.h"
#include "ui/charts/usagechartoptions.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QBarSet;
class QScatterSeries;
class QChart;
class QValueAxis;
class QXYSeries;

namespace bd {

class UsageSeriesModel;

/// One plotted series (a licence or "Other") with the exact values behind its points.
struct PlottedSeries
{
    QString name; ///< legend name: the licence, or UsageChartBuilder::otherName()
    QStringList licences; ///< licences it covers: one, or every licence summed into "Other"
    QList<int> buckets; ///< loaded buckets with data, ascending (complete and partial)
    QList<Decimal> values; ///< exact value per entry of `buckets`
    QList<int> partialBuckets; ///< the entries of `buckets` that are partial (month to date, …)
    bool visible = true; ///< false when switched off in the legend
    bool other = false; ///< true for the "Other" sum
    bool ownScale = false; ///< Lines mode: a metered licence, drawn against the right-hand axis
    QXYSeries* line = nullptr; ///< Lines mode: the solid line through the complete buckets (chart-owned)
    /// Lines mode: where a bucket in between has no value (failed, not loaded), the line stops and goes on
    /// here, one run per stretch after the first; it never bridges a bucket it does not know.
    QList<QXYSeries*> moreRuns;
    QXYSeries* partialLine = nullptr; ///< Lines mode: the dashed run on to the partial buckets, or null
    QScatterSeries* partialPoints = nullptr; ///< Lines mode: hollow markers at the partial buckets, or null
    QXYSeries* projectionBand = nullptr; ///< Lines mode: the projection's 10–90 band at the partial bucket
    QScatterSeries* projectionLikely = nullptr; ///< Lines mode: the projection's likely value
    QXYSeries* commitmentLine = nullptr; ///< Lines mode: the licence's commitment per cycle, or null
    QBarSet* barSet = nullptr; ///< StackedBars mode: the bar set (owned by the chart)
    QBarSet* partialBarSet = nullptr; ///< StackedBars mode: the hatched bars of the partial buckets, or null

    /// Exact value in a bucket; nullopt when the bucket was not loaded.
    std::optional<Decimal> valueAt(int bucket) const;
};

/// A chart built from a UsageSeriesModel, with what tests and the view need to read it back.
struct BuiltChart
{
    QChart* chart = nullptr; ///< the chart; the caller owns it
    QStringList seriesNames; ///< plotted series in legend order (licences, then "Other")
    QList<PlottedSeries> series; ///< parallel to seriesNames
    QList<int> failedBuckets; ///< buckets drawn with the failed marker
    QList<int> notYetBuckets; ///< buckets past the data cut-off: nothing is drawn for them
    QXYSeries* cutoffLine = nullptr; ///< Lines mode: the "data through" rule, when the range reaches past it
    QScatterSeries* failedMarker = nullptr; ///< red markers on the x axis at failed buckets, or null
    QList<qreal> bucketX; ///< x position of each bucket (ms since epoch, or index for bars)
    QStringList bucketLabels; ///< axis label of each bucket
    QValueAxis* meteredAxis = nullptr; ///< Lines mode: the right-hand axis of metered licences, or null
    /// StackedBars mode: metered licences left out of the stack (they do not add up with seats)
    QStringList leftOut;
    /// Why nothing is plotted (UsageSeriesModel::emptyText()), shown over the chart; empty when something is.
    QString emptyText;
};

/// Builds the usage chart (lines over time, or stacked bars) from a UsageSeriesModel. Pure: no widget, no
/// timer.
///
/// Honest time: the title says how far the data goes ("data through 30 Nov 2026"). A partial bucket (month to
/// date) is drawn apart, never as a fall: a dashed run and a hollow marker in Lines mode, a hatched bar in
/// StackedBars mode. A bucket past the cut-off is not drawn at all, and Lines mode draws a dashed rule at the
/// cut-off when the range reaches past it. Where a licence's month to date is projected
/// (UsageSeriesModel::projection()), Lines mode draws the band as a dotted bar with its likely value.
///
/// Lines: x is the bucket's UTC start in ms since epoch on a QCategoryAxis whose labels sit exactly on the
/// bucket starts ("d MMM" for days and weeks, "MMM yyyy" for months, "Q1 2025" for quarters) for every
/// granularity; QDateTimeAxis cannot place labels on month or quarter starts and prints local time. Buckets
/// that have not loaded are skipped: the line stops before them and goes on after them (it never bridges a
/// bucket it has no value for), and only loaded buckets carry a point marker, so a line never dips to a false
/// zero while reports stream in; failed buckets get their own red marker. A chart with nothing to plot has no
/// axes, and emptyText says why (loading, no usage, no data yet, failed). StackedBars: a QStackedBarSeries
/// on the same kind of positioned axis, each bar at its bucket's index, labels thinned alike; an unloaded
/// bucket has no bar (its sets hold 0, which draws nothing) and failed ones their red marker.
class UsageChartBuilder
{
    Q_DECLARE_TR_FUNCTIONS(bd::UsageChartBuilder)

public:
    /// Builds a new chart; the caller owns BuiltChart::chart.
    static BuiltChart build(const UsageSeriesModel& model, const UsageChartOptions& options);
    /// The chart's title: "Billable usage per month", …, with "data through …" when the cut-off is known.
    static QString title(Granularity granularity, QDate dataThrough = {});
    /// Legend name of the data cut-off rule: "Data through 30 Nov 2026".
    static QString cutoffName(QDate dataThrough);
    /// Legend name of the sum of the licences beyond topN.
    static QString otherName();
    /// Legend name of the failed-bucket markers.
    static QString failedName();
    /// Lines mode: up to this many buckets, every value has a marker; past it (a quarter of days) only the
    /// line.
    static constexpr qsizetype MaxMarkedBuckets = 62;
    /// Metered licences drawn on their own scale beside the seats, at most (the largest by peak).
    static constexpr qsizetype MaxMeteredSeries = 2;
    /// Rows shown as their own series, in display order, and rows summed into "Other". With `metered`, the
    /// largest metered licences (sessions, gigabytes; at most MaxMeteredSeries, within the top N) go there,
    /// to be drawn on a scale of their own beside the seat and device counts; without it they are shown only
    /// when they are all there is or are picked.
    static void selectRows(const UsageSeriesModel& model, const UsageChartOptions& options, QList<int>* shown,
        QList<int>* other, QList<int>* metered = nullptr);
};

} // namespace bd
