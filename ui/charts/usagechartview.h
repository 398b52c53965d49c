#pragma once

#include "ui/charts/chartexporter.h"
#include "ui/charts/usagechartbuilder.h"
#include "ui/charts/usagechartoptions.h"

#include <QPointer>
#include <QtCharts/QChartView>

#include <memory>

class QLabel;
class QTimer;

namespace bd {

class UsageSeriesModel;

/// Interactive usage chart over a UsageSeriesModel: rebuilds (coalesced) as buckets stream in, legend entries
/// toggle series, hover shows exact values, clicks report the bucket and licence, the theme follows the
/// palette.
class UsageChartView final : public QChartView, public ExportableChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageChartView)

public:
    /// Delay that gathers a burst of model updates into one rebuild.
    static constexpr int RebuildDelayMs = 50;

    /// An empty chart until setModel().
    explicit UsageChartView(QWidget* parent = nullptr);
    ~UsageChartView() override;

    /// Shows this model (not owned; may be null).
    void setModel(UsageSeriesModel* model);
    /// The model shown, or null.
    UsageSeriesModel* model() const;

    /// Lines over time or stacked bars.
    void setMode(UsageChartOptions::Mode mode);
    /// Licences shown by peak before the rest is summed into "Other"; ≤ 0 shows all.
    void setTopN(int topN);
    /// Shows exactly these licences (empty: the top N).
    void setPinnedLicences(const QStringList& licences);
    /// Switches a series (licence, "Other" or "Failed buckets") off or on, as a legend click does.
    void setSeriesHidden(const QString& name, bool hidden);
    /// The options of the next rebuild (theme included).
    const UsageChartOptions& options() const { return m_options; }

    /// What is on screen now: series, exact values, failed buckets.
    const BuiltChart& built() const { return m_built; }
    /// A fresh chart of what the view shows in the given theme, for export or print.
    std::unique_ptr<QChart> buildChart(QChart::ChartTheme theme) const;
    // ExportableChart
    std::unique_ptr<QChart> buildExportChart() const override { return buildChart(QChart::ChartThemeLight); }
    QString emptyText() const override;
    /// Rebuilds now instead of waiting for the coalescing timer.
    void rebuildNow();

Q_SIGNALS:
    /// A licence's point or bar was clicked (not emitted for "Other", which has no single licence).
    void bucketClicked(int bucket, const QString& licence);
    /// The chart was rebuilt from the model.
    void rebuilt();

protected:
    /// Re-themes when the palette changes (light/dark switch).
    void changeEvent(QEvent* event) override;

private:
    void scheduleRebuild();
    void connectChart();
    void showTip(int seriesIndex, int bucket);
    void showFailedTip(int bucket);
    int nearestBucket(const PlottedSeries& plotted, qreal x) const;

    QPointer<UsageSeriesModel> m_model;
    UsageChartOptions m_options;
    BuiltChart m_built;
    QTimer* m_rebuildTimer = nullptr;
    QLabel* m_emptyText = nullptr; ///< over the plot while there is nothing to draw: why

    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace bd
