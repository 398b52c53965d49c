// The headless export with the local store: a repeated export asks Genesys only for what can still change,
// --offline answers from the store alone and names what it lacks, an unusable store is said once and
// bypassed, and two exports writing the same store at once both succeed and leave it whole.

#include "cli/exportcommand.h"
#include "csvreader.h"
#include "exportrun.h"
#include "simfixture.h"
#include "store/reportstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::SimFixture;

namespace {

using Run = test::ExportRun;

Run runExport(const QStringList& arguments)
{
    return test::runExportCommand(arguments, {}, test::fixedNow().date());
}

QStringList simArguments(const SimFixture& fixture)
{
    return { u"--base-url"_s, fixture.server->baseUrl().toString(), u"--client-id"_s, u"demo"_s,
        u"--client-secret"_s, u"demo"_s };
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The months December 2025 to October 2026, every one of them over on the sim's clock (2026-11-20).
QStringList closedMonths(const QString& out, const QString& store)
{
    return { u"usage"_s, u"--start"_s, u"2025-12-01"_s, u"--end"_s, u"2026-10-31"_s, u"--granularity"_s,
        u"month"_s, u"--out"_s, out, u"--store"_s, store };
}

} // namespace

class TestExportStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usage_secondExport_asksNothingAndWritesTheSameFile()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        const Run cold = runExport(closedMonths(dir.filePath(u"a.csv"_s), store) + simArguments(fixture));
        QVERIFY2(cold.exitCode == 0, qPrintable(cold.messages.join(u'\n')));
        QVERIFY2(cold.last().endsWith(u"0 from the local store, 11 from Genesys Cloud"_s),
            qPrintable(cold.last()));
        const int requests = fixture.requests(u"/billableusage"_s).size();
        const int orgLookups = fixture.requests(u"/organizations/me"_s).size();
        QCOMPARE(orgLookups, 1);

