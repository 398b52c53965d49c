#pragma once

#include "domain/billingusageresource.h"
#include "models/displayzone.h"

#include <QAbstractTableModel>

namespace bd {

/// The resources behind one usage cell: a row per user e-mail or device id with its first-seen date.
class ResourceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceModel)

public:
    enum Column { NameColumn, FirstSeenColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1; ///< the name, or the QDateTime first seen

    explicit ResourceModel(QObject* parent = nullptr);

    void setResources(const QList<BillingUsageResource>& resources);
    /// The zone first-seen times are shown in (UTC by default); the column header names it.
    void setDisplayZone(DisplayZone zone);
    const QList<BillingUsageResource>& resources() const { return m_resources; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BillingUsageResource> m_resources;
    DisplayZone m_zone = DisplayZone::Utc;
};

} // namespace bd
