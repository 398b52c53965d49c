#include "models/trustorlistmodel.h"

#include "models/celltone.h"

using namespace Qt::StringLiterals;

namespace bd {

TrustorListModel::TrustorListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void TrustorListModel::setTrustors(const QList<Trustor>& trustors)
{
    beginResetModel();
    m_trustors = trustors;
    endResetModel();
}

int TrustorListModel::rowOfId(const QString& orgId) const
{
    for (int row = 0; row < m_trustors.size(); ++row) {
        if (m_trustors.at(row).id.compare(orgId, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

int TrustorListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_trustors.size());
}

int TrustorListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrustorListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Trustor& t = m_trustors.at(index.row());
    const QString name = t.organization.name.isEmpty() ? t.id : t.organization.name;
    switch (role) {
    case TrustorIdRole:
        return t.id;
    case EnabledRole:
        return t.enabled;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return name;
        case IdColumn:
            return t.id;
        case TrustColumn:
            return t.enabled ? tr("Enabled") : tr("Disabled");
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return name;
        case IdColumn:
            return t.id;
        case TrustColumn:
            return t.enabled;
        }
        return {};
    case ToneRole:
        // A disabled trust stays listed (the partner should see it) but reads as unavailable.
        if (!t.enabled)
            return int(CellTone::Muted);
        return {};
    }
    return {};
}

QVariant TrustorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Customer");
    case IdColumn:
        return tr("Org id");
    case TrustColumn:
        return tr("Trust");
    }
    return {};
}

} // namespace bd
