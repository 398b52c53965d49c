#pragma once

#include "models/displayzone.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSettings;
class QTableView;

namespace bd {

class ResourceModel;
class SortProxyModel;
class UsageSeriesModel;

/// The drill-down under the usage table: the users and devices billed behind one licence in one bucket.
class ResourcePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourcePanel)

public:
    explicit ResourcePanel(QWidget* parent = nullptr);
    ~ResourcePanel() override;

    /// Shows the resources of a licence (a row of `model`) in a bucket.
    void showCell(const UsageSeriesModel& model, int row, int bucket);
    /// Back to the hint: no cell is selected.
    void clear();
    /// Whether keyboard focus is in the panel (copy then copies its table).
    bool hasFocusInside() const;

    QTableView* table() const { return m_table; }
    /// The zone first-seen times are shown in.
    void setDisplayZone(DisplayZone zone);

    void saveSettings(QSettings& settings) const;
    void restoreSettings(QSettings& settings);

private:
    /// Shows the cell's resources: all, or only those that pushed it past its commitment.
    void showResources();

    ResourceModel* m_resources;
    QCheckBox* m_pastCommitment;
    const UsageSeriesModel* m_model = nullptr;
    int m_row = -1;
    int m_bucket = -1;
    SortProxyModel* m_proxy;
    QLabel* m_title;
    QLineEdit* m_filter;
    QTableView* m_table;
};

} // namespace bd
