#pragma once

#include "domain/granularity.h"
#include "domain/rangepreset.h"
#include "models/displayzone.h"
#include "ui/charts/chartexporter.h"
#include "ui/dashboardpage.h"

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSplitter;
class QTableView;

namespace bd {

class ApiError;
class ApiSession;
class PartnerView;
class MessageBanner;
class NoteLabel;
class RangeBar;
class ResourcePanel;
class SortProxyModel;
class UsageChartPanel;
class UsageSeriesController;

/// The usage page: a range and granularity, one billable-usage report per bucket streamed into a table and a
/// chart, the resources behind any cell, and exports of both. The UsageSeriesController does the loading; the
/// page lays it out and wires it.
class UsagePage final : public DashboardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsagePage)

public:
    explicit UsagePage(ApiSession* session, QWidget* parent = nullptr);
    ~UsagePage() override;

    void refresh() override;
    void cancel() override;
    void exportInteractively() override;
    void copySelection() override;
    void printInteractively() override;
    void setProvenance(const Provenance& provenance) override;
    void setStore(ReportStore* store, const StoreScope& scope) override;
    /// Offline: the next loads answer from the store alone.
    void setOffline(bool offline);
    void refetchEverything() override;
    PageStatus status() const override;

    /// Pins "today" (UTC) for the presets and the data cut-off; the clock's day by default.
    void setToday(QDate today);
    /// Loads a range without asking (the range bar is updated to match).
    void load(const DateRange& range, Granularity granularity);
    /// Selects the table cell of a licence in a bucket (and so shows its resources and ramp).
    void selectCell(const QString& licence, int bucket);
    /// Lines or stacked bars.
    void setStackedBars(bool stacked);
    /// Shows instants (first-seen and fetch times) in local time instead of UTC; report windows stay UTC
    /// days.
    void setLocalTime(bool local);

    /// The table as CSV (what is shown: filtered and sorted rows, exact values). False with *error on
    /// failure.
    bool exportCsv(const QString& path, QString* error) const;
    /// The long CSV of the headless export: one row per licence and bucket, with each bucket's status.
    bool exportLongCsv(const QString& path, QString* error) const;
    /// The users and devices of the cell shown in the resource list, with its licence and bucket.
    bool exportResourcesCsv(const QString& path, QString* error) const;
    /// The chart in a light theme with the provenance footer.
    bool exportChart(
        const QString& path, ChartFormat format, QSize size, qreal devicePixelRatio, QString* error) const;
    /// "2025-01-01 – 2025-12-31 · monthly · Northwind · us_east_1 · fetched … · Billing Dashboard 0.1.0"
    QString footerText() const;

    void saveSettings(QSettings& settings) const;
    void restoreSettings(QSettings& settings);

    UsageSeriesController* controller() const { return m_controller; }

Q_SIGNALS:
    /// Nothing is loading any more (every bucket loaded, failed or was cancelled).
    void loadSettled();
    /// The chart switched between lines and stacked bars.
    void stackedBarsChanged(bool stacked);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Row headers as wide as the longest licence name, up to two fifths of the table.
    void fitRowHeaders();
    /// Bucket columns as wide as their headers.
    void fitColumns();
    int m_shownRow = -1; ///< the cell in the resource list: its model row and bucket
    int m_shownBucket = -1;
    void startLoad(const DateRange& range, Granularity granularity);
    void onSettled();
    void showCell(const QModelIndex& proxyIndex);
    void showTableMenu(const QPoint& pos);
    /// Lets the user enter the org's licence commitments, and keeps them in the store.
    void editCommitments();
    /// After a load: the licences whose state is news since the last look are told (alertsRaised).
    void reviewAlerts();
    /// The notes under the filter: anomalies, idle commitment.
    void updateNotes();
    /// The org's billing-cycle day: as the user set it for this org, else as a partner's overview of it
    /// shows, else as it was.
    void applyCycleDay();

    UsageSeriesController* m_controller;
    SortProxyModel* m_proxy;
    Provenance m_provenance;
    /// The table's sort that carries over to the next range (bucket columns change with every range).
    enum class SortKey { Licence, Peak, Average };
    SortKey m_sortKey = SortKey::Licence;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    DisplayZone m_zone = DisplayZone::Utc;
    ReportStore* m_store = nullptr;
    StoreScope m_scope;
    std::shared_ptr<const PartnerView> m_partnerView; ///< what a partner's stored overviews say of the org

    RangeBar* m_rangeBar;
    MessageBanner* m_banner;
    QSplitter* m_mainSplitter;
    QSplitter* m_tableSplitter;
    UsageChartPanel* m_charts;
    QLineEdit* m_filter;
    QPushButton* m_commitments;
    NoteLabel* m_anomalies;
    NoteLabel* m_idle;
    QTableView* m_table;
    ResourcePanel* m_resourcePanel;
};

} // namespace bd
