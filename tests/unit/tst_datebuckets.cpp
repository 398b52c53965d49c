#include "domain/datacutoff.h"
#include "domain/datebucket.h"
#include "domain/datebuckets.h"
#include "domain/granularity.h"
#include "domain/utc.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using bd::DateBucket;
namespace DateBuckets = bd::DateBuckets;
using bd::Coverage;
using bd::Granularity;
using bd::UtcZone;
namespace DataCutoff = bd::DataCutoff;

Q_DECLARE_METATYPE(bd::Granularity)
Q_DECLARE_METATYPE(bd::Coverage)

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

QString describe(const QList<DateBucket>& buckets)
{
    QStringList parts;
    for (const DateBucket& b : buckets)
        parts << b.first.toString(Qt::ISODate) + u".."_s + b.last.toString(Qt::ISODate);
    return parts.join(u' ');
}

} // namespace

class TestDateBuckets final : public QObject
{
    Q_OBJECT

private slots:
    void tile_data()
    {
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<Granularity>("granularity");
        QTest::addColumn<QString>("expected");

        QTest::newRow("day: three days")
            << d(2025, 3, 14) << d(2025, 3, 16) << Granularity::Day
            << u"2025-03-14..2025-03-14 2025-03-15..2025-03-15 2025-03-16..2025-03-16"_s;
        QTest::newRow("day: single day")
            << d(2025, 3, 14) << d(2025, 3, 14) << Granularity::Day << u"2025-03-14..2025-03-14"_s;
        QTest::newRow("day: leap February end")
            << d(2024, 2, 28) << d(2024, 3, 1) << Granularity::Day
            << u"2024-02-28..2024-02-28 2024-02-29..2024-02-29 2024-03-01..2024-03-01"_s;
        // 2025-03-12 is a Wednesday; weeks start on Monday.
        QTest::newRow("week: clipped both ends")
            << d(2025, 3, 12) << d(2025, 3, 25) << Granularity::Week
            << u"2025-03-12..2025-03-16 2025-03-17..2025-03-23 2025-03-24..2025-03-25"_s;
        QTest::newRow("week: aligned") << d(2025, 3, 10) << d(2025, 3, 23) << Granularity::Week
                                       << u"2025-03-10..2025-03-16 2025-03-17..2025-03-23"_s;
        QTest::newRow("week: year boundary")
            << d(2024, 12, 28) << d(2025, 1, 7) << Granularity::Week
            << u"2024-12-28..2024-12-29 2024-12-30..2025-01-05 2025-01-06..2025-01-07"_s;
        QTest::newRow("week: single day")
            << d(2025, 3, 14) << d(2025, 3, 14) << Granularity::Week << u"2025-03-14..2025-03-14"_s;
        QTest::newRow("month: clipped both ends")
            << d(2025, 1, 15) << d(2025, 3, 10) << Granularity::Month
            << u"2025-01-15..2025-01-31 2025-02-01..2025-02-28 2025-03-01..2025-03-10"_s;
        QTest::newRow("month: leap February") << d(2024, 2, 1) << d(2024, 3, 31) << Granularity::Month
                                              << u"2024-02-01..2024-02-29 2024-03-01..2024-03-31"_s;
        QTest::newRow("month: year boundary") << d(2024, 12, 1) << d(2025, 1, 31) << Granularity::Month
                                              << u"2024-12-01..2024-12-31 2025-01-01..2025-01-31"_s;
        QTest::newRow("month: single day")
            << d(2025, 2, 28) << d(2025, 2, 28) << Granularity::Month << u"2025-02-28..2025-02-28"_s;
        QTest::newRow("quarter: clipped both ends")
            << d(2025, 2, 10) << d(2025, 8, 5) << Granularity::Quarter
            << u"2025-02-10..2025-03-31 2025-04-01..2025-06-30 2025-07-01..2025-08-05"_s;
        QTest::newRow("quarter: year boundary") << d(2024, 10, 1) << d(2025, 3, 31) << Granularity::Quarter
                                                << u"2024-10-01..2024-12-31 2025-01-01..2025-03-31"_s;
        QTest::newRow("quarter: leap Q1")
            << d(2024, 1, 1) << d(2024, 3, 31) << Granularity::Quarter << u"2024-01-01..2024-03-31"_s;
        QTest::newRow("inverted range") << d(2025, 3, 16) << d(2025, 3, 14) << Granularity::Day << QString();
        QTest::newRow("invalid first") << QDate() << d(2025, 3, 14) << Granularity::Month << QString();
        QTest::newRow("invalid last") << d(2025, 3, 14) << QDate() << Granularity::Week << QString();
    }

