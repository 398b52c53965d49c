#include "models/selectiontext.h"

#include <QAbstractItemModel>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
QString clean(QString text)
{
    // A tab or newline inside a cell would break the grid when pasted.
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}
} // namespace

QString SelectionText::toTsv(
    const QAbstractItemModel& model, const QModelIndexList& selected, bool rowHeaders)
{
    if (selected.isEmpty())
        return {};
    QList<int> rows, columns;
    QSet<QPair<int, int>> chosen;
    for (const QModelIndex& index : selected) {
        if (!rows.contains(index.row()))
            rows << index.row();
        if (!columns.contains(index.column()))
            columns << index.column();
        chosen.insert({ index.row(), index.column() });
    }
    std::sort(rows.begin(), rows.end());
    std::sort(columns.begin(), columns.end());
    const QModelIndex parent = selected.first().parent();

    QStringList lines;
    QStringList header;
    if (rowHeaders)
        header << QString();
    for (int column : std::as_const(columns))
        header << clean(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    lines << header.join(u'\t');
    for (int row : std::as_const(rows)) {
        QStringList cells;
        if (rowHeaders)
            cells << clean(model.headerData(row, Qt::Vertical, Qt::DisplayRole).toString());
        for (int column : std::as_const(columns)) {
            cells << (chosen.contains({ row, column })
                    ? clean(model.data(model.index(row, column, parent), Qt::DisplayRole).toString())
                    : QString());
        }
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace bd
