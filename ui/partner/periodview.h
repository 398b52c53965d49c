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
/// currency. The active period (index 0) is projected to its end from the closed periods of `periods`.
class PeriodView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodView)

public:
    explicit PeriodView(QWidget* parent = nullptr);
    /// A view that projects the active period from the closed periods walked into `periods`.
    explicit PeriodView(const PeriodListModel* periods, QWidget* parent = nullptr);
    ~PeriodView() override;

    /// The walked periods an active period is projected from (nullptr: none); its "today" is theirs.
    void setPeriods(const PeriodListModel* periods);
    /// Shows a period (nullptr: none).
    void showPeriod(const PeriodListModel::Period* period);
    /// Writes the period's usage lines (exact values, wire order) as CSV, each row led by the period and
    /// currency.
    bool exportCsv(const QString& path, QString* error) const;

    PeriodUsageModel* model() const { return m_usage; }
    QTableView* table() const { return m_table; }

private:
    QList<TrusteeBillingOverview> closedPeriods() const;
    void updateTotals();

    const PeriodListModel* m_periods = nullptr;
    PeriodUsageModel* m_usage;
    SortProxyModel* m_proxy;
    ContractPanel* m_contract;
    QTableView* m_table;
    QLabel* m_totals;
};

} // namespace bd
