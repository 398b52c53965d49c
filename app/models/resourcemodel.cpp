#include "models/resourcemodel.h"

#include "domain/isodate.h"

using namespace Qt::StringLiterals;

namespace bd {

ResourceModel::ResourceModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ResourceModel::setResources(const QList<BillingUsageResource>& resources)
{
    beginResetModel();
    m_resources = resources;
    endResetModel();
}

void ResourceModel::setDisplayZone(DisplayZone zone)
{
    if (zone == m_zone)
        return;
    beginResetModel();
    m_zone = zone;
    endResetModel();
}

int ResourceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_resources.size());
}

int ResourceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResourceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BillingUsageResource& resource = m_resources.at(index.row());
    if (role == Qt::DisplayRole) {
        return index.column() == NameColumn ? resource.name : DisplayZones::format(resource.date, m_zone);
    }
    if (role == SortRole)
        return index.column() == NameColumn ? QVariant(resource.name) : QVariant(resource.date);
    if (role == Qt::ToolTipRole && index.column() == FirstSeenColumn)
        return IsoDate::format(resource.date);
    return {};
}

QVariant ResourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Resource") : tr("First seen (%1)").arg(DisplayZones::name(m_zone));
}

} // namespace bd
