// The local store on real SQLite files, and the usage controller using it against billing-sim over loopback:
// closed windows are served with no request, windows that can still change are shown at once and fetched
// again, Genesys out of reach shows what is stored, and a file that cannot be used is left as it was.

#include "domain/datacutoff.h"
#include "domain/utc.h"
#include "load/periodwalker.h"
#include "load/usageseriescontroller.h"
#include "models/usageseriesmodel.h"
#include "simfixture.h"
#include "store/reportstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

const QString UsagePath = u"/api/v2/billing/reports/billableusage"_s;
const QString OverviewPath = u"/api/v2/billing/trusteebillingoverview/"_s;
const StoreScope Scope { u"demo"_s, u"org-1"_s };

QByteArray reportBody(const QDateTime& start, const QDateTime& end, const QString& quantity)
{
    return uR"({"status":"Complete","startDate":"%1","endDate":"%2","usages":[{"name":"Genesys Cloud CX 3",)"
           uR"("totalUsage":"%3","resources":[{"name":"a@example.com","date":"%1"}]}]})"_s
               .arg(start.toString(Qt::ISODateWithMs), end.toString(Qt::ISODateWithMs), quantity)
               .toUtf8();
}

QByteArray sha(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QDateTime utc(int y, int m, int d, int h = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), UtcZone);
}

/// The last twelve months through the data cut-off of the sim's clock (2026-11-20): every window is over.
DateRange lastTwelveMonths()
{
    return { QDate(2025, 12, 1), QDate(2026, 11, 19) };
}

/// The same months with the whole of November: its window runs past the cut-off and can still change.
DateRange throughNovember()
{
    return { QDate(2025, 12, 1), QDate(2026, 11, 30) };
}

