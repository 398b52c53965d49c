#include "models/tablehtml.h"

#include <QAbstractItemModel>

using namespace Qt::StringLiterals;

namespace bd::TableHtml {

namespace {

QString cell(const QString& tag, const QVariant& text, const QVariant& alignment)
{
    const bool right = alignment.isValid() && (alignment.value<Qt::Alignment>() & Qt::AlignRight);
    return u"<%1%2>%3</%1>"_s.arg(tag, right ? u" align=\"right\""_s : QString(),
        text.toString().toHtmlEscaped().replace(u'\n', u"<br>"_s));
}

} // namespace

QString build(const QAbstractItemModel& model, const QList<int>& columns, bool rowHeaders)
{
    QString html = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>"_s;
    if (rowHeaders)
        html += u"<th></th>"_s;
    for (int column : columns)
        html += cell(u"th"_s, model.headerData(column, Qt::Horizontal), {});
    html += u"</tr></thead><tbody>"_s;
    for (int row = 0; row < model.rowCount(); ++row) {
        html += u"<tr>"_s;
        if (rowHeaders)
            html += cell(u"th"_s, model.headerData(row, Qt::Vertical), {});
        for (int column : columns) {
            const QModelIndex index = model.index(row, column);
            html += cell(u"td"_s, index.data(), index.data(Qt::TextAlignmentRole));
        }
        html += u"</tr>"_s;
    }
    return html + u"</tbody></table>"_s;
}

} // namespace bd::TableHtml
