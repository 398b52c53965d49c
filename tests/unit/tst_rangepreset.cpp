// Range presets relative to a fixed "today".

#include "domain/datebuckets.h"
#include "domain/rangepreset.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

Q_DECLARE_METATYPE(bd::RangePreset)

class TestRangePreset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rangeFor_eachPreset_data()
    {
        QTest::addColumn<RangePreset>("preset");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        const QDate today(2026, 11, 26);
        const QDate cutoff(2026, 11, 25); // usage is complete through yesterday
        QTest::newRow("this month") << RangePreset::ThisMonth << today << QDate(2026, 11, 1) << cutoff;
        QTest::newRow("last month") << RangePreset::LastMonth << today << QDate(2026, 10, 1)
                                    << QDate(2026, 10, 31);
        QTest::newRow("last month in January")
            << RangePreset::LastMonth << QDate(2026, 1, 5) << QDate(2025, 12, 1) << QDate(2025, 12, 31);
        QTest::newRow("last month to a leap February")
            << RangePreset::LastMonth << QDate(2024, 3, 1) << QDate(2024, 2, 1) << QDate(2024, 2, 29);
        QTest::newRow("last 3 months") << RangePreset::Last3Months << today << QDate(2026, 9, 1) << cutoff;
        QTest::newRow("last 6 months") << RangePreset::Last6Months << today << QDate(2026, 6, 1) << cutoff;
        QTest::newRow("last 12 months") << RangePreset::Last12Months << today << QDate(2025, 12, 1) << cutoff;
        QTest::newRow("year to date") << RangePreset::YearToDate << today << QDate(2026, 1, 1) << cutoff;
        QTest::newRow("last year") << RangePreset::LastYear << today << QDate(2025, 1, 1)
                                   << QDate(2025, 12, 31);
        // On the 1st the month that just began has no data: "last N months" end with the month that ended.
        QTest::newRow("last 12 months on the 1st")
            << RangePreset::Last12Months << QDate(2026, 12, 1) << QDate(2025, 12, 1) << QDate(2026, 11, 30);
        QTest::newRow("last 3 months on 1 March of a leap year")
            << RangePreset::Last3Months << QDate(2024, 3, 1) << QDate(2023, 12, 1) << QDate(2024, 2, 29);
        QTest::newRow("last 6 months on New Year's Day")
            << RangePreset::Last6Months << QDate(2027, 1, 1) << QDate(2026, 7, 1) << QDate(2026, 12, 31);
        QTest::newRow("this month on the 2nd")
            << RangePreset::ThisMonth << QDate(2026, 12, 2) << QDate(2026, 12, 1) << QDate(2026, 12, 1);
        QTest::newRow("last month at a month's end")
            << RangePreset::LastMonth << QDate(2026, 10, 31) << QDate(2026, 9, 1) << QDate(2026, 9, 30);
    }

    void rangeFor_eachPreset()
    {
        QFETCH(RangePreset, preset);
        QFETCH(QDate, today);
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        const DateRange range = RangePresets::rangeFor(preset, today);
        QCOMPARE(range.first, first);
        QCOMPARE(range.last, last);
        QVERIFY(range.isValid());
    }

    // The first day of a month or year has no data for it yet: the preset is empty and names what to offer.
    void rangeFor_firstDayOfItsPeriod_isEmptyAndOffersThePreviousOne_data()
    {
        QTest::addColumn<RangePreset>("preset");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<RangePreset>("offered");
        QTest::newRow("this month on 1 December")
            << RangePreset::ThisMonth << QDate(2026, 12, 1) << RangePreset::LastMonth;
        QTest::newRow("this month on 1 March, leap year")
            << RangePreset::ThisMonth << QDate(2028, 3, 1) << RangePreset::LastMonth;
        QTest::newRow("year to date on 1 January")
            << RangePreset::YearToDate << QDate(2027, 1, 1) << RangePreset::LastYear;
    }
    void rangeFor_firstDayOfItsPeriod_isEmptyAndOffersThePreviousOne()
    {
        QFETCH(RangePreset, preset);
        QFETCH(QDate, today);
        QFETCH(RangePreset, offered);
        const DateRange range = RangePresets::rangeFor(preset, today);
        QVERIFY(!range.isValid());
        QCOMPARE(range.last, today.addDays(-1)); // it ends at the cut-off, before it begins
        QCOMPARE(RangePresets::insteadOfEmpty(preset), std::optional<RangePreset>(offered));
        const DateRange instead = RangePresets::rangeFor(offered, today);
        QVERIFY(instead.isValid());
        QCOMPARE(instead.last, today.addDays(-1)); // the period that just ended, whole
    }

    void rangeFor_noPresetReachesPastTheCutoff()
    {
        for (QDate today = QDate(2027, 12, 25); today <= QDate(2028, 3, 2); today = today.addDays(1)) {
            for (RangePreset preset : RangePresets::all()) {
                const DateRange range = RangePresets::rangeFor(preset, today);
                if (range.isValid())
                    QVERIFY2(range.last < today, qPrintable(today.toString(Qt::ISODate)));
            }
        }
    }

    // Cycle presets line up with invoices: cycles of the 23rd, as the demo trustors' periods run.
    void rangeFor_billingCycles_data()
    {
        QTest::addColumn<RangePreset>("preset");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("cycleDay");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        const QDate dec1(2026, 12, 1);
        QTest::newRow("this cycle on 1 December")
            << RangePreset::ThisCycle << dec1 << 23 << QDate(2026, 11, 23) << QDate(2026, 11, 30);
        QTest::newRow("last cycle on 1 December")
            << RangePreset::LastCycle << dec1 << 23 << QDate(2026, 10, 23) << QDate(2026, 11, 22);
        QTest::newRow("last 3 cycles on 1 December")
            << RangePreset::Last3Cycles << dec1 << 23 << QDate(2026, 9, 23) << QDate(2026, 11, 30);
        QTest::newRow("last 12 cycles on 1 December")
            << RangePreset::Last12Cycles << dec1 << 23 << QDate(2025, 12, 23) << QDate(2026, 11, 30);
        QTest::newRow("last cycle on the day after a cycle began")
            << RangePreset::LastCycle << QDate(2026, 11, 24) << 23 << QDate(2026, 10, 23)
            << QDate(2026, 11, 22);
        QTest::newRow("last cycle of the 31st across February")
            << RangePreset::LastCycle << QDate(2027, 3, 5) << 31 << QDate(2027, 1, 31) << QDate(2027, 2, 27);
        QTest::newRow("this cycle of the 31st in a leap February")
            << RangePreset::ThisCycle << QDate(2028, 3, 10) << 31 << QDate(2028, 2, 29) << QDate(2028, 3, 9);
        QTest::newRow("last 3 cycles of the 30th") << RangePreset::Last3Cycles << QDate(2027, 3, 31) << 30
                                                   << QDate(2027, 1, 30) << QDate(2027, 3, 30);
        QTest::newRow("cycle day 1 is calendar months")
            << RangePreset::LastCycle << dec1 << 1 << QDate(2026, 11, 1) << QDate(2026, 11, 30);
    }
    void rangeFor_billingCycles()
    {
        QFETCH(RangePreset, preset);
        QFETCH(QDate, today);
        QFETCH(int, cycleDay);
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QVERIFY(RangePresets::followsCycle(preset));
        const DateRange range = RangePresets::rangeFor(preset, today, cycleDay);
        QCOMPARE(range.first, first);
        QCOMPARE(range.last, last);
        // Whole cycles: the range starts on a cycle start, and its buckets are cycles.
        QCOMPARE(DateBuckets::bucketStart(range.first, Granularity::Month, cycleDay), range.first);
    }

    void thisCycle_onItsFirstDay_isEmptyAndOffersTheLastCycle()
    {
        const DateRange range = RangePresets::rangeFor(RangePreset::ThisCycle, QDate(2026, 11, 23), 23);
        QVERIFY(!range.isValid());
        QCOMPARE(RangePresets::insteadOfEmpty(RangePreset::ThisCycle), std::optional(RangePreset::LastCycle));
        QCOMPARE(RangePresets::rangeFor(RangePreset::LastCycle, QDate(2026, 11, 23), 23),
            (DateRange { QDate(2026, 10, 23), QDate(2026, 11, 22) }));
        QVERIFY(!RangePresets::followsCycle(RangePreset::Last12Months));
    }

    void custom_isNotARange()
    {
        QVERIFY(!RangePresets::rangeFor(RangePreset::Custom, QDate(2026, 1, 1)).isValid());
    }

    void finerThanOneBucket_offersDaysOrWeeks()
    {
        using RangePresets::finerThanOneBucket;
        // A calendar month by month, and a cycle from the 15th: days.
        QCOMPARE(finerThanOneBucket({ QDate(2026, 11, 1), QDate(2026, 11, 30) }, Granularity::Month),
            std::optional(Granularity::Day));
        QCOMPARE(finerThanOneBucket({ QDate(2026, 10, 15), QDate(2026, 11, 14) }, Granularity::Month, 15),
            std::optional(Granularity::Day));
        // The same cycle tiled by calendar months is two buckets already.
        QCOMPARE(finerThanOneBucket({ QDate(2026, 10, 15), QDate(2026, 11, 14) }, Granularity::Month),
            std::nullopt);
        // A quarter of a leap year's start: weeks, not 91 days.
        QCOMPARE(finerThanOneBucket({ QDate(2028, 1, 1), QDate(2028, 3, 31) }, Granularity::Quarter),
            std::optional(Granularity::Week));
        // A week by week: days. Days: nothing finer.
        QCOMPARE(finerThanOneBucket({ QDate(2026, 11, 23), QDate(2026, 11, 29) }, Granularity::Week),
            std::optional(Granularity::Day));
        QCOMPARE(
            finerThanOneBucket({ QDate(2026, 11, 23), QDate(2026, 11, 23) }, Granularity::Day), std::nullopt);
        QCOMPARE(finerThanOneBucket({ QDate(2026, 11, 30), QDate(2026, 11, 1) }, Granularity::Month),
            std::nullopt);
    }

    void keys_roundTrip()
    {
        QSet<QString> keys;
        for (RangePreset preset : RangePresets::all()) {
            QCOMPARE(RangePresets::fromKey(RangePresets::key(preset)), preset);
            QVERIFY(!RangePresets::key(preset).isEmpty());
            keys.insert(RangePresets::key(preset));
        }
        QCOMPARE(keys.size(), RangePresets::all().size()); // one key per preset
        QCOMPARE(RangePresets::all().size(), qsizetype(RangePreset::Custom) + 1); // every preset, once
        QCOMPARE(RangePresets::all().last(), RangePreset::Custom);
        QCOMPARE(RangePresets::fromKey(u"nonsense"_s, RangePreset::ThisMonth), RangePreset::ThisMonth);
    }
};

QTEST_GUILESS_MAIN(TestRangePreset)
#include "tst_rangepreset.moc"
