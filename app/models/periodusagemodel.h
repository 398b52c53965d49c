#pragma once

#include "domain/currencytotals.h"
#include "domain/overviewestimate.h"
#include "domain/trusteebillingoverview.h"

#include <QAbstractTableModel>
#include <QList>

namespace bd {

/// The usage lines of one billing period with their cost estimates, grouped by grouping (groups in the order
/// Genesys first lists them, lines in wire order within a group). Fair-use rows are shown as the allowance of
/// their resource line, which is netted against it. Raw values (exact Decimals) in SortRole, text for
/// display.
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

    /// Shows this period (copied); clears with an empty overview.
    void setOverview(const TrusteeBillingOverview& overview);
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
    };
    QVariant raw(const Row& row, int column) const;
    QString display(const Row& row, int column) const;

    TrusteeBillingOverview m_overview;
    QList<Row> m_rows;
};

} // namespace bd
