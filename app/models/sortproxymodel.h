#pragma once

#include <QSortFilterProxyModel>

#include <functional>

namespace bd {

/// Sorts by a raw-value role, comparing exact Decimals numerically (QVariant cannot), texts naturally and
/// leaving empty values last; filters rows on one column's text, case-insensitively, and on an optional
/// predicate over source rows.
class SortProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SortProxyModel)

public:
    explicit SortProxyModel(QObject* parent = nullptr);

    /// Lists only the source rows it accepts (with the text filter); an empty function accepts all.
    void setRowFilter(std::function<bool(int sourceRow)> accepts);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::function<bool(int)> m_accepts;
};

} // namespace bd
