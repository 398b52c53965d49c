#include "models/licenceusagemodel.h"

using namespace Qt::StringLiterals;

namespace bd {

LicenceUsageModel::LicenceUsageModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LicenceUsageModel::setReport(const BillingUsageReport& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void LicenceUsageModel::clear()
{
    setReport({});
}

int LicenceUsageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_report.usages.size());
}

int LicenceUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LicenceUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BillingUsage& usage = m_report.usages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LicenceColumn:
            return usage.name;
        case TotalUsageColumn:
            return usage.totalUsage.toString();
        case ResourcesColumn:
            return QString::number(usage.resources.size());
        }
        break;
    case SortRole:
        switch (index.column()) {
        case LicenceColumn:
            return usage.name;
        case TotalUsageColumn:
            return QVariant::fromValue(usage.totalUsage);
        case ResourcesColumn:
            return int(usage.resources.size());
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != LicenceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant LicenceUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LicenceColumn:
        return u"Licence"_s;
    case TotalUsageColumn:
        return u"Total usage"_s;
    case ResourcesColumn:
        return u"Resources"_s;
    }
    return {};
}

} // namespace bd
