#pragma once

#include "domain/trustor.h"

#include <QAbstractTableModel>
#include <QList>

namespace bd {

/// The customer orgs that trust the partner org: name, org id and whether the trust is enabled.
/// Raw values in SortRole, the org id in TrustorIdRole.
class TrustorListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustorListModel)

public:
    enum Column { NameColumn, IdColumn, TrustColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< the name, id, or the enabled flag (bool)
        TrustorIdRole, ///< the trustor org id (every column)
        EnabledRole, ///< whether the trust is enabled (every column)
    };

    explicit TrustorListModel(QObject* parent = nullptr);

    /// Replaces the list.
    void setTrustors(const QList<Trustor>& trustors);
    const QList<Trustor>& trustors() const { return m_trustors; }
    /// The trustor at a row (default-constructed when out of range).
    Trustor trustor(int row) const { return m_trustors.value(row); }
    /// The row of an org id (case-insensitive), or -1.
    int rowOfId(const QString& orgId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Trustor> m_trustors;
};

} // namespace bd
