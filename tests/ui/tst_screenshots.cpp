// Renders the main window on demo data at 1280×800, as a person sees it, and checks what it shows: every
// report loaded, no error banner, the org in the title, a chart with series, a drill-down. With
// BD_SCREENSHOT_DIR set (packaging/screenshots/update.sh does) the PNGs replace the committed screenshots;
// otherwise they go to a temporary folder.

#include "darkpalette.h"
#include "i18n/translations.h"
#include "load/usageseriescontroller.h"
#include "models/usageseriesmodel.h"
#include "simfixture.h"
#include "ui/charts/usagechartview.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/rangebar.h"
#include "ui/usagepage.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSize>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::darkPalette;
using bd::test::PaletteGuard;
using bd::test::SimFixture;

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(
            QCoreApplication::instance()); // the English plural forms, as the dashboard has them
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        m_dir = qEnvironmentVariable("BD_SCREENSHOT_DIR");
        if (m_dir.isEmpty())
            m_dir = m_temporary.path();
    }

    void usagePage_demoData_showsEveryReportAndNoError_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("stacked");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("granularity");
        QTest::addColumn<bool>("ramp");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("committed");
        const QDate midMonth = test::fixedNow().date();
        const QSize laptop(1280, 800);
        QTest::newRow("lines") << u"usage-lines.png"_s << false << false << int(Granularity::Month) << false
                               << midMonth << laptop << false;
        QTest::newRow("stacked") << u"usage-stacked-weekly.png"_s << true << false << int(Granularity::Week)
                                 << false << midMonth << laptop << false;
        QTest::newRow("dark") << u"usage-dark.png"_s << false << true << int(Granularity::Month) << false
                              << midMonth << laptop << false;
        QTest::newRow("ramp") << u"usage-ramp.png"_s << false << false << int(Granularity::Month) << true
                              << midMonth << laptop << false;
        // The 1st of a month: twelve whole months, no month of one empty day at the end.
        QTest::newRow("first of the month")
            << u"usage-first-of-month.png"_s << false << false << int(Granularity::Month) << false
            << QDate(2026, 12, 1) << laptop << false;
        // The small and the large screen: nothing widens the window, nothing is cut off.
        QTest::newRow("1024x640") << u"usage-1024x640.png"_s << false << false << int(Granularity::Month)
                                  << false << midMonth << QSize(1024, 640) << false;
        QTest::newRow("1920x1080") << u"usage-1920x1080.png"_s << false << false << int(Granularity::Month)
                                   << false << midMonth << QSize(1920, 1080) << false;
        // Commitments entered: Committed, Used % and Over in the table, a rule per licence on the chart.
        QTest::newRow("commitments") << u"usage-commitments.png"_s << false << false
                                     << int(Granularity::Month) << false << midMonth << laptop << true;
        QTest::newRow("commitments dark") << u"usage-commitments-dark.png"_s << false << true
                                          << int(Granularity::Month) << false << midMonth << laptop << true;
        QTest::newRow("commitments 1024x640")
            << u"usage-commitments-1024x640.png"_s << false << false << int(Granularity::Month) << false
            << midMonth << QSize(1024, 640) << true;
    }

    void usagePage_demoData_showsEveryReportAndNoError()
    {
        QFETCH(QString, file);
        QFETCH(bool, stacked);
        QFETCH(bool, dark);
        QFETCH(int, granularity);
        QFETCH(bool, ramp);
        QFETCH(QDate, today);
        QFETCH(QSize, size);
        QFETCH(bool, committed);
        const PaletteGuard guard;
        if (dark)
            QApplication::setPalette(darkPalette());

        sim::SimOptions options;
        options.now = QDateTime(today, QTime(9, 0), UtcZone);
        BD_SIM_FIXTURE(sim, options);
        MainWindow window;
        window.showSession(sim.session.get(), { sim.server->data().orgName(), u"demo"_s, true });
        window.resize(size);
        UsagePage* page = window.usagePage();
        page->setToday(today);
        page->setStackedBars(stacked);
        page->findChild<RangeBar*>()->setPreset(
            stacked ? RangePreset::Last3Months : RangePreset::Last12Months);
        page->findChild<RangeBar*>()->setGranularity(Granularity(granularity));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy settled(page, &UsagePage::loadSettled);
        window.start();
        QVERIFY(settled.wait(30'000));

        // A drill-down beside the table: the busiest seat licence in the latest bucket.
        const UsageSeriesModel* model = page->controller()->model();
        const int last = int(model->buckets().size()) - 1;
        int busiest = -1;
        for (int row = 0; row < model->licenceCount(); ++row) {
            if (!model->isMetered(row)
                && (busiest < 0 || *model->value(row, last) > *model->value(busiest, last)))
                busiest = row;
        }
        page->selectCell(model->licence(busiest), last);
        if (committed) {
            // The busiest licence just under its commitment so far, the next one well within its own.
            int next = -1;
            for (int row = 0; row < model->licenceCount(); ++row) {
                if (row != busiest && !model->isMetered(row)
                    && (next < 0 || *model->value(row, last) > *model->value(next, last)))
                    next = row;
            }
            const auto share = [&](int row, int percent) {
                return (*model->value(row, last) * Decimal::fromInt(100))
                    .dividedBy(Decimal::fromInt(percent))
                    ->rounded(0);
            };
            page->controller()->model()->setCommitments({ { model->licence(busiest), share(busiest, 95), {} },
                                                            { model->licence(next), share(next, 60), {} } },
                Commitments::DefaultThresholdPercent);
            page->findChild<UsageChartView*>()->setPinnedLicences(
                { model->licence(busiest), model->licence(next) });
            page->selectCell(model->licence(busiest), last);
            QVERIFY(model->committedColumn() >= 0);
        }
        page->findChild<UsageChartView*>()->rebuildNow();
        if (committed) {
            // The table scrolled to its last columns: the month to date, its projection and the commitments.
            QApplication::processEvents();
            QScrollBar* across = page->findChild<QTableView*>(u"usageTable"_s)->horizontalScrollBar();
            across->setValue(across->maximum());
        }
        if (ramp)
            page->findChild<QTabWidget*>(u"chartTabs"_s)->setCurrentIndex(1);
        QApplication::processEvents();

        // What a person should see: every report, no error, the org named, a chart and a drill-down.
        QCOMPARE(model->count(BucketState::Loaded), int(model->buckets().size()));
        QVERIFY(!page->findChild<MessageBanner*>(u"usageBanner"_s)->isVisible());
        QVERIFY(window.windowTitle().startsWith(sim.server->data().orgName()));
        QVERIFY(!page->findChild<UsageChartView*>()->built().series.isEmpty());
        QVERIFY(page->findChild<QLabel*>(u"resourceTitle"_s)
                    ->text()
                    .contains(model->licence(busiest).toHtmlEscaped()));
        QCOMPARE(page->status().text.left(page->status().text.indexOf(u" · "_s)),
            u"%1 of %1 reports"_s.arg(model->buckets().size()));
        // Honest time: the data stops at yesterday, and only a period the cut-off falls in is drawn as to
        // date.
        QCOMPARE(model->dataThrough(), today.addDays(-1));
        QVERIFY(page->status().text.contains(u"data through"_s));
        const bool wholeMonths = today.day() == 1 && !stacked;
        QCOMPARE(model->partialBucket() < 0, wholeMonths);

        // However small the window, the notes above the table leave it rows to read.
        const QTableView* table = page->findChild<QTableView*>(u"usageTable"_s);
        QVERIFY2(table->viewport()->height() >= 2 * table->verticalHeader()->defaultSectionSize(),
            qPrintable(u"%1 px"_s.arg(table->viewport()->height())));
        QCOMPARE(window.size(), size);
        QVERIFY(window.grab().toImage().save(m_dir + u'/' + file));
        window.close();
    }

    // "This month" on the 1st, in a small window: the range bar says there is no data yet and offers last
    // month.
    void usagePage_thisMonthOnTheFirst_saysNoDataYet()
    {
        const QDate first(2026, 12, 1);
        sim::SimOptions options;
        options.now = QDateTime(first, QTime(9, 0), UtcZone);
        BD_SIM_FIXTURE(sim, options);
        MainWindow window;
        window.showSession(sim.session.get(), { sim.server->data().orgName(), u"demo"_s, true });
        window.resize(1024, 640);
        UsagePage* page = window.usagePage();
        page->setToday(first);
        auto* bar = page->findChild<RangeBar*>();
        bar->setCycleDay(23);
        bar->setPreset(RangePreset::ThisMonth);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.start(); // asks for the range as at start-up: nothing to load, and no banner repeating the bar
        QApplication::processEvents();
        auto* problem = bar->findChild<QLabel*>(u"rangeProblem"_s);
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().startsWith(u"No data for December yet"_s));
        QVERIFY(bar->findChild<QPushButton*>(u"rangeOffer"_s)->isVisible());
        QVERIFY(!page->findChild<MessageBanner*>(u"usageBanner"_s)->isVisible());
        QCOMPARE(window.width(), 1024); // the notice wraps; it does not widen the window
        QVERIFY(window.grab().toImage().save(m_dir + u"/usage-this-month-on-the-1st.png"_s));
        // The longest preset, with its cycle day beside it, still fits.
        bar->setPreset(RangePreset::Last12Cycles);
        QApplication::processEvents();
        QVERIFY(bar->findChild<QSpinBox*>(u"cycleDay"_s)->isVisible());
        QVERIFY(!problem->isVisible());
        QCOMPARE(window.width(), 1024);
        window.close();
    }

private:
    QTemporaryDir m_temporary;
    QString m_dir;
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
