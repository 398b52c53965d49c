#pragma once

#include "ui/charts/chartexporter.h"
#include "ui/charts/rampchartbuilder.h"

#include <QPointer>
#include <QtCharts/QChartView>

#include <memory>

class QLabel;

namespace bd {

class UsageSeriesModel;

/// The ramp of one licence in one bucket (cumulative resources by first-seen day); follows the palette and
/// rebuilds when that bucket changes.
class RampChartView final : public QChartView, public ExportableChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RampChartView)

public:
    /// An empty chart until setSource().
    explicit RampChartView(QWidget* parent = nullptr);
    ~RampChartView() override;

    /// Shows `licence` in `bucket` of `model` (not owned).
    void setSource(UsageSeriesModel* model, const QString& licence, int bucket);
    /// What is on screen now.
    const BuiltRamp& built() const { return m_built; }
    /// A fresh chart of what the view shows in the given theme, for export or print.
    std::unique_ptr<QChart> buildChart(QChart::ChartTheme theme) const;
    // ExportableChart
    std::unique_ptr<QChart> buildExportChart() const override { return buildChart(QChart::ChartThemeLight); }
    QString emptyText() const override;

protected:
    /// Re-themes when the palette changes (light/dark switch).
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    BuiltRamp buildRamp(QChart::ChartTheme theme) const;

    QPointer<UsageSeriesModel> m_model;
    QString m_licence;
    int m_bucket = -1;
    QChart::ChartTheme m_theme = QChart::ChartThemeLight;
    BuiltRamp m_built;
    QList<QMetaObject::Connection> m_modelConnections;
    QLabel* m_emptyText; ///< over the plot while there is nothing to draw: why
};

} // namespace bd
