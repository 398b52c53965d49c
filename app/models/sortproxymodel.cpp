#include "models/sortproxymodel.h"

#include "domain/decimal.h"

#include <QCollator>
#include <QDateTime>

namespace bd {

SortProxyModel::SortProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(0);
}

void SortProxyModel::setRowFilter(std::function<bool(int sourceRow)> accepts)
{
    m_accepts = std::move(accepts);
    invalidateFilter();
}

bool SortProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_accepts && !m_accepts(sourceRow))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool SortProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // Empty values (a bucket still loading, a missing price) sort after every real value.
    if (!a.isValid() || !b.isValid())
        return a.isValid() && !b.isValid();
    const QMetaType decimal = QMetaType::fromType<Decimal>();
    if (a.metaType() == decimal && b.metaType() == decimal)
        return a.value<Decimal>() < b.value<Decimal>();
    if (a.metaType() == QMetaType::fromType<QString>() && b.metaType() == QMetaType::fromType<QString>()) {
        static thread_local QCollator collator = [] {
            QCollator c;
            c.setNumericMode(true);
            c.setCaseSensitivity(Qt::CaseInsensitive);
            return c;
        }();
        return collator.compare(a.toString(), b.toString()) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace bd
