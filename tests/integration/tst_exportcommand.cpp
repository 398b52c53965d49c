// The headless export (billing-dashboard export …) against billing-sim: files compared with the sim's data.

#include "cli/exportcommand.h"
#include "csv/overviewcsv.h"
#include "csv/portfoliocsv.h"
#include "csv/usagecsv.h"
#include "csvreader.h"
#include "domain/datacutoff.h"
#include "domain/datebuckets.h"
#include "domain/decimal.h"
#include "domain/isodate.h"
#include "domain/projection.h"
#include "domain/trusteebillingoverview.h"
#include "exportrun.h"
#include "i18n/translations.h"
#include "simfixture.h"
#include "wirefixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::SimFixture;

namespace {

using Run = test::ExportRun;

/// Runs the export as if `today` (UTC) were the current day (the shared clock's day by default).
Run runExport(const QStringList& arguments, const QProcessEnvironment& environment = {},
    const QDate& today = test::fixedNow().date())
{
    // The local store would answer a repeated export: only the tests about it use one.
    const bool storeTest = arguments.contains(u"--store"_s) || arguments.contains(u"--offline"_s);
    return test::runExportCommand(
        storeTest ? arguments : arguments + QStringList { u"--no-store"_s }, environment, today);
}

QStringList simArguments(const SimFixture& fixture)
{
    return { u"--base-url"_s, fixture.server->baseUrl().toString(), u"--client-id"_s, u"demo"_s,
        u"--client-secret"_s, u"demo"_s };
}

/// A monthly usage export of [start, end] from the sim to `out`, on `today`.
Run exportMonths(const SimFixture& fixture, const QString& start, const QString& end, const QString& out,
    const QDate& today = test::fixedNow().date())
{
    return runExport(QStringList { u"usage"_s, u"--start"_s, start, u"--end"_s, end, u"--granularity"_s,
                         u"month"_s, u"--out"_s, out }
            + simArguments(fixture),
        {}, today);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The rows the usage CSV should hold for one bucket: every licence of the sim's report for its window, with
/// this status and cut-off, sorted (as are the rows they are compared with).
QList<QStringList> simRows(
    const SimFixture& fixture, const DateBucket& bucket, const QString& status, const QDate& dataThrough)
{
    QList<QStringList> rows;
    const QJsonObject report = fixture.server->data().billableUsage(bucket.start(), bucket.end());
    const QJsonArray usages = report.value(u"usages"_s).toArray();
    for (const QJsonValue& usage : usages) {
        // Numbers compare as exact decimals: "1130.30" on the wire is written as "1130.3".
        rows.append({ bucket.first.toString(Qt::ISODate), bucket.last.toString(Qt::ISODate),
            usage[u"name"_s].toString(), Decimal::fromString(usage[u"totalUsage"_s].toString())->toString(),
            status, dataThrough.toString(Qt::ISODate) });
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

/// The CSV's rows for the bucket starting on `first`, sorted.
QList<QStringList> csvRows(const QList<QStringList>& rows, const QDate& first)
{
    QList<QStringList> picked;
    for (const QStringList& row : rows) {
        if (row.value(0) == first.toString(Qt::ISODate))
            picked.append(row);
    }
    std::sort(picked.begin(), picked.end());
    return picked;
}

QDateTime utc(const QDate& day, int hour = 12)
{
    return QDateTime(day, QTime(hour, 0), UtcZone);
}

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataHome; ///< the executable's default local store goes here, not into the user's

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
        installTranslations(QCoreApplication::instance()); // the English plural forms, as the export has them
    }

    void usage_monthly_matchesTheSimsReports()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = exportMonths(fixture, u"2025-11-15"_s, u"2026-10-31"_s, out);
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));

        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QVERIFY(rows.size() > 1);
        QCOMPARE(rows.first(), UsageCsv::header());

