#pragma once

#include "ui/dashboardpage.h"

#include <QPointer>

#include <optional>

class QComboBox;
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
class ContractPanel;
class OverviewJob;
class PeriodListModel;
class PeriodUsageModel;
class PeriodWalker;
class SortProxyModel;
class TrendChartView;
class TrustorPicker;
class TrustorsJob;
struct TrusteeBillingOverview;

/// The partner view: a customer org's billing overview one period at a time (index 0 = the active period),
/// walked back through billingPeriodIndex, with cost estimates, the contract, a trend chart per part number and
/// a comparison of any two periods. Periods are kept by their dates; the index only addresses the request.
class PartnerPage final : public DashboardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartnerPage)

public:
    /// Default of "Load the last N periods".
    static constexpr int DefaultPeriodCount = 12;
    /// Tabs of the page.
    enum Tab { PeriodTab, TrendTab, CompareTab };
    /// Formats of exportTrendChart().
    enum class ChartFormat { Png, Svg, Pdf };

    PartnerPage(ApiSession* session, QWidget* parent = nullptr);
    ~PartnerPage() override;

    // DashboardPage
    /// Reloads the trustors list and, when a customer is open, its walked periods.
    void refresh() override;
    void cancel() override;
    void exportInteractively() override;
    void copySelection() override;
    void printInteractively() override;
    void setProvenance(const Provenance& provenance) override;
    PageStatus status() const override;

    /// Opens a customer org on its active period (index 0).
    void openTrustor(const QString& orgId, const QString& name = {});
    /// Fetches indexes 0..count-1 concurrently; they fill in as they arrive.
    void loadPeriods(int count);
    /// Shows the next older period (fetching it when needed); false when there is none.
    bool stepOlder();
    /// Shows the next newer period; false when the active one is shown.
    bool stepNewer();
    /// Shows the period at a row of periods() (newest first).
    void showPeriodRow(int row);
    /// Compares two rows of periods() on the Compare tab.
    void compareRows(int beforeRow, int afterRow);
    /// Plots a part number on the Trend tab.
    void setTrendPart(const QString& partNumber);

    /// Writes the shown period's usage table (exact values) as CSV.
    bool exportPeriodCsv(const QString& path, QString* error) const;
    /// Writes every walked period in one long-format CSV (one row per period per usage line), newest first.
    bool exportAllPeriodsCsv(const QString& path, QString* error) const;
    /// Writes the trend chart with the provenance footer.
    bool exportTrendChart(const QString& path, ChartFormat format, QString* error) const;

    QString trustorOrgId() const { return m_orgId; }
    PeriodListModel* periods() const { return m_periods; }
    PeriodUsageModel* usageModel() const { return m_usage; }
    ComparisonView* comparisonView() const { return m_comparison; }
    TrendChartView* trendView() const { return m_trend; }
    TrustorPicker* picker() const { return m_picker; }
    /// The billingPeriodIndex of the period shown (as of its fetch), or -1.
    int currentIndex() const { return m_currentIndex; }
    /// The first index past the history, once known.
    std::optional<int> historyEnd() const { return m_historyEnd; }
    /// The footer printed under exported charts.
    QString footer() const;

Q_SIGNALS:
    /// The trustors list arrived (or failed).
    void trustorsLoaded();
    /// A period is now shown.
    void periodShown(int billingPeriodIndex);
    /// A walk of several periods ended (completed, cut short by the end of the history, or cancelled).
    void walkFinished();

private:
    void loadTrustors();
    /// Stops the period walk and any single-period fetch (the customer list goes on loading).
    void stopWalk();
    void onPeriodLoaded(int index, const TrusteeBillingOverview& overview);
    void onPeriodFailed(int index, const ApiError& error);
    void onHistoryEnded(int firstMissingIndex);
    void fetchSingle(int index);
    void showCurrent();
    void updateNavigation();
    void updateTrendParts();
    void setStatusText(const QString& text);
    void setError(const QString& text);

    ApiSession* m_session;
    Provenance m_provenance;
    PeriodWalker* m_walker;
    PeriodListModel* m_periods;
    PeriodUsageModel* m_usage;
    SortProxyModel* m_usageProxy;
    QPointer<TrustorsJob> m_trustorsJob;
    QPointer<OverviewJob> m_stepJob;

    QString m_orgId;
    QString m_orgName;
    int m_currentIndex = -1;
    QDateTime m_currentStart;   // identifies the period shown
    int m_pendingIndex = -1;    // index of a single fetch under way, to show when it lands
    std::optional<int> m_historyEnd;
    PageStatus m_status;
    int m_walkFailures = 0;

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
    ContractPanel* m_contract;
    QTableView* m_usageTable;
    QLabel* m_totals;
    QLabel* m_caveat;
    QComboBox* m_trendPart;
    TrendChartView* m_trend;
    ComparisonView* m_comparison;
};

} // namespace bd
