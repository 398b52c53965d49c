#pragma once

#include "domain/periodcomparison.h"

#include <QAbstractTableModel>

namespace bd {

/// The usage lines of a PeriodComparison as a table: change, charge, both quantities, Δ and Δ %.
/// Raw values (exact Decimals, or invalid for a missing side) in SortRole, text for display.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)

public:
    enum Column {
        ChangeColumn,
        GroupingColumn,
        NameColumn,
        PartNumberColumn,
        BeforeColumn,
        AfterColumn,
        DeltaColumn,
        DeltaPercentColumn,
        CostDeltaColumn, ///< the estimated cost's change, in the periods' currency
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw value
        ChangeRole, ///< PeriodComparison::Change as int (every column)
    };

    explicit ComparisonModel(QObject* parent = nullptr);

    /// Shows a comparison; the headers of the two quantity columns name the periods.
    void setComparison(
        const PeriodComparison& comparison, const QString& beforeLabel, const QString& afterLabel);
    /// Shows nothing.
    void clear();
    const PeriodComparison& comparison() const { return m_comparison; }
    /// "Added", "Removed", "Changed" or "Unchanged".
    static QString changeText(PeriodComparison::Change change);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const PeriodComparison::Line& line, int column) const;

    PeriodComparison m_comparison;
    QString m_beforeLabel;
    QString m_afterLabel;
};

} // namespace bd