bool loadAndWait(UsageSeriesController& controller, const DateRange& range)
{
    QSignalSpy settled(&controller, &UsageSeriesController::settled);
    QSignalSpy projected(&controller, &UsageSeriesController::projectionHistoryLoaded);
    controller.load(range, Granularity::Month);
    if (settled.isEmpty() && !settled.wait(30'000))
        return false;
    // A partial month's metered projection fetches the earlier months' same-day figures after it settles.
    return !controller.isProjecting() || !projected.isEmpty() || projected.wait(30'000);
}

/// Runs statements on a SQLite file as another program would; false when one fails.
bool execRaw(const QString& path, const QStringList& statements)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString& statement : statements)
            ok = ok && query.exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return ok;
}

/// The usage controller on the sim's clock, keeping its reports in `store`.
void useStore(UsageSeriesController& controller, ReportStore* store)
{
    controller.setToday(test::fixedNow().date());
    controller.setStore(store, Scope);
}

/// A session towards a loopback address where a sim listened a moment ago and nothing listens now.
std::unique_ptr<ApiSession> unreachableSession(const RetryPolicy& retry)
{
    ConnectionSettings settings;
    {
        QString error;
        const auto closed = test::SimFixture::start(&error);
        if (!closed)
            return nullptr;
        settings.baseUrl = closed->server->baseUrl();
    }
    settings.accessToken = u"token"_s;
    QString error;
    auto session = ApiSession::create(settings, &error);
    if (session)
        session->client()->setRetryPolicy(retry);
    return session;
}

/// The walker on the sim's clock, keeping its periods in `store`.
void useStore(PeriodWalker& walker, ReportStore* store)
{
    walker.setClock([] { return test::fixedNow(); });
    walker.setStore(store, Scope);
}

/// A store in a folder of its own, gone with it.
struct TempStore
{
    QTemporaryDir dir;
    std::unique_ptr<ReportStore> store = ReportStore::open(dir.filePath(u"store.sqlite"_s), nullptr);
};

/// What one walk handed out: each index's period start, and the counts.
struct Walked
{
    QMap<int, QDateTime> starts;
    int fromStore = 0;
    int fetched = 0;
    int failed = 0;
};

Walked walkAndWait(PeriodWalker& walker, const QString& orgId, int first, int last)
{
    Walked walked;
    QSignalSpy finished(&walker, &PeriodWalker::finished);
    const auto loaded = QObject::connect(&walker, &PeriodWalker::periodLoaded, &walker,
        [&](int index, const TrusteeBillingOverview& overview) {
            walked.starts.insert(index, overview.billingPeriodStartDate.value_or(QDateTime()));
        });
    const auto failed = QObject::connect(
        &walker, &PeriodWalker::periodFailed, &walker, [&](int, const ApiError&) { ++walked.failed; });
    walker.walk(orgId, first, last);
    if (finished.isEmpty())
        finished.wait(30'000);
    QObject::disconnect(loaded);
    QObject::disconnect(failed);
    walked.fromStore = walker.servedFromStore();
    walked.fetched = walker.fetched();
    return walked;
}

} // namespace

class TestReportStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageReport_roundTripsAndSaysWhetherItWasFinal()
    {
        QTemporaryDir dir;
        QString error;
        auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error));
        const QDateTime start = utc(2026, 10, 1), end = utc(2026, 11, 1);
        QVERIFY(!store->usageReport(Scope, start, end));
        // Fetched on 31 October, the October window was still open; fetched on 2 November it was over.
        QVERIFY(
            store->putUsageReport(Scope, start, end, reportBody(start, end, u"5"_s), utc(2026, 10, 31, 9)));
        auto entry = store->usageReport(Scope, start, end);
        QVERIFY(entry);
        QVERIFY(!entry->isFinal);
        QCOMPARE(entry->fetchedAt, utc(2026, 10, 31, 9));
        QCOMPARE(entry->report.usages.value(0).totalUsage.toString(), u"5"_s);
        QVERIFY(
            store->putUsageReport(Scope, start, end, reportBody(start, end, u"7.25"_s), utc(2026, 11, 2, 9)));
        entry = store->usageReport(Scope, start, end);
        QVERIFY(entry && entry->isFinal);
        QCOMPARE(entry->report.usages.value(0).totalUsage.toString(), u"7.25"_s);
        QCOMPARE(entry->report.usages.value(0).resources.size(), 1);
        // Another org, another region, another window: nothing.
        QVERIFY(!store->usageReport({ u"demo"_s, u"org-2"_s }, start, end));
        QVERIFY(!store->usageReport({ u"api.mypurecloud.ie"_s, u"org-1"_s }, start, end));
        QVERIFY(!store->usageReport(Scope, start, end.addDays(-1)));
    }

    void finalFlag_followsTheCutOffOfTheFetchTime_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        QTest::addColumn<QDateTime>("fetchedAt");
        QTest::addColumn<bool>("final");
        // A window is final once the day after it has begun (the data lag is one day).
        QTest::newRow("November, fetched on 1 December")
            << utc(2026, 11, 1) << utc(2026, 12, 1) << utc(2026, 12, 1, 0) << true;
        QTest::newRow("November, fetched on 30 November")
            << utc(2026, 11, 1) << utc(2026, 12, 1) << utc(2026, 11, 30, 23) << false;
        QTest::newRow("February of a leap year, on 1 March")
            << utc(2028, 2, 1) << utc(2028, 3, 1) << utc(2028, 3, 1, 1) << true;
        QTest::newRow("February of a leap year, on 29 February")
            << utc(2028, 2, 1) << utc(2028, 3, 1) << utc(2028, 2, 29, 23) << false;
        QTest::newRow("a cycle from the 23rd, on the 23rd")
            << utc(2026, 10, 23) << utc(2026, 11, 23) << utc(2026, 11, 23, 8) << true;
        QTest::newRow("one day, on the next day")
            << utc(2026, 11, 30) << utc(2026, 12, 1) << utc(2026, 12, 1, 0) << true;
    }

    void finalFlag_followsTheCutOffOfTheFetchTime()
    {
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, end);
        QFETCH(QDateTime, fetchedAt);
        QFETCH(bool, final);
        QTemporaryDir dir;
        auto store = ReportStore::open(dir.filePath(u"s.sqlite"_s), nullptr);
        QVERIFY(store);
        QVERIFY(store->putUsageReport(Scope, start, end, reportBody(start, end, u"1"_s), fetchedAt));
        const auto entry = store->usageReport(Scope, start, end);
        QVERIFY(entry);
        QCOMPARE(entry->isFinal, final);
    }

    void reopen_keepsEverythingAndSummarisesPerOrg()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        {
            auto store = ReportStore::open(path, nullptr);
            QVERIFY(store);
            for (int month = 1; month <= 3; ++month) {
                const QDateTime start = utc(2026, month, 1), end = utc(2026, month + 1, 1);
                QVERIFY(store->putUsageReport(
                    Scope, start, end, reportBody(start, end, u"3"_s), utc(2026, 6, 1)));
            }
            const QDateTime start = utc(2026, 1, 1), end = utc(2026, 2, 1);
            QVERIFY(store->putUsageReport(
                { u"demo"_s, u"org-2"_s }, start, end, reportBody(start, end, u"9"_s), utc(2026, 6, 2)));
        }
        auto store = ReportStore::open(path, nullptr);
        QVERIFY(store);
        const QList<ReportStore::OrgSummary> orgs = store->summary();
        QCOMPARE(orgs.size(), 2);
        QCOMPARE(orgs.at(0).scope, Scope);
        QCOMPARE(orgs.at(0).usageReports, 3);
        QCOMPARE(orgs.at(0).oldestData, utc(2026, 1, 1));
        QCOMPARE(orgs.at(0).newestData, utc(2026, 4, 1));
        QCOMPARE(orgs.at(0).lastFetched, utc(2026, 6, 1));
        QVERIFY(orgs.at(0).bytes > 0);
        QVERIFY(store->fileSize() > 0);

        QVERIFY(store->forget(Scope));
        QCOMPARE(store->summary().size(), 1);
        QVERIFY(!store->usageReport(Scope, utc(2026, 1, 1), utc(2026, 2, 1)));
        QVERIFY(store->usageReport({ u"demo"_s, u"org-2"_s }, utc(2026, 1, 1), utc(2026, 2, 1)));
    }

    void unusableFile_isRefusedWithOneSentenceAndLeftAsItWas_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("says");
        QTest::newRow("garbage") << QByteArray(8192, 'x') << u"damaged"_s;
        QTest::newRow("truncated header") << QByteArray("SQLite format 3\0\x10\x00", 19) << u"damaged"_s;
    }

    void unusableFile_isRefusedWithOneSentenceAndLeftAsItWas()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = sha(path);
        QString error;
        QVERIFY(!ReportStore::open(path, &error));
        QVERIFY2(error.contains(says) && error.contains(path), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
        QCOMPARE(sha(path), before);
    }

    void otherDatabase_isRefusedAndLeftAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"other.sqlite"_s);
        {
            auto store = ReportStore::open(path, nullptr);
            QVERIFY(store);
        }
        // Another program's SQLite file: a table, no application id.
        QFile::remove(path);
        QVERIFY(execRaw(path, { u"CREATE TABLE contacts (name TEXT)"_s }));
        const QByteArray before = sha(path);
        QString error;
        QVERIFY(!ReportStore::open(path, &error));
        QVERIFY2(error.contains(u"not a Billing Dashboard store"_s), qPrintable(error));
        QCOMPARE(sha(path), before);
    }

    void newerVersion_isRefusedAndLeftAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        {
            auto store = ReportStore::open(path, nullptr);
            QVERIFY(store);
            const QDateTime start = utc(2026, 1, 1), end = utc(2026, 2, 1);
            QVERIFY(
                store->putUsageReport(Scope, start, end, reportBody(start, end, u"3"_s), utc(2026, 6, 1)));
        }
        QVERIFY(execRaw(path,
            { u"PRAGMA user_version=%1"_s.arg(ReportStore::SchemaVersion + 1),
                u"PRAGMA wal_checkpoint(TRUNCATE)"_s }));
        const QByteArray before = sha(path);
        QString error;
        QVERIFY(!ReportStore::open(path, &error));
        QVERIFY2(error.contains(u"newer Billing Dashboard"_s), qPrintable(error));
        QCOMPARE(sha(path), before);
    }

    void folderInTheWay_isRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        QVERIFY(QDir().mkpath(path));
        QString error;
        QVERIFY(!ReportStore::open(path, &error));
        QVERIFY2(error.contains(u"not a file"_s), qPrintable(error));
    }

    void secondLoad_servesClosedMonthsWithNoRequest()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        UsageSeriesController controller(fixture.session->billing());
        useStore(controller, store);

        QVERIFY(loadAndWait(controller, lastTwelveMonths()));
        const int buckets = controller.model()->buckets().size();
        QCOMPARE(buckets, 12);
        QCOMPARE(controller.fetched(), 12);
        QCOMPARE(controller.servedFromStore(), 0);
        const int coldRequests = fixture.requests(UsagePath).size();
        QVERIFY(coldRequests >= 12);
        const QString coldTotal = controller.model()->data(controller.model()->index(0, 0)).toString();

        // Every window was over when it was fetched: not one request.
        QVERIFY(loadAndWait(controller, lastTwelveMonths()));
        QCOMPARE(controller.servedFromStore(), 12);
        QCOMPARE(controller.fetched(), 0);
        QCOMPARE(fixture.requests(UsagePath).size(), coldRequests);
        QCOMPARE(controller.model()->data(controller.model()->index(0, 0)).toString(), coldTotal);
        QCOMPARE(controller.summary().loaded, 12);

        // With the whole of November, its window runs past the cut-off: only it is asked for.
        QVERIFY(loadAndWait(controller, throughNovember()));
        QCOMPARE(controller.servedFromStore(), 11);
        QCOMPARE(controller.fetched(), 1);
        const QList<sim::RequestRecord> again = fixture.requests(UsagePath).mid(coldRequests);
        QVERIFY(!again.isEmpty());
        for (const sim::RequestRecord& record : again) {
            QVERIFY2(record.query.queryItemValue(u"startDate"_s).startsWith(u"2026-11-01"_s),
                qPrintable(record.query.toString()));
        }
    }

    // Commitments, a licence's own near share included, are what a reopened store reads back.
    void commitments_withTheirNearShare_surviveAReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        const StoreScope scope { u"demo"_s, u"9d750d63-95ae-4df7-8955-2bca7152ca19"_s };
        const QList<LicenceCommitment> entered {
            { u"Genesys Cloud CX 1"_s, Decimal::fromInt(120), {}, 75 },
            { u"Genesys Cloud CX 1"_s, Decimal::fromInt(140), QDate(2026, 7, 1), std::nullopt },
            { u"Genesys Cloud CX 3"_s, *Decimal::fromString(u"2.5"), {}, std::nullopt },
        };
        {
            QString error;
            const auto store = ReportStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store->putCommitments(scope, entered, &error));
        }
        QString error;
        const auto reopened = ReportStore::open(path, &error);
        QVERIFY2(reopened, qPrintable(error));
        QCOMPARE(reopened->commitments(scope), entered);
    }

    void resources_areReadFromTheStoreWhenACellIsShown()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        UsageSeriesController controller(fixture.session->billing());
        useStore(controller, store);
        QVERIFY(loadAndWait(controller, lastTwelveMonths()));
        const UsageSeriesModel* model = controller.model();
        int row = -1;
        for (int r = 0; r < model->licenceCount() && row < 0; ++r) {
            if (!model->isMetered(r))
                row = r;
        }
        QVERIFY(row >= 0);
        const QList<BillingUsageResource> shown = model->resources(row, 10);
        QVERIFY(!shown.isEmpty());
        // The same as a load that keeps them in memory.
        UsageSeriesController inMemory(fixture.session->billing());
        inMemory.setToday(test::fixedNow().date());
        QVERIFY(loadAndWait(inMemory, lastTwelveMonths()));
        const int memoryRow = inMemory.model()->rowOfLicence(model->licence(row));
        const QList<BillingUsageResource> kept = inMemory.model()->resources(memoryRow, 10);
        QCOMPARE(shown.size(), kept.size());
        QCOMPARE(shown.first().name, kept.first().name);
        // The open month's projection needs every earlier month's first-seen dates: the same either way.
        QVERIFY(loadAndWait(controller, throughNovember()));
        QVERIFY(loadAndWait(inMemory, throughNovember()));
        int projected = 0;
        for (int r = 0; r < model->licenceCount(); ++r) {
            const int other = inMemory.model()->rowOfLicence(model->licence(r));
            QCOMPARE(model->projectionText(r), inMemory.model()->projectionText(other));
            projected += model->projection(r) ? 1 : 0;
        }
        QVERIFY(projected > 0);
        // They were never held by the model: with the store emptied there are none to show.
        QVERIFY(store->forget(Scope));
        QVERIFY(model->resources(row, 10).isEmpty());
        QVERIFY(!model->isMetered(row)); // the count is kept, so a seat licence stays one
    }

    void openWindow_isShownFromTheStoreAtOnceThenFetchedAgain()
    {
        // Genesys takes half a second to answer; the stored copy is parsed in a fraction of that.
        sim::SimOptions options;
        options.latencyMs = 500;
        BD_SIM_FIXTURE(fixture, options);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        UsageSeriesController controller(fixture.session->billing());
        useStore(controller, store);
        const DateRange november { QDate(2026, 11, 1), QDate(2026, 11, 30) };
        QVERIFY(loadAndWait(controller, november));
        QCOMPARE(controller.fetched(), 1);

        QSignalSpy loaded(&controller, &UsageSeriesController::bucketLoaded);
        QSignalSpy settled(&controller, &UsageSeriesController::settled);
        controller.load(november, Granularity::Month);
        // The stored month to date is on screen before any answer, marked with its fetch time.
        QVERIFY(loaded.wait(30'000));
        QCOMPARE(loaded.size(), 1);
        QVERIFY(controller.storedAt(0).isValid());
        QVERIFY(controller.isRunning());
        QVERIFY(settled.wait(30'000));
        QCOMPARE(loaded.size(), 2);
        QVERIFY(!controller.storedAt(0).isValid());
        QCOMPARE(controller.fetched(), 1);
    }

    void cancelBeforeTheStoredCopyIsRead_leavesTheBucketCancelled()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        const DateRange november { QDate(2026, 11, 1), QDate(2026, 11, 30) };
        {
            UsageSeriesController first(fixture.session->billing());
            useStore(first, store);
            QVERIFY(loadAndWait(first, november));
        }
        // Another window on the same store: it has shown nothing of November yet.
        UsageSeriesController controller(fixture.session->billing());
        useStore(controller, store);
        QSignalSpy loaded(&controller, &UsageSeriesController::bucketLoaded);
        QSignalSpy settled(&controller, &UsageSeriesController::settled);
        controller.load(november, Granularity::Month);
        QVERIFY(controller.cancel()); // before the stored month to date has been read
        QVERIFY(settled.size() > 0 || settled.wait(30'000));
        // Nothing was shown, so nothing may look shown: the month is cancelled, with no stale time.
        QCOMPARE(controller.model()->bucketState(0), BucketState::Cancelled);
        QVERIFY(!controller.storedAt(0).isValid());
        QCOMPARE(controller.summary().cancelled, 1);
        // The cancelled copy's parse hands nothing out: the parses run in order, so by the time the next
        // load (offline: the store alone) has shown its copy, the cancelled one would have come first.
        controller.setOffline(true);
        QVERIFY(loadAndWait(controller, november));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(controller.model()->bucketState(0), BucketState::Loaded);
        QVERIFY(controller.storedAt(0).isValid());
    }

    void failedRefreshBeforeTheStoredCopyIsRead_showsTheCopyThenTheFailure()
    {
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        const DateRange november { QDate(2026, 11, 1), QDate(2026, 11, 30) };
        {
            BD_SIM_FIXTURE(fixture);
            UsageSeriesController controller(fixture.session->billing());
            useStore(controller, store);
            QVERIFY(loadAndWait(controller, november));
        }
        // Refused at once, before a parse could finish: the stored copy still comes out first.
        RetryPolicy retry;
        retry.maxAttempts = 1;
        const auto session = unreachableSession(retry);
        QVERIFY(session);
        UsageSeriesController controller(session->billing());
        useStore(controller, store);
        QSignalSpy loaded(&controller, &UsageSeriesController::bucketLoaded);
        QVERIFY(loadAndWait(controller, november));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(controller.model()->bucketState(0), BucketState::Loaded);
        QVERIFY(controller.storedAt(0).isValid());
        QVERIFY(controller.offlineSince().isValid());
    }

    void interruptedLoad_resumesWithOnlyTheMissingBuckets()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        UsageSeriesController controller(fixture.session->billing());
        useStore(controller, store);
        // Stopped once five reports are in.
        QSignalSpy settled(&controller, &UsageSeriesController::settled);
        int loaded = 0;
        connect(&controller, &UsageSeriesController::bucketLoaded, this, [&] {
            if (++loaded == 5)
                controller.cancel();
        });
        controller.load(lastTwelveMonths(), Granularity::Month);
        QVERIFY(settled.wait(30'000));
        disconnect(&controller, &UsageSeriesController::bucketLoaded, this, nullptr);
        const int kept = store->summary().value(0).usageReports;
        QVERIFY(kept >= 5 && kept < 12);

        QVERIFY(loadAndWait(controller, lastTwelveMonths()));
        QCOMPARE(controller.servedFromStore(), kept);
        QCOMPARE(controller.fetched(), 12 - kept);
        QCOMPARE(controller.summary().loaded, 12);
    }

    void refetchEverything_asksForEveryBucket()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        UsageSeriesController controller(fixture.session->billing());
        useStore(controller, store);
        QVERIFY(loadAndWait(controller, lastTwelveMonths()));
        controller.refetchEverythingOnce();
        QVERIFY(loadAndWait(controller, lastTwelveMonths()));
        QCOMPARE(controller.fetched(), 12);
        QCOMPARE(controller.servedFromStore(), 0);
        // Only once: the next load uses the store again.
        QVERIFY(loadAndWait(controller, lastTwelveMonths()));
        QCOMPARE(controller.servedFromStore(), 12);
    }

    void unreachable_showsWhatIsStoredAndSaysSince()
    {
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        QDateTime firstFetch;
        {
            BD_SIM_FIXTURE(fixture);
            UsageSeriesController controller(fixture.session->billing());
            useStore(controller, store);
            QVERIFY(loadAndWait(controller, throughNovember()));
            firstFetch = controller.updatedAt();
        }
        // The same org, but nothing listens there any more.
        RetryPolicy retry;
        retry.backoffBaseMs = 5;
        retry.maxBackoffMs = 10;
        retry.maxTotalMs = 50;
        const auto session = unreachableSession(retry);
        QVERIFY(session);
        UsageSeriesController controller(session->billing());
        useStore(controller, store);
        QVERIFY(loadAndWait(controller, throughNovember()));
        QCOMPARE(controller.servedFromStore(), 11);
        QCOMPARE(controller.summary().failed, 0);
        QCOMPARE(controller.model()->bucketState(11), BucketState::Loaded);
        QVERIFY(controller.offlineSince().isValid());
        QVERIFY(controller.offlineSince() <= firstFetch);

        // Offline on purpose: no request at all, and a bucket the store lacks is missing, not zero.
        controller.setOffline(true);
        QVERIFY(loadAndWait(controller, { QDate(2025, 11, 1), QDate(2026, 11, 30) }));
        QCOMPARE(controller.servedFromStore(), 12);
        QCOMPARE(controller.fetched(), 0);
        QCOMPARE(controller.model()->bucketState(0), BucketState::Failed);
        QCOMPARE(controller.summary().failed, 1);
    }

    void secondWalk_fetchesOnlyTheActivePeriod()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        PeriodWalker walker(fixture.session->billing());
        useStore(walker, store);

        const Walked cold = walkAndWait(walker, orgId, 0, 12);
        QCOMPARE(cold.fetched, 13);
        QCOMPARE(cold.fromStore, 0);
        const int coldRequests = fixture.requests(OverviewPath + orgId).size();

        const Walked warm = walkAndWait(walker, orgId, 0, 12);
        QCOMPARE(warm.fromStore, 12);
        QCOMPARE(warm.fetched, 1);
        QCOMPARE(warm.failed, 0);
        QCOMPARE(warm.starts, cold.starts);
        const QList<sim::RequestRecord> again = fixture.requests(OverviewPath + orgId).mid(coldRequests);
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().query.queryItemValue(u"billingPeriodIndex"_s), u"0"_s);
        // A step to one closed period asks nothing at all.
        const Walked step = walkAndWait(walker, orgId, 5, 5);
        QCOMPARE(step.fromStore, 1);
        QCOMPARE(step.starts.value(5), cold.starts.value(5));
        QCOMPARE(fixture.requests(OverviewPath + orgId).size(), coldRequests + 1);
    }

    void shortHistory_isKnownFromTheStoreWithoutAskingPastItsEnd()
    {
        BD_SIM_FIXTURE(fixture);
        QString orgId;
        for (const QString& id : fixture.server->data().trustorIds()) {
            const int length = fixture.server->data().historyLength(id);
            if (length > 1 && length < 13)
                orgId = id;
        }
        QVERIFY(!orgId.isEmpty());
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        PeriodWalker walker(fixture.session->billing());
        useStore(walker, store);
        const Walked cold = walkAndWait(walker, orgId, 0, 12);
        const std::optional<int> end = walker.historyEnd();
        QVERIFY(end);
        QCOMPARE(*end, fixture.server->data().historyLength(orgId));
        QCOMPARE(cold.starts.size(), *end);
        // Counted as sent: the first walk's requests past the end, cancelled, may still reach the sim later.
        const int sent = fixture.session->client()->sentCount();

        QSignalSpy ended(&walker, &PeriodWalker::historyEnded);
        const Walked warm = walkAndWait(walker, orgId, 0, 12);
        QCOMPARE(fixture.session->client()->sentCount(), sent + 1); // the active period only
        QCOMPARE(warm.starts, cold.starts);
        QCOMPARE(walker.historyEnd(), end);
        QVERIFY(!ended.isEmpty());
    }

    void periodRotation_storedPeriodsLandUnderTheirDates()
    {
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        Walked before;
        QString orgId;
        {
            BD_SIM_FIXTURE(fixture);
            orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
            PeriodWalker walker(fixture.session->billing());
            useStore(walker, store);
            before = walkAndWait(walker, orgId, 0, 3);
            QCOMPARE(before.fetched, 4);
        }
        // A day after the active period ended, Genesys has closed it: every index moved back by one.
        const QList<ReportStore::OverviewEntry> stored = store->overviews(Scope, orgId);
        QCOMPARE(stored.size(), 4);
        const QDateTime rotated = stored.first().overview.billingPeriodEndDate.value().addDays(1);
        sim::SimOptions options;
        options.now = rotated;
        BD_SIM_FIXTURE(fixture, options);
        QCOMPARE(fixture.trustorNamed(u"Woodgrove Financial"_s), orgId);
        PeriodWalker walker(fixture.session->billing());
        walker.setClock([rotated] { return rotated; });
        walker.setStore(store, Scope);

        // The stored active period has ended, so nothing stored can be placed before Genesys names the new
        // one: this walk asks for all of it, and every period lands one index further back.
        const Walked after = walkAndWait(walker, orgId, 0, 3);
        QCOMPARE(after.fromStore, 0);
        QCOMPARE(after.failed, 0);
        for (int index = 0; index < 3; ++index)
            QCOMPARE(after.starts.value(index + 1), before.starts.value(index));
        QVERIFY(after.starts.value(0) > before.starts.value(0));

        // Now the new active period anchors the chain: the closed ones come from the store under their new
        // indexes, the oldest one from the first walk too, and only the active period is asked for.
        const int requests = fixture.requests(OverviewPath + orgId).size();
        const Walked again = walkAndWait(walker, orgId, 0, 4);
        QCOMPARE(again.fromStore, 4);
        QCOMPARE(again.fetched, 1);
        QCOMPARE(fixture.requests(OverviewPath + orgId).size(), requests + 1);
        for (int index = 0; index < 4; ++index)
            QCOMPARE(again.starts.value(index), after.starts.value(index));
        QCOMPARE(again.starts.value(4), before.starts.value(3));
    }

    void offlineWalk_answersFromTheStoreAlone()
    {
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        QString orgId;
        Walked online;
        {
            BD_SIM_FIXTURE(fixture);
            orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
            PeriodWalker walker(fixture.session->billing());
            useStore(walker, store);
            online = walkAndWait(walker, orgId, 0, 2);
        }
        BillingApi nowhere(nullptr);
        PeriodWalker walker(&nowhere);
        useStore(walker, store);
        walker.setRefetch(PeriodWalker::Refetch::Nothing);
        const Walked offline = walkAndWait(walker, orgId, 0, 3);
        QCOMPARE(offline.fromStore, 3);
        QCOMPARE(offline.fetched, 0);
        QCOMPARE(offline.failed, 1); // index 3 was never fetched: missing, not zero
        for (int index = 0; index < 3; ++index)
            QCOMPARE(offline.starts.value(index), online.starts.value(index));
    }
    void overviewWrites_areReadAtOnceAndReachTheFile()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        PeriodWalker walker(fixture.session->billing());
        useStore(walker, store);
        const Walked cold = walkAndWait(walker, orgId, 0, 12);
        QCOMPARE(cold.fetched, 13);

        // Written on the store's thread: read back at once, whether or not the file has them yet.
        const QList<ReportStore::OverviewEntry> entries = store->overviews(Scope, orgId);
        const QList<ReportStore::StoredPeriod> periods = store->overviewPeriods(Scope, orgId);
        QCOMPARE(entries.size(), 13);
        QCOMPARE(periods.size(), 13);
        for (int index = 0; index < 13; ++index) {
            const QDateTime start = cold.starts.value(index);
            QCOMPARE(entries.at(index).overview.billingPeriodStartDate, start);
            QCOMPARE(periods.at(index).start, start);
            QCOMPARE(periods.at(index).end, entries.at(index).overview.billingPeriodEndDate);
            QCOMPARE(periods.at(index).isClosed(), index > 0);
            const auto one = store->overview(Scope, orgId, start);
            QVERIFY(one);
            QCOMPARE(one->overview.billingPeriodStartDate, start);
            QCOMPARE(one->fetchedIndex, index);
        }
        QVERIFY(!store->overview(Scope, orgId, cold.starts.value(0).addDays(1)));

        // Once flushed, another program opening the file reads the same periods.
        store->flush();
        const QString path = store->path();
        auto other = ReportStore::open(path, nullptr);
        QVERIFY(other);
        const QList<ReportStore::OverviewEntry> again = other->overviews(Scope, orgId);
        QCOMPARE(again.size(), 13);
        for (int index = 0; index < 13; ++index)
            QCOMPARE(again.at(index).overview.billingPeriodStartDate, cold.starts.value(index));
    }

    void storedPeriodThatNoLongerReads_isFetchedAgain()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        PeriodWalker walker(fixture.session->billing());
        useStore(walker, store);
        const Walked cold = walkAndWait(walker, orgId, 0, 3);
        QCOMPARE(cold.fetched, 4);
        store->flush();
        // Period 2's body is damaged on disk (as a failing disk or another program might leave it).
        QVERIFY(execRaw(store->path(),
            { u"UPDATE overview SET body = X'00000004DEADBEEF' WHERE start_ms = %1"_s.arg(
                cold.starts.value(2).toMSecsSinceEpoch()) }));

        const int requests = fixture.requests(OverviewPath + orgId).size();
        const Walked warm = walkAndWait(walker, orgId, 0, 3);
        QCOMPARE(warm.failed, 0);
        QCOMPARE(warm.fromStore, 2);
        QCOMPARE(warm.fetched, 2); // the active period and the damaged one
        QCOMPARE(warm.starts, cold.starts);
        const QList<sim::RequestRecord> again = fixture.requests(OverviewPath + orgId).mid(requests);
        QStringList asked;
        for (const sim::RequestRecord& r : again)
            asked << r.query.queryItemValue(u"billingPeriodIndex"_s);
        asked.sort();
        QCOMPARE(asked, QStringList({ u"0"_s, u"2"_s }));
    }

    void failedOverviewWrite_isToldAndTheWalkGoesOn()
    {
        BD_SIM_FIXTURE(fixture);
        TempStore temp;
        ReportStore* store = temp.store.get();
        QVERIFY(store);
        // Another program's trigger refuses every overview, as a full disk would.
        QVERIFY(execRaw(store->path(),
            { u"CREATE TRIGGER refuse BEFORE INSERT ON overview BEGIN SELECT RAISE(ABORT, 'no room'); END"_s }));
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        PeriodWalker walker(fixture.session->billing());
        useStore(walker, store);
        QSignalSpy storeFailed(&walker, &PeriodWalker::storeFailed);
        const Walked walked = walkAndWait(walker, orgId, 0, 2);
        QCOMPARE(walked.fetched, 3);
        QCOMPARE(walked.failed, 0);
        QCOMPARE(walked.starts.size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(storeFailed.size(), 3, 30'000);
        QVERIFY2(storeFailed.first().first().toString().contains(store->path()),
            qPrintable(storeFailed.first().first().toString()));
        // Nothing was kept, and nothing is read back as if it had been.
        store->flush();
        QVERIFY(store->overviews(Scope, orgId).isEmpty());
        QVERIFY(store->overviewPeriods(Scope, orgId).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReportStore)
#include "tst_reportstore.moc"
