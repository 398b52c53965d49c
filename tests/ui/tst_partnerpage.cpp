// The partner page driven offscreen against billing-sim: pick a customer from the list, load 12 periods, step
// Older/Newer, hit the end of a short history, compare two periods, export CSV and the trend chart.
#include "csv/overviewcsv.h"
#include "csvreader.h"
#include "domain/anomaly.h"
#include "domain/datacutoff.h"
#include "domain/isodate.h"
#include "domain/periodcomparison.h"
#include "i18n/translations.h"
#include "load/partnerbrowser.h"
#include "load/portfoliosweep.h"
#include "models/comparisonmodel.h"
#include "models/periodlistmodel.h"
#include "models/periodusagemodel.h"
#include "models/trustorlistmodel.h"
#include "models/usageseriesmodel.h"
#include "savedialog.h"
#include "sim/demodata.h"
#include "simfixture.h"
#include "ui/charts/trendchartbuilder.h"
#include "ui/charts/trendchartview.h"
#include "ui/exportchooser.h"
#include "ui/notelabel.h"
#include "ui/partner/comparisonview.h"
#include "ui/partner/contractpanel.h"
#include "ui/partner/partnerpage.h"
#include "ui/partner/periodview.h"
#include "ui/partner/trustorpicker.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>

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

// A monthly period starting on `start` with one seat line: `usage` against 50 prepaid at 10 USD of overage.
TrusteeBillingOverview trendPeriod(QDate start, int usage)
{
    TrusteeBillingOverview o;
    o.currency = u"USD"_s;
    o.billingPeriodStartDate = QDateTime(start, QTime(0, 0), UtcZone);
    o.billingPeriodEndDate = QDateTime(start.addMonths(1), QTime(0, 0), UtcZone).addMSecs(-1);
    SubscriptionOverviewUsage line;
    line.name = u"Genesys Cloud CX 3"_s;
    line.partNumber = u"PC-170-NV-USR3"_s;
    line.grouping = u"user-license"_s;
    line.unitOfMeasureType = u"seat"_s;
    line.usageQuantity = Decimal::fromInt(usage);
    line.prepayQuantity = Decimal::fromInt(50);
    line.overagePrice = Decimal::fromInt(10);
    o.usages << line;
    return o;
}

// Labels of the legend entries a person sees.
QStringList visibleLegend(const QChart* chart)
{
    QStringList labels;
    for (QLegendMarker* marker : chart->legend()->markers()) {
        if (marker->isVisible())
            labels << marker->label();
    }
    return labels;
}

