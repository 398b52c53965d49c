#pragma once

#include <QSortFilterProxyModel>

namespace bd {

/// Sorts by a raw-value role, comparing exact Decimals numerically (QVariant cannot), texts naturally and
/// leaving empty values last; filters rows on one column's text, case-insensitively.
class SortProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SortProxyModel)

public:
    explicit SortProxyModel(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace bd
