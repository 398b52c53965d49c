#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;

namespace bd::TableHtml {

/// A table model as an HTML table for printing: the given columns in that order with their headers, every row
/// as displayed (vertical headers first with `rowHeaders`), text escaped, cells aligned as the model asks.
QString build(const QAbstractItemModel& model, const QList<int>& columns, bool rowHeaders = false);

} // namespace bd::TableHtml
