#pragma once

#include <QSize>
#include <QString>

class QByteArray;
class QChart;
class QPainter;
class QPrinter;
class QRectF;

namespace bd {

/// Writes a chart to PNG, SVG or PDF, or prints it, with a one-line grey footer under it. No dialogs.
///
/// The chart is laid out at the requested size for the export and put back afterwards, so the output does not
/// depend on the window; a chart shown on screen is not repainted in between. Files are written atomically
/// (rendered in memory, then QSaveFile): a failed export leaves no file behind. Export a chart built for the
/// purpose (UsageChartView::buildChart(QChart::ChartThemeLight)) to get a light page whatever the screen theme.
class ChartExporter {
public:
    /// PNG of `logicalSize` device-independent pixels at `devicePixelRatio` (800×500 at 2 → 1600×1000 pixels).
    static bool savePng(QChart* chart, const QString& path, QSize logicalSize, qreal devicePixelRatio,
                        const QString& footer, QString* error);
    /// SVG of `logicalSize`; the footer is also the document title.
    static bool saveSvg(QChart* chart, const QString& path, QSize logicalSize, const QString& footer,
                        QString* error);
    /// One A4 landscape PDF page: the chart scaled to the page, the footer at the bottom.
    static bool savePdf(QChart* chart, const QString& path, const QString& footer, QString* error);
    /// Prints the same page layout as savePdf() on the printer's current page; false if the printer cannot start.
    static bool print(QChart* chart, QPrinter* printer, const QString& footer);
    /// Puts a printer on A4 landscape with the PDF's margins (call before showing a print preview).
    static void preparePrinter(QPrinter* printer);

private:
    static void paintPage(QPainter* painter, QChart* chart, const QRectF& target, const QString& footer);
    static bool writeFile(const QString& path, const QByteArray& data, QString* error);
};

} // namespace bd
