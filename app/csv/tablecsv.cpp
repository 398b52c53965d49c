#include "csv/tablecsv.h"

#include "csv/csvwriter.h"
#include "domain/decimal.h"

#include <QAbstractItemModel>
#include <QDateTime>

namespace bd {

CsvWriter TableCsv::build(
    const QAbstractItemModel& model, int rawRole, const QList<QPair<QString, QString>>& leading)
{
    QStringList header;
    for (const auto& [name, value] : leading)
        header << name;
    // A header set on two lines for the screen is one line in a file.
    for (int column = 0; column < model.columnCount(); ++column)
        header << model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString().replace(u'\n', u' ');
    CsvWriter csv(header);
    for (int row = 0; row < model.rowCount(); ++row) {
        for (const auto& [name, value] : leading)
            csv.text(value);
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant raw = model.data(index, rawRole);
            if (raw.metaType() == QMetaType::fromType<Decimal>())
                csv.number(raw.value<Decimal>());
            else if (raw.metaType() == QMetaType::fromType<QDateTime>())
                csv.timestamp(raw.toDateTime());
            else if (raw.metaType() == QMetaType::fromType<int>()
                || raw.metaType() == QMetaType::fromType<qlonglong>())
                csv.integer(raw.toLongLong());
            else if (raw.isValid())
                csv.text(raw.toString());
            else
                csv.text(QString()); // no value: an empty cell, never a made-up zero
        }
        csv.endRow();
    }
    return csv;
}

} // namespace bd
