// The usage page driven like a person would, offscreen, against billing-sim over loopback.

#include "api/orgapi.h"
#include "csv/usagecsv.h"
#include "csvreader.h"
#include "domain/anomaly.h"
#include "domain/datacutoff.h"
#include "domain/datebuckets.h"
#include "i18n/translations.h"
#include "load/portfoliosweep.h"
#include "load/usageseriescontroller.h"
#include "models/celltone.h"
#include "models/usageseriesmodel.h"
#include "savedialog.h"
#include "simfixture.h"
#include "store/partnerview.h"
#include "store/reportstore.h"
#include "ui/alertsdialog.h"
#include "ui/charts/usagechartview.h"
#include "ui/commitmentsdialog.h"
#include "ui/desktopnotifier.h"
#include "ui/exportchooser.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/notelabel.h"
#include "ui/rangebar.h"
#include "ui/usagepage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFontMetrics>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QXmlStreamReader>
#include <QtCharts/QXYSeries>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::SimFixture;

namespace {

const QString UsagePath = u"/api/v2/billing/reports/billableusage"_s;
const QByteArray BadRequestBody = R"({"message":"Invalid request","code":"bad.request","status":400})";

/// A page on a sim, with "today" pinned to the sim's clock so presets mean the same on every run.
struct PageFixture
{
    std::unique_ptr<SimFixture> sim;
    std::unique_ptr<UsagePage> page;

    static std::unique_ptr<PageFixture> start(QString* error, sim::SimOptions options = {})
    {
        auto fixture = std::make_unique<PageFixture>();
        fixture->sim = SimFixture::start(error, options);
        if (!fixture->sim)
            return nullptr;
        fixture->page = std::make_unique<UsagePage>(fixture->sim->session.get());
        fixture->page->setToday(test::fixedNow().date());
        fixture->page->resize(1200, 800);
        fixture->page->show();
        return fixture;
    }

    /// A page whose "today", and the sim's clock, is `now`.
    static std::unique_ptr<PageFixture> start(QString* error, const QDateTime& now)
    {
        sim::SimOptions options;
        options.now = now;
        auto fixture = start(error, options);
        if (fixture)
            fixture->page->setToday(now.date());
        return fixture;
    }

    /// Clicks Load and waits for every bucket to settle, and for the metered projections' history.
    bool loadAndWait()
    {
        QSignalSpy settled(page.get(), &UsagePage::loadSettled);
        QSignalSpy projected(page->controller(), &UsageSeriesController::projectionHistoryLoaded);
        QTest::mouseClick(page->findChild<QPushButton*>(u"loadButton"_s), Qt::LeftButton);
        if (!settled.wait(30'000))
            return false;
        return !page->controller()->isProjecting() || !projected.isEmpty() || projected.wait(30'000);
    }
};

} // namespace

class TestUsagePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(
            QCoreApplication::instance()); // the English plural forms, as the dashboard has them
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void rangeBar_namesEveryPresetAndGranularity()
    {
        RangeBar bar;
        const auto checkNames = [](const QComboBox* box, qsizetype expected) {
            QVERIFY(box);
            QSet<QString> names;
            qsizetype entries = 0;
            for (int i = 0; i < box->count(); ++i) {
                if (!box->itemData(i).isValid()) // a separator between groups
                    continue;
                QVERIFY(!box->itemText(i).isEmpty());
                names.insert(box->itemText(i));
                ++entries;
            }
            QCOMPARE(entries, expected);
            QCOMPARE(names.size(), entries); // no two entries read the same
        };
        auto* presets = bar.findChild<QComboBox*>(u"rangePreset"_s);
        checkNames(presets, RangePresets::all().size());
        if (QTest::currentTestFailed())
            return;
        for (RangePreset preset : RangePresets::all())
            QCOMPARE(presets->itemText(presets->findData(int(preset))), RangeBar::presetLabel(preset));
        QCOMPARE(RangeBar::presetLabel(RangePreset::Last3Months), u"Last 3 months"_s);
        auto* granularities = bar.findChild<QComboBox*>(u"granularity"_s);
        checkNames(granularities, allGranularities().size());
        if (QTest::currentTestFailed())
            return;
        for (Granularity g : allGranularities())
            QCOMPARE(granularities->itemText(granularities->findData(int(g))), RangeBar::granularityLabel(g));
        QCOMPARE(RangeBar::granularityLabel(Granularity::Month), u"Monthly"_s);
    }

    void preset_last3Months_loadsSeriesAndTableFromTheSim()
    {
        BD_START(PageFixture, fixture);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last3Months);
        fixture.page->findChild<RangeBar*>()->setGranularity(Granularity::Month);
        QVERIFY(fixture.loadAndWait());

        UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->buckets().size(), 3);
        QCOMPARE(model->buckets().first().first, QDate(2026, 9, 1));
        // The range ends at the data cut-off, the day before "today": November is month to date.
        QCOMPARE(model->buckets().last().last, QDate(2026, 11, 19));
        QCOMPARE(model->dataThrough(), QDate(2026, 11, 19));
        QCOMPARE(model->coverage(1), Coverage::Complete);
        QCOMPARE(model->coverage(2), Coverage::Partial);
        QVERIFY(model->headerData(model->bucketColumn(2), Qt::Horizontal).toString().contains(u"to date"_s));
        QCOMPARE(model->count(UsageSeriesModel::BucketState::Loaded), 3);
        QCOMPARE(fixture.sim->requests(UsagePath).size(), 3);

        // Table cells: every licence of every bucket equals the sim's report for that window.
        for (int b = 0; b < model->buckets().size(); ++b) {
            const DateBucket& bucket = model->buckets().at(b);
            const QJsonArray usages = fixture.sim->server->data()
                                          .billableUsage(bucket.start(), bucket.end())[u"usages"_s]
                                          .toArray();
            for (const QJsonValue& usage : usages) {
                const int row = model->rowOfLicence(usage[u"name"_s].toString());
                QVERIFY(row >= 0);
                QCOMPARE(model->value(row, b), Decimal::fromString(usage[u"totalUsage"_s].toString()));
            }
        }

        // Chart: one line per shown licence, a point per loaded bucket, y = the exact value as a double.
        UsageChartView* chart = fixture.page->findChild<UsageChartView*>();
        chart->rebuildNow();
        const BuiltChart& built = chart->built();
        QVERIFY(!built.series.isEmpty());
        for (const PlottedSeries& series : built.series) {
            QCOMPARE(series.buckets.size(), 3);
            QCOMPARE(series.partialBuckets, QList<int> { 2 }); // drawn apart, dashed and hollow
            QVERIFY(series.partialLine && series.partialPoints);
            QCOMPARE(series.line->count(), 2); // the solid line holds the complete months only
            if (series.name == UsageChartBuilder::otherName())
                continue;
            const int row = model->rowOfLicence(series.name);
            QVERIFY2(row >= 0, qPrintable(series.name));
            for (qsizetype i = 0; i < series.buckets.size(); ++i)
                QCOMPARE(series.values.at(i), *model->value(row, series.buckets.at(i)));
        }
        QVERIFY(fixture.page->status().text.startsWith(u"3 of 3 reports"_s));
        QVERIFY2(fixture.page->status().text.contains(u"data through 19 Nov 2026"_s),
            qPrintable(fixture.page->status().text));
        QVERIFY(built.chart->title().contains(u"data through 19 Nov 2026"_s));
        // Peak and average rest on the complete months: the month to date does not pull the average down.
        for (int row = 0; row < model->licenceCount(); ++row) {
            QVERIFY(!model->summaryIsToDate(row));
            const Decimal september = *model->value(row, 0);
            const Decimal october = *model->value(row, 1);
            QCOMPARE(*model->peak(row), Decimal::max(september, october));
        }
    }

