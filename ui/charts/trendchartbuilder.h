#pragma once

#include "domain/billingperiodstate.h"
#include "domain/decimal.h"
#include "domain/projection.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtCharts/QChart>

class QLineSeries;
class QScatterSeries;

namespace bd {

class PeriodListModel;

/// One plotted trend line with the exact values behind its points (oldest period first).
struct TrendSeries
{
    QString name;
    QList<Decimal> values; ///< one per plotted period
    int partialAt = -1; ///< the entry of `values` that is the partial period (always the last), or -1
    QLineSeries* line = nullptr; ///< through the closed periods (owned by the chart)
    QLineSeries* partialLine = nullptr; ///< the run from the last closed point on to the partial one, or null
    QScatterSeries* partialPoint = nullptr; ///< the hollow marker of the partial period, or null
};

/// A trend chart of one part number over the walked periods, and what tests need to read it back.
struct BuiltTrend
{
    QChart* chart = nullptr; ///< the caller owns it
    QString partNumber;
    QList<int> periodRows; ///< rows of the PeriodListModel plotted, oldest first
    QStringList periodLabels; ///< axis label per plotted period (its start date)
    QList<qreal> periodX; ///< x of each plotted period (start, ms since epoch)
    int partialRow = -1; ///< row of the PeriodListModel drawn as partial (the open index-0 period), or -1
    int partialPoint = -1; ///< its entry in periodRows (the last), or -1 when every plotted period is closed
    BillingPeriodState partialState = BillingPeriodState::Closed; ///< Active or EndedNotClosed when partial
    QString partialNote; ///< "period to date, through 30 Nov 2026", or why an ended period is still open
    TrendSeries usage; ///< usage (fair-use rows excluded)
    TrendSeries prepay; ///< prepaid quantity
    TrendSeries allowance; ///< fair-use allowance (empty when the part has none)
    QList<TrendSeries> overageCost; ///< estimated overage cost, one series per currency (never summed across)
    /// The open period's usage projected to its end (PeriodListModel::openProjection), when there is one;
    /// drawn as a dotted low–high band at the open period with its likely value, when it is projected.
    std::optional<LineProjection> projection;
    QLineSeries* projectionBand = nullptr;
    QScatterSeries* projectionLikely = nullptr;
    QString emptyText; ///< why nothing is plotted (PeriodListModel::trendEmptyText); empty when plotted
};

/// Builds the partner trend chart: usage against prepay (left axis) and the estimated overage cost (right
/// axis) of one part number, one point per walked period, periods on the x axis by their start dates. Pure.
///
/// Honest time: the newest period, when it is not closed yet (index 0, active or ended but not rotated), is
/// drawn apart, never as a fall: every line reaches it by a dashed run from the last closed period and marks
/// it with a hollow marker, with no legend entries of their own; its usage's projection (a dotted band) says
/// where it is likely to end, and the title says so, or why it is not projected.
class TrendChartBuilder final
{
public:
    /// Builds a new chart; the caller owns BuiltTrend::chart.
    static BuiltTrend build(
        const PeriodListModel& periods, const QString& partNumber, QChart::ChartTheme theme);
    /// The chart's title for a part number and charge name.
    static QString title(const QString& partNumber, const QString& chargeName);
    /// What the partial period's figures are: "period to date, through <the data cut-off of today>" for an
    /// active period, "Period ended, Genesys has not closed it yet" for one that has ended.
    static QString partialNote(BillingPeriodState state, QDate today);
};

} // namespace bd
