#include "ui/exportchooser.h"

#include "models/selectiontext.h"
#include "models/tablehtml.h"
#include "ui/imagesizedialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

const QString LastFolderKey = u"export/lastFolder"_s;

} // namespace

ExportChooser::ExportChooser(QWidget* parent, const QString& title, const QString& fileBase)
    : m_parent(parent)
    , m_title(title)
    , m_fileBase(fileBase)
{ }

int ExportChooser::addTable(const QString& label, TableWriter write)
{
    m_targets.append({ label, std::move(write), nullptr, {} });
    return int(m_targets.size()) - 1;
}

int ExportChooser::addChart(const QString& label, const ExportableChart* chart, const QString& footer)
{
    m_targets.append({ label, {}, chart, footer });
    return int(m_targets.size()) - 1;
}

QList<ExportChooser::Choice> ExportChooser::choices() const
{
    QList<Choice> list;
    for (int i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).chart && !m_targets.at(i).chart->emptyText().isEmpty())
            continue; // a chart with nothing on it is not offered
        if (m_targets.at(i).chart) {
            list.append({ i, ChartFormat::Png, u"png"_s });
            list.append({ i, ChartFormat::Svg, u"svg"_s });
            list.append({ i, ChartFormat::Pdf, u"pdf"_s });
        } else {
            list.append({ i, ChartFormat::Png, u"csv"_s });
        }
    }
    return list;
}

QString ExportChooser::filterText(const Choice& choice) const
{
    const QString& label = m_targets.at(choice.target).label;
    if (choice.suffix == u"csv"_s)
        return tr("%1, CSV table (*.csv)").arg(label);
    if (choice.suffix == u"svg"_s)
        return tr("%1, SVG image (*.svg)").arg(label);
    if (choice.suffix == u"pdf"_s)
        return tr("%1, PDF document (*.pdf)").arg(label);
    return tr("%1, PNG image (*.png)").arg(label);
}

QString ExportChooser::exec()
{
    const QList<Choice> all = choices();
    if (all.isEmpty())
        return {};
    QStringList filters;
    for (const Choice& choice : all)
        filters << filterText(choice);
    const auto offered = std::find_if(
        all.cbegin(), all.cend(), [this](const Choice& c) { return c.target == m_preselected; });
    const Choice& first = offered != all.cend() ? *offered : all.first();
    QString filter = filterText(first);
    QString path = QFileDialog::getSaveFileName(m_parent, m_title,
        startFolder() + u'/' + m_fileBase + u'.' + first.suffix, filters.join(u";;"_s), &filter);
    if (path.isEmpty())
        return {};
    Choice choice = all.value(filters.indexOf(filter), all.first());
    // A suffix typed by hand wins over the filter when the same target (or else another) is exported that
    // way.
    const QString typed = QFileInfo(path).suffix().toLower();
    if (typed.isEmpty()) {
        path += u'.' + choice.suffix;
    } else if (typed != choice.suffix) {
        const auto sameTarget = std::find_if(all.cbegin(), all.cend(),
            [&](const Choice& c) { return c.target == choice.target && c.suffix == typed; });
        const auto anyTarget
            = std::find_if(all.cbegin(), all.cend(), [&](const Choice& c) { return c.suffix == typed; });
        if (sameTarget != all.cend())
            choice = *sameTarget;
        else if (anyTarget != all.cend())
            choice = *anyTarget;
        else
            path += u'.' + choice.suffix;
    }
    QString error;
    if (!write(choice, path, &error)) {
        if (!error.isEmpty())
            QMessageBox::warning(m_parent, tr("Export failed"), error);
        return {};
    }
    QSettings().setValue(LastFolderKey, QFileInfo(path).absolutePath());
    return path;
}

QString ExportChooser::startFolder()
{
    const QString last = QSettings().value(LastFolderKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

bool ExportChooser::write(const Choice& choice, const QString& path, QString* error)
{
    const Target& target = m_targets.at(choice.target);
    if (!target.chart)
        return target.write(path, error);
    QSize size = DefaultImageSize;
    qreal ratio = 1.0;
    if (choice.format == ChartFormat::Png) {
        ratio = m_parent ? m_parent->devicePixelRatioF() : 1.0;
        if (!askImageSize(m_parent, &size, &ratio)) {
            error->clear(); // cancelled: nothing to report
            return false;
        }
    }
    return ChartExporter::save(*target.chart, path, choice.format, size, ratio, target.footer, error);
}

void ExportChooser::print(
    QWidget* parent, const ExportableChart& chart, const QString& title, const QString& footer)
{
    if (const QString empty = chart.emptyText(); !empty.isEmpty()) {
        QMessageBox::information(parent, title, tr("Nothing to print: %1").arg(empty));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    ChartExporter::preparePrinter(&printer);
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(title);
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview,
        [&chart, &footer](QPrinter* target) { ChartExporter::print(chart, target, footer); });
    preview.exec();
}

void ExportChooser::print(QWidget* parent, const ExportableChart* chart, const QString& tableHtml,
    const QString& title, const QString& footer)
{
    if (chart && !chart->emptyText().isEmpty())
        chart = nullptr; // the table alone: an empty chart would be a blank first page
    QPrinter printer(QPrinter::HighResolution);
    ChartExporter::preparePrinter(&printer);
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(title);
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview,
        [chart, &tableHtml, &footer](
            QPrinter* target) { ChartExporter::print(chart, tableHtml, target, footer); });
    preview.exec();
}

QString ExportChooser::tableHtml(const QTableView& table, bool withRowHeaders)
{
    if (!table.model())
        return {};
    QList<int> columns;
    const QHeaderView* header = table.horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!table.isColumnHidden(column))
            columns << column;
    }
    return TableHtml::build(*table.model(), columns, withRowHeaders);
}

void ExportChooser::copySelection(const QTableView& table, bool withRowHeaders)
{
    if (!table.model() || !table.selectionModel())
        return;
    // What the view hides (the usage table's licence column, shown as the row header) is not copied again.
    QModelIndexList shown;
    for (const QModelIndex& index : table.selectionModel()->selectedIndexes()) {
        if (!table.isColumnHidden(index.column()) && !table.isRowHidden(index.row()))
            shown << index;
    }
    const QString text = SelectionText::toTsv(*table.model(), shown, withRowHeaders);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

} // namespace bd
