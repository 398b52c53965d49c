#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateTime;
class QLabel;
class QTableView;
class QTableWidget;

namespace bd {

class ComparisonModel;
class PeriodListModel;
class SortProxyModel;

/// Compares any two walked periods: Δ quantity and Δ % per line, charges that appeared or disappeared, and
/// the contract fields that changed. By default the newest closed period against the one before it.
class ComparisonView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonView)

public:
    explicit ComparisonView(QWidget* parent = nullptr);
    ~ComparisonView() override;

    /// Compares periods of this model (not owned); follows it as periods arrive.
    void setPeriods(PeriodListModel* periods);
    /// Compares the periods at these rows of the period model (older, newer).
    void compareRows(int beforeRow, int afterRow);
    /// The comparison table (for copying a selection).
    QTableView* table() const { return m_table; }
    /// Picks the default pair: the newest closed period and the one before it.
    void selectDefault();
    ComparisonModel* model() const { return m_model; }
    /// The compared rows of the period model (-1 when none).
    int beforeRow() const;
    int afterRow() const;

private:
    void repopulate();
    void recompare();
    int rowOfCombo(const QComboBox* combo) const;

    QPointer<PeriodListModel> m_periods;
    ComparisonModel* m_model;
    SortProxyModel* m_proxy;
    QComboBox* m_before;
    QComboBox* m_after;
    QLabel* m_summary;
    QTableView* m_table;
    QTableWidget* m_fields;
    bool m_userPicked = false;
    bool m_populating = false;
};

} // namespace bd
