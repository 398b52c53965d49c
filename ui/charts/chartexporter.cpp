#include "ui/charts/chartexporter.h"

#include "csv/filewriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QtCharts/QChart>

#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

constexpr qreal ScreenDpi = 96.0; // the chart's fonts and pens are designed for this
constexpr qreal PageMarginMm = 10.0;
constexpr qreal FooterPointSize = 7.5;

/// The translation context of this file's texts.
struct ChartExporterText
{
    Q_DECLARE_TR_FUNCTIONS(bd::ChartExporter)
};

// Lays the chart out at a given size for one render and puts it back afterwards. A chart outside any scene
// (built just for the export) is placed in a scene of its own for that time.
class LayoutAtSize
{
public:
    LayoutAtSize(QChart* chart, QSizeF size)
        : m_chart(chart)
        , m_oldSize(chart->size())
    {
        if (!chart->scene()) {
            m_scene = std::make_unique<QGraphicsScene>();
            m_scene->addItem(chart);
        }
        chart->resize(size);
        // Qt lays out on the next event loop turn; rendering now needs the layout now.
        if (chart->layout())
            chart->layout()->activate();
    }
    ~LayoutAtSize()
    {
        if (m_scene) {
            m_scene->removeItem(m_chart);
        } else {
            m_chart->resize(m_oldSize);
            if (m_chart->layout())
                m_chart->layout()->activate();
        }
    }
    LayoutAtSize(const LayoutAtSize&) = delete;
    LayoutAtSize& operator=(const LayoutAtSize&) = delete;

private:
    QChart* m_chart;
    QSizeF m_oldSize;
    std::unique_ptr<QGraphicsScene> m_scene;
};

} // namespace

void ChartExporter::paintPage(QPainter* painter, QChart* chart, const QRectF& target, const QString& footer)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->fillRect(target, Qt::white);

    QFont font = QGuiApplication::font();
    font.setPointSizeF(FooterPointSize);
    painter->setFont(font);
    const QFontMetricsF metrics(painter->font(), painter->device());
    const qreal footerHeight = footer.isEmpty() ? 0.0 : metrics.height() * 1.8;
    const QRectF chartRect = target.adjusted(0, 0, 0, -footerHeight);

    // Lay the chart out in screen pixels, then scale it into the target: a page's device units (1/1200 in on
    // a PDF) would otherwise make every font and pen hair-thin.
    const qreal devicePerPixel = painter->device()->logicalDpiX() / ScreenDpi;
    {
        LayoutAtSize layout(chart, chartRect.size() / devicePerPixel);
        chart->scene()->render(painter, chartRect, QRectF(chart->pos(), chart->size()), Qt::KeepAspectRatio);
    }

    if (!footer.isEmpty()) {
        const QRectF footerRect(target.left() + metrics.averageCharWidth(), chartRect.bottom(),
            target.width() - 2 * metrics.averageCharWidth(), footerHeight);
        painter->setPen(QColor(0x6e, 0x6e, 0x6e));
        painter->drawText(footerRect, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(footer, Qt::ElideMiddle, footerRect.width()));
    }
    painter->restore();
}

bool ChartExporter::savePng(QChart* chart, const QString& path, QSize logicalSize, qreal devicePixelRatio,
    const QString& footer, QString* error)
{
    if (!chart || logicalSize.isEmpty() || devicePixelRatio <= 0) {
        if (error)
            *error = ChartExporterText::tr("Nothing to export: the chart or the image size is empty.");
        return false;
    }
    QImage image(logicalSize * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paintPage(&painter, chart, QRectF(QPointF(0, 0), QSizeF(logicalSize)), footer);
    }
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        if (error)
            *error = ChartExporterText::tr("Could not encode the chart as PNG.");
        return false;
    }
    return FileWriter::save(path, data, error);
}

bool ChartExporter::saveSvg(
    QChart* chart, const QString& path, QSize logicalSize, const QString& footer, QString* error)
{
    if (!chart || logicalSize.isEmpty()) {
        if (error)
            *error = ChartExporterText::tr("Nothing to export: the chart or the image size is empty.");
        return false;
    }
    QByteArray data;
    QBuffer buffer(&data);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(int(ScreenDpi)); // one SVG unit per screen pixel
    generator.setSize(logicalSize);
    generator.setViewBox(QRect(QPoint(0, 0), logicalSize));
    generator.setTitle(footer);
    generator.setDescription(ChartExporterText::tr("Billing Dashboard chart"));
    {
        QPainter painter;
        if (!painter.begin(&generator)) {
            if (error)
                *error = ChartExporterText::tr("Could not start the SVG document.");
            return false;
        }
        paintPage(&painter, chart, QRectF(QPointF(0, 0), QSizeF(logicalSize)), footer);
    }
    return FileWriter::save(path, data, error);
}