    void tile()
    {
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(Granularity, granularity);
        QFETCH(QString, expected);
        const QList<DateBucket> buckets = DateBuckets::tile(first, last, granularity);
        QCOMPARE(describe(buckets), expected);
        QCOMPARE(DateBuckets::count(first, last, granularity), buckets.size());
    }

    void tile_bucketsAreContiguousAndCoverRange_data()
    {
        QTest::addColumn<Granularity>("granularity");
        QTest::newRow("day") << Granularity::Day;
        QTest::newRow("week") << Granularity::Week;
        QTest::newRow("month") << Granularity::Month;
        QTest::newRow("quarter") << Granularity::Quarter;
    }

    void tile_bucketsAreContiguousAndCoverRange()
    {
        QFETCH(Granularity, granularity);
        const QDate first = d(2023, 11, 17);
        const QDate last = d(2026, 2, 3);
        const auto buckets = DateBuckets::tile(first, last, granularity);
        QVERIFY(!buckets.isEmpty());
        QCOMPARE(buckets.first().first, first);
        QCOMPARE(buckets.last().last, last);
        for (qsizetype i = 0; i < buckets.size(); ++i) {
            QVERIFY(buckets[i].first <= buckets[i].last);
            if (i > 0)
                QCOMPARE(buckets[i - 1].last.addDays(1), buckets[i].first);
        }
        QCOMPARE(DateBuckets::count(first, last, granularity), buckets.size());
    }

    void count_matchesTileSize_overManyRanges()
    {
        const Granularity all[]
            = { Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Quarter };
        const QDate base = d(2024, 12, 20);
        for (int startOffset = 0; startOffset < 40; startOffset += 3) {
            for (int length = 0; length < 400; length += 17) {
                const QDate first = base.addDays(startOffset);
                const QDate last = first.addDays(length);
                for (Granularity g : all)
                    QCOMPARE(DateBuckets::count(first, last, g), DateBuckets::tile(first, last, g).size());
            }
        }
    }

    void startEnd_coverWholeDaysInUtc()
    {
        const DateBucket b { d(2025, 1, 1), d(2025, 1, 31) };
        QCOMPARE(b.start(), QDateTime(d(2025, 1, 1), QTime(0, 0, 0, 0), bd::UtcZone));
        QCOMPARE(b.end(), QDateTime(d(2025, 1, 31), QTime(23, 59, 59, 999), bd::UtcZone));
        QCOMPARE(b.start().timeSpec(), Qt::UTC);
        QCOMPARE(b.end().timeSpec(), Qt::UTC);
        QCOMPARE(b.end().time().msec(), 999);
    }

