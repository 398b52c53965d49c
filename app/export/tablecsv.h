#pragma once

class QAbstractItemModel;

namespace bd {

class CsvWriter;

/// Any table model as CSV, as shown (rows in view order): header text from the model, cells from a raw-value
/// role so numbers stay exact (a Decimal is written as exact text; anything else as neutralised text).
class TableCsv final
{
public:
    static CsvWriter build(const QAbstractItemModel& model, int rawRole);
};

} // namespace bd
