#pragma once

#include <QModelIndexList>
#include <QString>

class QAbstractItemModel;

namespace bd {

/// A table selection as tab-separated text for the clipboard: a header row of the selected columns, then one
/// line per selected row, cells as displayed. Cells left out of a ragged selection stay empty. With
/// `rowHeaders`, each line starts with the row's vertical header (a name the view shows beside the row).
namespace SelectionText {

QString toTsv(const QAbstractItemModel& model, const QModelIndexList& selected, bool rowHeaders = false);

} // namespace SelectionText

} // namespace bd
