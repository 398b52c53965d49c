#pragma once

#include "ui/charts/chartexporter.h"

#include <QCoreApplication>
#include <QList>
#include <QSize>

#include <functional>

class QTableView;
class QWidget;

namespace bd {

/// The one export, print and copy path of every page. A page registers what it can export (tables as CSV,
/// charts as PNG, SVG or PDF); the chooser asks where and in which format, asks for a PNG's size, writes
/// through the same file writer as the headless export, and reports a failure the same way on every page.
class ExportChooser final
{
    Q_DECLARE_TR_FUNCTIONS(bd::ExportChooser)

public:
    using TableWriter = std::function<bool(const QString& path, QString* error)>;

    /// `fileBase` is the file name offered, without a suffix (e.g. "billable-usage-2026-01-01-2026-11-30").
    ExportChooser(QWidget* parent, const QString& title, const QString& fileBase);

    /// A table, written as CSV by `write`. Returns its number, for preselect().
    int addTable(const QString& label, TableWriter write);
    /// A chart, with the footer printed under it. Returns its number, for preselect().
    int addChart(const QString& label, const ExportableChart* chart, const QString& footer);
    /// The target offered first: the view on screen (else the first one offered). A chart with nothing on it
    /// (ExportableChart::emptyText) is not offered.
    void preselect(int target) { m_preselected = target; }

    /// Asks for a file and a format, then writes. The path written, or an empty string when the person
    /// cancelled or the export failed (the failure is shown in a message box).
    QString exec();

    /// Prints a chart with a preview titled `title`.
    /// Where the save dialog opens: the folder of the last export, while it exists, else Documents.
    static QString startFolder();
    static void print(
        QWidget* parent, const ExportableChart& chart, const QString& title, const QString& footer);
    /// A table view as HTML for printing: its visible columns in the order shown, its rows as sorted.
    static QString tableHtml(const QTableView& table, bool withRowHeaders = false);
    /// Prints a chart (or none) and then a table, in a print preview.
    static void print(QWidget* parent, const ExportableChart* chart, const QString& tableHtml,
        const QString& title, const QString& footer);
    /// Copies a table's selection as tab-separated text with headers (and row headers when asked).
    static void copySelection(const QTableView& table, bool withRowHeaders = false);

    /// The pixel size of a PNG or SVG export unless the person picks another.
    static constexpr QSize DefaultImageSize { 1600, 1000 };

private:
    struct Target
    {
        QString label;
        TableWriter write; ///< a table
        const ExportableChart* chart = nullptr; ///< or a chart
        QString footer;
    };
    struct Choice
    {
        int target = -1;
        ChartFormat format = ChartFormat::Png;
        QString suffix;
    };

    QList<Choice> choices() const;
    QString filterText(const Choice& choice) const;
    bool write(const Choice& choice, const QString& path, QString* error);

    QWidget* m_parent;
    QString m_title;
    QString m_fileBase;
    QList<Target> m_targets;
    int m_preselected = 0;
};

} // namespace bd
