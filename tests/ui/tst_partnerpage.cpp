// The partner page driven offscreen against billing-sim: pick a customer from the list, load 12 periods, step
// Older/Newer, hit the end of a short history, compare two periods, export CSV and the trend chart.
#include "csv/overviewcsv.h"
#include "csvreader.h"
#include "domain/isodate.h"
#include "domain/periodcomparison.h"
#include "load/partnerbrowser.h"
#include "models/comparisonmodel.h"
#include "models/periodlistmodel.h"
#include "models/periodusagemodel.h"
#include "models/trustorlistmodel.h"
#include "sim/demodata.h"
#include "simfixture.h"
#include "ui/charts/trendchartbuilder.h"
#include "ui/charts/trendchartview.h"
#include "ui/exportchooser.h"
#include "ui/partner/comparisonview.h"
#include "ui/partner/contractpanel.h"
#include "ui/partner/partnerpage.h"
#include "ui/partner/periodview.h"
#include "ui/partner/trustorpicker.h"
#include "ui/translations.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QLineSeries>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bd;
using namespace bd::test;

namespace {

QList<QStringList> readCsv(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? parseCsv(file.readAll()) : QList<QStringList>();
}

} // namespace

class TestPartnerPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(
            QCoreApplication::instance()); // the English plural forms, as the dashboard has them
        QStandardPaths::setTestModeEnabled(true);
        // Recent orgs go to a throw-away settings file, never the user's.
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(u"bd-tests"_s);
        QCoreApplication::setApplicationName(u"tst_partnerpage"_s);
    }

    void init()
    {
        QSettings().clear();
        QString error;
        m_fixture = SimFixture::start(&error);
        QVERIFY2(m_fixture, qPrintable(error));
        m_page = std::make_unique<PartnerPage>(m_fixture->session.get());
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_fixture.reset();
    }

    void pickTrustor_clickInSearchedList_opensActivePeriod()
    {
        QSignalSpy loaded(m_page->browser(), &PartnerBrowser::trustorsReady);
        m_page->refresh();
        QVERIFY(loaded.wait(10'000));
        auto* table = m_page->findChild<QTableView*>(u"trustorTable"_s);
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 25);
        // The disabled trust is listed, and says so.
        auto* search = m_page->findChild<QLineEdit*>(u"trustorSearch"_s);
        QTest::keyClicks(search, u"litware"_s);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, TrustorListModel::TrustColumn).data().toString(), u"Disabled"_s);
        search->clear();
        QTest::keyClicks(search, u"woodgrove"_s);
        QCOMPARE(table->model()->rowCount(), 1);

        QSignalSpy shown(m_page->browser(), &PartnerBrowser::currentChanged);
        const QRect cell = table->visualRect(table->model()->index(0, TrustorListModel::NameColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(shown.wait(10'000));
        QCOMPARE(shown.first().first().toInt(), 0);
        QCOMPARE(m_page->browser()->orgId(), m_fixture->trustorNamed(u"Woodgrove Financial"_s));
        QCOMPARE(m_page->findChild<QLabel*>(u"orgTitle"_s)->text(), u"Woodgrove Financial"_s);
        QVERIFY(m_page->findChild<QLabel*>(u"activeBadge"_s)->isVisible());
        QVERIFY(m_page->findChild<PeriodView*>()->model()->rowCount() > 0);
        QVERIFY(m_page->findChild<QLabel*>(u"totalsLabel"_s)->text().contains(u"GBP"_s));
        QVERIFY(m_page->findChild<QLabel*>(u"caveatLabel"_s)->text().contains(u"tax"_s));
        QCOMPARE(m_page->findChild<ContractPanel*>(u"contractPanel"_s)->fieldText(u"contractCurrency"_s),
            u"GBP"_s);
        QCOMPARE(m_page->findChild<TrustorPicker*>(u"trustorPicker"_s)->recentIds(),
            QStringList { m_page->browser()->orgId() });
        QVERIFY(!m_page->findChild<QPushButton*>(u"newerButton"_s)->isEnabled());
    }

    void pasteOrgId_validId_opensIt()
    {
        const QString id = m_fixture->trustorNamed(u"Adatum Telecom"_s);
        auto* edit = m_page->findChild<QLineEdit*>(u"orgIdEdit"_s);
        auto* open = m_page->findChild<QPushButton*>(u"openOrgButton"_s);
        QTest::keyClicks(edit, u"not-a-guid"_s);
        QVERIFY(!open->isEnabled());
        edit->clear();
        QTest::keyClicks(edit, id);
        QVERIFY(open->isEnabled());
        QSignalSpy shown(m_page->browser(), &PartnerBrowser::currentChanged);
        QTest::mouseClick(open, Qt::LeftButton);
        QVERIFY(shown.wait(10'000));
        QCOMPARE(m_page->browser()->orgId(), id);
    }

    void loadTwelve_stepOlderAndNewer_walksByDate()
    {
        m_page->browser()->open(m_fixture->trustorNamed(u"Contoso Health"_s), u"Contoso Health"_s);
        QSignalSpy walked(m_page->browser(), &PartnerBrowser::walkFinished);
        auto* count = m_page->findChild<QSpinBox*>(u"periodCount"_s);
        QCOMPARE(count->value(), 12);
        QTest::mouseClick(m_page->findChild<QPushButton*>(u"loadPeriodsButton"_s), Qt::LeftButton);
        QVERIFY(walked.wait(20'000));
        PeriodListModel* periods = m_page->browser()->periods();
        QCOMPARE(periods->rowCount(), 12);
        for (int row = 1; row < 12; ++row)
            QVERIFY(*periods->period(row)->overview.billingPeriodStartDate
                < *periods->period(row - 1)->overview.billingPeriodStartDate);
        // Index 0 was fetched when the org opened and again by the walk: 1..11 once each.
        QCOMPARE(m_fixture->requests(u"/trusteebillingoverview/"_s).size(), 13);

        auto* older = m_page->findChild<QPushButton*>(u"olderButton"_s);
        auto* newer = m_page->findChild<QPushButton*>(u"newerButton"_s);
        auto* label = m_page->findChild<QLabel*>(u"periodLabel"_s);
        QCOMPARE(m_page->browser()->currentIndex(), 0);
        for (int i = 1; i <= 3; ++i) {
            QTest::mouseClick(older, Qt::LeftButton);
            QCOMPARE(m_page->browser()->currentIndex(), i);
            QVERIFY(label->text().contains(PeriodListModel::periodText(periods->period(i)->overview, i)));
            QVERIFY(!m_page->findChild<QLabel*>(u"activeBadge"_s)->isVisible());
        }
        QTest::mouseClick(newer, Qt::LeftButton);
        QCOMPARE(m_page->browser()->currentIndex(), 2);
        QCOMPARE(m_page->findChild<PeriodView*>()->model()->overview().billingPeriodStartDate,
            periods->period(2)->overview.billingPeriodStartDate);

        // Past the walked periods, Older fetches the next index on its own.
        m_page->browser()->showRow(11);
        QSignalSpy shown(m_page->browser(), &PartnerBrowser::currentChanged);
        QTest::mouseClick(older, Qt::LeftButton);
        QVERIFY(shown.wait(10'000));
        QCOMPARE(m_page->browser()->currentIndex(), 12);
        QCOMPARE(periods->rowCount(), 13);
        QCOMPARE(
            m_fixture->requests(u"billingPeriodIndex=12"_s).size(), 0); // path only; the query is separate
        int index12 = 0;
        for (const sim::RequestRecord& r : m_fixture->requests(u"/trusteebillingoverview/"_s))
            index12 += r.query.queryItemValue(u"billingPeriodIndex"_s) == u"12" ? 1 : 0;
        QCOMPARE(index12, 1);
    }

    void loadTwelve_historyOfFive_stopsAndSaysSo()
    {
        m_page->browser()->open(m_fixture->trustorNamed(u"Relecloud"_s), u"Relecloud"_s);
        QSignalSpy walked(m_page->browser(), &PartnerBrowser::walkFinished);
        m_page->browser()->walk(12);
        QVERIFY(walked.wait(20'000));
        QCOMPARE(m_page->browser()->periods()->rowCount(), 5);
        QCOMPARE(m_page->browser()->historyEnd(), std::optional<int>(5));
        QVERIFY(m_page->findChild<QLabel*>(u"historyNote"_s)->text().contains(u"5 billing periods"_s));
        QVERIFY(m_page->status().text.contains(u"5 periods"_s));
        m_page->browser()->showRow(4);
        QCOMPARE(m_page->browser()->currentIndex(), 4);
        QVERIFY(!m_page->findChild<QPushButton*>(u"olderButton"_s)->isEnabled());
        QVERIFY(!m_page->browser()->stepOlder());
        QCOMPARE(
            m_page->findChild<ContractPanel*>(u"contractPanel"_s)->fieldText(u"contractInRamp"_s).left(3),
            u"yes"_s);
    }

    void openDisabledTrust_showsTheRefusal()
    {
        m_page->browser()->open(m_fixture->trustorNamed(u"Litware Energy"_s), u"Litware Energy"_s);
        auto* note = m_page->findChild<QLabel*>(u"historyNote"_s);
        QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(u"403"_s), 10'000);
        QCOMPARE(m_page->browser()->periods()->rowCount(), 0);
    }

    void compare_defaultAndChosenPeriods_findAddedAndRemovedCharge()
    {
        m_page->browser()->open(m_fixture->trustorNamed(u"Woodgrove Financial"_s), u"Woodgrove Financial"_s);
        QSignalSpy walked(m_page->browser(), &PartnerBrowser::walkFinished);
        m_page->browser()->walk(12);
        QVERIFY(walked.wait(20'000));
        PeriodListModel* periods = m_page->browser()->periods();
        ComparisonView* view = m_page->findChild<ComparisonView*>();
        // Default: the newest closed period against the one before it.
        QCOMPARE(periods->period(view->afterRow())->billingPeriodIndex, 1);
        QCOMPARE(periods->period(view->beforeRow())->billingPeriodIndex, 2);

        m_page->compareRows(periods->rowOfIndex(6), periods->rowOfIndex(5));
        QCOMPARE(
            m_page->findChild<QTabWidget*>(u"partnerTabs"_s)->currentIndex(), int(PartnerPage::CompareTab));
        const PeriodComparison& c = view->model()->comparison();
        QCOMPARE(c.added().size(), 1);
        QCOMPARE(c.added().first().name, u"Genesys Cloud Digital Messaging"_s);
        QCOMPARE(c.removed().size(), 1);
        QCOMPARE(c.removed().first().name, u"AppFoundry Survey Connector"_s);
        const QString summary = m_page->findChild<QLabel*>(u"comparisonSummary"_s)->text();
        QVERIFY(summary.contains(u"added"_s) && summary.contains(u"removed"_s));
        QVERIFY(m_page->findChild<QTableWidget*>(u"contractChanges"_s)->rowCount() >= 1);

        // Choosing in the combo boxes compares too.
        auto* before = m_page->findChild<QComboBox*>(u"compareBefore"_s);
        before->setCurrentIndex(periods->rowOfIndex(4));
        QCOMPARE(periods->period(view->beforeRow())->billingPeriodIndex, 4);
        QVERIFY(view->model()->comparison().added().isEmpty());
    }

    void export_periodAllPeriodsAndTrend_readBack()
    {
        m_page->setProvenance(Provenance { u"Northwind Contact Center"_s, u"127.0.0.1"_s, true });
        m_page->browser()->open(m_fixture->trustorNamed(u"Contoso Health"_s), u"Contoso Health"_s);
        QSignalSpy walked(m_page->browser(), &PartnerBrowser::walkFinished);
        m_page->browser()->walk(12);
        QVERIFY(walked.wait(20'000));
        QTemporaryDir dir;
        QString error;

        const QString periodPath = dir.filePath(u"period.csv"_s);
        QVERIFY2(m_page->exportPeriodCsv(periodPath, &error), qPrintable(error));
        const QList<QStringList> periodRows = readCsv(periodPath);
        PeriodUsageModel* usage = m_page->findChild<PeriodView*>()->model();
        QCOMPARE(periodRows.size(), usage->rowCount() + 1);
        // Organization, period start, period end and currency lead every row; the table's columns follow.
        constexpr int Leading = 4;
        QCOMPARE(periodRows.first().mid(0, Leading),
            (QStringList { u"Organization"_s, u"Period start"_s, u"Period end"_s, u"Currency"_s }));
        QCOMPARE(periodRows.first().at(Leading + PeriodUsageModel::TotalColumn), u"Est. total"_s);
        for (int row = 0; row < usage->rowCount(); ++row) {
            QCOMPARE(periodRows.at(row + 1).at(3), usage->overview().currency);
            QCOMPARE(
                periodRows.at(row + 1).at(1), bd::IsoDate::format(*usage->overview().billingPeriodStartDate));
            const QVariant total
                = usage->index(row, PeriodUsageModel::TotalColumn).data(PeriodUsageModel::SortRole);
            QCOMPARE(periodRows.at(row + 1).at(Leading + PeriodUsageModel::TotalColumn),
                total.isValid() ? total.value<Decimal>().toString() : QString());
        }

        const QString allPath = dir.filePath(u"all.csv"_s);
        QVERIFY2(m_page->exportAllPeriodsCsv(allPath, &error), qPrintable(error));
        const QList<QStringList> allRows = readCsv(allPath);
        int lines = 0;
        for (const PeriodListModel::Period& p : m_page->browser()->periods()->periods())
            lines += int(p.overview.usages.size());
        QCOMPARE(allRows.size(), lines + 1);
        QCOMPARE(allRows.first(), OverviewCsv::header());
        QSet<QString> indexes;
        for (qsizetype i = 1; i < allRows.size(); ++i) {
            indexes.insert(allRows.at(i).at(0));
            QCOMPARE(allRows.at(i).at(5), u"USD"_s);
        }
        QCOMPARE(indexes.size(), 12);

        // The trend of the main licence: one point per walked period, exact values behind them.
        m_page->findChild<TrendChartView*>(u"trendChart"_s)
            ->rebuildNow(); // rebuilds are coalesced while periods stream in
        const BuiltTrend& trend = m_page->findChild<TrendChartView*>(u"trendChart"_s)->built();
        QVERIFY(!trend.partNumber.isEmpty());
        QCOMPARE(trend.periodRows.size(), 12);
        QCOMPARE(trend.usage.line->count(), 12);
        QCOMPARE(trend.prepay.line->count(), 12);
        QCOMPARE(trend.overageCost.size(), 1);
        const PeriodListModel::Period* oldest = m_page->browser()->periods()->period(11);
        Decimal usage0;
        for (const SubscriptionOverviewUsage& u : oldest->overview.usages) {
            if (u.partNumber == trend.partNumber)
                usage0 += u.usageQuantity;
        }
        QCOMPARE(trend.usage.values.first().toString(), usage0.toString());
        QCOMPARE(trend.usage.line->at(0).y(), usage0.toDouble());

        const struct
        {
            QString name;
            ChartFormat format;
            QByteArray magic;
        } charts[] = { { u"trend.png"_s, ChartFormat::Png, QByteArray("\x89PNG") },
            { u"trend.svg"_s, ChartFormat::Svg, QByteArray("<?xml") },
            { u"trend.pdf"_s, ChartFormat::Pdf, QByteArray("%PDF") } };
        for (const auto& chart : charts) {
            const QString path = dir.filePath(chart.name);
            QVERIFY2(m_page->exportTrendChart(path, chart.format, &error), qPrintable(error));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(file.read(16).contains(chart.magic), qPrintable(chart.name));
        }
        QCOMPARE(QImage(dir.filePath(u"trend.png"_s)).size(), ExportChooser::DefaultImageSize * 2);
        QFile svg(dir.filePath(u"trend.svg"_s));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("Contoso Health"));
        QVERIFY(m_page->footer().contains(u"estimates"_s));
    }

    void export_nothingLoaded_failsWithReason()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!m_page->exportPeriodCsv(dir.filePath(u"x.csv"_s), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(u"x.csv"_s)));
        QVERIFY(!m_page->exportAllPeriodsCsv(dir.filePath(u"y.csv"_s), &error));
    }

    // The three tabs as a person sees them after a walk, checked for content; with BD_SCREENSHOT_DIR set
    // (packaging/screenshots/update.sh) they also become the product screenshots.
    void screenshots_demoWalk_everyTabShowsItsContent()
    {
        QTemporaryDir temporary;
        const QString out = qEnvironmentVariableIsEmpty("BD_SCREENSHOT_DIR")
            ? temporary.path()
            : qEnvironmentVariable("BD_SCREENSHOT_DIR");
        QSignalSpy loaded(m_page->browser(), &PartnerBrowser::trustorsReady);
        m_page->refresh();
        QVERIFY(loaded.wait(10'000));
        m_page->browser()->open(m_fixture->trustorNamed(u"Woodgrove Financial"_s), u"Woodgrove Financial"_s);
        QSignalSpy walked(m_page->browser(), &PartnerBrowser::walkFinished);
        m_page->browser()->walk(12);
        QVERIFY(walked.wait(20'000));
        m_page->browser()->showRow(1);
        m_page->resize(1280, 800); // the walk's progress bar may have widened it
        QCoreApplication::processEvents();
        auto* tabs = m_page->findChild<QTabWidget*>(u"partnerTabs"_s);
        tabs->setCurrentIndex(PartnerPage::PeriodTab);
        QCOMPARE(m_page->browser()->currentIndex(), 1);
        QVERIFY(m_page->findChild<PeriodView*>()->model()->rowCount() > 0);
        QVERIFY(
            m_page->findChild<QLabel*>(u"historyNote"_s)->text().isEmpty()); // no error, no end of history
        QVERIFY(m_page->grab().save(out + u"/partner-period.png"_s));
        tabs->setCurrentIndex(PartnerPage::TrendTab);
        auto* trend = m_page->findChild<TrendChartView*>(u"trendChart"_s);
        trend->rebuildNow();
        QVERIFY(!trend->partNumber().isEmpty());
        QCOMPARE(trend->built().periodRows.size(),
            m_page->browser()->periods()->periodCount()); // every walked period
        QVERIFY(m_page->grab().save(out + u"/partner-trend.png"_s));
        m_page->compareRows(
            m_page->browser()->periods()->rowOfIndex(6), m_page->browser()->periods()->rowOfIndex(5));
        QCOMPARE(tabs->currentIndex(), int(PartnerPage::CompareTab));
        QVERIFY(m_page->findChild<ComparisonView*>()->table()->model()->rowCount() > 0);
        QVERIFY(m_page->grab().save(out + u"/partner-compare.png"_s));
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<PartnerPage> m_page;
};

QTEST_MAIN(TestPartnerPage)
#include "tst_partnerpage.moc"
