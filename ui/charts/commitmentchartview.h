#pragma once

#include "models/portfoliomodel.h"
#include "ui/charts/chartexporter.h"

#include <QtCharts/QChartView>

#include <memory>

namespace bd {

/// Who is closest to, or over, their commitment: one part number's active-period usage as a share of each
/// customer's prepaid quantity, one horizontal bar per customer, the most used first, coloured by state, with
/// the threshold and 100 % marked. Customers who use the part with no commitment are named in the title,
/// not drawn (a share of nothing is not a number).
class CommitmentChartView final : public QChartView, public ExportableChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommitmentChartView)

public:
    /// Customers drawn at most (fewer when the view is too short for them); the title says how many more
    /// there are.
    static constexpr int MaxBars = 25;

    explicit CommitmentChartView(QWidget* parent = nullptr);
    ~CommitmentChartView() override;

    /// Shows `bars` (as PortfolioModel::commitmentBars gives them) of the part `partName`.
    void setBars(const QList<PortfolioModel::CommitmentBar>& bars, const QString& partName, int threshold);
    /// A fresh chart of what the view shows in a theme, for export or print.
    std::unique_ptr<QChart> buildChart(QChart::ChartTheme theme, int maxBars = MaxBars) const;
    // ExportableChart
    std::unique_ptr<QChart> buildExportChart() const override { return buildChart(QChart::ChartThemeLight); }
    /// Not empty while no customer has a commitment of the part to draw (the title says why).
    QString emptyText() const override;
    /// The bars drawn on screen (the most used of those with a commitment, as many as fit).
    int drawnBars() const { return m_drawn; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    /// The bars that fit the view's height.
    int barsThatFit() const;

    QList<PortfolioModel::CommitmentBar> m_bars;
    QString m_partName;
    int m_threshold = 90;
    int m_drawn = 0;
    int m_fit = 0; ///< barsThatFit() when last built
};

} // namespace bd