        // Expected: every licence of every bucket's report, as the sim generates it for that window.
        const QList<DateBucket> buckets
            = DateBuckets::tile(QDate(2025, 11, 15), QDate(2026, 10, 31), Granularity::Month);
        QCOMPARE(buckets.size(), 12);
        QCOMPARE(buckets.first().first, QDate(2025, 11, 15));
        QMultiMap<QString, QStringList> expected;
        for (const DateBucket& bucket : buckets) {
            const QJsonObject report = fixture.server->data().billableUsage(bucket.start(), bucket.end());
            const QJsonArray usages = report.value(u"usages"_s).toArray();
            for (const QJsonValue& usage : usages) {
                const QString start = bucket.first.toString(Qt::ISODate);
                // Numbers compare as exact decimals: "1130.30" on the wire is written as "1130.3".
                expected.insert(start,
                    { start, bucket.last.toString(Qt::ISODate), usage[u"name"_s].toString(),
                        Decimal::fromString(usage[u"totalUsage"_s].toString())->toString(), u"complete"_s,
                        test::fixedNow().date().addDays(-1).toString(Qt::ISODate) });
            }
        }
        QCOMPARE(rows.size() - 1, expected.size());
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList& row = rows.at(i);
            QVERIFY2(expected.values(row.at(0)).contains(row), qPrintable(row.join(u',')));
        }
        QVERIFY(run.messages.last().startsWith(u"Wrote %1 rows"_s.arg(expected.size())));
        QVERIFY2(!run.messages.last().contains(u"data through"_s), qPrintable(run.messages.last()));
    }

    void usage_onTheFirstOfAMonth_theNewMonthHasNoDataYet()
    {
        // On 1 December usage is complete through 30 November: October and November are whole, December is
        // one row that says so, not a missing row and not a zero.
        const QDate today(2026, 12, 1);
        sim::SimOptions simOptions;
        simOptions.now = utc(today);
        BD_SIM_FIXTURE(fixture, simOptions);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = exportMonths(fixture, u"2026-10-01"_s, u"2026-12-01"_s, out, today);
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));

        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QVERIFY(rows.size() > 1);
        QCOMPARE(rows.first(), UsageCsv::header());
        const QDate through(2026, 11, 30);
        const QList<DateBucket> buckets = DateBuckets::tile(QDate(2026, 10, 1), today, Granularity::Month);
        QCOMPARE(buckets.size(), 3);
        const QList<QStringList> october = simRows(fixture, buckets.at(0), u"complete"_s, through);
        const QList<QStringList> november = simRows(fixture, buckets.at(1), u"complete"_s, through);
        QVERIFY(!october.isEmpty() && !november.isEmpty());
        QCOMPARE(csvRows(rows, buckets.at(0).first), october);
        QCOMPARE(csvRows(rows, buckets.at(1).first), november);
        QCOMPARE(csvRows(rows, buckets.at(2).first),
            (QList<QStringList> { { u"2026-12-01"_s, u"2026-12-01"_s, QString(), QString(), u"no data yet"_s,
                u"2026-11-30"_s } }));
        QCOMPARE(rows.size() - 1, october.size() + november.size() + 1);

        const QString said = run.messages.last();
        QVERIFY2(
            said.startsWith(u"Wrote %1 rows (3 reports, 2026-10-01 – 2026-12-01)"_s.arg(rows.size() - 1)),
            qPrintable(said));
        QVERIFY2(said.contains(u"data through 2026-11-30"_s), qPrintable(said));
    }

    void usage_midMonth_theMonthToDateIsPartial()
    {
        // On 20 November (the shared clock) November is month to date: partial, with usage through the 19th.
        BD_SIM_FIXTURE(fixture);
        const QDate today = fixture.server->data().now().date();
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const QStringList arguments = QStringList { u"usage"_s, u"--start"_s, u"2026-10-01"_s, u"--end"_s,
            u"2026-11-30"_s, u"--granularity"_s, u"month"_s, u"--out"_s, out }
            + simArguments(fixture);
        QString error;
        const auto options = ExportOptions::parse(arguments, {}, today, &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->end, today); // clipped to today
        QCOMPARE(options->lastCompleteDay, today.addDays(-1));
        const Run run = runExport(arguments, {}, today);
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));

        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QCOMPARE(rows.first(), UsageCsv::header());
        const QList<DateBucket> buckets = DateBuckets::tile(QDate(2026, 10, 1), today, Granularity::Month);
        QCOMPARE(buckets.size(), 2);
        const QDate through = today.addDays(-1);
        QCOMPARE(through, QDate(2026, 11, 19));
        const QList<QStringList> november = simRows(fixture, buckets.at(1), u"partial"_s, through);
        QVERIFY(!november.isEmpty()); // the month to date has usage
        QCOMPARE(csvRows(rows, buckets.at(0).first), simRows(fixture, buckets.at(0), u"complete"_s, through));
        QCOMPARE(csvRows(rows, buckets.at(1).first), november);

        const QString said = run.messages.last();
        QVERIFY2(said.contains(u"data through 2026-11-19, the last report is partial"_s), qPrintable(said));
    }

    void usage_rangeBeforeTheOrgsUsage_isWrittenButSaidWithExitThree()
    {
        // billing-sim's demo org has usage from December 2024 on; 2020 lists none in any report.
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = exportMonths(fixture, u"2020-01-01"_s, u"2020-02-29"_s, out);
        QCOMPARE(run.exitCode, int(ExportCommand::EmptyRange));
        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QCOMPARE(rows.size(), 1 + 2); // each month says "no usage"
        QCOMPARE(rows.at(1).at(4), u"no usage"_s);
        const QString said = run.messages.join(u'\n');
        QVERIFY2(said.contains(u"warning: no report from 2020-01-01 to 2020-02-29 lists any usage"_s),
            qPrintable(said));
    }

    void usage_unreachable_saysWhereAndThatNothingWasWritten()
    {
        QUrl gone;
        {
            BD_SIM_FIXTURE(fixture);
            gone = fixture.server->baseUrl();
        }
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = runExport({ u"usage"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s, u"2026-01-31"_s,
            u"--out"_s, out, u"--base-url"_s, gone.toString(), u"--client-id"_s, u"demo"_s,
            u"--client-secret"_s, u"demo"_s });
        QCOMPARE(run.exitCode, int(ExportCommand::Failed));
        const QString said = run.messages.last();
        QVERIFY2(said.startsWith(u"error: Genesys Cloud at %1 cannot be reached: "_s.arg(gone.host())),
            qPrintable(said));
        QVERIFY2(said.contains(u"Connection refused"_s, Qt::CaseInsensitive), qPrintable(said));
        QVERIFY2(said.endsWith(u"; nothing was written"_s), qPrintable(said));
        QVERIFY(!QFile::exists(out));
    }

    void usage_oneMonth_saysOneReportInTheSingular()
    {
        BD_SIM_FIXTURE(fixture);
        const QDate today = fixture.server->data().now().date();
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = exportMonths(fixture, u"2026-10-01"_s, u"2026-10-31"_s, out, today);
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));
        const int rows = int(test::parseCsv(readFile(out)).size()) - 1;
        QVERIFY(rows > 1);
        const QString said = run.messages.last();
        QVERIFY2(said.startsWith(u"Wrote %1 rows (1 report, 2026-10-01 – 2026-10-31)"_s.arg(rows)),
            qPrintable(said));
    }

    void usage_leapYear_februaryIsCompleteThroughThe29th()
    {
        const QDate today(2028, 3, 1);
        sim::SimOptions simOptions;
        simOptions.now = utc(today);
        BD_SIM_FIXTURE(fixture, simOptions);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = exportMonths(fixture, u"2028-02-01"_s, u"2028-02-29"_s, out, today);
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));

        const QList<QStringList> rows = test::parseCsv(readFile(out));
        const DateBucket february { QDate(2028, 2, 1), QDate(2028, 2, 29) };
        const QList<QStringList> expected = simRows(fixture, february, u"complete"_s, QDate(2028, 2, 29));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(csvRows(rows, february.first), expected);
        QCOMPARE(rows.size() - 1, expected.size());
        // The leap day itself is reported: the cut-off is the 29th, not the 28th.
        const DateBucket leapDay { QDate(2028, 2, 29), QDate(2028, 2, 29) };
        QVERIFY(!fixture.server->data()
                     .billableUsage(leapDay.start(), leapDay.end())
                     .value(u"usages"_s)
                     .toArray()
                     .isEmpty());
        QVERIFY2(!run.messages.last().contains(u"data through"_s), qPrintable(run.messages.last()));
    }

    void usage_invertedRange_isRefusedAndWritesNothing()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = runExport({ u"usage"_s, u"--start"_s, u"2026-05-01"_s, u"--end"_s, u"2026-04-01"_s,
            u"--out"_s, out, u"--demo"_s });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.messages.first().contains(u"after --end"_s));
        QVERIFY(!QFile::exists(out));
    }

    void usage_failingBucket_exitsNonZeroAndLeavesNoFile()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectAnswer(400, "application/json"_ba,
            R"({"message":"Invalid request","code":"bad.request","status":400})"_ba, 1, u"/billableusage"_s);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = runExport(QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s,
                                      u"2026-03-31"_s, u"--out"_s, out }
            + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.messages.last().startsWith(u"error: the report for"_s));
        QVERIFY2(run.messages.last().contains(u"HTTP 400"_s), qPrintable(run.messages.last()));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0); // no temporary left behind
    }

    void usage_unwritableDestination_failsWithOneLineAndWritesNothing()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        // A path inside a folder that does not exist cannot be written.
        const QString out = dir.filePath(u"missing-folder/usage.csv"_s);
        const Run run = runExport(QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s,
                                      u"2026-01-31"_s, u"--out"_s, out }
            + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.messages.last().startsWith(u"error: Cannot write"_s));
        QCOMPARE(run.messages.filter(u"error:"_s).size(), 1);
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 0);
    }

    // Every customer × period × usage line of the sim is a row with the sim's own figures; the disabled
    // trust is a row per period with its state and code; the per-currency lines add up to the file's rows.
    void portfolio_everyCustomerPeriodAndLine_matchesTheSim()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"portfolio.csv"_s);
        const Run run = runExport(QStringList { u"portfolio"_s, u"--periods"_s, u"0-2"_s, u"--out"_s, out }
            + simArguments(fixture));
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));
        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QCOMPARE(rows.first(), PortfolioCsv::header());
        const sim::DemoData& data = fixture.server->data();
        QList<QStringList> expected;
        for (const QString& id : data.trustorIds()) {
            for (int index = 0; index <= 2; ++index) {
                if (!data.isTrustEnabled(id)) {
                    expected.append(
                        { id, QString::number(index), {}, {}, {}, u"refused"_s, u"trust.disabled"_s });
                    continue;
                }
                const QJsonObject o = *data.trusteeOverview(id, index);
                const QJsonArray usages = o.value(u"usages"_s).toArray();
                const auto number = [](const QJsonObject& u, const QString& key) {
                    return u.contains(key) ? *Decimal::fromString(u.value(key).toString()) : Decimal();
                };
                for (const QJsonValue& v : usages) {
                    const QJsonObject u = v.toObject();
                    // The contract's own arithmetic: a resource line nets the fair-use rows of its name, then
                    // prepay at the prepay price plus what is above it at the overage price.
                    Decimal billable = number(u, u"usageQuantity"_s);
                    const bool fairUse = u.value(u"grouping"_s).toString() == u"fair-use";
                    if (u.value(u"grouping"_s).toString() == u"resource") {
                        for (const QJsonValue& w : usages) {
                            const QJsonObject a = w.toObject();
                            if (a.value(u"grouping"_s).toString() == u"fair-use"
                                && a.value(u"name"_s) == u.value(u"name"_s))
                                billable = Decimal::max(billable - number(a, u"usageQuantity"_s), Decimal());
                        }
                    }
                    const Decimal prepay = number(u, u"prepayQuantity"_s);
                    const Decimal overage = Decimal::max(billable - prepay, Decimal());
                    // In a ramp period a licence (seat) line is billed its commitment, not its overage.
                    const bool waived = o.value(u"inRampPeriod"_s).toBool()
                        && u.value(u"unitOfMeasureType"_s).toString() == u"seat";
                    const Decimal overageCost = waived ? Decimal() : overage * number(u, u"overagePrice"_s);
                    const Decimal total = prepay * number(u, u"prepayPrice"_s) + overageCost;
                    expected.append({ id, QString::number(index), u.value(u"partNumber"_s).toString(),
                        Decimal::fromString(u.value(u"usageQuantity"_s).toString())->toString(),
                        prepay.toString(), fairUse ? u"0"_s : overageCost.toString(),
                        fairUse ? u"0"_s : total.toString() });
                }
            }
        }
        QCOMPARE(rows.size() - 1, expected.size());
        QHash<QString, Decimal> activeTotals;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList& row = rows.at(i);
            const bool unread = row.at(17) == u"refused" || row.at(17) == u"no-data";
            // Id, index, part number, usage, prepay, then the overage cost and the total (or, for a row that
            // could not be read, its state and error code).
            const QStringList picked = unread ? QStringList { row.at(0), row.at(4), row.at(7), row.at(10),
                row.at(11), row.at(17), row.at(18) }
                                              : QStringList { row.at(0), row.at(4), row.at(7), row.at(10),
                                                    row.at(11), Decimal::fromString(row.at(15))->toString(),
                                                    Decimal::fromString(row.at(16))->toString() };
            QCOMPARE(picked, expected.at(i - 1));
            if (row.at(4) == u"0" && !unread)
                activeTotals[row.at(5)] += *Decimal::fromString(row.at(16));
        }
        // "USD: 11 customers, estimated total 1234.56, …": each currency's line is its rows' sum.
        const QStringList lines = run.last().split(u'\n');
        QCOMPARE(lines.size(), 1 + activeTotals.size());
        QVERIFY2(
            lines.first().contains(u"25 customers"_s) && lines.first().contains(u"1 could not be read"_s),
            qPrintable(lines.first()));
        for (auto it = activeTotals.cbegin(); it != activeTotals.cend(); ++it) {
            const auto line = std::find_if(lines.cbegin(), lines.cend(),
                [&](const QString& l) { return l.startsWith(it.key() + u":"_s); });
            QVERIFY2(line != lines.cend(), qPrintable(it.key()));
            QVERIFY2(line->contains(u"estimated total %1,"_s.arg(it.value().toString(2))), qPrintable(*line));
        }
    }

    void portfolio_noCustomers_failsSayingSo()
    {
        sim::SimOptions options;
        options.trustorCount = 0;
        BD_SIM_FIXTURE(fixture, options);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"portfolio.csv"_s);
        const Run run = runExport(QStringList { u"portfolio"_s, u"--out"_s, out } + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.last().contains(u"no customer org trusts this org"_s), qPrintable(run.last()));
        QVERIFY(!QFile::exists(out));
    }

    void portfolio_nothingReadable_failsAndWritesNothing()
    {
        sim::SimOptions options;
        options.denyBillingPermission = true;
        BD_SIM_FIXTURE(fixture, options);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"portfolio.csv"_s);
        const Run run = runExport(QStringList { u"portfolio"_s, u"--out"_s, out } + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.last().contains(u"no customer's billing could be read"_s), qPrintable(run.last()));
        QVERIFY(!QFile::exists(out));
    }

    void portfolio_optionsOfOtherExports_areRefused()
    {
        for (const QStringList& extra : { QStringList { u"--trustor"_s, u"x"_s },
                 QStringList { u"--start"_s, u"2026-01-01"_s }, QStringList { u"--offline"_s },
                 QStringList { u"--threshold"_s, u"120"_s }, QStringList { u"--periods"_s, u"0-99"_s } }) {
            const Run run
                = runExport(QStringList { u"portfolio"_s, u"--demo"_s, u"--out"_s, u"x.csv"_s } + extra);
            QVERIFY2(run.exitCode == 2, qPrintable(extra.join(u' ')));
        }
        const Run usage = runExport({ u"usage"_s, u"--demo"_s, u"--threshold"_s, u"80"_s, u"--start"_s,
            u"2026-01-01"_s, u"--end"_s, u"2026-02-01"_s, u"--out"_s, u"x.csv"_s });
        QCOMPARE(usage.exitCode, 2);
    }

    void overview_periods0to12_matchTheSimsOverviews()
    {
        BD_SIM_FIXTURE(fixture);
        const QString org = fixture.server->data().trustorIds().at(0);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"overview.csv"_s);
        const Run run = runExport(
            QStringList { u"overview"_s, u"--trustor"_s, org, u"--periods"_s, u"0-12"_s, u"--out"_s, out }
            + simArguments(fixture));
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));
        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QCOMPARE(rows.first(), OverviewCsv::header());

        QList<QStringList> expected;
        for (int index = 0; index <= 12; ++index) {
            const auto overview = fixture.server->data().trusteeOverview(org, index);
            QVERIFY(overview);
            const QJsonArray usages = overview->value(u"usages"_s).toArray();
            for (const QJsonValue& usage : usages) {
                expected.append(
                    { QString::number(index), overview->value(u"billingPeriodStartDate"_s).toString(),
                        overview->value(u"billingPeriodEndDate"_s).toString(), usage[u"name"_s].toString(),
                        usage[u"partNumber"_s].toString(),
                        Decimal::fromString(usage[u"usageQuantity"_s].toString())->toString(),
                        Decimal::fromString(usage[u"prepayQuantity"_s].toString())->toString(),
                        overview->value(u"currency"_s).toString() });
            }
        }
        QCOMPARE(rows.size() - 1, expected.size());
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList& row = rows.at(i);
            // Index, period start, end, name, part number, usage, prepay, currency.
            const QStringList picked { row.at(0), row.at(1), row.at(2), row.at(6), row.at(7), row.at(10),
                row.at(11), row.at(5) };
            QCOMPARE(picked, expected.at(i - 1));
        }
    }

    // The active period's lines carry the projection the sim's own periods give (Projections::period on the
    // same overviews and cut-off); closed periods say so.
    void overview_activePeriod_isProjected_closedPeriodsSaySo()
    {
        BD_SIM_FIXTURE(fixture);
        const sim::DemoData& data = fixture.server->data();
        QString org;
        for (const QString& id : data.trustorIds()) {
            const auto open = data.trusteeOverview(id, 0);
            if (open && !open->value(u"inRampPeriod"_s).toBool() && data.historyLength(id) > 12) {
                org = id;
                break;
            }
        }
        QVERIFY2(!org.isEmpty(), "the demo data has a trustor outside a ramp with a long history");
        QTemporaryDir dir;
        const QString out = dir.filePath(u"overview.csv"_s);
        const Run run = runExport(
            QStringList { u"overview"_s, u"--trustor"_s, org, u"--periods"_s, u"0-12"_s, u"--out"_s, out }
            + simArguments(fixture));
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));
        const QList<QStringList> rows = test::parseCsv(readFile(out));
        const QStringList header = rows.first();
        QCOMPARE(header.mid(header.size() - 4),
            (QStringList {
                u"Projected low"_s, u"Projected likely"_s, u"Projected high"_s, u"Projection note"_s }));

        QList<TrusteeBillingOverview> overviews;
        for (int index = 0; index <= 12; ++index)
            overviews << TrusteeBillingOverview::fromJson(*data.trusteeOverview(org, index)).take();
        QList<const TrusteeBillingOverview*> closed;
        for (int index = 1; index <= 12; ++index)
            closed << &overviews.at(index);
        const QList<LineProjection> expected = Projections::period(
            overviews.first(), closed, DataCutoff::lastCompleteDay(test::fixedNow().date()));
        const qsizetype at = header.indexOf(u"Projected low"_s);
        int projected = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList& row = rows.at(i);
            if (row.at(0) != u"0") {
                QCOMPARE(row.mid(at), (QStringList { {}, {}, {}, u"closed period"_s }));
                continue;
            }
            const LineProjection& line = expected.at(i - 1); // index 0 comes first, in wire order
            QCOMPARE(row.at(at + 3), Projections::note(line));
            if (!line.projection.isProjected()) {
                QVERIFY(row.at(at + 1).isEmpty());
                continue;
            }
            ++projected;
            const Decimal low = *Decimal::fromString(row.at(at));
            const Decimal likely = *Decimal::fromString(row.at(at + 1));
            const Decimal high = *Decimal::fromString(row.at(at + 2));
            QCOMPARE(likely, line.projection.likely);
            QVERIFY(low <= likely && likely <= high);
            QVERIFY(low >= *Decimal::fromString(row.at(10)) || row.at(9) != u"seat"); // seats so far: a floor
        }
        QVERIFY(projected > 0);
    }

    void overview_pastTheHistory_exportsWhatExistsAndSaysWhereItEnds()
    {
        BD_SIM_FIXTURE(fixture);
        QString shortOrg;
        for (const QString& id : fixture.server->data().trustorIds()) {
            if (fixture.server->data().historyLength(id) < 13)
                shortOrg = id;
        }
        QVERIFY2(!shortOrg.isEmpty(), "the demo data has a trustor with a short history");
        const int length = fixture.server->data().historyLength(shortOrg);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"overview.csv"_s);
        const Run run = runExport(QStringList { u"overview"_s, u"--trustor"_s, shortOrg, u"--periods"_s,
                                      u"0-12"_s, u"--out"_s, out }
            + simArguments(fixture));
        QVERIFY2(run.exitCode == 0, qPrintable(run.messages.join(u'\n')));
        QVERIFY2(run.messages.last().contains(u"no billing period exists at index %1"_s.arg(length)),
            qPrintable(run.messages.last()));
        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QSet<QString> indexes;
        for (qsizetype i = 1; i < rows.size(); ++i)
            indexes.insert(rows.at(i).at(0));
        QCOMPARE(indexes.size(), length);
        // Indexes past the end were not all asked for: the walk stopped once the end was known.
        QVERIFY(fixture.requests(u"/trusteebillingoverview/"_s).size() <= 13);
    }

    void overview_unknownTrustor_failsWithNotFound()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"overview.csv"_s);
        const Run run = runExport(
            QStringList { u"overview"_s, u"--trustor"_s, u"00000000-0000-0000-0000-000000000000"_s,
                u"--periods"_s, u"0-2"_s, u"--out"_s, out }
            + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!QFile::exists(out));
    }

    // A 403 that names no permission: the trust or the role, said as such, with Genesys' words and details.
    // The walk stops at the refusal: every other period would be refused the same way.
    void overview_disabledTrust_saysTheTrustOrTheRoleAndWritesNothing()
    {
        BD_SIM_FIXTURE(fixture);
        const QString litware = fixture.trustorNamed(u"Litware Energy"_s);
        QVERIFY(!fixture.server->data().isTrustEnabled(litware));
        QTemporaryDir dir;
        const QString out = dir.filePath(u"overview.csv"_s);
        const Run run = runExport(
            QStringList { u"overview"_s, u"--trustor"_s, litware, u"--periods"_s, u"0-12"_s, u"--out"_s, out }
            + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        const QString said = run.messages.last();
        QVERIFY2(said.startsWith(
                     u"error: Genesys refused the billing of %1: its trust in your org may be "
                     "disabled or may not grant billing, or your role may not allow it."_s.arg(litware)),
            qPrintable(said));
        QVERIFY2(said.contains(u"Genesys says: “The trust from organization %1 is disabled.”"_s.arg(litware)),
            qPrintable(said));
        QVERIFY2(said.contains(u"(HTTP 403, code not.authorized"_s), qPrintable(said));
        QVERIFY(!said.contains(u"Your role is not allowed"_s));
        QVERIFY(!QFile::exists(out));
        QVERIFY(fixture.requests(u"/trusteebillingoverview/"_s).size() < 13);
    }

    void overview_unknownTrustor_keepsGenesysMessage()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"overview.csv"_s);
        const Run run = runExport(
            QStringList { u"overview"_s, u"--trustor"_s, u"00000000-0000-0000-0000-000000000000"_s,
                u"--periods"_s, u"0"_s, u"--out"_s, out }
            + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.messages.last().contains(u"was not found or does not trust this organization"_s),
            qPrintable(run.messages.last()));
        QVERIFY(!QFile::exists(out));
    }

    void overview_answerThatDoesNotCheckOut_exitsNonZeroWithoutAFile_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("body"); // "%1" stands for the trustor id
        QTest::addColumn<QStringList>("indexes"); // the indexes given that answer
        QTest::addColumn<QString>("expected");
        const QString overview = QString::fromUtf8(test::wireFixture(u"trusteebillingoverview.json"_s));
        QTest::newRow("a proxy's HTML 404 is no end of history")
            << 404 << "text/html"_ba << u"<html><body><h1>404 Not Found</h1>nginx</body></html>"_s
            << QStringList { u"3"_s } << u"HTTP 404"_s;
        QTest::newRow("another org's overview") << 200 << "application/json"_ba << overview
                                                << QStringList { u"1"_s } << u"the billing of another org"_s;
        QString sameOrg = overview;
        sameOrg.replace(u"4f8e2a61-7c3b-4d95-a0e1-6b2c9d8f7a14"_s, u"%1"_s);
        QTest::newRow("one period at two indexes") << 200 << "application/json"_ba << sameOrg
                                                   << QStringList { u"2"_s, u"3"_s } << u"Billing period"_s;
        QString withoutDates = sameOrg;
        withoutDates.replace(u"billingPeriodStartDate"_s, u"unknownStart"_s)
            .replace(u"billingPeriodEndDate"_s, u"unknownEnd"_s);
        QTest::newRow("a closed period without its dates")
            << 200 << "application/json"_ba << withoutDates << QStringList { u"4"_s }
            << u"without its dates"_s;
        QString negative = sameOrg;
        negative.replace(u"\"usageQuantity\": \"64\""_s, u"\"usageQuantity\": \"-64\""_s);
        QTest::newRow("a negative quantity") << 200 << "application/json"_ba << negative
                                             << QStringList { u"0"_s } << u"negative usageQuantity (-64)"_s;
        QString duplicate = sameOrg;
        duplicate.replace(u"\"currency\": \"USD\","_s, u"\"currency\": \"USD\", \"currency\": \"EUR\","_s);
        QTest::newRow("a duplicate key") << 200 << "application/json"_ba << duplicate
                                         << QStringList { u"0"_s } << u"currency: the key appears twice"_s;
    }

    void overview_answerThatDoesNotCheckOut_exitsNonZeroWithoutAFile()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, body);
        QFETCH(QStringList, indexes);
        QFETCH(QString, expected);
        BD_SIM_FIXTURE(fixture);
        const QString org = fixture.server->data().trustorIds().first();
        QVERIFY(fixture.server->data().historyLength(org) > 6);
        for (const QString& index : std::as_const(indexes))
            fixture.server->injectAnswer(status, contentType, QString(body).replace(u"%1"_s, org).toUtf8(), 1,
                u"billingPeriodIndex=%1"_s.arg(index));
        QTemporaryDir dir;
        const QString out = dir.filePath(u"overview.csv"_s);
        const Run run = runExport(
            QStringList { u"overview"_s, u"--trustor"_s, org, u"--periods"_s, u"0-6"_s, u"--out"_s, out }
            + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.messages.last().contains(expected), qPrintable(run.messages.last()));
        QVERIFY(!QFile::exists(out));
    }

    void usage_answerThatDoesNotCheckOut_exitsNonZeroWithoutAFile_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        const QString november = QString::fromUtf8(test::wireFixture(u"billableusage-complete.json"_s));
        QTest::newRow("the report for other dates") << november << u"with one for 2026-11-01"_s;
        QString negative = november;
        negative.replace(u"2026-11-01T00:00:00Z"_s, u"2026-01-01T00:00:00Z"_s)
            .replace(u"2026-11-30T23:59:59.999Z"_s, u"2026-01-31T23:59:59.999Z"_s)
            .replace(u"\"totalUsage\": \"3\""_s, u"\"totalUsage\": \"-3\""_s);
        QTest::newRow("a negative quantity") << negative << u"negative quantity (-3)"_s;
        QString duplicate = november;
        duplicate.replace(u"\"totalUsage\": \"3\""_s, u"\"totalUsage\": \"3\", \"totalUsage\": \"999\""_s);
        QTest::newRow("a duplicate key") << duplicate << u"usages[0].totalUsage: the key appears twice"_s;
    }

    void usage_answerThatDoesNotCheckOut_exitsNonZeroWithoutAFile()
    {
        QFETCH(QString, body);
        QFETCH(QString, expected);
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectAnswer(200, "application/json"_ba, body.toUtf8(), 1, u"startDate=2026-01-01"_s);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        const Run run = exportMonths(fixture, u"2026-01-01"_s, u"2026-03-31"_s, out);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.messages.last().contains(expected), qPrintable(run.messages.last()));
        QVERIFY(!QFile::exists(out));
    }

    void options_environmentVariables_areRead()
    {
        QProcessEnvironment environment;
        environment.insert(u"GENESYSCLOUD_REGION"_s, u"eu_west_1"_s);
        environment.insert(u"GENESYSCLOUD_OAUTHCLIENT_ID"_s, u"id-from-env"_s);
        environment.insert(u"GENESYSCLOUD_OAUTHCLIENT_SECRET"_s, u"secret-from-env"_s);
        QString error;
        const auto options
            = ExportOptions::parse({ u"usage"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s, u"2026-01-31"_s,
                                       u"--out"_s, u"x.csv"_s, u"--client-id"_s, u"cli-id"_s },
                environment, QDate(2026, 11, 20), &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->connection.region, u"eu_west_1"_s);
        QCOMPARE(options->connection.clientId, u"cli-id"_s); // the option wins
        QCOMPARE(options->connection.clientSecret, u"secret-from-env"_s);
        QString endpointError;
        QCOMPARE(
            options->connection.endpoint(&endpointError).apiBase(), QUrl(u"https://api.mypurecloud.ie"_s));
    }

    void options_badInput_isRefusedWithOneClearLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        const QStringList base { u"--out"_s, u"x.csv"_s, u"--demo"_s };
        QTest::newRow("no kind") << QStringList {} << u"usage, overview or portfolio"_s;
        QTest::newRow("unknown option") << (QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s,
                                                u"--end"_s, u"2026-02-01"_s, u"--granularty"_s, u"day"_s }
            + base) << u"Unknown option 'granularty'. (see --help)"_s;
        QTest::newRow("bad date") << (QStringList { u"usage"_s, u"--start"_s, u"2026-13-01"_s, u"--end"_s,
                                          u"2026-12-01"_s }
            + base) << u"YYYY-MM-DD"_s;
        QTest::newRow("future start")
            << (QStringList { u"usage"_s, u"--start"_s, u"2027-01-01"_s, u"--end"_s, u"2027-02-01"_s } + base)
            << u"in the future"_s;
        QTest::newRow("bad granularity") << (QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s,
                                                 u"--end"_s, u"2026-02-01"_s, u"--granularity"_s, u"hour"_s }
            + base) << u"day, week, month or quarter"_s;
        const QString org = u"2f0c6a1e-8b7d-4c1e-9a3f-5d6e7f809a1b"_s;
        QTest::newRow("no trustor") << (QStringList { u"overview"_s } + base) << u"--trustor"_s;
        QTest::newRow("bad periods") << (QStringList {
                                             u"overview"_s, u"--trustor"_s, org, u"--periods"_s, u"5-2"_s }
            + base) << u"FIRST-LAST"_s;
        QTest::newRow("no out") << QStringList { u"overview"_s, u"--trustor"_s, org, u"--demo"_s }
                                << u"--out"_s;
        QTest::newRow("no credentials") << QStringList { u"overview"_s, u"--trustor"_s, org, u"--out"_s,
            u"x.csv"_s } << u"no credentials"_s;
        QTest::newRow("name as trustor")
            << (QStringList { u"overview"_s, u"--trustor"_s, u"Contoso Health"_s } + base)
            << u"“Contoso Health” is not an org id: an org id is 36 characters of hex digits and dashes "
               "(8-4-4-4-12). That looks like a name"_s;
        QTest::newRow("id cut short") << (QStringList { u"overview"_s, u"--trustor"_s, org.left(20) } + base)
                                      << u"“%1” is not an org id"_s.arg(org.left(20));
        QTest::newRow("trustor on usage") << (QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s,
                                                  u"--end"_s, u"2026-02-01"_s, u"--trustor"_s, org }
            + base) << u"--trustor does not apply to usage exports"_s;
        QTest::newRow("periods on usage") << (QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s,
                                                  u"--end"_s, u"2026-02-01"_s, u"--periods"_s, u"0-3"_s }
            + base) << u"--periods does not apply to usage exports"_s;
        QTest::newRow("granularity on overview")
            << (QStringList { u"overview"_s, u"--trustor"_s, org, u"--granularity"_s, u"day"_s } + base)
            << u"--granularity does not apply to overview exports"_s;
        QTest::newRow("dates on overview")
            << (QStringList { u"overview"_s, u"--trustor"_s, org, u"--start"_s, u"2026-01-01"_s } + base)
            << u"--start does not apply to overview exports"_s;
    }

    void options_badInput_isRefusedWithOneClearLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!ExportOptions::parse(arguments, {}, QDate(2026, 11, 20), &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void executable_demoExport_writesTheFileAndExitsZero()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        QProcess process;
        process.start(QStringLiteral(BD_DASHBOARD_EXE),
            { u"export"_s, u"usage"_s, u"--demo"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s,
                u"2026-03-31"_s, u"--out"_s, out });
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        const QList<QStringList> rows = test::parseCsv(readFile(out));
        QVERIFY(rows.size() > 3);
        QSet<QString> bucketStarts;
        for (qsizetype i = 1; i < rows.size(); ++i)
            bucketStarts.insert(rows.at(i).at(0));
        QCOMPARE(bucketStarts, (QSet<QString> { u"2026-01-01"_s, u"2026-02-01"_s, u"2026-03-01"_s }));
    }

    void executable_outDash_writesTheCsvToStandardOutput()
    {
        QProcess process;
        process.start(QStringLiteral(BD_DASHBOARD_EXE),
            { u"export"_s, u"usage"_s, u"--demo"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s,
                u"2026-02-28"_s, u"--out"_s, u"-"_s });
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        const QList<QStringList> rows = test::parseCsv(process.readAllStandardOutput());
        QVERIFY(rows.size() > 2);
        QCOMPARE(rows.at(0).at(0), u"Bucket start"_s);
        // The result line goes to standard error, so the CSV on standard output stays clean.
        const QList<QByteArray> said = process.readAllStandardError().trimmed().split('\n');
        QCOMPARE(said.size(), 1);
        QVERIFY2(said.at(0).startsWith("Wrote "), said.at(0).constData());
    }

    void executable_fileSizeLimit_failsWithOneLineAndNoFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"usage.csv"_s);
        QProcess process;
        // A one-block limit (ulimit -f counts 512-byte or 1 KiB blocks): the CSV of a year is larger.
        process.start(u"/bin/sh"_s,
            { u"-c"_s, u"ulimit -f 1; exec \"$0\" \"$@\""_s, QStringLiteral(BD_DASHBOARD_EXE), u"export"_s,
                u"usage"_s, u"--demo"_s, u"--start"_s, u"2025-01-01"_s, u"--end"_s, u"2025-12-31"_s,
                u"--granularity"_s, u"week"_s, u"--out"_s, out, u"--no-store"_s });
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // not killed by SIGXFSZ
        QCOMPARE(process.exitCode(), 1);
        const QList<QByteArray> said = process.readAllStandardError().trimmed().split('\n');
        QCOMPARE(said.size(), 1);
        QVERIFY2(said.at(0).startsWith("error: Cannot write"), said.at(0).constData());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void usage_destinationMissing_failsBeforeAnyRequest()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"missing/usage.csv"_s);
        const Run run = runExport(QStringList { u"usage"_s, u"--start"_s, u"2026-01-01"_s, u"--end"_s,
                                      u"2026-03-31"_s, u"--out"_s, out }
            + simArguments(fixture));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.messages.last().contains(u"does not exist"_s), qPrintable(run.messages.last()));
        QCOMPARE(fixture.requests(u"/billableusage"_s).size(), 0);
    }

    void executable_faultyServer_historyEnd_nothingFollowsTheResultLine()
    {
        // Replies aborted once the history has ended made Qt print a warning after the result line in some
        // runs; the result line must stay the last (and only) thing said.
        sim::SimOptions options;
        options.serverErrorRate = 0.1;
        options.dropRate = 0.05;
        BD_SIM_FIXTURE(fixture, options);
        QString shortOrg;
        for (const QString& id : fixture.server->data().trustorIds()) {
            if (fixture.server->data().historyLength(id) < 13)
                shortOrg = id;
        }
        QVERIFY(!shortOrg.isEmpty());
        QTemporaryDir dir;
        for (int run = 0; run < 8; ++run) {
            QProcess process;
            process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
            process.start(QStringLiteral(BD_DASHBOARD_EXE),
                QStringList { u"export"_s, u"overview"_s, u"--trustor"_s, shortOrg, u"--periods"_s, u"0-12"_s,
                    u"--out"_s, dir.filePath(u"o%1.csv"_s.arg(run)) }
                    + simArguments(fixture));
            QVERIFY(process.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 120'000);
            const QList<QByteArray> said = process.readAllStandardError().trimmed().split('\n');
            QVERIFY2(said.size() == 1, said.join(" | ").constData());
            QVERIFY2(
                said.at(0).startsWith("Wrote ") || said.at(0).startsWith("error: "), said.at(0).constData());
        }
    }

    void executable_badArguments_exitNonZeroWithOneLine()
    {
        QProcess process;
        process.start(QStringLiteral(BD_DASHBOARD_EXE), { u"export"_s, u"usage"_s, u"--demo"_s });
        QVERIFY(process.waitForFinished(30'000));
        QVERIFY(process.exitCode() != 0);
        const QList<QByteArray> lines = process.readAllStandardError().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().startsWith("error: "));
    }
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
