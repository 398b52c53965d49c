#pragma once

#include <QTableView>

namespace bd {

/// A table view that repaints only the cells a model's dataChanged names. Qt 6.4's views repaint the whole
/// viewport for any change wider than one cell, so a table that fills a row at a time (the portfolio, while
/// a sweep runs) would repaint every visible cell for each period that arrives. A view with editors, or a
/// change of size hints, gets Qt's own handling, which also refreshes editors and lays the view out again.
class CellTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CellTableView)

public:
    using QTableView::QTableView;

protected:
    void dataChanged(
        const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles = {}) override;
};

} // namespace bd
