#pragma once

#include "domain/billingusagereport.h"

#include <QAbstractTableModel>

namespace bd {

/// One billable-usage report as a table: a row per licence with its total usage and resource count.
class LicenceUsageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LicenceUsageModel)

public:
    enum Column { LicenceColumn, TotalUsageColumn, ResourcesColumn, ColumnCount };
    /// The raw value of a cell (a Decimal for usage, an int for counts) for sorting and export.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit LicenceUsageModel(QObject* parent = nullptr);

    void setReport(const BillingUsageReport& report);
    void clear();
    const BillingUsageReport& report() const { return m_report; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    BillingUsageReport m_report;
};

} // namespace bd
