#pragma once

#include "domain/granularity.h"
#include "domain/rangepreset.h"
#include "ui/dashboardpage.h"

#include <QDateTime>
#include <QHash>

class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;

namespace bd {

class ApiError;
class ApiSession;
class MessageBanner;
class RampChartView;
class RangeBar;
class ResourceModel;
class SortProxyModel;
class UsageChartView;
class UsageSeriesLoader;
class UsageSeriesModel;

/// The usage page: a range and granularity, one billable-usage report per bucket streamed into a table and a
/// chart, the resources behind any cell, and exports of both.
class UsagePage final : public DashboardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsagePage)

public:
    enum class ChartFormat { Png, Svg, Pdf };
    /// Above this many reports a load asks before it starts.
    static constexpr int LargeLoadThreshold = 400;

    explicit UsagePage(ApiSession* session, QWidget* parent = nullptr);
    ~UsagePage() override;

    void refresh() override;
    void cancel() override;
    void exportInteractively() override;
    void copySelection() override;
    void printInteractively() override;
    void setProvenance(const Provenance& provenance) override;
    PageStatus status() const override;

    /// Loads a range without asking (the range bar is updated to match).
    void load(const DateRange& range, Granularity granularity);
    /// Asks for one failed (or cancelled) bucket again.
    void retryBucket(int bucket);
    /// Asks again for every failed or cancelled bucket.
    void retryFailed();
    /// Whether loads over LargeLoadThreshold reports ask first (tests switch it off).
    void setConfirmLargeLoads(bool confirm) { m_confirmLargeLoads = confirm; }
    /// Selects the table cell of a licence in a bucket (and so shows its resources and ramp).
    void selectCell(const QString& licence, int bucket);
    /// Lines or stacked bars.
    void setStackedBars(bool stacked);

    /// The table as CSV (what is shown: filtered and sorted rows, exact values). False with *error on failure.
    bool exportCsv(const QString& path, QString* error) const;
    /// The chart in a light theme with the provenance footer.
    bool exportChart(const QString& path, ChartFormat format, QSize size, qreal devicePixelRatio, QString* error) const;
    /// "Northwind · us_east_1 · 2025-01-01 – 2025-12-31 · monthly · fetched … · Billing Dashboard 0.1.0"
    QString footerText() const;

    void saveSettings(QSettings& settings) const;
    void restoreSettings(QSettings& settings);

    UsageSeriesModel* model() const { return m_model; }
    UsageChartView* chartView() const { return m_chart; }
    RangeBar* rangeBar() const { return m_rangeBar; }
    QTableView* table() const { return m_table; }
    QTableView* resourceTable() const { return m_resourceTable; }
    MessageBanner* banner() const { return m_banner; }

Q_SIGNALS:
    /// Nothing is loading any more (every bucket loaded, failed or was cancelled).
    void loadSettled();
    /// The chart switched between lines and stacked bars.
    void stackedBarsChanged(bool stacked);

private:
    void startLoad(const DateRange& range, Granularity granularity);
    void onBucketFailed(int bucket, const ApiError& error);
    void onLoadSettled();
    void showCell(const QModelIndex& proxyIndex);
    void updateStatus();
    void editLicenceSelection();

    ApiSession* m_session;
    UsageSeriesLoader* m_loader;
    UsageSeriesModel* m_model;
    SortProxyModel* m_proxy;
    ResourceModel* m_resources;
    SortProxyModel* m_resourceProxy;
    Provenance m_provenance;
    DateRange m_loadedRange;
    QHash<int, int> m_failureKinds; // bucket → ApiError::Kind, for the summary once the load settles
    QDateTime m_updatedAt;
    bool m_confirmLargeLoads = true;
    bool m_reportedFatal = false;
    QString m_sortBy = QStringLiteral("licence"); ///< the table's sort across loads: licence, peak or average
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    RangeBar* m_rangeBar;
    MessageBanner* m_banner;
    QSplitter* m_mainSplitter;
    QSplitter* m_tableSplitter;
    QTabWidget* m_chartTabs;
    UsageChartView* m_chart;
    RampChartView* m_ramp;
    QToolButton* m_linesButton;
    QToolButton* m_barsButton;
    QSpinBox* m_topN;
    QToolButton* m_licencesButton;
    QLineEdit* m_filter;
    QTableView* m_table;
    QLabel* m_resourceTitle;
    QLineEdit* m_resourceFilter;
    QTableView* m_resourceTable;
};

} // namespace bd
