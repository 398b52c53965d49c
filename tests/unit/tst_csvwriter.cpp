// CsvWriter: RFC 4180 quoting, formula neutralising, exact numbers, atomic saves; the usage CSV's bucket
// status.

#include "csv/csvwriter.h"
#include "csv/exportname.h"
#include "csv/filewriter.h"
#include "csv/usagecsv.h"
#include "csvreader.h"
#include "domain/billingusagereport.h"
#include "domain/datebuckets.h"
#include "domain/decimal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

BillingUsageReport reportOf(const QList<std::pair<QString, QString>>& totals)
{
    BillingUsageReport report;
    for (const auto& [name, total] : totals)
        report.usages.append({ name, *Decimal::fromString(total), {} });
    return report;
}

/// The usage CSV of these buckets and reports, read back without its header.
QList<QStringList> usageRows(const QList<DateBucket>& buckets, const QList<BillingUsageReport>& reports,
    Granularity granularity, QDate lastCompleteDay)
{
    const QList<QStringList> rows
        = test::parseCsv(UsageCsv::build(buckets, reports, granularity, lastCompleteDay).bytes());
    return rows.isEmpty() || rows.first() != UsageCsv::header() ? rows : rows.mid(1);
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportName_namesOrgAndRangeSafely()
    {
        QCOMPARE(ExportName::suggest(u"billable-usage"_s, u"Northwind Contact Center"_s, QDate(2025, 12, 1),
                     QDate(2026, 11, 30)),
            u"billable-usage-northwind-contact-center-2025-12-01-2026-11-30"_s);
        // Characters file systems refuse, and dots and dashes at the ends, go.
        QCOMPARE(ExportName::suggest(u"billing"_s, u" A/B: \"Tel*co\" <EU>? | ."_s, QDate(2026, 11, 23), {}),
            u"billing-a-b-tel-co-eu-2026-11-23"_s);
        QCOMPARE(ExportName::suggest(u"billing"_s, {}, {}, {}), u"billing"_s);
        QCOMPARE(ExportName::suggest(u"billing"_s, u"Coho"_s, QDate(2026, 1, 1), QDate(2026, 1, 1)),
            u"billing-coho-2026-01-01"_s);
    }

    void text_formulaStarters_areNeutralised_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << u"=HYPERLINK(\"x\")"_s << u"\"'=HYPERLINK(\"\"x\"\")\""_s;
        QTest::newRow("plus") << u"+1+1"_s << u"'+1+1"_s;
        QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("tab") << u"\tx"_s << u"'\tx"_s;
        QTest::newRow("carriage return") << u"\rx"_s << u"\"'\rx\""_s;
        QTest::newRow("space before equals") << u" =1+1"_s << u"' =1+1"_s;
        QTest::newRow("tab before equals") << u"\t=1+1"_s << u"'\t=1+1"_s;
        QTest::newRow("line feed before at") << u"\n@SUM(A1)"_s << u"\"'\n@SUM(A1)\""_s;
        QTest::newRow("fullwidth equals") << u"\uff1dHYPERLINK()"_s << u"'\uff1dHYPERLINK()"_s;
        QTest::newRow("fullwidth plus") << u"\uff0b1"_s << u"'\uff0b1"_s;
        QTest::newRow("fullwidth minus") << u"\uff0d1"_s << u"'\uff0d1"_s;
        QTest::newRow("fullwidth at") << u"\uff20x"_s << u"'\uff20x"_s;
        QTest::newRow("NUL and ESC dropped") << u"a\u0000b\u001b[2Jc"_s << u"ab[2Jc"_s;
        QTest::newRow("NUL hiding a formula") << u"\u0000=1+1"_s << u"'=1+1"_s;
        QTest::newRow("bidi overrides dropped") << u"\u202euser\u202a@x\u2066\u2069"_s << u"user@x"_s;
        QTest::newRow("plain") << u"Genesys Cloud CX 3"_s << u"Genesys Cloud CX 3"_s;
        QTest::newRow("inner equals") << u"a=b"_s << u"a=b"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void text_formulaStarters_areNeutralised()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        CsvWriter csv({ u"h"_s });
        csv.text(cell);
        csv.endRow();
        QCOMPARE(csv.bytes(), (u"h\r\n"_s + written + u"\r\n"_s).toUtf8());
    }

    void number_negativeDecimal_isNotNeutralised()
    {
        CsvWriter csv({ u"a"_s, u"b"_s });
        csv.number(*Decimal::fromString(u"-12.50"_s)).number(*Decimal::fromString(u"0.0001"_s));
        csv.endRow();
        QCOMPARE(csv.bytes(), "a,b\r\n-12.5,0.0001\r\n"_ba);
    }

    void text_commasQuotesAndNewlines_areQuoted()
    {
        CsvWriter csv({ u"a"_s, u"b"_s, u"c"_s });
        csv.text(u"x, y"_s).text(u"say \"hi\""_s).text(u"two\nlines"_s);
        csv.endRow();
        QCOMPARE(csv.bytes(), "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"_ba);
    }

    void text_unicode_isUtf8()
    {
        CsvWriter csv({ u"org"_s });
        csv.text(u"Zürich Ünïcode — 東京"_s);
        csv.endRow();
        QCOMPARE(QString::fromUtf8(csv.bytes()), u"org\r\nZürich Ünïcode — 東京\r\n"_s);
        QCOMPARE(csv.rowCount(), 1);
    }

    void save_writesTheWholeDocument()
    {
        QTemporaryDir dir;
        CsvWriter csv({ u"a"_s });
        csv.integer(42);
        csv.endRow();
        QString error;
        const QString path = dir.filePath(u"out.csv"_s);
        QVERIFY2(csv.save(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), "a\r\n42\r\n"_ba);
    }

    void save_intoMissingFolder_failsAndLeavesNothing()
    {
        QTemporaryDir dir;
        CsvWriter csv({ u"a"_s });
        QString error;
        QVERIFY(!csv.save(dir.filePath(u"nope/out.csv"_s), &error));
        QVERIFY(error.startsWith(u"Cannot write"_s));
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 0);
    }

    void save_writeFailsMidway_failsAndKeepsTheOldFile()
    {
        // A file-size limit makes the kernel refuse writes past 4 KiB, as a full disk would (EFBIG instead of
        // ENOSPC, the same path through QSaveFile). The old file must stay as it was, with no temporary left.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"out.csv"_s);
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old contents\r\n");
        }
        CsvWriter csv({ u"a"_s });
        for (int i = 0; i < 5000; ++i) {
            csv.integer(i);
            csv.endRow();
        }
        QVERIFY(csv.bytes().size() > 16 * 1024);

        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit small = saved;
        small.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        QString error;
        const bool ok = csv.save(path, &error);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);

        QVERIFY(!ok);
        QVERIFY2(error.startsWith(u"Cannot write"_s), qPrintable(error));
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), "old contents\r\n"_ba);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void savedFile_rereadByPythonsCsvModule_givesBackEveryCell()
    {
        // Another reader than our own: Python's csv module must see exactly the cells written, numbers as
        // text that parses back to the same decimal.
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (python.isEmpty())
            QFAIL("python3 is needed to re-read the CSV: run packaging/setup.sh test, or apt-get install "
                  "python3");
        const QStringList cells { u"plain"_s, u"comma, inside"_s, u"quote \"inside\""_s, u"line\nbreak"_s,
            u"=1+1"_s, u" @SUM(A1)"_s, u"\uff1dx"_s, u"zo\u00eb \u202emirror"_s };
        CsvWriter csv({ u"text"_s, u"number"_s });
        for (const QString& cell : cells)
            csv.text(cell).number(*Decimal::fromString(u"-1234567.000000001"_s)).endRow();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cells.csv"_s);
        QString error;
        QVERIFY2(csv.save(path, &error), qPrintable(error));

        QProcess reader;
        reader.start(python,
            { u"-c"_s,
                u"import csv, json, sys\n"
                u"with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                u"    json.dump(list(csv.reader(f)), sys.stdout)\n"_s,
                path });
        QVERIFY(reader.waitForFinished(60'000));
        QCOMPARE(reader.exitCode(), 0);
        const QJsonArray rows = QJsonDocument::fromJson(reader.readAllStandardOutput()).array();
        QCOMPARE(rows.size(), cells.size() + 1);
        QCOMPARE(rows.at(0).toArray(), QJsonArray({ u"text"_s, u"number"_s }));
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const QJsonArray row = rows.at(i + 1).toArray();
            QCOMPARE(row.size(), 2);
            QCOMPARE(row.at(0).toString(), CsvWriter::neutralised(cells.at(i)));
            QCOMPARE(row.at(1).toString(), u"-1234567.000000001"_s);
        }
        QCOMPARE(rows.at(5).toArray().at(0).toString(), u"'=1+1"_s);
        QCOMPARE(rows.at(8).toArray().at(0).toString(), u"zo\u00eb mirror"_s);
    }

    void savedFile_rereadByLibreOffice_textStaysTextAndNumbersStayNumbers()
    {
        // A spreadsheet is where a CSV is opened: LibreOffice Calc, headless, must read every would-be
        // formula as the text written and every decimal as a number, and write them back so (text quoted,
        // numbers bare, which Python's QUOTE_NONNUMERIC reader tells apart).
        const QString soffice = QStandardPaths::findExecutable(u"soffice"_s);
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (soffice.isEmpty() || python.isEmpty())
            QFAIL("LibreOffice and python3 are needed to re-read the CSV: run packaging/setup.sh test, or "
                  "apt-get install libreoffice-calc-nogui python3");
        const QStringList cells { u"plain"_s, u"comma, inside"_s, u"quote \"inside\""_s, u"=1+1"_s,
            u" @SUM(A1)"_s, u"\t-2+3"_s, u"+cmd|' /C calc'!A0"_s, u"\uff1dx"_s, u"zo\u00eb"_s };
        // Decimals a spreadsheet holds exactly (up to 15 significant digits, at most Decimal::Scale places).
        const QStringList numbers { u"-1234567.25"_s, u"0.000000001"_s, u"42"_s, u"-0.5"_s,
            u"99999999999.99"_s, u"3.14159265"_s, u"-7"_s, u"1000000"_s, u"0.1"_s };
        CsvWriter csv({ u"text"_s, u"number"_s });
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const std::optional<Decimal> number = Decimal::fromString(numbers.at(i));
            QVERIFY2(number, qPrintable(numbers.at(i)));
            csv.text(cells.at(i)).number(*number).endRow();
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cells.csv"_s);
        QString error;
        QVERIFY2(csv.save(path, &error), qPrintable(error));

        QProcess calc;
        calc.setWorkingDirectory(dir.path());
        calc.start(soffice,
            { u"-env:UserInstallation=file://%1/profile"_s.arg(dir.path()), u"--headless"_s, u"--norestore"_s,
                u"--infilter=CSV:44,34,76,1,,0,false,false,false,false,false,0,true"_s, u"--convert-to"_s,
                u"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false"_s, u"--outdir"_s,
                dir.filePath(u"out"_s), path });
        QVERIFY(calc.waitForFinished(180'000));
        QCOMPARE(calc.exitCode(), 0);
        const QString converted = dir.filePath(u"out/cells.csv"_s);
        QVERIFY2(QFileInfo::exists(converted), calc.readAllStandardError().constData());

        QProcess reader;
        reader.start(python,
            { u"-c"_s,
                u"import csv, json, sys\n"
                u"with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                u"    rows = list(csv.reader(f, quoting=csv.QUOTE_NONNUMERIC))\n"
                u"json.dump([[{'text': c} if isinstance(c, str) else {'number': c} for c in r] for r in "
                u"rows], "
                u"sys.stdout)\n"_s,
                converted });
        QVERIFY(reader.waitForFinished(60'000));
        QVERIFY2(reader.exitCode() == 0, reader.readAllStandardError().constData());
        const QJsonArray rows = QJsonDocument::fromJson(reader.readAllStandardOutput()).array();
        QCOMPARE(rows.size(), cells.size() + 1);
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const QJsonArray row = rows.at(i + 1).toArray();
            QCOMPARE(row.size(), 2);
            const QJsonObject text = row.at(0).toObject();
            QVERIFY2(text.contains(u"text"_s), qPrintable(cells.at(i))); // not evaluated into a number
            QCOMPARE(text.value(u"text"_s).toString(), CsvWriter::neutralised(cells.at(i)));
            const QJsonObject number = row.at(1).toObject();
            QVERIFY2(number.contains(u"number"_s), qPrintable(numbers.at(i))); // a number, not text
            QCOMPARE(number.value(u"number"_s).toDouble(), numbers.at(i).toDouble());
        }
    }

    void save_fullDisk_saysSoAndLeavesTheDeviceADevice()
    {
        if (!QFileInfo(u"/dev/full"_s).exists())
            QSKIP("this system has no /dev/full");
        CsvWriter csv({ u"h"_s });
        csv.text(u"x"_s).endRow();
        QString error;
        QVERIFY(!csv.save(u"/dev/full"_s, &error));
        QVERIFY2(
            error.contains(u"the disk is full"_s) || error.contains(u"No space left"_s), qPrintable(error));
        QVERIFY(!QFileInfo(u"/dev/full"_s).isFile()); // written in place, never replaced by a regular file
    }

    void save_fifo_isWrittenInPlaceAndStaysAFifo()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(u"pipe"_s);
        QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        // A reader on the other end, as a shell's `export … --out >(…)` would have.
        QProcess reader;
        reader.start(u"cat"_s, { fifo });
        QVERIFY(reader.waitForStarted());
        CsvWriter csv({ u"h"_s });
        csv.text(u"through the pipe"_s).endRow();
        QString error;
        QVERIFY2(csv.save(fifo, &error), qPrintable(error));
        QVERIFY(reader.waitForFinished(30'000));
        QCOMPARE(reader.readAllStandardOutput(), csv.bytes());
        QVERIFY(!QFileInfo(fifo).isFile());
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Files | QDir::System | QDir::Hidden), QStringList { u"pipe"_s });
    }

    void canSaveTo_saysWhyBeforeAnythingIsFetched_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected"); // empty: it can
        QTest::newRow("new file") << u"%1/new.csv"_s << QString();
        QTest::newRow("standard output") << u"-"_s << QString();
        QTest::newRow("missing folder") << u"%1/missing/new.csv"_s << u"does not exist"_s;
        QTest::newRow("a folder") << u"%1"_s << u"it is a folder"_s;
        QTest::newRow("read-only folder") << u"%1/readonly/new.csv"_s << u"is not writable"_s;
    }

    void canSaveTo_saysWhyBeforeAnythingIsFetched()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(u"readonly"_s));
        QVERIFY(QFile::setPermissions(dir.filePath(u"readonly"_s), QFile::ReadOwner | QFile::ExeOwner));
        if (expected.contains(u"not writable"_s) && QFileInfo(dir.filePath(u"readonly"_s)).isWritable())
            QSKIP("running as root: every folder is writable");
        const QString target = path.contains(u"%1"_s) ? path.arg(dir.path()) : path;
        QString error;
        QCOMPARE(FileWriter::canSaveTo(target, &error), expected.isEmpty());
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void usageCsv_header_keepsTheFirstFourColumns()
    {
        QCOMPARE(UsageCsv::header(),
            (QStringList { u"Bucket start"_s, u"Bucket end"_s, u"Licence"_s, u"Total usage"_s, u"Status"_s,
                u"Data through"_s }));
    }

    void usageCsv_everyBucketSaysItsStatus()
    {
        // On 1 December (cut-off 30 November): October and November complete, December not begun.
        const QList<DateBucket> buckets
            = DateBuckets::tile(QDate(2026, 10, 1), QDate(2026, 12, 1), Granularity::Month);
        QCOMPARE(buckets.size(), 3);
        const QList<BillingUsageReport> reports {
            reportOf({ { u"Genesys Cloud CX 3"_s, u"12"_s }, { u"Genesys Cloud CX 1"_s, u"4.50"_s } }),
            reportOf({}), reportOf({})
        };
        const QList<QStringList> rows = usageRows(buckets, reports, Granularity::Month, QDate(2026, 11, 30));
        const QList<QStringList> expected {
            { u"2026-10-01"_s, u"2026-10-31"_s, u"Genesys Cloud CX 1"_s, u"4.5"_s, u"complete"_s,
                u"2026-11-30"_s },
            { u"2026-10-01"_s, u"2026-10-31"_s, u"Genesys Cloud CX 3"_s, u"12"_s, u"complete"_s,
                u"2026-11-30"_s },
            { u"2026-11-01"_s, u"2026-11-30"_s, QString(), QString(), u"no usage"_s, u"2026-11-30"_s },
            { u"2026-12-01"_s, u"2026-12-01"_s, QString(), QString(), u"no data yet"_s, u"2026-11-30"_s },
        };
        QCOMPARE(rows, expected);
    }

    void usageCsv_monthToDate_isPartial()
    {
        const QList<DateBucket> buckets
            = DateBuckets::tile(QDate(2026, 10, 15), QDate(2026, 11, 20), Granularity::Month);
        const QList<BillingUsageReport> reports { reportOf({ { u"Storage GB"_s, u"3.25"_s } }),
            reportOf({ { u"Storage GB"_s, u"3.5"_s } }) };
        const QList<QStringList> rows = usageRows(buckets, reports, Granularity::Month, QDate(2026, 11, 19));
        const QList<QStringList> expected {
            // Clipped at the start of the range but wholly past: complete.
            { u"2026-10-15"_s, u"2026-10-31"_s, u"Storage GB"_s, u"3.25"_s, u"complete"_s, u"2026-11-19"_s },
            { u"2026-11-01"_s, u"2026-11-20"_s, u"Storage GB"_s, u"3.5"_s, u"partial"_s, u"2026-11-19"_s },
        };
        QCOMPARE(rows, expected);
    }

    void usageCsv_partialWithoutUsage_isNoUsage()
    {
        const QList<DateBucket> buckets { { QDate(2026, 11, 16), QDate(2026, 11, 20) } };
        const QList<QStringList> rows
            = usageRows(buckets, { reportOf({}) }, Granularity::Week, QDate(2026, 11, 19));
        QCOMPARE(rows,
            (QList<QStringList> { { u"2026-11-16"_s, u"2026-11-20"_s, QString(), QString(), u"no usage"_s,
                u"2026-11-19"_s } }));
    }

    void usageCsv_usageReportedPastTheCutOff_isNoDataYet()
    {
        // A bucket that starts after the cut-off has no complete day: whatever a report says for it is left
        // out.
        const QList<DateBucket> buckets { { QDate(2026, 11, 20), QDate(2026, 11, 20) } };
        const QList<QStringList> rows = usageRows(buckets,
            { reportOf({ { u"Genesys Cloud CX 3"_s, u"7"_s } }) }, Granularity::Day, QDate(2026, 11, 19));
        QCOMPARE(rows,
            (QList<QStringList> { { u"2026-11-20"_s, u"2026-11-20"_s, QString(), QString(), u"no data yet"_s,
                u"2026-11-19"_s } }));
    }

    void usageCsv_leapDay_completesFebruary()
    {
        const QList<DateBucket> buckets
            = DateBuckets::tile(QDate(2028, 2, 1), QDate(2028, 3, 1), Granularity::Month);
        const QList<BillingUsageReport> reports { reportOf({ { u"Genesys Cloud CX 2"_s, u"9"_s } }),
            reportOf({}) };
        const QList<QStringList> rows = usageRows(buckets, reports, Granularity::Month, QDate(2028, 2, 29));
        const QList<QStringList> expected {
            { u"2028-02-01"_s, u"2028-02-29"_s, u"Genesys Cloud CX 2"_s, u"9"_s, u"complete"_s,
                u"2028-02-29"_s },
            { u"2028-03-01"_s, u"2028-03-01"_s, QString(), QString(), u"no data yet"_s, u"2028-02-29"_s },
        };
        QCOMPARE(rows, expected);
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
