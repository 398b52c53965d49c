#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace bd {

class CommitmentChartView;
class PortfolioModel;
class PortfolioSweep;
class SortProxyModel;

/// The partner portfolio: every customer × billing period as a matrix coloured by commitment state, the
/// sweep that fills it (progress and Cancel), per-currency subtotals of the customers listed, and under it
/// one part number's use of each customer's commitment in the active period. Double-clicking a cell asks for
/// that customer's period in the period view. The sweep and its model do the work; this lays them out and
/// wires them.
class PortfolioView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortfolioView)

public:
    /// Default number of closed periods swept beside the active one.
    static constexpr int DefaultClosedPeriods = 12;

    explicit PortfolioView(PortfolioSweep* sweep, QWidget* parent = nullptr);
    ~PortfolioView() override;

    /// Sweeps every customer × period again (closed periods from the store).
    void sweep();
    bool hasSwept() const { return m_swept; }

    QTableView* table() const { return m_table; }
    CommitmentChartView* chart() const { return m_chart; }
    /// The matrix as listed (filtered and sorted), with exact amounts.
    bool exportMatrixCsv(const QString& path, QString* error) const;
    /// One row per customer × period × part number (PortfolioCsv), every customer.
    bool exportLongCsv(const QString& path, QString* error) const;
    /// "Every customer, active period + 12 closed · threshold 90 %", for export footers.
    QString subject() const;

Q_SIGNALS:
    /// A cell was double-clicked: show this customer's period.
    void periodOpened(const QString& orgId, const QString& name, int billingPeriodIndex);
    /// The sweep's progress or state changed.
    void progressChanged();

protected:
    /// Re-colours the legend when the palette changes (the cells follow it as they are painted).
    void changeEvent(QEvent* event) override;

private:
    void updateLegend();
    void updateProgress();
    void updateFilter();
    void updateActive();
    void updateSummary();
    void updateParts();
    void updateChart();
    /// Builds the chart on the next turn of the event loop, once however often it is asked.
    void scheduleChart();
    /// Rows of the model listed now (after the filter).
    QList<int> listedRows() const;

    PortfolioSweep* m_sweep;
    PortfolioModel* m_model;
    SortProxyModel* m_proxy;
    QSpinBox* m_periods;
    QSpinBox* m_threshold;
    QComboBox* m_cellText;
    QComboBox* m_filter;
    QPushButton* m_load;
    QPushButton* m_cancel;
    QLabel* m_progress;
    QTableView* m_table;
    QLabel* m_legend;
    QLabel* m_subtotals;
    QComboBox* m_part;
    CommitmentChartView* m_chart;
    QTimer* m_summaryTimer; ///< gathers a burst of arriving periods into one update of what sums them
    quint64 m_activeShown = ~quint64(0); ///< the model's activeRevision() the sums were built from
    QList<int> m_rowsShown; ///< and the rows listed then
    bool m_chartScheduled = false;
    bool m_partPicked = false; ///< the user chose the part the chart shows
    bool m_swept = false;
};

} // namespace bd
