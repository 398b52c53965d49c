#pragma once

#include <QSize>
#include <QString>

#include <memory>

class QChart;
class QPainter;
class QPrinter;
class QRectF;

namespace bd {

/// The formats a chart is exported in.
enum class ChartFormat { Png, Svg, Pdf };

/// A chart view that can be exported or printed: it builds a fresh chart of what it shows for the purpose, so
/// that pages never handle a QChart themselves.
class ExportableChart
{
public:
    virtual ~ExportableChart() = default;
    /// A new chart of what the view shows, light whatever the screen theme.
    virtual std::unique_ptr<QChart> buildExportChart() const = 0;
    /// Why the view has nothing to plot ("Loading…", "No usage in this range."); empty when it has. A chart
    /// with nothing on it is not exported.
    virtual QString emptyText() const = 0;
};

/// Writes a chart to PNG, SVG or PDF, or prints it, with a one-line grey footer under it. No dialogs.
///
/// The chart is laid out at the requested size for the export and put back afterwards, so the output does not
/// depend on the window; a chart shown on screen is not repainted in between. Files are written atomically
/// (rendered in memory, then QSaveFile): a failed export leaves no file behind. Export a chart built for the
/// purpose (ExportableChart::buildExportChart()) to get a light page whatever the screen theme.
class ChartExporter
{
public:
    /// Exports what a view shows: `logicalSize` and `devicePixelRatio` apply to PNG, `logicalSize` to SVG; a
    /// PDF is one A4 landscape page.
    static bool save(const ExportableChart& view, const QString& path, ChartFormat format, QSize logicalSize,
        qreal devicePixelRatio, const QString& footer, QString* error);
    /// Prints what a view shows (the PDF's page layout); false if the printer cannot start.
    static bool print(const ExportableChart& view, QPrinter* printer, const QString& footer);
    /// Prints the chart (when given) on the first page and an HTML table after it, over as many pages as it
    /// takes, each with the footer; false if the printer cannot start.
    static bool print(
        const ExportableChart* view, const QString& tableHtml, QPrinter* printer, const QString& footer);

    /// PNG of `logicalSize` device-independent pixels at `devicePixelRatio` (800×500 at 2 → 1600×1000
    /// pixels).
    static bool savePng(QChart* chart, const QString& path, QSize logicalSize, qreal devicePixelRatio,
        const QString& footer, QString* error);
    /// SVG of `logicalSize`; the footer is also the document title.
    static bool saveSvg(
        QChart* chart, const QString& path, QSize logicalSize, const QString& footer, QString* error);
    /// One A4 landscape PDF page: the chart scaled to the page, the footer at the bottom.
    static bool savePdf(QChart* chart, const QString& path, const QString& footer, QString* error);
    /// Prints the same page layout as savePdf() on the printer's current page; false if the printer cannot
    /// start.
    static bool print(QChart* chart, QPrinter* printer, const QString& footer);
    /// Puts a printer on A4 landscape with the PDF's margins (call before showing a print preview).
    static void preparePrinter(QPrinter* printer);

private:
    static void paintPage(QPainter* painter, QChart* chart, const QRectF& target, const QString& footer);
};

} // namespace bd