void ChartExporter::preparePrinter(QPrinter* printer)
{
    printer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
        QMarginsF(PageMarginMm, PageMarginMm, PageMarginMm, PageMarginMm), QPageLayout::Millimeter));
}

bool ChartExporter::savePdf(QChart* chart, const QString& path, const QString& footer, QString* error)
{
    if (!chart) {
        if (error)
            *error = ChartExporterText::tr("Nothing to export: there is no chart.");
        return false;
    }
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
            QMarginsF(PageMarginMm, PageMarginMm, PageMarginMm, PageMarginMm), QPageLayout::Millimeter));
        writer.setTitle(footer);
        writer.setCreator(ChartExporterText::tr("Billing Dashboard"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            if (error)
                *error = ChartExporterText::tr("Could not start the PDF document.");
            return false;
        }
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        paintPage(&painter, chart, QRectF(QPointF(0, 0), QSizeF(page.size())), footer);
    }
    return FileWriter::save(path, data, error);
}

bool ChartExporter::print(QChart* chart, QPrinter* printer, const QString& footer)
{
    if (!chart || !printer)
        return false;
    QPainter painter;
    if (!painter.begin(printer))
        return false;
    // The painter's origin is the top left of the printable area.
    const QRect page = printer->pageLayout().paintRectPixels(printer->resolution());
    paintPage(&painter, chart, QRectF(QPointF(0, 0), QSizeF(page.size())), footer);
    return painter.end();
}

bool ChartExporter::print(
    const ExportableChart* view, const QString& tableHtml, QPrinter* printer, const QString& footer)
{
    if (!printer)
        return false;
    QPainter painter;
    if (!painter.begin(printer))
        return false;
    const QRect page = printer->pageLayout().paintRectPixels(printer->resolution());
    bool first = true;
    if (view) {
        const std::unique_ptr<QChart> chart = view->buildExportChart();
        paintPage(&painter, chart.get(), QRectF(QPointF(0, 0), QSizeF(page.size())), footer);
        first = false;
    }
    if (!tableHtml.isEmpty()) {
        // The table flows over pages of the printable area less a line for the footer.
        QTextDocument document;
        document.documentLayout()->setPaintDevice(printer);
        QFont font = document.defaultFont();
        font.setPointSizeF(9);
        document.setDefaultFont(font);
        document.setHtml(tableHtml);
        const QFontMetricsF metrics(font, printer);
        const qreal footerHeight = metrics.height() * 2;
        const QSizeF body(page.width(), page.height() - footerHeight);
        document.setPageSize(body);
        for (int p = 0; p < document.pageCount(); ++p) {
            if (!first)
                printer->newPage();
            first = false;
            painter.save();
            painter.translate(0, -p * body.height());
            document.drawContents(&painter, QRectF(QPointF(0, p * body.height()), body));
            painter.restore();
            painter.setFont(font);
            painter.setPen(Qt::darkGray);
            painter.drawText(QRectF(0, body.height(), page.width(), footerHeight),
                Qt::AlignLeft | Qt::AlignBottom, footer);
        }
    }
    return painter.end();
}

bool ChartExporter::save(const ExportableChart& view, const QString& path, ChartFormat format,
    QSize logicalSize, qreal devicePixelRatio, const QString& footer, QString* error)
{
    if (const QString empty = view.emptyText(); !empty.isEmpty()) {
        if (error)
            *error = ChartExporterText::tr("Nothing to export: %1").arg(empty);
        return false;
    }
    const std::unique_ptr<QChart> chart = view.buildExportChart();
    switch (format) {
    case ChartFormat::Png:
        return savePng(chart.get(), path, logicalSize, devicePixelRatio, footer, error);
    case ChartFormat::Svg:
        return saveSvg(chart.get(), path, logicalSize, footer, error);
    case ChartFormat::Pdf:
        return savePdf(chart.get(), path, footer, error);
    }
    return false;
}

bool ChartExporter::print(const ExportableChart& view, QPrinter* printer, const QString& footer)
{
    const std::unique_ptr<QChart> chart = view.buildExportChart();
    return print(chart.get(), printer, footer);
}

} // namespace bd
