#pragma once

#include "domain/currencytotals.h"
#include "domain/overviewestimate.h"
#include "domain/projection.h"
#include "domain/trusteebillingoverview.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

#include <optional>

namespace bd {

/// The usage lines of one billing period with their cost estimates, grouped by grouping (groups in the order
/// Genesys first lists them, lines in wire order within a group). Fair-use rows are shown as the allowance of
/// their resource line, which is netted against it. Raw values (exact Decimals) in SortRole, text for
/// display. For the active period (index 0) each line is projected to the period's end (Projections::period)
/// from the closed periods before it; other periods leave those columns blank.
class PeriodUsageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodUsageModel)

public:
    enum Column {
        GroupingColumn,
        NameColumn,
        PartNumberColumn,
        UsageColumn,
        UnitColumn,
        AllowanceColumn,
        BillableColumn,
        PrepayColumn,
        OverageColumn,
        OverageCostColumn,
        TotalColumn,
        ProjectedColumn, ///< "≈ likely (low–high)" for the active period, or why there is none
        OutlookColumn, ///< the projection against the commitment
        ProjectedOverageCostColumn, ///< max(likely − prepay, 0) × overage price
        PrepayPriceColumn, // prices after the estimates: the estimates are what a reader looks for first
        OveragePriceColumn,
        ThirdPartyColumn,
        ColumnCount
    };
    enum Role {
        SortRole
        = Qt::UserRole + 1, ///< raw value: a Decimal, a QString or a bool; invalid when there is none
        ThirdPartyRole, ///< bool, every column
        AllowanceRowRole, ///< bool: the row is a fair-use allowance (every column)
        GroupingRole, ///< the row's grouping (every column)
    };

    explicit PeriodUsageModel(QObject* parent = nullptr);

    /// Shows this period (copied); clears with an empty overview. Index 0 is projected from `closed`, the
    /// closed periods before it (index 1, 2, …, newest first); other indexes (or -1, unknown) are not.
    void setOverview(const TrusteeBillingOverview& overview, int billingPeriodIndex = -1,
        const QList<TrusteeBillingOverview>& closed = {});
    /// Replaces the closed periods an active period is projected from.
    void setClosedPeriods(const QList<TrusteeBillingOverview>& closed);
    /// Pins "today" (UTC) for the data cut-off; invalid follows the clock.
    void setToday(QDate today);
    /// The current UTC day: the pinned one, or the clock's.
    QDate today() const;
    int billingPeriodIndex() const { return m_index; }
    /// Shows nothing.
    void clear();

    const TrusteeBillingOverview& overview() const { return m_overview; }
    /// The usage line shown at a row.
    const SubscriptionOverviewUsage* usage(int row) const;
    /// The estimate of the line at a row.
    const UsageEstimate* estimate(int row) const;
    /// The row of a line by grouping and part number, or -1.
    int rowOf(const QString& grouping, const QString& partNumber) const;
    /// The period's estimated totals (one currency: the overview's).
    CurrencyTotals totals() const;
    /// The projection of the line at a row; nullptr when the period is not projected.
    const LineProjection* projection(int row) const;
    /// The projected lines' estimated overage per currency (empty when nothing is projected).
    QMap<QString, Decimal> projectedOverage() const;
    /// One sentence on how a projection is made.
    static QString methodText(Projection::Method method);
    /// Why a line has no projection, short ("closed period", "too little history", …).
    QString reasonText(int row) const;
    /// "likely to exceed the commitment by 12 seats on 22 Dec 2026", "likely within the commitment", or empty
    /// without a commitment or a projection.
    QString outlookText(int row) const;
    /// The caveats every estimate of this page carries (from the wire contract).
    static QString caveat();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int usageIndex; // into m_overview.usages
        UsageEstimate estimate;
        int group; // group number, for shading
        std::optional<LineProjection> projection; // index 0 only
    };
    void project();
    const Row* rowAt(int row) const;
    QString projectionTip(int row) const;
    QVariant raw(const Row& row, int column) const;
    QString display(const Row& row, int column) const;

    TrusteeBillingOverview m_overview;
    QList<Row> m_rows;
    int m_index = -1;
    QList<TrusteeBillingOverview> m_closed;
    QDate m_today; ///< pinned "today", or invalid for the clock's
};

} // namespace bd
