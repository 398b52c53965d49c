#include "ui/celltableview.h"

namespace bd {

void CellTableView::dataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    // A change that spans more than a screenful is cheaper to repaint whole.
    constexpr int MostCells = 400;
    const int rows = bottomRight.row() - topLeft.row() + 1;
    const int columns = bottomRight.column() - topLeft.column() + 1;
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent() != bottomRight.parent() || rows <= 0
        || columns <= 0 || rows * columns > MostCells || editTriggers() != NoEditTriggers || !isVisible()
        || roles.contains(Qt::SizeHintRole)) {
        QTableView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    QRect changed;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        if (isRowHidden(row))
            continue;
        for (int column = topLeft.column(); column <= bottomRight.column(); ++column)
            if (!isColumnHidden(column))
                changed |= visualRect(model()->index(row, column, topLeft.parent()));
    }
    changed &= viewport()->rect();
    if (!changed.isEmpty())
        viewport()->update(changed);
}

} // namespace bd
