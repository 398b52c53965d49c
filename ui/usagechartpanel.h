#pragma once

#include <QWidget>

class QSettings;
class QSpinBox;
class QTabWidget;
class QToolButton;

namespace bd {

class RampChartView;
class UsageChartView;
class UsageSeriesModel;

/// The usage page's charts: usage over time (lines or stacked bars, the top N licences or a picked set) and
/// the ramp within one bucket, with their tools above them.
class UsageChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageChartPanel)

public:
    explicit UsageChartPanel(UsageSeriesModel* model, QWidget* parent = nullptr);
    ~UsageChartPanel() override;

    UsageChartView* chart() const { return m_chart; }
    RampChartView* ramp() const { return m_ramp; }
    /// Whether the ramp tab is the one shown.
    bool showsRamp() const;

    /// Lines or stacked bars.
    void setStackedBars(bool stacked);
    bool stackedBars() const;

    void saveSettings(QSettings& settings) const;
    void restoreSettings(QSettings& settings);

Q_SIGNALS:
    /// The chart switched between lines and stacked bars.
    void stackedBarsChanged(bool stacked);

private:
    void editLicenceSelection();

    UsageSeriesModel* m_model;
    QTabWidget* m_tabs;
    UsageChartView* m_chart;
    RampChartView* m_ramp;
    QToolButton* m_linesButton;
    QToolButton* m_barsButton;
    QSpinBox* m_topN;
    QToolButton* m_licencesButton;
};

} // namespace bd
