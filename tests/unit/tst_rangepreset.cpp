// Range presets relative to a fixed "today".

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
        QTest::newRow("this month") << RangePreset::ThisMonth << today << QDate(2026, 11, 1) << today;
        QTest::newRow("last month") << RangePreset::LastMonth << today << QDate(2026, 10, 1)
                                    << QDate(2026, 10, 31);
        QTest::newRow("last month in January")
            << RangePreset::LastMonth << QDate(2026, 1, 5) << QDate(2025, 12, 1) << QDate(2025, 12, 31);
        QTest::newRow("last month to a leap February")
            << RangePreset::LastMonth << QDate(2024, 3, 1) << QDate(2024, 2, 1) << QDate(2024, 2, 29);
        QTest::newRow("last 3 months") << RangePreset::Last3Months << today << QDate(2026, 9, 1) << today;
        QTest::newRow("last 6 months") << RangePreset::Last6Months << today << QDate(2026, 6, 1) << today;
        QTest::newRow("last 12 months") << RangePreset::Last12Months << today << QDate(2025, 12, 1) << today;
        QTest::newRow("year to date") << RangePreset::YearToDate << today << QDate(2026, 1, 1) << today;
        QTest::newRow("last year") << RangePreset::LastYear << today << QDate(2025, 1, 1)
                                   << QDate(2025, 12, 31);
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

    void custom_isNotARange()
    {
        QVERIFY(!RangePresets::rangeFor(RangePreset::Custom, QDate(2026, 1, 1)).isValid());
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
