#pragma once

#include "store/reportstore.h"

#include <QAbstractTableModel>
#include <QList>

namespace bd {

/// What the local store holds, one row per org: its name, region, how many usage reports and billing
/// periods, their size, the span of the data and the last fetch. For the "Stored data" view.
class StoredDataModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoredDataModel)

public:
    enum Column {
        OrgColumn,
        RegionColumn,
        UsageReportsColumn,
        PeriodsColumn,
        SizeColumn,
        FromColumn,
        ToColumn,
        FetchedColumn,
        ColumnCount
    };

    explicit StoredDataModel(QObject* parent = nullptr);

    /// Shows these orgs (ReportStore::summary()).
    void setOrgs(const QList<ReportStore::OrgSummary>& orgs);
    /// The org of a row, or an invalid scope.
    StoreScope scopeAt(int row) const;
    /// The row's org as a person reads it: its name, else its id.
    QString orgTextAt(int row) const;
    /// Every org's compressed bodies together.
    qint64 totalBytes() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReportStore::OrgSummary> m_orgs;
};

} // namespace bd