        const Run warm = runExport(closedMonths(dir.filePath(u"b.csv"_s), store) + simArguments(fixture));
        QVERIFY2(warm.exitCode == 0, qPrintable(warm.messages.join(u'\n')));
        QCOMPARE(warm.messages.size(), 1);
        QVERIFY2(warm.last().endsWith(u"11 from the local store, 0 from Genesys Cloud"_s),
            qPrintable(warm.last()));
        QCOMPARE(fixture.requests(u"/billableusage"_s).size(), requests);
        QCOMPARE(readFile(dir.filePath(u"b.csv"_s)), readFile(dir.filePath(u"a.csv"_s)));
    }

    void overview_secondExport_fetchesOnlyTheActivePeriod()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        const QStringList arguments { u"overview"_s, u"--trustor"_s, orgId, u"--periods"_s, u"0-12"_s,
            u"--store"_s, store };
        const Run cold = runExport(
            arguments + QStringList { u"--out"_s, dir.filePath(u"a.csv"_s) } + simArguments(fixture));
        QVERIFY2(cold.exitCode == 0, qPrintable(cold.messages.join(u'\n')));
        const Run warm = runExport(
            arguments + QStringList { u"--out"_s, dir.filePath(u"b.csv"_s) } + simArguments(fixture));
        QVERIFY2(warm.exitCode == 0, qPrintable(warm.messages.join(u'\n')));
        QVERIFY2(warm.last().endsWith(u"12 from the local store, 1 from Genesys Cloud"_s),
            qPrintable(warm.last()));
        QCOMPARE(readFile(dir.filePath(u"b.csv"_s)), readFile(dir.filePath(u"a.csv"_s)));
    }

    void overview_aPeriodTheStoreRefuses_isWarnedAboutBeforeTheResult()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        QVERIFY(ReportStore::open(store, nullptr));
        {
            // Another program's trigger refuses every overview, as a full disk would.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            db.setDatabaseName(store);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(
                u"CREATE TRIGGER refuse BEFORE INSERT ON overview BEGIN SELECT RAISE(ABORT, 'no room'); END"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        // One period: its write is the walk's last step, and still told before the result.
        const QStringList arguments { u"overview"_s, u"--trustor"_s,
            fixture.trustorNamed(u"Woodgrove Financial"_s), u"--periods"_s, u"0-0"_s, u"--store"_s, store,
            u"--out"_s, dir.filePath(u"a.csv"_s) };
        const Run run = runExport(arguments + simArguments(fixture));
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));
        QCOMPARE(run.messages.size(), 2);
        QVERIFY2(
            run.messages.first().startsWith(u"warning: The local store"_s), qPrintable(run.messages.first()));
        QVERIFY2(run.last().startsWith(u"Wrote "_s), qPrintable(run.last()));
    }

    void offline_answersFromTheStoreAndNamesWhatItLacks()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        const Run online
            = runExport(closedMonths(dir.filePath(u"a.csv"_s), store) + QStringList { u"--demo"_s });
        QVERIFY2(online.exitCode == 0, qPrintable(online.messages.join(u'\n')));

        const Run offline = runExport(
            closedMonths(dir.filePath(u"b.csv"_s), store) + QStringList { u"--demo"_s, u"--offline"_s });
        QVERIFY2(offline.exitCode == 0, qPrintable(offline.messages.join(u'\n')));
        QVERIFY2(offline.last().endsWith(u"11 from the local store, 0 from Genesys Cloud"_s),
            qPrintable(offline.last()));
        QCOMPARE(readFile(dir.filePath(u"b.csv"_s)), readFile(dir.filePath(u"a.csv"_s)));

        // November 2025 was never fetched: one clear line, no file.
        const Run lacking = runExport({ u"usage"_s, u"--start"_s, u"2025-11-01"_s, u"--end"_s,
            u"2026-10-31"_s, u"--granularity"_s, u"month"_s, u"--out"_s, dir.filePath(u"c.csv"_s),
            u"--store"_s, store, u"--demo"_s, u"--offline"_s });
        QCOMPARE(lacking.exitCode, 1);
        QVERIFY2(lacking.last().contains(u"The local store has no report for 2025-11-01 – 2025-11-30"_s),
            qPrintable(lacking.last()));
        QVERIFY(!QFile::exists(dir.filePath(u"c.csv"_s)));
    }

    void storeOptions_thatDoNotGoTogether_areRefused_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("says");
        QTest::newRow("no-store and store") << QStringList { u"--demo"_s, u"--no-store"_s, u"--store"_s,
            u"s.sqlite"_s } << u"--no-store and --store"_s;
        QTest::newRow("no-store and offline") << QStringList { u"--demo"_s, u"--no-store"_s, u"--offline"_s }
                                              << u"--offline needs the local store"_s;
        QTest::newRow("offline without an org") << QStringList { u"--access-token"_s, u"t"_s, u"--offline"_s }
                                                << u"--offline needs to know whose"_s;
    }

    void storeOptions_thatDoNotGoTogether_areRefused()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, says);
        const Run run = runExport(QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s,
                                      u"2026-01-31"_s, u"--out"_s, u"x.csv"_s }
            + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.last().contains(says), qPrintable(run.last()));
    }

    void unusableStore_isSaidOnceAndTheExportGoesOn()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        QFile garbage(store);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        const Run run
            = runExport(closedMonths(dir.filePath(u"a.csv"_s), store) + QStringList { u"--demo"_s });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.messages.size(), 2);
        QVERIFY2(
            run.messages.first().startsWith(u"warning: The local store"_s), qPrintable(run.messages.first()));
        QVERIFY2(run.last().endsWith(u"11 from Genesys Cloud (no local store)"_s), qPrintable(run.last()));
        QCOMPARE(readFile(store), QByteArray(4096, 'x')); // left as it was
        // Offline, there is nothing else to answer: it fails.
        const Run offline = runExport(
            closedMonths(dir.filePath(u"b.csv"_s), store) + QStringList { u"--demo"_s, u"--offline"_s });
        QCOMPARE(offline.exitCode, 1);
        QVERIFY2(offline.last().contains(u"damaged"_s), qPrintable(offline.last()));
    }

    void fullDisk_isSaidOnceTheExportSucceedsAndNothingStoredIsLost()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        const auto exportArgs = [&](const QString& granularity, const QString& start, const QString& out) {
            return QStringList { u"export"_s, u"usage"_s, u"--demo"_s, u"--start"_s, start, u"--end"_s,
                u"2025-12-31"_s, u"--granularity"_s, granularity, u"--out"_s, out, u"--store"_s, store };
        };
        QProcess weekly;
        weekly.start(QStringLiteral(BD_DASHBOARD_EXE),
            exportArgs(u"week"_s, u"2025-01-01"_s, dir.filePath(u"w.csv"_s)));
        QVERIFY(weekly.waitForFinished(120'000));
        QCOMPARE(weekly.exitCode(), 0);
        const qint64 size = QFileInfo(store).size() + QFileInfo(store + u"-wal"_s).size();
        QVERIFY(size > 0);

        // No file may grow past the store's size and 16 KiB: the daily reports cannot all be kept, the CSV
        // can.
        QProcess daily;
        const qint64 limitKiB = size / 1024 + 16;
        daily.start(u"/bin/sh"_s,
            QStringList { u"-c"_s, u"ulimit -f %1; exec \"$0\" \"$@\""_s.arg(limitKiB),
                QStringLiteral(BD_DASHBOARD_EXE) }
                + exportArgs(u"day"_s, u"2025-10-01"_s, dir.filePath(u"d.csv"_s)));
        QVERIFY(daily.waitForFinished(120'000));
        const QList<QByteArray> said = daily.readAllStandardError().trimmed().split('\n');
        QVERIFY2(
            daily.exitStatus() == QProcess::NormalExit && daily.exitCode() == 0, said.join('\n').constData());
        QCOMPARE(said.size(), 2); // one warning, however many reports could not be kept, and the result
        QVERIFY2(said.first().startsWith("warning: Writing the local store"), said.first().constData());
        QVERIFY(said.last().startsWith("Wrote "));
        QVERIFY(QFile::exists(dir.filePath(u"d.csv"_s)));

        // What was stored before is all there: the weekly export runs offline from it.
        QProcess offline;
        offline.start(QStringLiteral(BD_DASHBOARD_EXE),
            exportArgs(u"week"_s, u"2025-01-01"_s, dir.filePath(u"w2.csv"_s))
                + QStringList { u"--offline"_s });
        QVERIFY(offline.waitForFinished(120'000));
        QVERIFY2(offline.exitCode() == 0, offline.readAllStandardError().constData());
        QCOMPARE(readFile(dir.filePath(u"w2.csv"_s)), readFile(dir.filePath(u"w.csv"_s)));
    }

    void twoProcesses_writingOneStoreAtOnce_bothSucceedAndLeaveItWhole()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        // The weeks of 2025 and the days of its December: 53 and 31 reports, written at the same time.
        const auto firstDay = [](const QString& granularity) {
            return granularity == u"week"_s ? u"2025-01-01"_s : u"2025-12-01"_s;
        };
        const auto start = [&](QProcess& process, const QString& out, const QString& granularity) {
            process.start(QStringLiteral(BD_DASHBOARD_EXE),
                { u"export"_s, u"usage"_s, u"--demo"_s, u"--start"_s, firstDay(granularity), u"--end"_s,
                    u"2025-12-31"_s, u"--granularity"_s, granularity, u"--out"_s, out, u"--store"_s, store });
        };
        QProcess weekly, daily;
        start(weekly, dir.filePath(u"weekly.csv"_s), u"week"_s);
        start(daily, dir.filePath(u"daily.csv"_s), u"day"_s);
        QVERIFY(weekly.waitForFinished(120'000));
        QVERIFY(daily.waitForFinished(120'000));
        // Each says only its result line: no store warning, no lost write.
        for (QProcess* process : { &weekly, &daily }) {
            const QByteArray said = process->readAllStandardError().trimmed();
            QVERIFY2(process->exitCode() == 0, said.constData());
            QVERIFY2(!said.contains('\n') && said.startsWith("Wrote "), said.constData());
        }

        QString error;
        auto opened = ReportStore::open(store, &error);
        QVERIFY2(opened, qPrintable(error));
        const QList<ReportStore::OrgSummary> orgs = opened->summary();
        QCOMPARE(orgs.size(), 1);
        QCOMPARE(orgs.first().usageReports, 53 + 31);
        opened.reset();
        // Both are answered from the store alone afterwards, with the same files.
        for (const QString& granularity : { u"week"_s, u"day"_s }) {
            QProcess again;
            const QString out = dir.filePath(u"again-%1.csv"_s.arg(granularity));
            again.start(QStringLiteral(BD_DASHBOARD_EXE),
                { u"export"_s, u"usage"_s, u"--demo"_s, u"--offline"_s, u"--start"_s, firstDay(granularity),
                    u"--end"_s, u"2025-12-31"_s, u"--granularity"_s, granularity, u"--out"_s, out,
                    u"--store"_s, store });
            QVERIFY(again.waitForFinished(120'000));
            QVERIFY2(again.exitCode() == 0, again.readAllStandardError().constData());
            const QString first = dir.filePath(granularity == u"week"_s ? u"weekly.csv"_s : u"daily.csv"_s);
            QCOMPARE(test::parseCsv(readFile(out)), test::parseCsv(readFile(first)));
        }
    }
};

QTEST_GUILESS_MAIN(TestExportStore)
#include "tst_exportstore.moc"