    void label_data()
    {
        QTest::addColumn<QDate>("first");
        QTest::addColumn<Granularity>("granularity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("day") << d(2025, 3, 14) << Granularity::Day << u"2025-03-14"_s;
        QTest::newRow("week") << d(2025, 3, 10) << Granularity::Week << u"2025-W11"_s;
        QTest::newRow("week of clipped bucket") << d(2025, 3, 14) << Granularity::Week << u"2025-W11"_s;
        QTest::newRow("ISO week belongs to next year")
            << d(2024, 12, 30) << Granularity::Week << u"2025-W01"_s;
        QTest::newRow("ISO week belongs to previous year")
            << d(2021, 1, 1) << Granularity::Week << u"2020-W53"_s;
        QTest::newRow("month") << d(2025, 3, 1) << Granularity::Month << u"Mar 2025"_s;
        QTest::newRow("month December") << d(2024, 12, 15) << Granularity::Month << u"Dec 2024"_s;
        QTest::newRow("quarter 1") << d(2025, 2, 10) << Granularity::Quarter << u"Q1 2025"_s;
        QTest::newRow("quarter 4") << d(2024, 10, 1) << Granularity::Quarter << u"Q4 2024"_s;
    }

    void label()
    {
        QFETCH(QDate, first);
        QFETCH(Granularity, granularity);
        QFETCH(QString, expected);
        const DateBucket b { first, DateBuckets::bucketEnd(first, granularity) };
        QCOMPARE(b.label(granularity), expected);
    }

    void granularityName_roundTrips()
    {
        const QList<Granularity> all
            = { Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Quarter };
        QCOMPARE(bd::allGranularities(), all); // every one, finest first
        for (Granularity g : all)
            QCOMPARE(bd::granularityFromName(bd::granularityName(g)), std::optional<Granularity>(g));
        QCOMPARE(bd::granularityName(Granularity::Quarter), u"quarter"_s);
        QCOMPARE(bd::granularityFromName(u"MONTH"), std::optional<Granularity>(Granularity::Month));
        QCOMPARE(bd::granularityFromName(u"Week"), std::optional<Granularity>(Granularity::Week));
        QVERIFY(!bd::granularityFromName(u"year").has_value());
        QVERIFY(!bd::granularityFromName(u"").has_value());
    }

    // Monthly buckets along a billing cycle: from the cycle day to the day before the next one, with a cycle
    // day past a month's end clamped to that month's last day.
    void tile_billingCycles_data()
    {
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<int>("cycleDay");
        QTest::addColumn<QString>("expected");
        QTest::newRow("23rd, two whole cycles")
            << d(2026, 10, 23) << d(2026, 12, 22) << 23 << u"2026-10-23..2026-11-22 2026-11-23..2026-12-22"_s;
        QTest::newRow("23rd, clipped both ends")
            << d(2026, 11, 1) << d(2026, 12, 1) << 23 << u"2026-11-01..2026-11-22 2026-11-23..2026-12-01"_s;
        QTest::newRow("31st across February") << d(2027, 1, 31) << d(2027, 4, 29) << 31
                                              << u"2027-01-31..2027-02-27 2027-02-28..2027-03-30 "
                                                 u"2027-03-31..2027-04-29"_s;
        QTest::newRow("31st across a leap February")
            << d(2028, 1, 31) << d(2028, 3, 30) << 31 << u"2028-01-31..2028-02-28 2028-02-29..2028-03-30"_s;
        QTest::newRow("30th across February")
            << d(2027, 1, 30) << d(2027, 3, 29) << 30 << u"2027-01-30..2027-02-27 2027-02-28..2027-03-29"_s;
        QTest::newRow("29th in a leap year")
            << d(2028, 1, 29) << d(2028, 3, 28) << 29 << u"2028-01-29..2028-02-28 2028-02-29..2028-03-28"_s;
        QTest::newRow("29th in a common year")
            << d(2027, 1, 29) << d(2027, 3, 28) << 29 << u"2027-01-29..2027-02-27 2027-02-28..2027-03-28"_s;
        QTest::newRow("across a year end")
            << d(2026, 12, 15) << d(2027, 1, 20) << 15 << u"2026-12-15..2027-01-14 2027-01-15..2027-01-20"_s;
        QTest::newRow("day 1 is calendar months")
            << d(2026, 1, 1) << d(2026, 2, 28) << 1 << u"2026-01-01..2026-01-31 2026-02-01..2026-02-28"_s;
    }
    void tile_billingCycles()
    {
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(int, cycleDay);
        QFETCH(QString, expected);
        const QList<DateBucket> buckets = DateBuckets::tile(first, last, Granularity::Month, cycleDay);
        QCOMPARE(describe(buckets), expected);
        QCOMPARE(DateBuckets::count(first, last, Granularity::Month, cycleDay), buckets.size());
    }

    // Over four years of every cycle day, the cycles tile without gap or overlap, each starts on its cycle
    // day (or the month's last day), and count() agrees with tile().
    void tile_billingCycles_tileEveryDayOnce()
    {
        const QDate first(2027, 1, 1), last(2030, 12, 31);
        for (int cycleDay = 1; cycleDay <= 31; ++cycleDay) {
            const QList<DateBucket> buckets = DateBuckets::tile(first, last, Granularity::Month, cycleDay);
            QCOMPARE(DateBuckets::count(first, last, Granularity::Month, cycleDay), buckets.size());
            QCOMPARE(buckets.first().first, first);
            QCOMPARE(buckets.last().last, last);
            for (qsizetype i = 1; i < buckets.size(); ++i) {
                const DateBucket& b = buckets.at(i);
                QCOMPARE(b.first, buckets.at(i - 1).last.addDays(1));
                QCOMPARE(b.first.day(), std::min(cycleDay, b.first.daysInMonth()));
                QCOMPARE(DateBuckets::bucketStart(b.last, Granularity::Month, cycleDay), b.first);
            }
        }
    }

    // The cycle day is learnt back from the starts of the periods it tiled: every day of every month over
    // four years (leap ones included), from two to fourteen consecutive starts.
    void cycleDayOf_periodStarts_givesTheDayThatTiledThem()
    {
        const QDate first(2027, 1, 1), last(2030, 12, 31);
        for (int cycleDay = 1; cycleDay <= 31; ++cycleDay) {
            QList<QDate> starts;
            for (const DateBucket& b : DateBuckets::tile(first, last, Granularity::Month, cycleDay))
                starts << b.first;
            starts.removeFirst(); // clipped to the range: not a cycle start
            for (qsizetype at = 0; at + 14 <= starts.size(); at += 7) {
                const QList<QDate> some = starts.mid(at, 14);
                const std::optional<int> learnt = DateBuckets::cycleDayOf(some);
                QVERIFY(learnt);
                QCOMPARE(*learnt, cycleDay);
            }
        }
    }

    void cycleDayOf_edges()
    {
        using DateBuckets::cycleDayOf;
        QCOMPARE(cycleDayOf({}), std::nullopt);
        QCOMPARE(cycleDayOf({ QDate() }), std::nullopt);
        QCOMPARE(cycleDayOf({ QDate(2026, 11, 23) }), 23);
        // One start on the last day of February says no more than that day.
        QCOMPARE(cycleDayOf({ QDate(2027, 2, 28) }), 28);
        QCOMPARE(cycleDayOf({ QDate(2028, 2, 29) }), 29);
        // With the month before it, a cycle of the 31st shows itself.
        QCOMPARE(cycleDayOf({ QDate(2027, 2, 28), QDate(2027, 1, 31) }), 31);
        QCOMPARE(cycleDayOf({ QDate(2026, 12, 30), QDate(2026, 11, 30) }), 30);
        QCOMPARE(cycleDayOf({ QDate(2026, 11, 30), QDate(2026, 10, 31) }), 31);
        // A cycle that was moved follows no single day.
        QCOMPARE(cycleDayOf({ QDate(2026, 11, 23), QDate(2026, 10, 1) }), std::nullopt);
    }

    // Usage is complete through the end of yesterday, UTC, whatever the hour.
    void dataCutoff_isYesterdayInUtc()
    {
        QCOMPARE(DataCutoff::lastCompleteDay(QDateTime(QDate(2026, 12, 1), QTime(0, 0), UtcZone)),
            QDate(2026, 11, 30));
        QCOMPARE(DataCutoff::lastCompleteDay(QDateTime(QDate(2026, 12, 1), QTime(23, 59, 59), UtcZone)),
            QDate(2026, 11, 30));
        QCOMPARE(DataCutoff::lastCompleteDay(QDate(2028, 3, 1)), QDate(2028, 2, 29));
        QCOMPARE(DataCutoff::lastCompleteDay(QDate(2027, 1, 1)), QDate(2026, 12, 31));
        // 01:30 on 1 December in UTC+2 is still 30 November in UTC: the cut-off is 29 November.
        const QDateTime eastern(QDate(2026, 12, 1), QTime(1, 30), QTimeZone(2 * 3600));
        QCOMPARE(DataCutoff::lastCompleteDay(eastern), QDate(2026, 11, 29));
        QCOMPARE(DataCutoff::horizon(QDateTime(QDate(2026, 12, 1), QTime(12, 0), UtcZone)),
            QDateTime(QDate(2026, 12, 1), QTime(0, 0), UtcZone));
    }

    void coverageOf_bucket_data()
    {
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<Granularity>("granularity");
        QTest::addColumn<QDate>("cutoff");
        QTest::addColumn<Coverage>("coverage");
        const QDate nov30(2026, 11, 30);
        QTest::newRow("November on 1 December")
            << QDate(2026, 11, 1) << nov30 << Granularity::Month << nov30 << Coverage::Complete;
        QTest::newRow("December on 1 December")
            << QDate(2026, 12, 1) << QDate(2026, 12, 1) << Granularity::Month << nov30 << Coverage::NotYet;
        QTest::newRow("month to date") << QDate(2026, 11, 1) << QDate(2026, 11, 19) << Granularity::Month
                                       << QDate(2026, 11, 19) << Coverage::Partial;
        QTest::newRow("month clipped by the range, complete")
            << QDate(2026, 10, 1) << QDate(2026, 10, 15) << Granularity::Month << nov30 << Coverage::Complete;
        QTest::newRow("month reaching past the cut-off")
            << QDate(2026, 11, 1) << nov30 << Granularity::Month << QDate(2026, 11, 19) << Coverage::Partial;
        QTest::newRow("leap February through the 29th")
            << QDate(2028, 2, 1) << QDate(2028, 2, 29) << Granularity::Month << QDate(2028, 2, 29)
            << Coverage::Complete;
        QTest::newRow("leap February through the 28th")
            << QDate(2028, 2, 1) << QDate(2028, 2, 28) << Granularity::Month << QDate(2028, 2, 28)
            << Coverage::Partial;
        QTest::newRow("yesterday") << nov30 << nov30 << Granularity::Day << nov30 << Coverage::Complete;
        QTest::newRow("week to date (Mon 30 Nov)")
            << nov30 << nov30 << Granularity::Week << nov30 << Coverage::Partial;
        QTest::newRow("quarter to date")
            << QDate(2026, 10, 1) << nov30 << Granularity::Quarter << nov30 << Coverage::Partial;
        QTest::newRow("no cut-off known") << QDate(2026, 12, 1) << QDate(2026, 12, 31) << Granularity::Month
                                          << QDate() << Coverage::Complete;
    }
    void coverageOf_bucket()
    {
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(Granularity, granularity);
        QFETCH(QDate, cutoff);
        QFETCH(Coverage, coverage);
        QCOMPARE(bd::coverageOf(DateBucket { first, last }, granularity, cutoff), coverage);
    }

    void coverageOf_billingCycle()
    {
        // The cycle of 23 November runs to 22 December: on 1 December it is a cycle to date.
        const DateBucket cycle { d(2026, 11, 23), d(2026, 11, 30) };
        QCOMPARE(bd::coverageOf(cycle, Granularity::Month, d(2026, 11, 30), 23), Coverage::Partial);
        QCOMPARE(
            bd::coverageOf({ d(2026, 10, 23), d(2026, 11, 22) }, Granularity::Month, d(2026, 11, 30), 23),
            Coverage::Complete);
    }
};

QTEST_APPLESS_MAIN(TestDateBuckets)
#include "tst_datebuckets.moc"
