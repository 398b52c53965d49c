#pragma once

#include "ui/charts/chartexporter.h"
#include "ui/charts/trendchartbuilder.h"

#include <QPointer>
#include <QtCharts/QChartView>

#include <memory>

class QLabel;
class QTimer;

namespace bd {

class PeriodListModel;

/// The partner trend chart of one part number over the walked periods; rebuilds (coalesced) as periods arrive
/// and follows the palette's light or dark theme.
class TrendChartView final : public QChartView, public ExportableChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendChartView)

public:
    /// Delay that gathers a burst of arriving periods into one rebuild.
    static constexpr int RebuildDelayMs = 50;

    /// An empty chart until setSource().
    explicit TrendChartView(QWidget* parent = nullptr);
    ~TrendChartView() override;

    /// Plots `partNumber` from `periods` (not owned; may be null).
    void setSource(PeriodListModel* periods, const QString& partNumber);
    QString partNumber() const { return m_partNumber; }
    /// What is on screen now.
    const BuiltTrend& built() const { return m_built; }
    /// A fresh chart of what the view shows in the given theme, for export or print.
    std::unique_ptr<QChart> buildChart(QChart::ChartTheme theme) const;
    // ExportableChart
    std::unique_ptr<QChart> buildExportChart() const override { return buildChart(QChart::ChartThemeLight); }
    QString emptyText() const override;
    /// Rebuilds now instead of waiting for the coalescing timer.
    void rebuildNow();
    /// The tooltip of a series' hollow marker at the partial period: series, period, exact value and what the
    /// figure covers ("period to date, through …"); empty when the series has no partial point.
    QString partialToolTip(const TrendSeries& series) const;

Q_SIGNALS:
    /// The chart was rebuilt.
    void rebuilt();

protected:
    /// Re-themes when the palette changes.
    void changeEvent(QEvent* event) override;

private:
    void scheduleRebuild();
    void connectPartialPoints();

    QPointer<PeriodListModel> m_periods;
    QString m_partNumber;
    BuiltTrend m_built;
    QTimer* m_rebuildTimer;
    QLabel* m_emptyText; ///< over the plot while there is nothing to draw: why
    QList<QMetaObject::Connection> m_connections;
};

} // namespace bd
