#pragma once

#include "ui/charts/chartexporter.h"
#include "ui/dashboardpage.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace bd {

class ApiError;
class ApiSession;
class ComparisonView;
class MessageBanner;
class PartnerBrowser;
class PeriodView;
class PortfolioSweep;
class PortfolioView;
class TrendView;
class TrustorPicker;

/// The partner view: a customer org's billing overview one period at a time (index 0 = the active period),
/// walked back through billingPeriodIndex, with cost estimates, the contract, a trend chart per part number
/// and a comparison of any two periods. The PartnerBrowser does the fetching; the page lays it out and wires
/// it.
class PartnerPage final : public DashboardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartnerPage)

public:
    /// Default of "Load the last N periods".
    static constexpr int DefaultPeriodCount = 12;
    /// Tabs of the page.
    enum Tab { PeriodTab, TrendTab, CompareTab };
    /// The page's two views: every customer at a glance, and one customer at a time.
    enum View { PortfolioPane, CustomerPane };

    explicit PartnerPage(ApiSession* session, QWidget* parent = nullptr);
    ~PartnerPage() override;

    // DashboardPage
    /// Reloads the trustors list and, when a customer is open, its walked periods.
    void refresh() override;
    void cancel() override;
    void exportInteractively() override;
    void copySelection() override;
    void printInteractively() override;
    void setProvenance(const Provenance& provenance) override;
    void setStore(ReportStore* store, const StoreScope& scope) override;
    void refetchEverything() override;
    PageStatus status() const override;

    /// Compares two rows of the walked periods on the Compare tab.
    void compareRows(int beforeRow, int afterRow);

    /// Writes the shown period's usage table (exact values) as CSV.
    bool exportPeriodCsv(const QString& path, QString* error) const;
    /// Writes every walked period in one long-format CSV (one row per period per usage line), newest first.
    bool exportAllPeriodsCsv(const QString& path, QString* error) const;
    /// Writes the trend chart with the provenance footer.
    bool exportTrendChart(const QString& path, ChartFormat format, QString* error) const;
    /// The footer printed under exported charts.
    QString footer() const;

    PartnerBrowser* browser() const { return m_browser; }
    PortfolioSweep* sweep() const { return m_sweep; }
    PortfolioView* portfolio() const { return m_portfolio; }
    /// Shows the portfolio or the customer view.
    void showView(View view);
    /// Opens a customer on one of its periods in the customer view (a portfolio cell double-clicked).
    void openPeriod(const QString& orgId, const QString& name, int billingPeriodIndex);

    /// The comparison shown, as CSV, with the org and the two periods on every row.
    bool exportComparisonCsv(const QString& path, QString* error) const;

private:
    /// After a whole sweep: the customers whose state is news since the last sweep are told (alertsRaised).
    void reviewAlerts();
    void showCurrent();
    void onStateChanged();
    void onPeriodFailed(int index, const ApiError& error);
    void onHistoryEnded(int firstMissingIndex);
    void onWalkFinished();
    void setStatusText(const QString& text);
    void setError(const QString& text);

    PartnerBrowser* m_browser;
    PortfolioSweep* m_sweep;
    ReportStore* m_store = nullptr;
    StoreScope m_scope;
    Provenance m_provenance;
    PageStatus m_status;

    TrustorPicker* m_picker;
    QTableView* m_periodTable;
    QLabel* m_title;
    QLabel* m_periodLabel;
    QLabel* m_activeBadge;
    QPushButton* m_older;
    QPushButton* m_newer;
    QSpinBox* m_count;
    QPushButton* m_load;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_note;
    QTabWidget* m_tabs;
    PeriodView* m_period;
    TrendView* m_trend;
    ComparisonView* m_comparison;
    PortfolioView* m_portfolio;
    QTabWidget* m_views;
    MessageBanner* m_storeBanner; ///< the local store could not keep what was read
    /// The portfolio's part in status(): its sweep's progress.
    PageStatus portfolioStatus() const;
    void exportPortfolio();
};

} // namespace bd
