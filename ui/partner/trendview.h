#pragma once

#include <QWidget>

class QComboBox;

namespace bd {

class NoteLabel;
class PeriodListModel;
class TrendChartView;

/// One part number's usage, prepay and overage across the walked periods, with the part picker above the
/// chart.
class TrendView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendView)

public:
    explicit TrendView(PeriodListModel* periods, QWidget* parent = nullptr);
    ~TrendView() override;

    /// Brings the part picker up to date with the periods (keeps the part chosen when it is still there).
    void updateParts();
    /// Says what stands out in the newest closed period (PeriodListModel::anomalyText).
    void updateAnomalies();
    TrendChartView* chart() const { return m_chart; }

private:
    PeriodListModel* m_periods;
    QComboBox* m_part;
    NoteLabel* m_anomalies;
    TrendChartView* m_chart;
};

} // namespace bd
