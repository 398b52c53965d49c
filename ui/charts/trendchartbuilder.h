#pragma once

#include "domain/decimal.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QtCharts/QChart>

class QLineSeries;

namespace bd {

class PeriodListModel;

/// One plotted trend line with the exact values behind its points (oldest period first).
struct TrendSeries
{
    QString name;
    QList<Decimal> values; ///< one per plotted period
    QLineSeries* line = nullptr; ///< owned by the chart
};

/// A trend chart of one part number over the walked periods, and what tests need to read it back.
struct BuiltTrend
{
    QChart* chart = nullptr; ///< the caller owns it
    QString partNumber;
    QList<int> periodRows; ///< rows of the PeriodListModel plotted, oldest first
    QStringList periodLabels; ///< axis label per plotted period (its start date)
    QList<qreal> periodX; ///< x of each plotted period (start, ms since epoch)
    TrendSeries usage; ///< usage (fair-use rows excluded)
    TrendSeries prepay; ///< prepaid quantity
    TrendSeries allowance; ///< fair-use allowance (empty when the part has none)
    QList<TrendSeries> overageCost; ///< estimated overage cost, one series per currency (never summed across)
};

/// Builds the partner trend chart: usage against prepay (left axis) and the estimated overage cost (right
/// axis) of one part number, one point per walked period, periods on the x axis by their start dates. Pure.
class TrendChartBuilder final
{
public:
    /// Builds a new chart; the caller owns BuiltTrend::chart.
    static BuiltTrend build(
        const PeriodListModel& periods, const QString& partNumber, QChart::ChartTheme theme);
    /// The chart's title for a part number and charge name.
    static QString title(const QString& partNumber, const QString& chargeName);
};

} // namespace bd
