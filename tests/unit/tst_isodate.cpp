#include "domain/isodate.h"
#include "domain/utc.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace IsoDate = bd::IsoDate;

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), bd::UtcZone);
}

} // namespace

class TestIsoDate final : public QObject
{
    Q_OBJECT

private slots:
    void parse_contractForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("Z") << u"2026-10-01T00:00:00Z"_s << utc(2026, 10, 1);
        QTest::newRow("millis Z") << u"2026-10-31T23:59:59.999Z"_s << utc(2026, 10, 31, 23, 59, 59, 999);
        QTest::newRow("+00:00") << u"2026-10-01T00:00:00+00:00"_s << utc(2026, 10, 1);
        QTest::newRow("-00:00") << u"2026-10-01T00:00:00-00:00"_s << utc(2026, 10, 1);
        QTest::newRow("+02:00 converted") << u"2026-10-01T02:30:00+02:00"_s << utc(2026, 10, 1, 0, 30);
        QTest::newRow("-05:30 crosses day") << u"2026-10-31T22:00:00-05:30"_s << utc(2026, 11, 1, 3, 30);
        QTest::newRow("+01:00 crosses year back")
            << u"2026-01-01T00:30:00+01:00"_s << utc(2025, 12, 31, 23, 30);
        QTest::newRow("1-digit fraction") << u"2026-10-01T07:58:12.3Z"_s << utc(2026, 10, 1, 7, 58, 12, 300);
        QTest::newRow("2-digit fraction") << u"2026-10-01T07:58:12.34Z"_s << utc(2026, 10, 1, 7, 58, 12, 340);
        QTest::newRow("6-digit fraction truncated")
            << u"2026-10-01T07:58:12.345678Z"_s << utc(2026, 10, 1, 7, 58, 12, 345);
        QTest::newRow("9-digit fraction truncated")
            << u"2026-10-01T07:58:12.999999999Z"_s << utc(2026, 10, 1, 7, 58, 12, 999);
        QTest::newRow("fraction with offset")
            << u"2026-10-01T07:58:12.5+01:00"_s << utc(2026, 10, 1, 6, 58, 12, 500);
        QTest::newRow("date only") << u"2026-10-01"_s << utc(2026, 10, 1);
        QTest::newRow("leap day") << u"2024-02-29T12:00:00Z"_s << utc(2024, 2, 29, 12);
    }

    void parse_contractForms()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const auto parsed = IsoDate::parse(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
        QCOMPARE(parsed->time().msec(), expected.time().msec());
    }

    void parse_garbage_isRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("words") << u"yesterday"_s;
        QTest::newRow("no zone") << u"2026-10-01T00:00:00"_s;
        QTest::newRow("lower-case z") << u"2026-10-01T00:00:00z"_s;
        QTest::newRow("space separator") << u"2026-10-01 00:00:00Z"_s;
        QTest::newRow("no seconds") << u"2026-10-01T00:00Z"_s;
        QTest::newRow("empty fraction") << u"2026-10-01T00:00:00.Z"_s;
        QTest::newRow("10-digit fraction") << u"2026-10-01T00:00:00.1234567890Z"_s;
        QTest::newRow("bad month") << u"2026-13-01T00:00:00Z"_s;
        QTest::newRow("bad day") << u"2025-02-29T00:00:00Z"_s;
        QTest::newRow("hour 24") << u"2026-10-01T24:00:00Z"_s;
        QTest::newRow("leap second") << u"2026-10-01T23:59:60Z"_s;
        QTest::newRow("offset without colon") << u"2026-10-01T00:00:00+0200"_s;
        QTest::newRow("offset hours only") << u"2026-10-01T00:00:00+02"_s;
        QTest::newRow("trailing text") << u"2026-10-01T00:00:00Zx"_s;
        QTest::newRow("leading space") << u" 2026-10-01T00:00:00Z"_s;
        QTest::newRow("short year") << u"26-10-01"_s;
        QTest::newRow("slashes") << u"2026/10/01"_s;
        QTest::newRow("date then T only") << u"2026-10-01T"_s;
        QTest::newRow("epoch number") << u"1790812800"_s;
    }

    void parse_garbage_isRejected()
    {
        QFETCH(QString, text);
        QVERIFY(!IsoDate::parse(text).has_value());
    }

    void format_dropsZeroMilliseconds()
    {
        QCOMPARE(IsoDate::format(utc(2026, 10, 1)), u"2026-10-01T00:00:00Z"_s);
        QCOMPARE(IsoDate::format(utc(2026, 10, 31, 23, 59, 59, 999)), u"2026-10-31T23:59:59.999Z"_s);
        QCOMPARE(IsoDate::format(utc(2026, 10, 1, 7, 58, 12, 5)), u"2026-10-01T07:58:12.005Z"_s);
    }

    void format_nonUtcInput_isConvertedToUtc()
    {
        const QDateTime plusTwo(QDate(2026, 10, 1), QTime(2, 0), Qt::OffsetFromUTC, 7200);
        QCOMPARE(IsoDate::format(plusTwo), u"2026-10-01T00:00:00Z"_s);
    }

    void format_invalid_isEmpty()
    {
        QVERIFY(IsoDate::format(QDateTime()).isEmpty());
        QVERIFY(IsoDate::formatWithMillis(QDateTime()).isEmpty());
    }

    void formatWithMillis_alwaysHasMilliseconds()
    {
        QCOMPARE(IsoDate::formatWithMillis(utc(2025, 1, 1)), u"2025-01-01T00:00:00.000Z"_s);
        QCOMPARE(IsoDate::formatWithMillis(utc(2025, 1, 31, 23, 59, 59, 999)), u"2025-01-31T23:59:59.999Z"_s);
    }

    void parseThenFormat_roundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("whole second") << u"2026-10-01T00:00:00Z"_s;
        QTest::newRow("millis") << u"2026-10-31T23:59:59.999Z"_s;
        QTest::newRow("resource date") << u"2026-10-01T07:58:12.345Z"_s;
    }

    void parseThenFormat_roundTrips()
    {
        QFETCH(QString, text);
        QCOMPARE(IsoDate::format(*IsoDate::parse(text)), text);
    }
};

QTEST_APPLESS_MAIN(TestIsoDate)
#include "tst_isodate.moc"
