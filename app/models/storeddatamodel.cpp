#include "models/storeddatamodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString dayText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(u"d MMM yyyy"_s) : QString();
}

} // namespace

StoredDataModel::StoredDataModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void StoredDataModel::setOrgs(const QList<ReportStore::OrgSummary>& orgs)
{
    beginResetModel();
    m_orgs = orgs;
    endResetModel();
}

StoreScope StoredDataModel::scopeAt(int row) const
{
    return row >= 0 && row < m_orgs.size() ? m_orgs.at(row).scope : StoreScope();
}

QString StoredDataModel::orgTextAt(int row) const
{
    if (row < 0 || row >= m_orgs.size())
        return {};
    const ReportStore::OrgSummary& org = m_orgs.at(row);
    return org.orgName.isEmpty() ? org.scope.orgId : org.orgName;
}

qint64 StoredDataModel::totalBytes() const
{
    qint64 total = 0;
    for (const ReportStore::OrgSummary& org : m_orgs)
        total += org.bytes;
    return total;
}

int StoredDataModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_orgs.size());
}

int StoredDataModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StoredDataModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_orgs.size())
        return {};
    const ReportStore::OrgSummary& org = m_orgs.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == OrgColumn)
        return tr("Org id %1").arg(org.scope.orgId);
    if (role == Qt::TextAlignmentRole && index.column() >= UsageReportsColumn && index.column() <= SizeColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case OrgColumn:
        return orgTextAt(index.row());
    case RegionColumn:
        return org.scope.region;
    case UsageReportsColumn:
        return org.usageReports;
    case PeriodsColumn:
        return org.overviews;
    case SizeColumn:
        return QLocale().formattedDataSize(org.bytes);
    case FromColumn:
        return dayText(org.oldestData);
    case ToColumn:
        // Windows and periods end at midnight: the last day of data is the one before.
        return dayText(org.newestData.addMSecs(-1));
    case FetchedColumn:
        return org.lastFetched.isValid() ? org.lastFetched.toUTC().toString(u"d MMM yyyy HH:mm 'UTC'"_s)
                                         : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant StoredDataModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case OrgColumn:
        return tr("Org");
    case RegionColumn:
        return tr("Region");
    case UsageReportsColumn:
        return tr("Usage reports");
    case PeriodsColumn:
        return tr("Billing periods");
    case SizeColumn:
        return tr("Size");
    case FromColumn:
        return tr("Data from");
    case ToColumn:
        return tr("Data to");
    case FetchedColumn:
        return tr("Last fetched");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace bd
