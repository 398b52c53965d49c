// ChartExporter: PNG, SVG, PDF and print output of a real chart, and atomic failure.
#include "domain/datebuckets.h"
#include "models/tablehtml.h"
#include "models/usageseriesmodel.h"
#include "ui/charts/chartexporter.h"
#include "ui/charts/usagechartbuilder.h"
#include "ui/charts/usagechartview.h"

#include <QFile>
#include <QImage>
#include <QPrinter>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QtCharts/QChart>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

const QString Footer
    = u"Northwind · us_east_1 · 2025-01-01 – 2025-12-31 · month · fetched 2026-11-26 10:42 UTC · Billing Dashboard 0.1.0"_s;

void fill(UsageSeriesModel* model)
{
    model->setBuckets(
        DateBuckets::tile(QDate(2025, 1, 1), QDate(2025, 12, 31), Granularity::Month), Granularity::Month);
    const QStringList names { u"Genesys Cloud CX 1"_s, u"Genesys Cloud CX 3"_s, u"Collaborate"_s };
    for (int b = 0; b < 12; ++b) {
        if (b == 4) {
            model->setBucketFailed(b, u"HTTP 503"_s);
            continue;
        }
        BillingUsageReport report;
        for (int i = 0; i < names.size(); ++i)
            report.usages << BillingUsage { names.at(i), Decimal::fromInt(40 * (i + 1) + 3 * b), {} };
        model->setReport(b, report);
    }
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestChartExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        fill(&m_model);
    }

    void savePng_800x500AtDpr2_is1600x1000()
    {
        const BuiltChart built = UsageChartBuilder::build(m_model, {});
        std::unique_ptr<QChart> chart(built.chart);
        const QString path = m_dir.filePath(u"chart.png"_s);
        QString error;
        QVERIFY2(ChartExporter::savePng(chart.get(), path, QSize(800, 500), 2.0, Footer, &error),
            qPrintable(error));
        QImage image;
        QVERIFY(image.load(path));
        QCOMPARE(image.size(), QSize(1600, 1000));
        QVERIFY(!chart->scene()); // the export's own scene is gone again
    }

    // Text in a PNG is as many pixels tall as its pixel size says, never shrunk to fit: the title and the
    // footer measured in the image itself, at 1 and 2 pixels per point of the logical size.
    void savePng_textIsReadableAtItsPixelSize()
    {
        const QSize logical(800, 500);
        int titleAtOne = 0;
        int footerAtOne = 0;
        for (const qreal ratio : { 1.0, 2.0 }) {
            const BuiltChart built = UsageChartBuilder::build(m_model, {});
            std::unique_ptr<QChart> chart(built.chart);
            QVERIFY(!chart->title().isEmpty());
            const QString path = m_dir.filePath(u"readable.png"_s);
            QString error;
            QVERIFY2(
                ChartExporter::savePng(chart.get(), path, logical, ratio, Footer, &error), qPrintable(error));
            const QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
            QCOMPARE(image.size(), logical * ratio);

            // The rows in a band that hold text: pixels darker than the page, in the given columns.
            const auto textRows = [&image](int top, int bottom, int left, int right, int darkerThan) {
                int first = -1, last = -1;
                for (int y = std::max(0, top); y < std::min(bottom, image.height()); ++y) {
                    for (int x = std::max(0, left); x < std::min(right, image.width()); ++x) {
                        if (qGray(image.pixel(x, y)) < darkerThan) {
                            first = first < 0 ? y : first;
                            last = y;
                            break;
                        }
                    }
                }
                return first < 0 ? 0 : last - first + 1;
            };
            const int w = image.width();
            const int h = image.height();
            // The title: the centre of the band above the plot (the legend and the axis labels lie aside).
            const int title = textRows(0, int(h * 0.12), w / 2 - w / 10, w / 2 + w / 10, 128);
            // The footer: grey text in the bottom band, under the chart.
            const int footer = textRows(int(h * 0.94), h, 0, w, 200);
            QVERIFY2(title >= 10 * ratio, qPrintable(u"title %1 px at ×%2"_s.arg(title).arg(ratio)));
            QVERIFY2(footer >= 8 * ratio, qPrintable(u"footer %1 px at ×%2"_s.arg(footer).arg(ratio)));
            if (ratio == 1.0) {
                titleAtOne = title;
                footerAtOne = footer;
            } else {
                // Twice the pixels per point: about twice as tall (hinting and antialiasing differ by a row
                // or two per edge).
                QVERIFY2(std::abs(title - 2 * titleAtOne) <= 4,
                    qPrintable(u"%1 vs %2"_s.arg(title).arg(titleAtOne)));
                QVERIFY2(std::abs(footer - 2 * footerAtOne) <= 4,
                    qPrintable(u"%1 vs %2"_s.arg(footer).arg(footerAtOne)));
            }
        }
    }

    void savePng_chartOnScreen_exportsAtRequestedSizeAndRestoresView()
    {
        UsageChartView view;
        view.resize(400, 300);
        view.setModel(&m_model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QSizeF before = view.chart()->size();
        const QString path = m_dir.filePath(u"onscreen.png"_s);
        QString error;
        QVERIFY2(ChartExporter::savePng(view.chart(), path, QSize(1000, 600), 1.0, Footer, &error),
            qPrintable(error));
        QCOMPARE(QImage(path).size(), QSize(1000, 600));
        QCOMPARE(view.chart()->size(), before);
    }

    void saveSvg_isXmlWithEverySeriesNameAndFooter()
    {
        const BuiltChart built = UsageChartBuilder::build(m_model, {});
        std::unique_ptr<QChart> chart(built.chart);
        const QString path = m_dir.filePath(u"chart.svg"_s);
        QString error;
        QVERIFY2(
            ChartExporter::saveSvg(chart.get(), path, QSize(900, 560), Footer, &error), qPrintable(error));
        const QByteArray data = readAll(path);
        QXmlStreamReader xml(data);
        QString text;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isCharacters())
                text += xml.text();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(!built.seriesNames.isEmpty());
        for (const QString& name : built.seriesNames)
            QVERIFY2(text.contains(name), qPrintable(name));
        QVERIFY(text.contains(UsageChartBuilder::failedName()));
        QVERIFY(text.contains(Footer));
    }

    void savePdf_startsWithPdfMagic()
    {
        const BuiltChart built = UsageChartBuilder::build(m_model, {});
        std::unique_ptr<QChart> chart(built.chart);
        const QString path = m_dir.filePath(u"chart.pdf"_s);
        QString error;
        QVERIFY2(ChartExporter::savePdf(chart.get(), path, Footer, &error), qPrintable(error));
        const QByteArray data = readAll(path);
        QVERIFY(data.startsWith("%PDF"));
        QVERIFY2(data.size() > 5000, QByteArray::number(data.size()).constData());
    }

    void save_missingFolder_failsWithErrorAndNoFile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << u"png"_s;
        QTest::newRow("svg") << u"svg"_s;
        QTest::newRow("pdf") << u"pdf"_s;
    }
    void save_missingFolder_failsWithErrorAndNoFile()
    {
        QFETCH(QString, format);
        const BuiltChart built = UsageChartBuilder::build(m_model, {});
        std::unique_ptr<QChart> chart(built.chart);
        const QString path = m_dir.filePath(u"no/such/folder/chart."_s + format);
        QString error;
        bool ok = true;
        if (format == u"png")
            ok = ChartExporter::savePng(chart.get(), path, QSize(800, 500), 1.0, Footer, &error);
        else if (format == u"svg")
            ok = ChartExporter::saveSvg(chart.get(), path, QSize(800, 500), Footer, &error);
        else
            ok = ChartExporter::savePdf(chart.get(), path, Footer, &error);
        QVERIFY(!ok);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(u"chart."_s + format), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(m_dir.filePath(u"no"_s)));
    }

    void print_pdfPrinter_writesPdf()
    {
        const BuiltChart built = UsageChartBuilder::build(m_model, {});
        std::unique_ptr<QChart> chart(built.chart);
        const QString path = m_dir.filePath(u"printed.pdf"_s);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        ChartExporter::preparePrinter(&printer);
        QCOMPARE(printer.pageLayout().orientation(), QPageLayout::Landscape);
        QVERIFY(ChartExporter::print(chart.get(), &printer, Footer));
        const QByteArray data = readAll(path);
        QVERIFY(data.startsWith("%PDF"));
        QVERIFY(data.size() > 5000);
    }

    // Print: the chart on the first page, then the table over as many pages as it takes.
    void print_chartThenTable_flowsOverPages()
    {
        UsageChartView view;
        view.setModel(&m_model);
        view.rebuildNow();
        QStandardItemModel table(150, 2);
        table.setHorizontalHeaderLabels({ u"Licence"_s, u"Usage"_s });
        for (int row = 0; row < 150; ++row) {
            table.setItem(row, 0, new QStandardItem(u"<Licence %1>"_s.arg(row)));
            auto* usage = new QStandardItem(QString::number(row * 3));
            usage->setData(QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
            table.setItem(row, 1, usage);
        }
        const QString html = TableHtml::build(table, { 0, 1 });
        QVERIFY(html.contains(u"<td>&lt;Licence 7&gt;</td>"_s));
        QVERIFY(html.contains(u"<td align=\"right\">21</td>"_s));
        QVERIFY(html.contains(u"<th>Usage</th>"_s));

        const auto pages = [this](const ExportableChart* chart, const QString& tableHtml) {
            const QString path = m_dir.filePath(u"printed-with-table.pdf"_s);
            QPrinter printer(QPrinter::HighResolution);
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(path);
            ChartExporter::preparePrinter(&printer);
            if (!ChartExporter::print(chart, tableHtml, &printer, Footer))
                return -1;
            static const QRegularExpression page(u"/Type\\s*/Page[^s]"_s);
            return int(QString::fromLatin1(readAll(path)).count(page));
        };
        const int chartOnly = pages(&view, {});
        const int tableOnly = pages(nullptr, html);
        const int both = pages(&view, html);
        QCOMPARE(chartOnly, 1);
        QVERIFY2(tableOnly >= 3, qPrintable(QString::number(tableOnly))); // 150 rows do not fit a page
        QCOMPARE(both, tableOnly + 1);
    }

private:
    QTemporaryDir m_dir;
    UsageSeriesModel m_model;
};

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
