#pragma once

#include "models/periodlistmodel.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace bd {

class ContractPanel;
class PeriodUsageModel;
class SortProxyModel;

/// One billing period of a customer: its contract, its usage lines with cost estimates, and the totals per
/// currency.
class PeriodView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodView)

public:
    explicit PeriodView(QWidget* parent = nullptr);
    ~PeriodView() override;

    /// Shows a period (nullptr: none).
    void showPeriod(const PeriodListModel::Period* period);
    /// Writes the period's usage lines (exact values, wire order) as CSV, each row led by the period and
    /// currency.
    bool exportCsv(const QString& path, QString* error) const;

    PeriodUsageModel* model() const { return m_usage; }
    QTableView* table() const { return m_table; }

private:
    PeriodUsageModel* m_usage;
    SortProxyModel* m_proxy;
    ContractPanel* m_contract;
    QTableView* m_table;
    QLabel* m_totals;
};

} // namespace bd