// The series of a trend, overage costs included.
QList<const TrendSeries*> allSeries(const BuiltTrend& trend)
{
    QList<const TrendSeries*> all { &trend.usage, &trend.prepay };
    if (trend.allowance.line)
        all << &trend.allowance;
    for (const TrendSeries& cost : trend.overageCost)
        all << &cost;
    return all;
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
        m_page->browser()->periods()->setToday(fixedNow().date()); // the sim's day, not the machine's
        m_page->sweep()->setClock([] { return fixedNow(); });
        // The page opens on the portfolio; most tests here are about one customer at a time.
        m_page->showView(PartnerPage::CustomerPane);
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
        // The history is one click away on first use, before any "Load the last N".
        QVERIFY(m_page->findChild<QPushButton*>(u"olderButton"_s)->isEnabled());
    }

    void pasteOrgId_validId_opensIt()
    {
        const QString id = m_fixture->trustorNamed(u"Adatum Telecom"_s);
        auto* edit = m_page->findChild<QLineEdit*>(u"orgIdEdit"_s);
        auto* open = m_page->findChild<QPushButton*>(u"openOrgButton"_s);
        auto* problem = m_page->findChild<QLabel*>(u"orgIdProblem"_s);
        // Text that is not an id says why Open stays disabled; a name is sent to the search.
        QTest::keyClicks(edit, id.left(20));
        QVERIFY(!open->isEnabled());
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(),
            u"“%1” is not an org id: an org id is 36 characters of hex digits and dashes (8-4-4-4-12)."_s.arg(
                id.left(20)));
        edit->clear();
        QVERIFY(!problem->isVisible());
        QTest::keyClicks(edit, u"Adatum Telecom"_s);
        QVERIFY(!open->isEnabled());
        QVERIFY2(problem->text().endsWith(u"To find a customer by name, use the search above."_s),
            qPrintable(problem->text()));
        edit->clear();
        QTest::keyClicks(edit, id.toUpper());
        QVERIFY(open->isEnabled());
        QVERIFY(!problem->isVisible());
        QSignalSpy shown(m_page->browser(), &PartnerBrowser::currentChanged);
        QTest::mouseClick(open, Qt::LeftButton);
        QVERIFY(shown.wait(10'000));
        QCOMPARE(m_page->browser()->orgId(), id);
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(m_page->findChild<TrustorPicker*>()->recentIds(), QStringList { id });
    }

    void unknownId_isNotAddedToTheRecentOrgs()
    {
        const QString unknown = u"00000000-0000-0000-0000-000000000001"_s;
        QSignalSpy failed(m_page->browser(), &PartnerBrowser::periodFailed);
        m_page->browser()->open(unknown);
        QVERIFY(failed.wait(10'000));
        QVERIFY(m_page->findChild<TrustorPicker*>()->recentIds().isEmpty());
        const QString note = m_page->findChild<QLabel*>(u"historyNote"_s)->text();
        QVERIFY2(note.startsWith(u"No customer org with the id %1 trusts your org"_s.arg(unknown)),
            qPrintable(note));
    }

    void openFromRecents_clearsASearchThatHidesIt()
    {
        QSignalSpy listed(m_page->browser(), &PartnerBrowser::trustorsReady);
        m_page->refresh();
        QVERIFY(listed.wait(10'000));
        const QString adatum = m_fixture->trustorNamed(u"Adatum Telecom"_s);
        m_page->findChild<TrustorPicker*>()->remember(adatum, u"Adatum Telecom"_s);
        auto* search = m_page->findChild<QLineEdit*>(u"trustorSearch"_s);
        QTest::keyClicks(search, u"woodgrove"_s);
        auto* table = m_page->findChild<QTableView*>(u"trustorTable"_s);
        QCOMPARE(table->model()->rowCount(), 1);

        auto* recent = m_page->findChild<QComboBox*>(u"recentOrgs"_s);
        QSignalSpy shown(m_page->browser(), &PartnerBrowser::currentChanged);
        recent->setCurrentIndex(0);
        Q_EMIT recent->activated(0);
        QVERIFY(shown.wait(10'000));
        QVERIFY(search->text().isEmpty());
        const QModelIndex current = table->currentIndex();
        QVERIFY(current.isValid() && table->selectionModel()->isRowSelected(current.row()));
        QCOMPARE(
            current.siblingAtColumn(TrustorListModel::NameColumn).data().toString(), u"Adatum Telecom"_s);
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

    // What stands out in a customer's last closed period, per part number, against the closed periods
    // before it: nothing on the sim's steady data; the seats the sim plants in its first customer's last
    // closed period, with the usual figure the sim's own JSON gives.
    void anomalies_steadyPeriodsSayNone_aPlantedRiseIsFound()
    {
        for (const bool planted : { false, true }) {
            sim::SimOptions options;
            options.plantAnomaly = planted;
            QString error;
            const auto fixture = SimFixture::start(&error, options);
            QVERIFY2(fixture, qPrintable(error));
            PartnerPage page(fixture->session.get());
            page.browser()->periods()->setToday(fixedNow().date());
            page.showView(PartnerPage::CustomerPane);
            page.resize(1280, 800);
            page.show();
            const sim::DemoData& data = fixture->server->data();
            const QString id = data.trustorIds().first();
            page.browser()->open(id, data.trustorName(id));
            auto* note = page.findChild<NoteLabel*>(u"partnerAnomalyNote"_s);
            QSignalSpy walked(page.browser(), &PartnerBrowser::walkFinished);
            QTest::mouseClick(page.findChild<QPushButton*>(u"loadPeriodsButton"_s), Qt::LeftButton);
            QVERIFY(walked.wait(20'000));
            const QString text = note->note();
            const auto startOf = [&](int index) {
                return data.trusteeOverview(id, index)
                    ->value(u"billingPeriodStartDate"_s)
                    .toString()
                    .left(10);
            };
            QVERIFY2(text.contains(u"in %1 – "_s.arg(startOf(1))), qPrintable(text));
            QVERIFY2(text.contains(u"against the 6 closed periods before it"_s), qPrintable(text));
            if (!planted) {
                QVERIFY2(text.startsWith(u"No anomalies in"_s), qPrintable(text));
                continue;
            }
            // The first seat line of the last closed period, against the median of the six before it.
            const auto firstSeat = [&](int index) {
                for (const QJsonValue& v : data.trusteeOverview(id, index)->value(u"usages"_s).toArray()) {
                    if (v[u"unitOfMeasureType"_s].toString() == u"seat"_s)
                        return std::pair { v[u"name"_s].toString(),
                            *Decimal::fromString(v[u"usageQuantity"_s].toString()) };
                }
                return std::pair { QString(), Decimal() };
            };
            const auto [name, actual] = firstSeat(1);
            QList<Decimal> before;
            for (int index = 2; index <= 7; ++index)
                before << firstSeat(index).second;
            const Decimal usual = Anomalies::median(before);
            QVERIFY(actual - usual >= Decimal::fromInt(sim::DemoData::PlantedAnomalySeats - 5));
            QVERIFY2(text.contains(u"%1 %2 against a usual %3 (+%4)"_s.arg(
                         name, actual.toString(), usual.toString(), (actual - usual).toString())),
                qPrintable(text));
        }
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
        // Opened by id, before the list says the trust is disabled: Genesys' 403 is said to be the trust or
        // the role, never the role alone.
        QVERIFY2(
            note->text().startsWith(u"Genesys refused the billing of Litware Energy: its trust in your org "
                                    "may be disabled"_s),
            qPrintable(note->text()));
        QVERIFY(note->text().contains(u"organization authorization settings"_s));
        QVERIFY(note->text().contains(u"“The trust from organization"_s));
        QVERIFY(!note->text().contains(u"Your role is not allowed"_s));
        QCOMPARE(m_page->browser()->periods()->rowCount(), 0);
        QVERIFY(m_page->findChild<TrustorPicker*>()->recentIds().isEmpty()); // refused: not a recent org
    }

    void openDisabledTrust_listedAsDisabled_isNotRequested()
    {
        QSignalSpy listed(m_page->browser(), &PartnerBrowser::trustorsReady);
        m_page->refresh();
        QVERIFY(listed.wait(10'000));
        const QString litware = m_fixture->trustorNamed(u"Litware Energy"_s);
        QSignalSpy failed(m_page->browser(), &PartnerBrowser::periodFailed);
        m_page->browser()->open(litware, u"Litware Energy"_s);
        QCOMPARE(failed.size(), 1); // at once: there is nothing to wait for
        auto* note = m_page->findChild<QLabel*>(u"historyNote"_s);
        QVERIFY2(note->text().contains(u"Litware Energy has disabled its trust in your org"_s),
            qPrintable(note->text()));
        QVERIFY(m_fixture->requests(litware).isEmpty());
        QVERIFY(!m_page->browser()->isBusy());
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
        // The active period is drawn apart: 11 closed points on each line and its own hollow marker.
        QCOMPARE(trend.usage.line->count(), 11);
        QCOMPARE(trend.prepay.line->count(), 11);
        QCOMPARE(trend.usage.partialPoint->count(), 1);
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

    // A trend with nothing to plot says why, on screen and when exported, and draws no axis.
    void trend_nothingToPlot_saysWhyAndIsNotExported()
    {
        TrendChartView view;
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* why = view.findChild<QLabel*>(u"chartEmptyText"_s);
        QVERIFY(why && why->isVisible());
        QCOMPARE(why->text(), u"No billing period is loaded: open a customer to see its trend."_s);
        QVERIFY(view.chart()->axes().isEmpty());
        QTemporaryDir dir;
        QString error;
        QVERIFY(!ChartExporter::save(
            view, dir.filePath(u"trend.svg"_s), ChartFormat::Svg, QSize(800, 500), 1.0, {}, &error));
        QCOMPARE(error, u"Nothing to export: "_s + why->text());
        QVERIFY(!QFile::exists(dir.filePath(u"trend.svg"_s)));

        PeriodListModel periods;
        periods.setToday(QDate(2026, 12, 1));
        periods.setPeriod(1, trendPeriod(QDate(2026, 10, 1), 55));
        periods.setPeriod(0, trendPeriod(QDate(2026, 11, 1), 40));
        view.setSource(&periods, u"PC-170-NV-GONE"_s);
        QCOMPARE(why->text(), u"PC-170-NV-GONE is in none of the 2 dated periods loaded."_s);
        QVERIFY(why->isVisible());
        view.setSource(&periods, QString());
        QCOMPARE(why->text(), u"Pick a part number to see its trend."_s);
        view.setSource(&periods, u"PC-170-NV-USR3"_s);
        QVERIFY(!why->isVisible());
        QVERIFY(!view.chart()->axes().isEmpty());
        QVERIFY2(ChartExporter::save(
                     view, dir.filePath(u"trend.svg"_s), ChartFormat::Svg, QSize(800, 500), 1.0, {}, &error),
            qPrintable(error));
    }

    void trendBuilder_activePeriod_drawnApartWithoutLegendEntries()
    {
        const QDate today(2026, 12, 1);
        const QDate activeStart(2026, 11, 23);
        PeriodListModel periods;
        periods.setToday(today);
        // Three closed periods over prepay, and the active one a week in, far below them.
        for (int index = 3; index >= 0; --index)
            periods.setPeriod(
                index, trendPeriod(activeStart.addMonths(-index), index == 0 ? 20 : 60 + index));
        const BuiltTrend trend
            = TrendChartBuilder::build(periods, u"PC-170-NV-USR3"_s, QChart::ChartThemeLight);
        QChartView view; // the legend lays out its markers once the chart is shown
        view.setChart(trend.chart); // takes ownership
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(trend.periodRows.size(), 4);
        QCOMPARE(trend.partialRow, periods.rowOfIndex(0));
        QCOMPARE(trend.partialPoint, 3);
        QCOMPARE(trend.partialState, BillingPeriodState::Active);
        QCOMPARE(trend.partialNote,
            u"period to date, through %1"_s.arg(
                UsageSeriesModel::dayText(DataCutoff::lastCompleteDay(today))));

        QCOMPARE(trend.overageCost.size(), 1);
        for (const TrendSeries* series : allSeries(trend)) {
            const QString name = series->name;
            QCOMPARE(series->values.size(), 4);
            QCOMPARE(series->partialAt, 3);
            // The line ends at the last closed period; a run goes on from there to a hollow marker.
            QCOMPARE(series->line->count(), 3);
            QCOMPARE(series->line->at(2).x(), trend.periodX.at(2));
            const QPointF partial(trend.periodX.at(3), series->values.at(3).toDouble());
            QVERIFY2(series->partialLine, qPrintable(name));
            QCOMPARE(series->partialLine->count(), 2);
            QCOMPARE(series->partialLine->at(0), series->line->at(2));
            QCOMPARE(series->partialLine->at(1), partial);
            QCOMPARE(series->partialLine->pen().style(), Qt::DashLine);
            QCOMPARE(series->partialLine->pen().color(), series->line->pen().color());
            QVERIFY2(series->partialPoint, qPrintable(name));
            QCOMPARE(series->partialPoint->count(), 1);
            QCOMPARE(series->partialPoint->at(0), partial);
            QCOMPARE(series->partialPoint->brush().style(), Qt::NoBrush);
            QCOMPARE(series->partialPoint->borderColor(), series->line->pen().color());
        }
        QCOMPARE(trend.usage.line->pen().style(), Qt::SolidLine);
        QCOMPARE(trend.usage.partialLine->at(1).y(), 20.0);
        QCOMPARE(visibleLegend(trend.chart),
            (QStringList { trend.usage.name, trend.prepay.name, trend.overageCost.first().name }));
        // Where the open period is likely to end: the period's own projection of the line, as a dotted band
        // at the open period with its likely value, named in the title.
        const std::optional<LineProjection> expected = periods.openProjection(u"PC-170-NV-USR3"_s);
        QVERIFY(expected && expected->projection.isProjected());
        QVERIFY(trend.projection);
        const Projection& p = trend.projection->projection;
        QCOMPARE(p.likely, expected->projection.likely);
        QVERIFY(Decimal::fromInt(20) <= p.low && p.low <= p.likely && p.likely <= p.high);
        QVERIFY(trend.projectionBand && trend.projectionLikely);
        QCOMPARE(trend.projectionBand->count(), 2);
        QCOMPARE(trend.projectionBand->at(0), QPointF(trend.periodX.at(3), p.low.toDouble()));
        QCOMPARE(trend.projectionBand->at(1), QPointF(trend.periodX.at(3), p.high.toDouble()));
        QCOMPARE(trend.projectionBand->pen().style(), Qt::DotLine);
        QCOMPARE(trend.projectionLikely->at(0), QPointF(trend.periodX.at(3), p.likely.toDouble()));
        QVERIFY2(trend.chart->title().contains(u"likely to end at %1 (%2 – %3)"_s.arg(
                     p.likely.toString(), p.low.toString(), p.high.toString())),
            qPrintable(trend.chart->title()));
        // With two closed periods there is too little history: no band, and the title says why.
        PeriodListModel shorter;
        shorter.setToday(today);
        for (int index = 2; index >= 0; --index)
            shorter.setPeriod(
                index, trendPeriod(activeStart.addMonths(-index), index == 0 ? 20 : 60 + index));
        const BuiltTrend young
            = TrendChartBuilder::build(shorter, u"PC-170-NV-USR3"_s, QChart::ChartThemeLight);
        const std::unique_ptr<QChart> youngOwner(young.chart);
        QVERIFY(!young.projectionBand);
        QVERIFY(young.chart->title().contains(u"not projected: too little history"_s));

        // Past its last day and not rotated by Genesys: complete in time, still drawn as partial.
        periods.setToday(activeStart.addMonths(1));
        const BuiltTrend ended
            = TrendChartBuilder::build(periods, u"PC-170-NV-USR3"_s, QChart::ChartThemeLight);
        const std::unique_ptr<QChart> endedOwner(ended.chart);
        QCOMPARE(ended.partialState, BillingPeriodState::EndedNotClosed);
        QCOMPARE(ended.partialNote, u"Period ended, Genesys has not closed it yet"_s);
        QCOMPARE(ended.usage.line->count(), 3);
        QVERIFY(ended.usage.partialPoint);

        // Closed periods only: nothing is drawn apart.
        PeriodListModel closed;
        closed.setToday(today);
        for (int index = 1; index <= 3; ++index)
            closed.setPeriod(index, trendPeriod(activeStart.addMonths(-index), 60 + index));
        const BuiltTrend history
            = TrendChartBuilder::build(closed, u"PC-170-NV-USR3"_s, QChart::ChartThemeLight);
        const std::unique_ptr<QChart> historyOwner(history.chart);
        QCOMPARE(history.partialRow, -1);
        QCOMPARE(history.partialPoint, -1);
        QVERIFY(!history.projection && !history.projectionBand);
        QVERIFY(history.partialNote.isEmpty());
        for (const TrendSeries* series : allSeries(history)) {
            QCOMPARE(series->line->count(), 3);
            QVERIFY(!series->partialLine);
            QVERIFY(!series->partialPoint);
        }
        QCOMPARE(int(history.chart->series().size()), 3);
    }

    void trend_simOnFirstOfDecember_activePeriodIsPartialAndNoClosedOneIs()
    {
        sim::SimOptions options;
        options.now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), UtcZone);
        BD_SIM_FIXTURE(december, options);
        PartnerPage page(december.session.get());
        PeriodListModel* periods = page.browser()->periods();
        periods->setToday(options.now.date());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.showView(PartnerPage::CustomerPane);
        QSignalSpy listed(page.browser(), &PartnerBrowser::trustorsReady);
        page.browser()->listTrustors();
        QVERIFY(listed.wait(10'000));
        page.browser()->open(december.trustorNamed(u"Woodgrove Financial"_s), u"Woodgrove Financial"_s);
        QSignalSpy walked(page.browser(), &PartnerBrowser::walkFinished);
        page.browser()->walk(12);
        QVERIFY(walked.wait(20'000));
        QCOMPARE(periods->periodCount(), 12);
        QCOMPARE(page.browser()->currentIndex(), 0);
        auto* badge = page.findChild<QLabel*>(u"activeBadge"_s);
        QVERIFY(badge->isVisible());
        QVERIFY(badge->text().startsWith(u"Active period"_s));

        auto* view = page.findChild<TrendChartView*>(u"trendChart"_s);
        view->rebuildNow();
        const BuiltTrend& trend = view->built();
        QCOMPARE(trend.periodRows.size(), 12);
        const int activeRow = periods->rowOfIndex(0);
        const PeriodListModel::Period* active = periods->period(activeRow);
        // The sim's active period holds its day.
        QVERIFY(active->overview.billingPeriodStartDate->date() <= options.now.date());
        QVERIFY(active->overview.billingPeriodEndDate->date() >= options.now.date());
        QCOMPARE(periods->state(activeRow), BillingPeriodState::Active);
        QCOMPARE(periods->index(activeRow, PeriodListModel::StateColumn).data().toString(), u"Active"_s);
        QCOMPARE(trend.partialRow, activeRow);
        QCOMPARE(trend.partialPoint, int(trend.periodRows.size()) - 1);
        QCOMPARE(trend.partialState, BillingPeriodState::Active);
        const QString through = UsageSeriesModel::dayText(DataCutoff::lastCompleteDay(options.now.date()));
        QCOMPARE(trend.partialNote, u"period to date, through %1"_s.arg(through));
        const QString tip = view->partialToolTip(trend.usage);
        QVERIFY2(tip.contains(trend.partialNote), qPrintable(tip));
        QVERIFY2(tip.contains(PeriodListModel::periodText(active->overview, 0)), qPrintable(tip));

        // Every closed period is on the solid lines, the active one only on its run and hollow marker.
        QCOMPARE(trend.usage.line->count(), int(trend.periodRows.size()) - 1);
        for (int i = 0; i < trend.partialPoint; ++i) {
            QVERIFY(periods->period(trend.periodRows.at(i))->billingPeriodIndex > 0);
            QCOMPARE(periods->state(trend.periodRows.at(i)), BillingPeriodState::Closed);
            QCOMPARE(trend.usage.line->at(i).x(), trend.periodX.at(i));
        }
        for (const TrendSeries* series : allSeries(trend)) {
            QVERIFY2(series->partialPoint, qPrintable(series->name));
            QCOMPARE(series->partialPoint->count(), 1);
            QCOMPARE(series->partialPoint->at(0).x(), trend.periodX.last());
            QCOMPARE(series->partialPoint->brush().style(), Qt::NoBrush);
            QCOMPARE(series->partialLine->at(0), series->line->at(series->line->count() - 1));
            QVERIFY(!view->partialToolTip(*series).isEmpty());
        }
        QStringList names;
        for (const TrendSeries* series : allSeries(trend))
            names << series->name;
        QCOMPARE(visibleLegend(trend.chart), names);
        // Eleven closed periods walked: the active period's usage is projected, on its last day too.
        QVERIFY(trend.projection && trend.projection->projection.isProjected());
        QVERIFY(trend.projectionBand);
        QVERIFY(trend.chart->title().contains(u"likely to end at"_s));
        if (const QByteArray shots = qgetenv("BD_SCREENSHOT_DIR"); !shots.isEmpty()) {
            page.findChild<QTabWidget*>(u"partnerTabs"_s)->setCurrentIndex(PartnerPage::TrendTab);
            QCoreApplication::processEvents();
            QVERIFY(page.grab().save(QFile::decodeName(shots) + u"/partner-trend.png"_s));
        }

        // A day past its end while Genesys still lists it at index 0: the period has ended but is not closed.
        periods->setToday(active->overview.billingPeriodEndDate->toUTC().date().addDays(1));
        page.browser()->showRow(activeRow);
        QCOMPARE(periods->index(activeRow, PeriodListModel::StateColumn).data().toString(),
            u"Period ended, Genesys has not closed it yet"_s);
        QVERIFY(badge->isVisible());
        QVERIFY2(badge->text().startsWith(u"Period ended, Genesys has not closed it yet"_s),
            qPrintable(badge->text()));
        view->rebuildNow();
        QCOMPARE(view->built().partialRow, activeRow);
        QCOMPARE(view->built().partialState, BillingPeriodState::EndedNotClosed);
        QVERIFY(view->partialToolTip(view->built().usage)
                    .contains(u"Period ended, Genesys has not closed it yet"_s));
    }

    // One export flow: the tab on screen is offered first, under a name with the org, the periods and the
    // extension; a name typed without one gets it, the page says where the file went, and the next export
    // opens in that folder.
    void exportFlow_offersTheTabOnScreen_andRemembersTheFolder()
    {
        m_page->browser()->open(m_fixture->trustorNamed(u"Woodgrove Financial"_s), u"Woodgrove Financial"_s);
        QSignalSpy walked(m_page->browser(), &PartnerBrowser::walkFinished);
        m_page->browser()->walk(3);
        QVERIFY(walked.wait(20'000));
        QTemporaryDir first, second;
        QSettings().setValue(u"export/lastFolder"_s, first.path());
        auto* tabs = m_page->findChild<QTabWidget*>(u"partnerTabs"_s);

        tabs->setCurrentIndex(PartnerPage::CompareTab);
        OfferedSave offered;
        answerNextSaveDialog(&offered, second.filePath(u"woodgrove-changes"_s));
        m_page->exportInteractively();
        QCOMPARE(offered.folder, first.path());
        QVERIFY2(offered.filter.startsWith(u"The comparison shown, CSV table"_s), qPrintable(offered.filter));
        const PeriodListModel* periods = m_page->browser()->periods();
        const QString oldestStart
            = periods->period(2)->overview.billingPeriodStartDate->date().toString(Qt::ISODate);
        QCOMPARE(offered.fileName,
            u"billing-woodgrove-financial-%1-%2.csv"_s.arg(oldestStart,
                periods->period(0)->overview.billingPeriodEndDate->date().toString(Qt::ISODate)));
        const QString written = second.filePath(u"woodgrove-changes.csv"_s);
        QVERIFY(QFile::exists(written));
        QVERIFY(!QFile::exists(second.filePath(u"woodgrove-changes"_s)));
        const QList<QStringList> rows = readCsv(written);
        QCOMPARE(rows.size(), m_page->findChild<ComparisonView*>()->model()->rowCount() + 1);
        QVERIFY(rows.first().contains(u"Change"_s));
        QCOMPARE(m_page->status().text, u"Exported to %1"_s.arg(QDir::toNativeSeparators(written)));
        QCOMPARE(ExportChooser::startFolder(), second.path());

        // The trend tab offers its chart; an SVG picked by its filter gets the .svg extension.
        tabs->setCurrentIndex(PartnerPage::TrendTab);
        answerNextSaveDialog(&offered, second.filePath(u"trend"_s), u"Trend chart, SVG image (*.svg)"_s);
        m_page->exportInteractively();
        QCOMPARE(offered.folder, second.path());
        QVERIFY2(offered.filter.startsWith(u"Trend chart, PNG image"_s), qPrintable(offered.filter));
        QVERIFY(offered.fileName.endsWith(u".png"_s));
        QFile svg(second.filePath(u"trend.svg"_s));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.read(16).startsWith("<?xml"));

        // The period tab offers the period's lines; cancelling writes nothing and keeps the status.
        tabs->setCurrentIndex(PartnerPage::PeriodTab);
        const QString before = m_page->status().text;
        answerNextSaveDialog(&offered, QString());
        m_page->exportInteractively();
        QVERIFY2(offered.filter.startsWith(u"This period, usage lines"_s), qPrintable(offered.filter));
        QCOMPARE(QDir(second.path()).entryList(QDir::Files).size(), 2);
        QCOMPARE(m_page->status().text, before);
    }

    // Print acts on the view on screen: each tab, and the portfolio, opens its own preview.
    void print_eachTabPrintsWhatItShows()
    {
        m_page->browser()->open(m_fixture->trustorNamed(u"Woodgrove Financial"_s), u"Woodgrove Financial"_s);
        QSignalSpy walked(m_page->browser(), &PartnerBrowser::walkFinished);
        m_page->browser()->walk(3);
        QVERIFY(walked.wait(20'000));
        auto* tabs = m_page->findChild<QTabWidget*>(u"partnerTabs"_s);
        const struct
        {
            PartnerPage::Tab tab;
            QString title;
        } expected[] = { { PartnerPage::PeriodTab, u"Print billing period"_s },
            { PartnerPage::CompareTab, u"Print comparison"_s },
            { PartnerPage::TrendTab, u"Print trend chart"_s } };
        for (const auto& [tab, title] : expected) {
            tabs->setCurrentIndex(tab);
            QString shown;
            closeNextDialog(&shown);
            m_page->printInteractively();
            QCOMPARE(shown, title);
        }
        m_page->showView(PartnerPage::PortfolioPane);
        QString shown;
        closeNextDialog(&shown);
        m_page->printInteractively();
        QCOMPARE(shown, u"Print the portfolio"_s);
    }

    // With nothing on it, the trend chart is not offered for export, and printing it says why instead of a
    // blank page.
    void emptyTrend_isNeitherOfferedNorPrinted()
    {
        m_page->findChild<QTabWidget*>(u"partnerTabs"_s)->setCurrentIndex(PartnerPage::TrendTab);
        OfferedSave offered;
        answerNextSaveDialog(&offered, QString());
        m_page->exportInteractively();
        QVERIFY(!offered.filters.isEmpty());
        for (const QString& filter : std::as_const(offered.filters))
            QVERIFY2(!filter.startsWith(u"Trend chart"_s), qPrintable(filter));
        QVERIFY2(offered.filter.startsWith(u"This period, usage lines"_s), qPrintable(offered.filter));

        QString said;
        whenNextModal<QMessageBox>([&said](QMessageBox* box) {
            said = box->text();
            box->reject();
        });
        m_page->printInteractively();
        QCOMPARE(said, u"Nothing to print: No billing period is loaded: open a customer to see its trend."_s);
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
        // The active period, projected from the walked history: its first line has a number.
        m_page->browser()->showRow(0);
        QCoreApplication::processEvents();
        QTableView* lines = m_page->findChild<PeriodView*>()->table();
        const QAbstractItemModel* shown = lines->model();
        QVERIFY(shown->index(0, PeriodUsageModel::ProjectedColumn).data().toString().startsWith(u"≈"_s));
        lines->scrollTo(shown->index(0, PeriodUsageModel::ProjectedOverageCostColumn));
        QVERIFY(m_page->grab().save(out + u"/partner-active-projected.png"_s));
        m_page->browser()->showRow(1);
        tabs->setCurrentIndex(PartnerPage::TrendTab);
        auto* trend = m_page->findChild<TrendChartView*>(u"trendChart"_s);
        trend->rebuildNow();
        QVERIFY(!trend->partNumber().isEmpty());
        QCOMPARE(trend->built().periodRows.size(),
            m_page->browser()->periods()->periodCount()); // every walked period
        // (partner-trend.png is rendered on 1 December, by the trend test on that day.)
        m_page->compareRows(
            m_page->browser()->periods()->rowOfIndex(6), m_page->browser()->periods()->rowOfIndex(5));
        QCOMPARE(tabs->currentIndex(), int(PartnerPage::CompareTab));
        QVERIFY(m_page->findChild<ComparisonView*>()->table()->model()->rowCount() > 0);
        QVERIFY(m_page->grab().save(out + u"/partner-compare.png"_s));
    }

    void periodTable_atEachWindowSize_showsWholeChargeNamesAndTotals_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("file");
        QTest::newRow("1024x640") << QSize(1024, 640) << u"partner-period-1024x640.png"_s;
        QTest::newRow("1280x800") << QSize(1280, 800) << QString();
        QTest::newRow("1920x1080") << QSize(1920, 1080) << u"partner-period-1920x1080.png"_s;
    }
    void periodTable_atEachWindowSize_showsWholeChargeNamesAndTotals()
    {
        QFETCH(QSize, size);
        QFETCH(QString, file);
        QSignalSpy loaded(m_page->browser(), &PartnerBrowser::trustorsReady);
        m_page->refresh();
        QVERIFY(loaded.wait(10'000));
        QSignalSpy shown(m_page->browser(), &PartnerBrowser::currentChanged);
        m_page->browser()->open(m_fixture->trustorNamed(u"Woodgrove Financial"_s), u"Woodgrove Financial"_s);
        QVERIFY(shown.wait(10'000));
        m_page->resize(size);
        QCoreApplication::processEvents();
        QTableView* table = m_page->findChild<PeriodView*>()->table();
        const QAbstractItemModel* lines = table->model();
        QVERIFY(lines->rowCount() > 0);
        // Every charge name is shown whole, wrapped at its spaces when the column is narrow, never cut
        // mid-word.
        const QFontMetrics metrics(table->font());
        const int margin = table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1;
        int wrapped = 0;
        for (int row = 0; row < lines->rowCount(); ++row) {
            const QModelIndex name = lines->index(row, PeriodUsageModel::NameColumn);
            const QRect cell = table->visualRect(name);
            const QRect needed = metrics.boundingRect(
                QRect(0, 0, cell.width() - 2 * margin, 10'000), Qt::TextWordWrap, name.data().toString());
            QVERIFY2(needed.width() <= cell.width() - 2 * margin && needed.height() <= cell.height(),
                qPrintable(u"%1 needs %2×%3 in %4×%5"_s.arg(name.data().toString())
                               .arg(needed.width())
                               .arg(needed.height())
                               .arg(cell.width())
                               .arg(cell.height())));
            wrapped += needed.height() > metrics.height() ? 1 : 0;
        }
        QVERIFY(wrapped > 0); // the sim's long names ("Genesys Cloud CX 3 Communicate User") do wrap
        // From 1280 px up, the estimated total is in view without scrolling.
        if (size.width() >= 1280) {
            const QRect total = table->visualRect(lines->index(0, PeriodUsageModel::TotalColumn));
            QVERIFY2(total.right() <= table->viewport()->width(),
                qPrintable(
                    u"Est. total ends at %1 of %2"_s.arg(total.right()).arg(table->viewport()->width())));
        }
        if (!file.isEmpty()) {
            const QString out = qEnvironmentVariableIsEmpty("BD_SCREENSHOT_DIR")
                ? m_settingsDir.path()
                : qEnvironmentVariable("BD_SCREENSHOT_DIR");
            QVERIFY(m_page->grab().save(out + u'/' + file));
        }
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<PartnerPage> m_page;
};

QTEST_MAIN(TestPartnerPage)
#include "tst_partnerpage.moc"
