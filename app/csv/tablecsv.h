#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QAbstractItemModel;

namespace bd {

class CsvWriter;

/// Any table model as CSV, as shown (rows in view order): header text from the model, cells from a raw-value
/// role so numbers stay exact (a Decimal is written as exact text; anything else as neutralised text).
namespace TableCsv {

/// `leading` columns (header, value) come first on every row: what the table leaves implicit, such as the
/// period and the currency its money is in.
CsvWriter build(
    const QAbstractItemModel& model, int rawRole, const QList<QPair<QString, QString>>& leading = {});

} // namespace TableCsv

} // namespace bd