    // Mid-month, the month to date of every licence is projected to the month's end: seats from how the
    // earlier months' ramps grew from the same day, metered usage from how the earlier months grew from their
    // figures for the same days, which are fetched for it (the six newest earlier months, the 1st to the
    // 19th).
    void midMonth_last12Months_projectsTheMonthToDate()
    {
        BD_START(PageFixture, fixture); // today is 20 November: data through the 19th
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last12Months);
        fixture.page->findChild<RangeBar*>()->setGranularity(Granularity::Month);
        QVERIFY(fixture.loadAndWait());
        const UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->partialBucket(), 11);
        QCOMPARE(model->projectedColumn(), model->averageColumn() + 1);
        QVERIFY(model->headerData(model->projectedColumn(), Qt::Horizontal)
                    .toString()
                    .contains(u"30 Nov 2026"_s));
        QList<DateBucket> sameDays;
        for (const sim::RequestRecord& r : fixture.sim->requests(UsagePath)) {
            const QDate first
                = QDate::fromString(r.query.queryItemValue(u"startDate"_s).left(10), Qt::ISODate);
            const QDate last = QDate::fromString(r.query.queryItemValue(u"endDate"_s).left(10), Qt::ISODate);
            if (first.month() != 11 && last.day() == 19)
                sameDays << DateBucket { first, last };
        }
        QCOMPARE(sameDays.size(), UsageSeriesModel::SameDayHistory);
        for (int k = 1; k <= UsageSeriesModel::SameDayHistory; ++k)
            QVERIFY(sameDays.contains(DateBucket { QDate(2026, 11 - k, 1), QDate(2026, 11 - k, 19) }));
        int projected = 0, metered = 0;
        for (int row = 0; row < model->licenceCount(); ++row) {
            const std::optional<Projection> p = model->projection(row);
            QVERIFY2(p && p->isProjected(), qPrintable(model->licence(row)));
            if (model->isMetered(row)) {
                QCOMPARE(p->method, Projection::Method::SameDayGrowth);
                QCOMPARE(p->periodsUsed, UsageSeriesModel::SameDayHistory);
                QVERIFY(model->projectionText(row).contains(u"The usage through 19 Nov 2026 grows"_s));
                ++metered;
            } else {
                QCOMPARE(p->method, Projection::Method::SeatRamp);
                QCOMPARE(p->periodsUsed, 11);
            }
            const Decimal toDate = *model->value(row, 11);
            QVERIFY(toDate <= p->low && p->low <= p->likely && p->likely <= p->high);
            QCOMPARE(model->data(model->index(row, model->projectedColumn()), UsageSeriesModel::SortRole)
                         .value<Decimal>(),
                p->likely);
            ++projected;
        }
        QVERIFY(projected > metered && metered > 0);
        UsageChartView* chart = fixture.page->findChild<UsageChartView*>();
        chart->rebuildNow();
        for (const PlottedSeries& series : chart->built().series) {
            if (series.other)
                continue;
            const std::optional<Projection> p = model->projection(model->rowOfLicence(series.name));
            QCOMPARE(series.projectionBand != nullptr, p && p->isProjected());
            if (series.projectionBand) {
                QCOMPARE(series.projectionBand->at(0).y(), p->low.toDouble());
                QCOMPARE(series.projectionBand->at(1).y(), p->high.toDouble());
            }
        }
    }

    // On the 1st of a month, the default view shows twelve whole months: no month of one empty day at the
    // end, so no line falls to zero.
    void firstOfTheMonth_last12Months_isWholeMonthsWithNoCliff()
    {
        const QDateTime first(QDate(2026, 12, 1), QTime(9, 0), UtcZone);
        BD_START(PageFixture, fixture, first);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last12Months);
        fixture.page->findChild<RangeBar*>()->setGranularity(Granularity::Month);
        QVERIFY(fixture.loadAndWait());

        const UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->buckets().size(), 12);
        QCOMPARE(model->buckets().first().first, QDate(2025, 12, 1));
        QCOMPARE(model->buckets().last().last, QDate(2026, 11, 30));
        for (int b = 0; b < 12; ++b)
            QCOMPARE(model->coverage(b), Coverage::Complete);
        // Every seat licence that October used is used in November too: no false cliff.
        int compared = 0;
        for (int row = 0; row < model->licenceCount(); ++row) {
            if (model->isMetered(row) || model->value(row, 10)->isZero())
                continue;
            QVERIFY2(!model->value(row, 11)->isZero(), qPrintable(model->licence(row)));
            ++compared;
        }
        QVERIFY(compared > 0);
        UsageChartView* chart = fixture.page->findChild<UsageChartView*>();
        chart->rebuildNow();
        QVERIFY(!chart->built().cutoffLine); // the range ends at the cut-off: no rule needed
        for (const PlottedSeries& series : chart->built().series)
            QVERIFY(series.partialBuckets.isEmpty());
    }

    // Commitments entered in the dialog are kept in the store, measured in the table and drawn on the
    // chart; the licence over its commitment is told once, not again on the next load or in a new window.
    void commitments_enteredOnce_showInTableAndChart_andAlertOnce()
    {
        const QDateTime first(QDate(2026, 12, 1), QTime(9, 0), UtcZone);
        BD_START(PageFixture, fixture, first);
        QTemporaryDir dir;
        QString error;
        const auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error));
        const StoreScope scope { u"demo"_s, fixture.sim->demo->orgId() };
        fixture.page->setStore(store.get(), scope);
        QSignalSpy alerts(fixture.page.get(), &DashboardPage::alertsRaised);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last3Months);
        fixture.page->findChild<RangeBar*>()->setGranularity(Granularity::Month);
        QVERIFY(fixture.loadAndWait());
        QCOMPARE(alerts.count(), 0); // no commitments: every licence is on demand, which is not news

        const UsageSeriesModel* model = fixture.page->controller()->model();
        const int november = int(model->buckets().size()) - 1;
        QCOMPARE(model->buckets().at(november).first, QDate(2026, 11, 1));
        int row = -1;
        for (int r = 0; r < model->licenceCount() && row < 0; ++r) {
            if (!model->isMetered(r) && *model->value(r, november) >= Decimal::fromInt(10))
                row = r;
        }
        QVERIFY(row >= 0);
        const QString licence = model->licence(row);
        const Decimal used = *model->value(row, november);
        const Decimal committed = used - Decimal::fromInt(5);

        // The dialog lists every licence loaded; a quantity that is not a number is refused and said.
        bool sawProblem = false;
        QTimer::singleShot(0, this, [&] {
            const auto closeIfLeft = qScopeGuard([] {
                if (QWidget* left = QApplication::activeModalWidget())
                    left->close(); // a failed check must not leave the test waiting on the dialog
            });
            auto* dialog = qobject_cast<CommitmentsDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* table = dialog->findChild<QTableWidget*>(u"commitmentTable"_s);
            QCOMPARE(table->rowCount(), model->licenceCount());
            int line = -1;
            for (int r = 0; r < table->rowCount(); ++r) {
                if (table->item(r, 0)->text() == licence)
                    line = r;
            }
            QVERIFY(line >= 0);
            table->item(line, 1)->setText(u"ten"_s);
            dialog->accept();
            auto* problem = dialog->findChild<QLabel*>(u"commitmentProblem"_s);
            sawProblem = dialog->isVisible() && problem->isVisible() && problem->text().contains(u"“ten”"_s);
            table->item(line, 1)->setText(committed.toString());
            dialog->accept();
        });
        QTest::mouseClick(fixture.page->findChild<QPushButton*>(u"commitmentsButton"_s), Qt::LeftButton);
        QVERIFY(sawProblem);
        QCOMPARE(store->commitments(scope), (QList<LicenceCommitment> { { licence, committed, {} } }));

        // The table: Committed, Used % and Over of November, the exceeded one marked.
        QVERIFY(model->committedColumn() >= 0);
        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return model->data(model->index(row, column), role);
        };
        QCOMPARE(model->headerData(model->committedColumn(), Qt::Horizontal).toString(), u"Committed"_s);
        QCOMPARE(cell(model->committedColumn()).toString(), committed.toString());
        QCOMPARE(cell(model->overColumn()).toString(), u"5"_s);
        QCOMPARE(cell(model->usedPercentColumn(), UsageSeriesModel::DecimalRole).value<Decimal>(),
            *(used * Decimal::fromInt(100)).dividedBy(committed));
        QCOMPARE(cell(model->usedPercentColumn(), ToneRole).toInt(), int(CellTone::Bad));
        // The chart: the commitment as a rule at each month.
        UsageChartView* chart = fixture.page->findChild<UsageChartView*>();
        chart->setPinnedLicences({ licence });
        chart->rebuildNow();
        QCOMPARE(chart->built().series.size(), 1);
        const PlottedSeries& plotted = chart->built().series.first();
        QCOMPARE(plotted.name, licence);
        QVERIFY(plotted.commitmentLine);
        QCOMPARE(plotted.commitmentLine->count(), int(model->buckets().size()));
        QCOMPARE(plotted.commitmentLine->at(0).y(), committed.toDouble());
        QCOMPARE(plotted.commitmentLine->isVisible(), plotted.line->isVisible());

        // Who pushed it over: the resources billing first saw after the commitment was full, the sim's own
        // (sorted by first-seen time, beyond the first `committed` of them).
        fixture.page->selectCell(licence, november);
        auto* pastCommitment = fixture.page->findChild<QCheckBox*>(u"pastCommitment"_s);
        QVERIFY(pastCommitment->isVisible());
        pastCommitment->setChecked(true);
        QList<std::pair<QString, QString>> seen; // (first seen, name)
        const DateBucket& cycle = model->buckets().at(november);
        const QJsonObject report = fixture.sim->server->data().billableUsage(cycle.start(), cycle.end());
        for (const QJsonValue& usage : report.value(u"usages"_s).toArray()) {
            if (usage[u"name"_s].toString() != licence)
                continue;
            for (const QJsonValue& r : usage[u"resources"_s].toArray())
                seen.append({ r[u"date"_s].toString(), r[u"name"_s].toString() });
        }
        std::stable_sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) {
            return QDateTime::fromString(a.first, Qt::ISODateWithMs)
                < QDateTime::fromString(b.first, Qt::ISODateWithMs);
        });
        QCOMPARE(seen.size(), qsizetype(used.toDouble()));
        QStringList expected;
        for (qsizetype i = qsizetype(committed.toDouble()); i < seen.size(); ++i)
            expected << seen.at(i).second;
        QTableView* resources = fixture.page->findChild<QTableView*>(u"resourceTable"_s);
        QStringList shown;
        for (int r = 0; r < resources->model()->rowCount(); ++r)
            shown << resources->model()->index(r, 0).data().toString();
        expected.sort();
        shown.sort();
        QCOMPARE(shown, expected);
        QVERIFY(fixture.page->findChild<QLabel*>(u"resourceTitle"_s)
                    ->text()
                    .contains(u"seen after the commitment of %1 was full"_s.arg(committed.toString())));

        // Told once: the exceeded licence, now.
        QCOMPARE(alerts.count(), 1);
        const QStringList told = alerts.first().first().toStringList();
        QCOMPARE(told.size(), 1);
        QVERIFY2(told.first().startsWith(licence + u": exceeded ("_s), qPrintable(told.first()));
        QCOMPARE(store->alerts(scope).size(), 1);
        // A new load of the same cycle, and a new window on the same store, say nothing more.
        QVERIFY(fixture.loadAndWait());
        QCOMPARE(alerts.count(), 1);
        UsagePage again(fixture.sim->session.get());
        again.setToday(first.date());
        again.setStore(store.get(), scope);
        QCOMPARE(again.controller()->model()->commitments(), store->commitments(scope));
        QSignalSpy againAlerts(&again, &DashboardPage::alertsRaised);
        QSignalSpy settled(&again, &UsagePage::loadSettled);
        again.load({ QDate(2026, 9, 1), QDate(2026, 11, 30) }, Granularity::Month);
        QVERIFY(settled.wait(30'000));
        QCOMPARE(againAlerts.count(), 0);
        QCOMPARE(store->alerts(scope).size(), 1);
    }

    // A customer org that a partner profile swept into the same store: its cycle day, its prepaid quantities
    // (to import as commitments) and their prices (to value the idle seats) come from the partner's stored
    // overviews, checked against the sim's JSON. A cycle day the user sets for the org wins from then on.
    void partnerOverviews_giveTheCycleDay_thePrepaidImport_andTheIdleValue()
    {
        const QDateTime now(QDate(2026, 12, 1), QTime(9, 0), UtcZone);
        BD_START(PageFixture, fixture, now);
        QTemporaryDir dir;
        QString error;
        const auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error));
        const sim::DemoData& data = fixture.sim->server->data();
        QVERIFY(store->nameOrg({ u"demo"_s, data.orgId() }, data.orgName())); // as the window does
        {
            PortfolioSweep sweep(fixture.sim->session->orgs(), fixture.sim->session->billing());
            sweep.setStore(store.get(), { u"demo"_s, data.orgId() });
            sweep.setClock([now] { return now; });
            QSignalSpy finished(&sweep, &PortfolioSweep::finished);
            sweep.start(3);
            QVERIFY(finished.wait(60'000));
        }
        // A customer billed from a day other than the 1st, prepaying a licence the usage report has.
        const auto startOf = [](const QJsonObject& o) {
            return QDateTime::fromString(o.value(u"billingPeriodStartDate"_s).toString(), Qt::ISODate)
                .toUTC()
                .date();
        };
        QString customer;
        QJsonObject active;
        for (const QString& id : data.trustorIds()) {
            const auto overview = data.trusteeOverview(id, 0);
            if (!data.isTrustEnabled(id) || data.historyLength(id) < 4 || startOf(*overview).day() == 1
                || startOf(*overview).day() > 28 || overview->value(u"inRampPeriod"_s).toBool())
                continue;
            for (const QJsonValue& v : overview->value(u"usages"_s).toArray()) {
                const QJsonObject u = v.toObject();
                if (u.value(u"name"_s).toString() == u"Genesys Cloud CX 1"_s
                    && u.value(u"prepayQuantity"_s).toString() != u"0"_s && u.contains(u"prepayPrice"_s))
                    customer = id;
            }
            if (!customer.isEmpty()) {
                active = *overview;
                break;
            }
        }
        QVERIFY(!customer.isEmpty());
        const int cycleDay = startOf(active).day();
        const auto forgetTheDay = qScopeGuard([] { QSettings().remove(u"usage/cycleDayOf"_s); });
        const StoreScope scope { u"demo"_s, customer };
        fixture.page->setStore(store.get(), scope);
        auto* bar = fixture.page->findChild<RangeBar*>();
        bar->setPreset(RangePreset::Last3Cycles);
        auto* day = fixture.page->findChild<QSpinBox*>(u"cycleDay"_s);
        QCOMPARE(day->value(), cycleDay);
        QVERIFY(day->toolTip().contains(
            u"Day %1 learnt from %2's overview of this org"_s.arg(cycleDay).arg(data.orgName())));
        QVERIFY(fixture.loadAndWait());
        const UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->cycleDay(), cycleDay);
        for (const DateBucket& b : model->buckets())
            QCOMPARE(b.first.day(), cycleDay);

        // Commitments: the partner's prepaid quantities are offered, imported, and kept for this org.
        QTimer::singleShot(0, this, [&] {
            const auto closeIfLeft = qScopeGuard([] {
                if (QWidget* left = QApplication::activeModalWidget())
                    left->close();
            });
            auto* dialog = qobject_cast<CommitmentsDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* import = dialog->findChild<QPushButton*>(u"importPrepaid"_s);
            QVERIFY(import && import->isVisible());
            QTest::mouseClick(import, Qt::LeftButton);
            QVERIFY(dialog->findChild<QLabel*>(u"importedNote"_s)->isVisible());
            if (const QByteArray shots = qgetenv("BD_SCREENSHOT_DIR"); !shots.isEmpty())
                dialog->grab().save(QString::fromLocal8Bit(shots) + u"/commitments-imported.png"_s);
            dialog->accept();
        });
        QTest::mouseClick(fixture.page->findChild<QPushButton*>(u"commitmentsButton"_s), Qt::LeftButton);
        const QList<LicenceCommitment> kept = store->commitments(scope);
        QVERIFY(!kept.isEmpty());
        const int whole = model->lastWholeBucket();
        QVERIFY(whole >= 0);
        const QDate wholeStart = model->buckets().at(whole).first;
        const auto overviewOf = [&](QDate start) -> QJsonObject {
            for (int index = 0; index < data.historyLength(customer); ++index) {
                if (const auto o = data.trusteeOverview(customer, index); o && startOf(*o) == start)
                    return *o;
            }
            return {};
        };
        const QJsonObject closed = overviewOf(wholeStart); // the cycle the idle seats are counted in
        QVERIFY(!closed.isEmpty());
        for (const QJsonValue& v : active.value(u"usages"_s).toArray()) {
            const QJsonObject u = v.toObject();
            const Decimal prepay = *Decimal::fromString(u.value(u"prepayQuantity"_s).toString());
            if (u.value(u"grouping"_s).toString() != u"fair-use" && !prepay.isZero())
                QCOMPARE(
                    LicenceCommitments::on(kept, u.value(u"name"_s).toString(), startOf(active)), prepay);
        }

        // The idle seats of the last whole cycle, valued at the sim's prepay price, summed by the plain rule.
        Decimal idleValue;
        int idleLicences = 0;
        for (const QJsonValue& v : closed.value(u"usages"_s).toArray()) {
            const QJsonObject u = v.toObject();
            const int row = model->rowOfLicence(u.value(u"name"_s).toString());
            const Decimal prepay = *Decimal::fromString(u.value(u"prepayQuantity"_s).toString());
            if (u.value(u"grouping"_s).toString() == u"fair-use" || prepay.isZero()
                || u.value(u"unitOfMeasureType"_s).toString() != u"seat"_s)
                continue;
            const Decimal used = row >= 0 ? model->value(row, whole).value_or(Decimal()) : Decimal();
            if (used >= prepay)
                continue;
            ++idleLicences;
            idleValue += (prepay - used) * *Decimal::fromString(u.value(u"prepayPrice"_s).toString());
        }
        auto* idle = fixture.page->findChild<NoteLabel*>(u"idleNote"_s);
        if (const QByteArray shots = qgetenv("BD_SCREENSHOT_DIR"); !shots.isEmpty())
            fixture.page->grab().save(QString::fromLocal8Bit(shots) + u"/usage-partner-known.png"_s);
        QVERIFY(idle->isVisible());
        if (idleLicences == 0) {
            QVERIFY2(idle->note().startsWith(u"No idle commitment in"_s), qPrintable(idle->note()));
        } else {
            QVERIFY2(idle->note().contains(u"%1 %2 at prepay price"_s.arg(
                         closed.value(u"currency"_s).toString(), idleValue.toString(2))),
                qPrintable(idle->note()));
        }

        // The user's own day for this org wins over the partner's, on this page and the next.
        day->setValue(cycleDay + 1);
        fixture.page->setStore(store.get(), scope);
        QCOMPARE(day->value(), cycleDay + 1);
        QVERIFY(day->toolTip().contains(u"You set it for this org"_s));
    }

    // Anomalies: in the demo's steady summer nothing stands out; a wave of contractors the sim plants in
    // August is found, with the sim's own figures: August's total against the median of the six months
    // before it.
    void anomalies_steadyMonthsSayNone_aPlantedRiseIsFound()
    {
        const QDateTime first(QDate(2026, 9, 1), QTime(9, 0), UtcZone);
        for (const bool planted : { false, true }) {
            sim::SimOptions options;
            options.now = first;
            options.plantAnomaly = planted;
            BD_START(PageFixture, fixture, options);
            fixture.page->setToday(first.date());
            fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last12Months);
            fixture.page->findChild<RangeBar*>()->setGranularity(Granularity::Month);
            QVERIFY(fixture.loadAndWait());
            auto* label = fixture.page->findChild<NoteLabel*>(u"anomalyNote"_s);
            const QString note = label->note();
            if (!planted) {
                QCOMPARE(note,
                    u"No anomalies in Aug 2026 against the 6 complete periods before it: every licence is "
                    u"within "
                    "its usual range (median ± 3 × MAD)."_s);
                continue;
            }
            QCOMPARE(sim::DemoData::plantedAnomalyMonth(first), QDate(2026, 8, 1));
            const auto total = [&](int month) {
                const DateBucket b { QDate(2026, month, 1), QDate(2026, month, 1).addMonths(1).addDays(-1) };
                const QJsonObject report = fixture.sim->server->data().billableUsage(b.start(), b.end());
                for (const QJsonValue& usage : report.value(u"usages"_s).toArray()) {
                    if (usage[u"name"_s].toString() == u"Genesys Cloud CX 1"_s)
                        return *Decimal::fromString(usage[u"totalUsage"_s].toString());
                }
                return Decimal();
            };
            QList<Decimal> before;
            for (int month = 2; month <= 7; ++month)
                before << total(month);
            const Decimal usual = Anomalies::median(before);
            const Decimal actual = total(8);
            QVERIFY(actual - usual >= Decimal::fromInt(sim::DemoData::PlantedAnomalySeats - 5));
            QCOMPARE(note,
                u"Anomalies in Aug 2026 against the 6 complete periods before it: Genesys Cloud CX 1 %1 "
                u"against a "
                "usual %2 (+%3)."_s.arg(actual.toString(), usual.toString(), (actual - usual).toString()));

            // In a narrow page the note keeps to one line, cut short with the whole of it in the tooltip;
            // a click shows it all, wrapped, and another makes it one line again.
            fixture.page->resize(700, 600);
            QApplication::processEvents();
            const int oneLine = label->height();
            QVERIFY(label->isElided());
            QVERIFY(label->text().endsWith(u"…"_s));
            QVERIFY(label->toolTip().startsWith(note));
            QTest::mouseClick(label, Qt::LeftButton);
            QApplication::processEvents();
            QCOMPARE(label->text(), note);
            QVERIFY(label->height() > oneLine);
            QTest::mouseClick(label, Qt::LeftButton);
            QApplication::processEvents();
            QVERIFY(label->isElided());
            QCOMPARE(label->height(), oneLine);
        }
    }

    // "This month" on the 1st has nothing to show yet: it says so, loads nothing, and offers last month.
    void firstOfTheMonth_thisMonth_saysNoDataYetAndOffersLastMonth()
    {
        const QDateTime first(QDate(2026, 12, 1), QTime(9, 0), UtcZone);
        BD_START(PageFixture, fixture, first);
        auto* bar = fixture.page->findChild<RangeBar*>();
        bar->setPreset(RangePreset::ThisMonth);
        auto* problem = bar->findChild<QLabel*>(u"rangeProblem"_s);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"No data for December yet"_s), qPrintable(problem->text()));
        QVERIFY(problem->text().contains(u"30 Nov 2026"_s));
        QVERIFY(!bar->findChild<QPushButton*>(u"loadButton"_s)->isEnabled());
        auto* offer = bar->findChild<QPushButton*>(u"rangeOffer"_s);
        QVERIFY(offer->isVisible());

        QSignalSpy settled(fixture.page.get(), &UsagePage::loadSettled);
        QTest::mouseClick(offer, Qt::LeftButton);
        QVERIFY(settled.wait(30'000));
        QCOMPARE(bar->preset(), RangePreset::LastMonth);
        QCOMPARE(
            fixture.page->controller()->range(), (DateRange { QDate(2026, 11, 1), QDate(2026, 11, 30) }));
        QCOMPARE(fixture.page->controller()->model()->coverage(0), Coverage::Complete);
        // One month by month is a single bucket: the bar says so and offers days instead.
        QCOMPARE(problem->text(), u"One monthly bucket: a finer granularity shows how it built up."_s);
        QCOMPARE(offer->text(), u"Show daily"_s);
        QTest::mouseClick(offer, Qt::LeftButton);
        QVERIFY(settled.wait(30'000));
        QCOMPARE(fixture.page->controller()->model()->granularity(), Granularity::Day);
        QCOMPARE(fixture.page->controller()->model()->buckets().size(), 30);
        QVERIFY(!problem->isVisible());
        QVERIFY(!offer->isVisible());
    }

    // A billing cycle is one monthly bucket too: the bar offers days.
    void lastBillingCycle_offersAFinerGranularity()
    {
        BD_START(PageFixture, fixture);
        auto* bar = fixture.page->findChild<RangeBar*>();
        bar->setCycleDay(15);
        bar->setPreset(RangePreset::LastCycle);
        QVERIFY(fixture.loadAndWait());
        auto* problem = bar->findChild<QLabel*>(u"rangeProblem"_s);
        QCOMPARE(problem->text(), u"One monthly bucket: a finer granularity shows how it built up."_s);
        QCOMPARE(bar->findChild<QPushButton*>(u"rangeOffer"_s)->text(), u"Show daily"_s);
    }

    // Typed dates: Enter loads them; a range not loaded yet is marked; an end past today is explained.
    void typedDates_enterLoadsAndWhatIsShownIsSaid()
    {
        BD_START(PageFixture, fixture);
        QVERIFY(fixture.loadAndWait());
        auto* bar = fixture.page->findChild<RangeBar*>();
        auto* problem = bar->findChild<QLabel*>(u"rangeProblem"_s);
        auto* from = bar->findChild<QDateEdit*>(u"rangeFrom"_s);
        auto* to = bar->findChild<QDateEdit*>(u"rangeTo"_s);
        const DateRange shown = fixture.page->controller()->range();

        from->setDate(QDate(2026, 3, 1));
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(),
            u"The chart still shows %1 – %2: press Load or Enter for this range."_s.arg(
                shown.first.toString(Qt::ISODate), shown.last.toString(Qt::ISODate)));
        QCOMPARE(fixture.page->controller()->range(), shown); // nothing loads until asked

        // A day after today can be typed; it is said, not silently changed.
        const QDate today = fixture.page->controller()->today();
        to->setDate(today.addDays(40));
        QCOMPARE(to->date(), today.addDays(40));
        QVERIFY2(
            problem->text().startsWith(u"Usage exists through today: the range ends on %1, not %2."_s.arg(
                UsageSeriesModel::dayText(today), UsageSeriesModel::dayText(today.addDays(40)))),
            qPrintable(problem->text()));

        QSignalSpy settled(fixture.page.get(), &UsagePage::loadSettled);
        to->setFocus();
        QTest::keyClick(to, Qt::Key_Return);
        QVERIFY(settled.wait(30'000));
        QCOMPARE(fixture.page->controller()->range(), (DateRange { QDate(2026, 3, 1), today }));

        // A start after today cannot load, and says why.
        from->setDate(today.addDays(3));
        QVERIFY(!bar->findChild<QPushButton*>(u"loadButton"_s)->isEnabled());
        QVERIFY2(problem->text().contains(u"is after today: there is no usage yet"_s),
            qPrintable(problem->text()));
    }

    // A range that starts before the org's first usage says where the usage begins, rather than showing
    // empty months as if nothing had been used; a range wholly before it says it may lie there.
    void rangeBeforeTheFirstUsage_isExplained()
    {
        BD_START(PageFixture, fixture);
        const QDate firstDay = test::fixedNow().date().addDays(-730); // the demo org's first day of usage
        fixture.page->load(
            { QDate(firstDay.year(), firstDay.month(), 1).addMonths(-2), firstDay.addMonths(2) },
            Granularity::Month);
        QSignalSpy settled(fixture.page.get(), &UsagePage::loadSettled);
        QVERIFY(settled.wait(30'000));
        const UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->count(BucketState::Loaded), int(model->buckets().size()));
        auto* banner = fixture.page->findChild<MessageBanner*>(u"usageBanner"_s);
        QCOMPARE(banner->kind(), MessageBanner::Kind::Info);
        QCOMPARE(banner->text(),
            u"Nothing in this range is billed before %1: it starts before the org's first usage, and its "
            u"first 2 "
            "buckets are empty."_s.arg(UsageSeriesModel::dayText(firstDay)));
        QVERIFY(banner->isVisibleTo(fixture.page.get()));

        fixture.page->load({ QDate(2020, 1, 1), QDate(2020, 2, 29) }, Granularity::Month);
        QVERIFY(settled.wait(30'000));
        QCOMPARE(banner->text(),
            u"No billable usage from 1 Jan 2020 to 29 Feb 2020: the range may lie before the org's first usage."_s);

        // A range with usage from its first day says nothing.
        fixture.page->load({ firstDay.addMonths(3), firstDay.addMonths(5) }, Granularity::Month);
        QVERIFY(settled.wait(30'000));
        QVERIFY(banner->text().isEmpty());
    }

    // Billing-cycle presets tile by cycles: with cycles of the 23rd, the chart lines up with the invoices.
    void billingCycles_last3Cycles_bucketsAreCycles()
    {
        const QDateTime first(QDate(2026, 12, 1), QTime(9, 0), UtcZone);
        BD_START(PageFixture, fixture, first);
        auto* bar = fixture.page->findChild<RangeBar*>();
        bar->setCycleDay(23);
        bar->setPreset(RangePreset::Last3Cycles);
        bar->setGranularity(Granularity::Month);
        QVERIFY(bar->findChild<QSpinBox*>(u"cycleDay"_s)->isVisible());
        QVERIFY(fixture.loadAndWait());

        const UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->cycleDay(), 23);
        const QList<DateBucket> expected { { QDate(2026, 9, 23), QDate(2026, 10, 22) },
            { QDate(2026, 10, 23), QDate(2026, 11, 22) }, { QDate(2026, 11, 23), QDate(2026, 11, 30) } };
        QCOMPARE(model->buckets(), expected);
        QCOMPARE(model->coverage(1), Coverage::Complete);
        QCOMPARE(model->coverage(2), Coverage::Partial); // the cycle runs to 22 December
        QCOMPARE(
            model->headerData(model->bucketColumn(1), Qt::Horizontal).toString(), u"23 Oct – 22 Nov 2026"_s);
        // Each cycle's usage is the sim's report for exactly those days.
        for (int b = 0; b < expected.size(); ++b) {
            const QJsonArray usages
                = fixture.sim->server->data()
                      .billableUsage(expected.at(b).start(), expected.at(b).end())[u"usages"_s]
                      .toArray();
            for (const QJsonValue& usage : usages) {
                const int row = model->rowOfLicence(usage[u"name"_s].toString());
                QCOMPARE(model->value(row, b), Decimal::fromString(usage[u"totalUsage"_s].toString()));
            }
        }
        // A calendar preset goes back to calendar months.
        bar->setPreset(RangePreset::Last3Months);
        QVERIFY(!bar->findChild<QSpinBox*>(u"cycleDay"_s)->isVisible());
        QCOMPARE(bar->tilingCycleDay(), 1);
    }

    // A custom range that reaches today: today's bucket has no data yet and is not drawn, never as zero.
    void customRangeToToday_bucketPastTheCutoff_isNoDataYet()
    {
        const QDateTime first(QDate(2026, 12, 1), QTime(9, 0), UtcZone);
        BD_START(PageFixture, fixture, first);
        fixture.page->load({ QDate(2026, 10, 1), first.date() }, Granularity::Month);
        QSignalSpy settled(fixture.page.get(), &UsagePage::loadSettled);
        QVERIFY(settled.wait(30'000));

        const UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->buckets().size(), 3);
        QCOMPARE(model->coverage(2), Coverage::NotYet);
        QVERIFY(model->licenceCount() > 0);
        for (int row = 0; row < model->licenceCount(); ++row) {
            QVERIFY(!model->value(row, 2)); // not a zero: no value
            QCOMPARE(model->data(model->index(row, model->bucketColumn(2))).toString(), u"no data yet"_s);
        }
        UsageChartView* chart = fixture.page->findChild<UsageChartView*>();
        chart->rebuildNow();
        const BuiltChart& built = chart->built();
        QCOMPARE(built.notYetBuckets, QList<int> { 2 });
        QVERIFY(built.cutoffLine);
        QCOMPARE(built.cutoffLine->name(), u"Data through 30 Nov 2026"_s);
        for (const PlottedSeries& series : built.series) {
            QVERIFY(!series.buckets.contains(2));
            QCOMPARE(series.line->count(), 2);
        }
    }

    void selectingACell_showsItsResources()
    {
        BD_START(PageFixture, fixture);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::LastMonth);
        QVERIFY(fixture.loadAndWait());
        UsageSeriesModel* model = fixture.page->controller()->model();
        QTableView* table = fixture.page->findChild<QTableView*>(u"usageTable"_s);
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r) {
            if (!model->isMetered(r) && model->value(r, 0) > Decimal::fromInt(2))
                row = r;
        }
        QVERIFY(row >= 0);
        const QModelIndex source = model->index(row, model->bucketColumn(0));
        const auto* proxy = static_cast<const QSortFilterProxyModel*>(table->model());
        const QModelIndex cell = proxy->mapFromSource(source);
        table->scrollTo(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        QCOMPARE(fixture.page->findChild<QTableView*>(u"resourceTable"_s)->model()->rowCount(),
            model->resources(row, 0).size());
        QCOMPARE(Decimal::fromInt(model->resources(row, 0).size()), *model->value(row, 0));
        const auto* title = fixture.page->findChild<QLabel*>(u"resourceTitle"_s);
        QVERIFY2(title->text().endsWith(u" · %1 resources"_s.arg(model->resources(row, 0).size())),
            qPrintable(title->text()));
        QVERIFY2(fixture.page->status().text.startsWith(u"1 of 1 report "_s),
            qPrintable(fixture.page->status().text));

        // A metered licence's cell gives its total and says why no one is listed, not "0 resources".
        int metered = -1;
        for (int r = 0; r < model->rowCount() && metered < 0; ++r) {
            if (model->isMetered(r))
                metered = r;
        }
        QVERIFY(metered >= 0);
        const QModelIndex meteredCell = proxy->mapFromSource(model->index(metered, model->bucketColumn(0)));
        table->scrollTo(meteredCell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(meteredCell).center());
        QVERIFY2(title->text().contains(u"%1 in all: metered usage lists no users or devices"_s.arg(
                     model->value(metered, 0)->toString())),
            qPrintable(title->text()));
        table->scrollTo(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());

        // First-seen times are UTC, named; local time is a choice, named too.
        QAbstractItemModel* resources = fixture.page->findChild<QTableView*>(u"resourceTable"_s)->model();
        const QDateTime firstSeen = resources->data(resources->index(0, 1), Qt::UserRole + 1).toDateTime();
        QCOMPARE(resources->headerData(1, Qt::Horizontal).toString(), u"First seen (UTC)"_s);
        QCOMPARE(resources->index(0, 1).data().toString(), firstSeen.toUTC().toString(u"yyyy-MM-dd HH:mm"_s));
        fixture.page->setLocalTime(true);
        QCOMPARE(resources->headerData(1, Qt::Horizontal).toString(),
            u"First seen (%1)"_s.arg(DisplayZones::name(DisplayZone::Local)));
        QCOMPARE(resources->index(0, 1).data().toString(),
            firstSeen.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
        QVERIFY(fixture.page->status().text.contains(DisplayZones::name(DisplayZone::Local)));
        fixture.page->setLocalTime(false);
        QVERIFY(fixture.page->status().text.contains(u"UTC"_s));

        // Copy: the selected cell with its header, tab-separated.
        table->setFocus();
        fixture.page->copySelection();
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied,
            u"\t%1\n%2\t%3\n"_s.arg(model->headerData(source.column(), Qt::Horizontal).toString(),
                model->licence(row), model->value(row, 0)->toString()));
        // A whole row: the licence once, as the row's name, not again from the hidden licence column.
        table->selectRow(cell.row());
        fixture.page->copySelection();
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(1).count(model->licence(row)), 1);
        QVERIFY2(!lines.at(0).contains(u"Licence"_s), qPrintable(lines.at(0)));

        // Tab leaves the table for the next control instead of walking its cells.
        QVERIFY(!table->tabKeyNavigation());

        // The corner above the licence names sorts by them, A–Z, then Z–A.
        auto* corner = table->findChild<QAbstractButton*>(u"sortByLicence"_s);
        QVERIFY(corner);
        table->sortByColumn(model->peakColumn(), Qt::DescendingOrder);
        QTest::mouseClick(corner, Qt::LeftButton);
        auto licenceAt = [&](int viewRow) {
            return proxy->index(viewRow, UsageSeriesModel::LicenceColumn).data().toString();
        };
        QVERIFY(licenceAt(0).compare(licenceAt(1), Qt::CaseInsensitive) < 0);
        QTest::mouseClick(corner, Qt::LeftButton);
        QVERIFY(licenceAt(0).compare(licenceAt(1), Qt::CaseInsensitive) > 0);
    }

    // F5 on the same range keeps the chart until the fresh reports replace it, and the status says it is
    // loading, with no stale "updated" time.
    void refresh_keepsTheChartUntilTheNewDataArrives()
    {
        BD_START(PageFixture, fixture);
        QVERIFY(fixture.loadAndWait());
        UsageSeriesModel* model = fixture.page->controller()->model();
        const int licences = model->licenceCount();
        QVERIFY(licences > 0);
        const std::optional<Decimal> before = model->value(0, 0);
        QVERIFY(before);
        QVERIFY(fixture.page->status().text.contains(u"updated"_s));

        QSignalSpy settled(fixture.page.get(), &UsagePage::loadSettled);
        fixture.page->refresh();
        QCOMPARE(model->licenceCount(), licences);
        QCOMPARE(model->value(0, 0), before);
        QCOMPARE(model->bucketState(0), BucketState::Loaded);
        const LoadSummary during = fixture.page->controller()->summary();
        QCOMPARE(during.loaded, 0);
        QCOMPARE(during.outcome, LoadSummary::Outcome::Loading);
        QVERIFY2(
            !fixture.page->status().text.contains(u"updated"_s), qPrintable(fixture.page->status().text));
        QVERIFY(settled.wait(30'000));
        QCOMPARE(fixture.page->controller()->summary().loaded, fixture.page->controller()->summary().total);
        QCOMPARE(model->value(0, 0), before); // the same closed month, the same figure

        // A refresh cancelled before anything came keeps the figures with the time they were fetched.
        const QDateTime fetched = fixture.page->controller()->updatedAt();
        QVERIFY(fetched.isValid());
        QSignalSpy again(fixture.page.get(), &UsagePage::loadSettled);
        fixture.page->refresh();
        QVERIFY(fixture.page->controller()->cancel());
        QVERIFY(again.size() > 0 || again.wait(30'000));
        QCOMPARE(model->value(0, 0), before);
        QCOMPARE(fixture.page->controller()->updatedAt(), fetched);
    }

    // The licence picker stays open while licences are ticked.
    void licencePicker_staysOpenForSeveralPicks()
    {
        BD_START(PageFixture, fixture);
        QVERIFY(fixture.loadAndWait());
        auto* button = fixture.page->findChild<QToolButton*>(u"licencesButton"_s);
        QVERIFY(button);
        QStringList picked;
        bool stayedOpen = false;
        QTimer::singleShot(0, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu);
            QList<QAction*> licences;
            for (QAction* action : menu->actions()) {
                if (!action->data().toString().isEmpty())
                    licences << action;
            }
            QVERIFY(licences.size() >= 3);
            for (int i : { 0, 2 }) {
                QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(licences.at(i)).center());
                picked << licences.at(i)->data().toString();
            }
            stayedOpen = menu->isVisible() && licences.at(0)->isChecked() && licences.at(2)->isChecked();
            menu->close();
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(stayedOpen);
        QCOMPARE(fixture.page->findChild<UsageChartView*>(u"usageChart"_s)->options().pinnedLicences, picked);
    }

    void rowHeaders_fitTheLongestLicenceName()
    {
        BD_START(PageFixture, fixture);
        QVERIFY(fixture.loadAndWait());
        auto* table = fixture.page->findChild<QTableView*>(u"usageTable"_s);
        const UsageSeriesModel* model = fixture.page->controller()->model();
        const QFontMetrics metrics(table->verticalHeader()->font());
        int widest = 0;
        for (int row = 0; row < model->licenceCount(); ++row)
            widest = std::max(widest, metrics.horizontalAdvance(model->licence(row)));
        QVERIFY(widest > 0);
        QVERIFY2(table->verticalHeader()->width() > widest
                || table->verticalHeader()->width() >= table->width() * 2 / 5 - 1,
            qPrintable(u"%1 %2 %3"_s.arg(table->verticalHeader()->width()).arg(widest).arg(table->width())));
        QVERIFY(table->verticalHeader()->width() <= std::max(160, table->width() * 2 / 5));
    }

    // The export flow from the Export button's action: the usage table is offered under the org and range's
    // name, the extension is added, the banner names the file; on the ramp tab the ramp chart is offered.
    void exportAndPrint_confirmTheFile_andActOnTheTabShown()
    {
        BD_START(PageFixture, fixture);
        fixture.page->setProvenance({ u"Northwind Contact Center"_s, u"us_east_1"_s, true });
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last3Months);
        QVERIFY(fixture.loadAndWait());
        QTemporaryDir dir;
        QSettings().setValue(u"export/lastFolder"_s, dir.path());
        const auto forgetTheFolder = qScopeGuard([] { QSettings().remove(u"export/lastFolder"_s); });

        test::OfferedSave offered;
        test::answerNextSaveDialog(&offered, dir.filePath(u"northwind"_s));
        fixture.page->exportInteractively();
        const DateRange range = fixture.page->controller()->range();
        QCOMPARE(offered.folder, dir.path());
        QCOMPARE(offered.fileName,
            u"billable-usage-northwind-contact-center-%1-%2.csv"_s.arg(
                range.first.toString(Qt::ISODate), range.last.toString(Qt::ISODate)));
        QVERIFY2(offered.filter.startsWith(u"Usage table, CSV table"_s), qPrintable(offered.filter));
        // Three tables and the usage chart in three formats; the ramp has no cell to show yet.
        QCOMPARE(offered.filters.size(), 3 + 3);
        const QString written = dir.filePath(u"northwind.csv"_s);
        QFile csv(written);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(test::parseCsv(csv.readAll()).size(), 1 + fixture.page->controller()->model()->rowCount());
        auto* banner = fixture.page->findChild<MessageBanner*>(u"usageBanner"_s);
        QCOMPARE(banner->text(), u"Exported to %1"_s.arg(QDir::toNativeSeparators(written)));
        QVERIFY(banner->isVisibleTo(fixture.page.get()));

        // No cell picked: the empty ramp is not offered; with one, the ramp tab offers its chart first.
        fixture.page->findChild<QTabWidget*>(u"chartTabs"_s)->setCurrentIndex(1);
        test::answerNextSaveDialog(&offered, QString()); // looked at, then cancelled
        fixture.page->exportInteractively();
        QCOMPARE(offered.filters.size(), 3 + 3);
        QVERIFY2(offered.filter.startsWith(u"Usage table"_s), qPrintable(offered.filter));
        const UsageSeriesModel* model = fixture.page->controller()->model();
        fixture.page->selectCell(model->licence(0), 0);
        test::answerNextSaveDialog(&offered, QString());
        fixture.page->exportInteractively();
        QCOMPARE(offered.filters.size(), 3 + 2 * 3);
        QVERIFY2(offered.filter.startsWith(u"Ramp chart, PNG image"_s), qPrintable(offered.filter));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { u"northwind.csv"_s });

        // Print acts on the tab on screen too: the ramp alone, else the chart with the table.
        QString preview;
        test::closeNextDialog(&preview);
        fixture.page->printInteractively();
        QCOMPARE(preview, u"Print ramp chart"_s);
        fixture.page->findChild<QTabWidget*>(u"chartTabs"_s)->setCurrentIndex(0);
        test::closeNextDialog(&preview);
        fixture.page->printInteractively();
        QCOMPARE(preview, u"Print usage"_s);
    }

    void exportFolder_isTheLastOneWhileItExists()
    {
        QTemporaryDir dir;
        QSettings().setValue(u"export/lastFolder"_s, dir.path());
        QCOMPARE(ExportChooser::startFolder(), dir.path());
        QSettings().setValue(u"export/lastFolder"_s, dir.filePath(u"gone"_s));
        QCOMPARE(ExportChooser::startFolder(),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        QSettings().remove(u"export/lastFolder"_s);
    }

    void cancel_midLoad_sendsNoFurtherRequests()
    {
        sim::SimOptions options;
        options.latencyMs = 150;
        BD_START(PageFixture, fixture, options);
        fixture.sim->session->client()->setMaxConcurrent(2);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last12Months);
        fixture.page->findChild<RangeBar*>()->setGranularity(Granularity::Week);
        QTest::mouseClick(fixture.page->findChild<QPushButton*>(u"loadButton"_s), Qt::LeftButton);
        QTRY_VERIFY(fixture.page->controller()->model()->count(UsageSeriesModel::BucketState::Loaded) >= 2);
        QVERIFY(fixture.page->status().busy);
        // The sim logs a request once it answers it: those on the wire at the cancel still show up, no
        // others.
        const qsizetype onTheWire = fixture.sim->session->client()->runningCount();
        fixture.page->cancel();
        const qsizetype asked = fixture.sim->requests(UsagePath).size() + onTheWire;
        QVERIFY(asked < fixture.page->controller()->model()->buckets().size());
        QVERIFY(!fixture.page->status().busy);
        QVERIFY(fixture.page->controller()->model()->count(UsageSeriesModel::BucketState::Cancelled) > 0);
        // Let the event loop run well past the latency: nothing else is asked for.
        QSignalSpy answered(fixture.sim->server, &sim::BillingSimServer::requestHandled);
        fixture.sim->session->orgs()->fetchOrganization();
        QVERIFY(answered.wait(5000));
        QVERIFY(fixture.sim->requests(UsagePath).size() <= asked);
        QVERIFY(fixture.page->findChild<MessageBanner*>(u"usageBanner"_s)->text().contains(u"not loaded"_s));
    }

    void failedBucket_isMarkedAndCanBeRetriedAlone()
    {
        BD_START(PageFixture, fixture);
        // A refusal that is not retried (a 500 would be asked again a few times first).
        fixture.sim->server->injectAnswer(400, "application/json"_ba, BadRequestBody, 1, UsagePath);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last6Months);
        QVERIFY(fixture.loadAndWait());
        UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(model->count(UsageSeriesModel::BucketState::Failed), 1);
        QCOMPARE(model->count(UsageSeriesModel::BucketState::Loaded), 5);
        int failed = -1;
        for (int b = 0; b < model->buckets().size(); ++b) {
            if (model->bucketState(b) == UsageSeriesModel::BucketState::Failed)
                failed = b;
        }
        QVERIFY2(model->bucketError(failed).contains(u"Invalid request"_s),
            qPrintable(model->bucketError(failed)));
        fixture.page->findChild<UsageChartView*>()->rebuildNow();
        QCOMPARE(fixture.page->findChild<UsageChartView*>()->built().failedBuckets, QList<int> { failed });
        QVERIFY(fixture.page->findChild<MessageBanner*>(u"usageBanner"_s)->text().contains(u"failed"_s));

        const qsizetype before = fixture.sim->requests(UsagePath).size();
        QSignalSpy settled(fixture.page.get(), &UsagePage::loadSettled);
        QSignalSpy projected(fixture.page->controller(), &UsageSeriesController::projectionHistoryLoaded);
        fixture.page->controller()->retry(failed);
        QVERIFY(settled.wait(10'000));
        QVERIFY(projected.wait(10'000));
        // Only that bucket was asked again, and its figures for the same days as November's to date.
        const QList<sim::RequestRecord> asked = fixture.sim->requests(UsagePath).mid(before);
        QCOMPARE(asked.size(), 2);
        for (const sim::RequestRecord& r : asked)
            QCOMPARE(r.query.queryItemValue(u"startDate"_s).left(10),
                model->buckets().at(failed).first.toString(Qt::ISODate));
        QCOMPARE(model->count(UsageSeriesModel::BucketState::Loaded), 6);
    }

    void missingPermission_bannerNamesThePermissionAndStops()
    {
        sim::SimOptions options;
        options.denyBillingPermission = true;
        BD_START(PageFixture, fixture, options);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last12Months);
        QVERIFY(fixture.loadAndWait());
        QVERIFY2(fixture.page->findChild<MessageBanner*>(u"usageBanner"_s)
                     ->text()
                     .contains(u"billing:subscription:read"_s),
            qPrintable(fixture.page->findChild<MessageBanner*>(u"usageBanner"_s)->text()));
        QCOMPARE(
            fixture.page->findChild<MessageBanner*>(u"usageBanner"_s)->kind(), MessageBanner::Kind::Error);
        QVERIFY(fixture.sim->requests(UsagePath).size() < 12);
    }

    void unreachableServer_saysSoAndKeepsWhatWasLoaded()
    {
        BD_START(PageFixture, fixture);
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last3Months);
        QVERIFY(fixture.loadAndWait());
        const int licences = fixture.page->controller()->model()->licenceCount();
        RetryPolicy retry;
        retry.maxAttempts = 2;
        retry.backoffBaseMs = 10;
        fixture.sim->session->client()->setRetryPolicy(retry);
        fixture.sim->server->injectFault(sim::Fault::DropConnection, 100, UsagePath);
        fixture.page->controller()->retryFailed(); // nothing failed: no request
        QCOMPARE(fixture.sim->requests(UsagePath).size(), 3);
        // Load another range while the server drops every connection.
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::LastYear);
        QVERIFY(fixture.loadAndWait());
        QVERIFY2(fixture.page->findChild<MessageBanner*>(u"usageBanner"_s)
                     ->text()
                     .contains(u"could not be reached"_s),
            qPrintable(fixture.page->findChild<MessageBanner*>(u"usageBanner"_s)->text()));
        QCOMPARE(fixture.page->controller()->model()->count(UsageSeriesModel::BucketState::Failed), 12);
        QVERIFY(licences > 0);
    }

    void exports_everyFormat_readBack()
    {
        BD_START(PageFixture, fixture);
        fixture.page->setProvenance({ u"Northwind Contact Center"_s, u"us_east_1"_s, true });
        fixture.page->findChild<RangeBar*>()->setPreset(RangePreset::Last3Months);
        QVERIFY(fixture.loadAndWait());
        fixture.page->findChild<UsageChartView*>()->rebuildNow();
        QTemporaryDir dir;
        QString error;

        const QString csvPath = dir.filePath(u"usage.csv"_s);
        QVERIFY2(fixture.page->exportCsv(csvPath, &error), qPrintable(error));
        QFile csvFile(csvPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = test::parseCsv(csvFile.readAll());
        UsageSeriesModel* model = fixture.page->controller()->model();
        QCOMPARE(rows.size(), 1 + model->rowCount());
        QCOMPARE(rows.first().first(), u"Licence"_s);
        QCOMPARE(rows.first().size(), model->columnCount());
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const int row = model->rowOfLicence(rows.at(i).at(0));
            QVERIFY(row >= 0);
            QCOMPARE(Decimal::fromString(rows.at(i).at(1)), model->value(row, 0));
        }

        // The long format, as the headless export writes it: a row per licence and bucket with its status.
        const QString longPath = dir.filePath(u"usage-long.csv"_s);
        QVERIFY2(fixture.page->exportLongCsv(longPath, &error), qPrintable(error));
        QFile longFile(longPath);
        QVERIFY(longFile.open(QIODevice::ReadOnly));
        const QList<QStringList> longRows = test::parseCsv(longFile.readAll());
        QCOMPARE(longRows.first(), UsageCsv::header());
        int cells = 0;
        for (int b = 0; b < model->buckets().size(); ++b) {
            for (int row = 0; row < model->licenceCount(); ++row) {
                if (model->value(row, b) && !model->value(row, b)->isZero())
                    ++cells;
            }
        }
        QCOMPARE(longRows.size() - 1, cells);
        for (qsizetype i = 1; i < longRows.size(); ++i) {
            const QStringList& r = longRows.at(i);
            const int row = model->rowOfLicence(r.at(2));
            int bucket = -1;
            for (int b = 0; b < model->buckets().size(); ++b) {
                if (model->buckets().at(b).first.toString(Qt::ISODate) == r.at(0))
                    bucket = b;
            }
            QVERIFY(row >= 0 && bucket >= 0);
            QCOMPARE(Decimal::fromString(r.at(3)), model->value(row, bucket));
            QCOMPARE(r.at(4), model->coverage(bucket) == Coverage::Partial ? u"partial"_s : u"complete"_s);
        }
        // The users and devices need a cell first, and say so.
        QVERIFY(!fixture.page->exportResourcesCsv(dir.filePath(u"resources.csv"_s), &error));
        QVERIFY2(error.contains(u"Select a cell"_s), qPrintable(error));

        const QString pngPath = dir.filePath(u"chart.png"_s);
        QVERIFY2(fixture.page->exportChart(pngPath, ChartFormat::Png, QSize(900, 500), 2.0, &error),
            qPrintable(error));
        const QImage png(pngPath);
        QCOMPARE(png.size(), QSize(1800, 1000));

        const QString svgPath = dir.filePath(u"chart.svg"_s);
        QVERIFY2(fixture.page->exportChart(svgPath, ChartFormat::Svg, QSize(900, 500), 1.0, &error),
            qPrintable(error));
        QFile svgFile(svgPath);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svg = svgFile.readAll();
        QXmlStreamReader xml(svg);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const QString& name : fixture.page->findChild<UsageChartView*>()->built().seriesNames)
            QVERIFY2(svg.contains(name.toHtmlEscaped().toUtf8()), qPrintable(name));
        QVERIFY(svg.contains("Northwind Contact Center"));

        const QString pdfPath = dir.filePath(u"chart.pdf"_s);
        QVERIFY2(fixture.page->exportChart(pdfPath, ChartFormat::Pdf, {}, 1.0, &error), qPrintable(error));
        QFile pdfFile(pdfPath);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(4) == "%PDF");

        QVERIFY(!fixture.page->exportCsv(dir.filePath(u"no/such/folder.csv"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void mainWindow_switchingOrgMidLoad_stopsTheOldOrgAndShowsTheNew()
    {
        sim::SimOptions slow;
        slow.latencyMs = 150;
        BD_SIM_FIXTURE(first, slow);
        BD_SIM_FIXTURE(second);
        MainWindow window;
        window.showSession(first.session.get(), { u"First"_s, u"us_east_1"_s, false });
        window.usagePage()->setToday(test::fixedNow().date());
        window.usagePage()->findChild<RangeBar*>()->setPreset(RangePreset::Last12Months);
        window.usagePage()->findChild<RangeBar*>()->setGranularity(Granularity::Week);
        window.start();
        QTRY_VERIFY(!first.requests(UsagePath).isEmpty());

        // The sim logs a request when it answers it: those on the wire at the switch still show up, no
        // others.
        const qsizetype asked = first.requests(UsagePath).size() + first.session->client()->runningCount();
        window.showSession(second.session.get(), { u"Second"_s, u"eu_west_1"_s, false });
        QCOMPARE(window.findChild<QLabel*>(u"orgLabel"_s)->text(), u"Second"_s);
        QVERIFY(!window.findChild<QWidget*>(u"demoBanner"_s)->isVisibleTo(&window));
        UsagePage* page = window.usagePage();
        page->setToday(test::fixedNow().date());
        page->findChild<RangeBar*>()->setPreset(RangePreset::Last3Months);
        page->findChild<RangeBar*>()->setGranularity(Granularity::Month);
        QSignalSpy settled(page, &UsagePage::loadSettled);
        window.start();
        QVERIFY(settled.wait(10'000));
        QCOMPARE(page->controller()->model()->count(UsageSeriesModel::BucketState::Loaded), 3);
        QCOMPARE(second.requests(UsagePath).size(), 3);
        QVERIFY(first.requests(UsagePath).size() <= asked); // the old org is asked nothing more
        QCOMPARE(window.pages()->count(), 2);
    }

    // An alert from a load reaches the window: the Alerts action counts it, the list shows it, and
    // activating it selects the licence on the Usage page.
    void mainWindow_alerts_areListedAndOpenTheirLicence()
    {
        sim::SimOptions options;
        options.now = QDateTime(QDate(2026, 12, 1), QTime(9, 0), UtcZone);
        BD_SIM_FIXTURE(sim, options);
        const DateBucket november { QDate(2026, 11, 1), QDate(2026, 11, 30) };
        QString licence;
        Decimal used;
        const QJsonObject report = sim.server->data().billableUsage(november.start(), november.end());
        for (const QJsonValue& usage : report.value(u"usages"_s).toArray()) {
            if (licence.isEmpty() && usage[u"resources"_s].toArray().size() >= 10) {
                licence = usage[u"name"_s].toString();
                used = *Decimal::fromString(usage[u"totalUsage"_s].toString());
            }
        }
        QVERIFY(!licence.isEmpty());
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.useStore(dir.filePath(u"store.sqlite"_s)));
        const StoreScope scope { u"demo"_s, sim.demo->orgId() };
        QVERIFY(window.store()->putCommitments(scope, { { licence, used - Decimal::fromInt(2), {} } }));
        window.showSession(sim.session.get(), { sim.server->data().orgName(), u"demo"_s, true }, scope);
        UsagePage* page = window.usagePage();
        page->setToday(options.now.date());
        window.resize(1280, 800);
        window.show();
        QSignalSpy settled(page, &UsagePage::loadSettled);
        page->load({ QDate(2026, 9, 1), QDate(2026, 11, 30) }, Granularity::Month);
        QVERIFY(settled.wait(30'000));
        auto* action = window.findChild<QAction*>(u"alertsAction"_s);
        QCOMPARE(action->text(), u"&Alerts (1 new)…"_s);
        QCOMPARE(window.notifier()->notifyCount(), 1); // shown over D-Bus or the tray where there is one

        int listed = -1;
        QTimer::singleShot(0, this, [&] {
            const auto closeIfLeft = qScopeGuard([] {
                if (QWidget* left = QApplication::activeModalWidget())
                    left->close(); // a failed check must not leave the test waiting on the dialog
            });
            auto* dialog = qobject_cast<AlertsDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            listed = dialog->alertCount();
            auto* list = dialog->findChild<QTreeWidget*>(u"alertList"_s);
            QVERIFY(list->topLevelItem(0)->text(2).startsWith(licence + u": exceeded"_s));
            list->setCurrentItem(list->topLevelItem(0));
            if (const QByteArray shots = qgetenv("BD_SCREENSHOT_DIR"); !shots.isEmpty())
                QVERIFY(dialog->grab().save(QFile::decodeName(shots) + u"/alerts-list.png"_s));
            Q_EMIT list->itemActivated(list->topLevelItem(0), 0);
        });
        window.showAlerts();
        QCOMPARE(listed, 1);
        QCOMPARE(action->text(), u"&Alerts…"_s);
        QCOMPARE(window.pages()->currentWidget(), page);
        const QTableView* table = page->findChild<QTableView*>(u"usageTable"_s);
        QCOMPARE(table->currentIndex().siblingAtColumn(UsageSeriesModel::LicenceColumn).data().toString(),
            licence);
        // The alert's own period: November, whatever the range shows.
        const UsageSeriesModel* model = page->controller()->model();
        const auto shownMonth = [&] {
            return model->buckets().value(model->bucketOfColumn(table->currentIndex().column())).first;
        };
        QCOMPARE(shownMonth(), QDate(2026, 11, 1));
        page->load({ QDate(2026, 8, 1), QDate(2026, 10, 31) }, Granularity::Month);
        QVERIFY(settled.wait(30'000));
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<AlertsDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* list = dialog->findChild<QTreeWidget*>(u"alertList"_s);
            Q_EMIT list->itemActivated(list->topLevelItem(0), 0);
            dialog->close();
        });
        window.showAlerts();
        QCOMPARE(shownMonth(), QDate(2026, 10, 1)); // the newest shown, and the status line says why
        QVERIFY(window.findChild<QLabel*>(u"statusText"_s)->text().contains(u"not in the range shown"_s));
    }

    void mainWindow_remembersRangeAndGranularity()
    {
        BD_SIM_FIXTURE(sim);
        {
            MainWindow window;
            window.showSession(sim.session.get(), { u"Org"_s, u"us_east_1"_s, true });
            window.usagePage()->findChild<RangeBar*>()->setPreset(RangePreset::Last6Months);
            window.usagePage()->findChild<RangeBar*>()->setGranularity(Granularity::Week);
            window.usagePage()->setStackedBars(true);
            window.close();
        }
        MainWindow again;
        again.showSession(sim.session.get(), { u"Org"_s, u"us_east_1"_s, true });
        QCOMPARE(again.usagePage()->findChild<RangeBar*>()->preset(), RangePreset::Last6Months);
        QCOMPARE(again.usagePage()->findChild<RangeBar*>()->granularity(), Granularity::Week);
        QCOMPARE(again.usagePage()->findChild<UsageChartView*>()->options().mode,
            UsageChartOptions::Mode::StackedBars);
        QVERIFY(again.findChild<QWidget*>(u"demoBanner"_s)->isVisibleTo(&again));
        // The icon is compiled in (an SVG, rendered at any size).
        QVERIFY(!again.windowIcon().pixmap(64, 64).isNull());
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
