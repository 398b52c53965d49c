#include "domain/decimal.h"

#include <QHash>
#include <QSet>
#include <QTest>
#include <QVariant>

using namespace Qt::StringLiterals;
using bd::Decimal;

namespace {

Decimal dec(const char* text)
{
    const auto d = Decimal::fromString(QString::fromLatin1(text));
    if (!d)
        qFatal("test literal is not a decimal: %s", text);
    return *d;
}

} // namespace

namespace bd {
// Lets QCOMPARE print Decimals on failure.
char* toString(const Decimal& d)
{
    return QTest::toString(d.toString());
}
} // namespace bd

class TestDecimal final : public QObject
{
    Q_OBJECT

private slots:
    void defaultConstructed_isZero()
    {
        const Decimal d;
        QVERIFY(d.isZero());
        QVERIFY(!d.isNegative());
        QCOMPARE(d.toString(), u"0"_s);
    }

    void add_pointOnePlusPointTwo_isExactlyPointThree()
    {
        QCOMPARE(dec("0.1") + dec("0.2"), dec("0.3"));
        QCOMPARE((dec("0.1") + dec("0.2")).toString(), u"0.3"_s);
    }

    void fromString_eighteenSignificantDigits_roundTrips()
    {
        QCOMPARE(dec("123456789012.123456").toString(), u"123456789012.123456"_s);
        QCOMPARE(dec("-99999999999999999999999999999.999999999").toString(),
            u"-99999999999999999999999999999.999999999"_s);
    }

    void multiply_pricePerRequest_isExact()
    {
        QCOMPARE(dec("0.0001") * dec("505992"), dec("50.5992"));
        QCOMPARE((dec("0.0001") * dec("505992")).toString(), u"50.5992"_s);
        QCOMPARE(dec("155.00") * dec("50"), dec("7750"));
        QCOMPARE(dec("-2.5") * dec("4"), dec("-10"));
        QCOMPARE(dec("-2.5") * dec("-4"), dec("10"));
    }

    void multiply_beyondNineDecimals_roundsHalfEven()
    {
        QCOMPARE(dec("0.000000001") * dec("0.5"), dec("0")); // 0.0000000005 → even 0
        QCOMPARE(dec("0.000000003") * dec("0.5"), dec("0.000000002")); // 0.0000000015 → even 2
        QCOMPARE(dec("0.000000001") * dec("0.6"), dec("0.000000001"));
        QCOMPARE(dec("-0.000000003") * dec("0.5"), dec("-0.000000002"));
    }

    void multiply_largeOperands_usesWideIntermediate()
    {
        // 10^14 × 10^14 = 10^28 needs more than 128 bits before rescaling.
        QCOMPARE(dec("100000000000000") * dec("100000000000000"), dec("10000000000000000000000000000"));
    }

    void fromString_valid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("integer") << u"57"_s << u"57"_s;
        QTest::newRow("plus sign") << u"+3"_s << u"3"_s;
        QTest::newRow("negative") << u"-12.5"_s << u"-12.5"_s;
        QTest::newRow("small fraction") << u"0.0001"_s << u"0.0001"_s;
        QTest::newRow("trailing zeros") << u"7750.00"_s << u"7750"_s;
        QTest::newRow("leading zeros") << u"007.10"_s << u"7.1"_s;
        QTest::newRow("negative zero") << u"-0"_s << u"0"_s;
        QTest::newRow("negative zero fraction") << u"-0.000"_s << u"0"_s;
        QTest::newRow("nine decimals") << u"0.000000001"_s << u"0.000000001"_s;
        QTest::newRow("29 integer digits")
            << u"12345678901234567890123456789"_s << u"12345678901234567890123456789"_s;
    }

    void fromString_valid()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const auto d = Decimal::fromString(text);
        QVERIFY(d.has_value());
        QCOMPARE(d->toString(), canonical);
    }

    void fromString_invalid_isRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("exponent") << u"1e3"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("sign only") << u"-"_s;
        QTest::newRow("two points") << u"1.2.3"_s;
        QTest::newRow("leading space") << u" 1"_s;
        QTest::newRow("trailing space") << u"1 "_s;
        QTest::newRow("ten decimals") << u"0.0000000001"_s;
        QTest::newRow("NaN") << u"NaN"_s;
        QTest::newRow("infinity") << u"inf"_s;
        QTest::newRow("thousands separator") << u"1,000"_s;
        QTest::newRow("no integer digit") << u".5"_s;
        QTest::newRow("no fraction digit") << u"5."_s;
        QTest::newRow("double sign") << u"--1"_s;
        QTest::newRow("30 integer digits") << u"123456789012345678901234567890"_s;
        QTest::newRow("arabic-indic digit") << u"\u0661"_s;
    }

    void fromString_invalid_isRejected()
    {
        QFETCH(QString, text);
        QVERIFY(!Decimal::fromString(text).has_value());
    }

    void fromString_fractionTooLong_isRejected()
    {
        QVERIFY(!Decimal::fromString(u"1.0000000000").has_value());
    }

    void fromInt_matchesParsedValue()
    {
        QCOMPARE(Decimal::fromInt(7750), dec("7750.00"));
        QCOMPARE(Decimal::fromInt(-3), dec("-3"));
        QCOMPARE(Decimal::fromInt(std::numeric_limits<qint64>::min()).toString(), u"-9223372036854775808"_s);
    }

    void toString_neverProducesNegativeZero()
    {
        QCOMPARE((dec("1.5") - dec("1.5")).toString(), u"0"_s);
        QCOMPARE((-Decimal()).toString(), u"0"_s);
        QCOMPARE(dec("-0.04").toString(1), u"0.0"_s);
        QCOMPARE(dec("-0.4").toString(0), u"0"_s);
        QCOMPARE(dec("-0.04").rounded(1).toString(), u"0"_s);
    }

    void toStringDecimals_roundsHalfAwayFromZero_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("23.74 to 1") << u"23.74"_s << 1 << u"23.7"_s;
        QTest::newRow("23.75 to 1") << u"23.75"_s << 1 << u"23.8"_s;
        QTest::newRow("-23.75 to 1") << u"-23.75"_s << 1 << u"-23.8"_s;
        QTest::newRow("2.5 to 0") << u"2.5"_s << 0 << u"3"_s;
        QTest::newRow("-2.5 to 0") << u"-2.5"_s << 0 << u"-3"_s;
        QTest::newRow("pads") << u"7750"_s << 2 << u"7750.00"_s;
        QTest::newRow("0.005 to 2") << u"0.005"_s << 2 << u"0.01"_s;
        QTest::newRow("0.0049 to 2") << u"0.0049"_s << 2 << u"0.00"_s;
        QTest::newRow("carry") << u"9.999"_s << 2 << u"10.00"_s;
        QTest::newRow("nine") << u"0.123456789"_s << 9 << u"0.123456789"_s;
        QTest::newRow("beyond scale pads") << u"1.5"_s << 11 << u"1.50000000000"_s;
        QTest::newRow("negative decimals as zero") << u"1.5"_s << -1 << u"2"_s;
    }

    void toStringDecimals_roundsHalfAwayFromZero()
    {
        QFETCH(QString, text);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(Decimal::fromString(text)->toString(decimals), expected);
    }

    void rounded_halfAwayFromZero()
    {
        QCOMPARE(dec("1.25").rounded(1), dec("1.3"));
        QCOMPARE(dec("-1.25").rounded(1), dec("-1.3"));
        QCOMPARE(dec("1.24").rounded(1), dec("1.2"));
        QCOMPARE(dec("0.5").rounded(0), dec("1"));
        QCOMPARE(dec("1.123456789").rounded(9), dec("1.123456789"));
    }

    void comparison_ordersNumerically()
    {
        QVERIFY(dec("-1") < dec("0"));
        QVERIFY(dec("0.0001") < dec("0.001"));
        QVERIFY(dec("10") > dec("9.999999999"));
        QVERIFY(dec("1.50") == dec("1.5"));
        QVERIFY(dec("1.5") != dec("1.51"));
        QVERIFY(dec("-2") < dec("-1.5"));
        QVERIFY((dec("3") <=> dec("3")) == std::strong_ordering::equal);
        QCOMPARE(Decimal::max(dec("2"), dec("-5")), dec("2"));
        QCOMPARE(Decimal::min(dec("2"), dec("-5")), dec("-5"));
    }

    void arithmetic_compoundAssignmentAndAbs()
    {
        Decimal total;
        total += dec("19.99");
        total += dec("0.01");
        total -= dec("5");
        QCOMPARE(total, dec("15"));
        QCOMPARE(dec("-4.2").abs(), dec("4.2"));
        QCOMPARE(-dec("4.2"), dec("-4.2"));
        QVERIFY(dec("-4.2").isNegative());
    }

    void dividedBy_zero_isNullopt() { QVERIFY(!dec("1").dividedBy(Decimal()).has_value()); }

    void dividedBy_roundsToNineDecimals()
    {
        QCOMPARE(*dec("57").dividedBy(dec("50")), dec("1.14"));
        QCOMPARE(*dec("1").dividedBy(dec("3")), dec("0.333333333"));
        QCOMPARE(*dec("2").dividedBy(dec("3")), dec("0.666666667"));
        QCOMPARE(*dec("-1").dividedBy(dec("8")), dec("-0.125"));
        QCOMPARE(*dec("10000000000000000000000000000").dividedBy(dec("0.5")),
            dec("20000000000000000000000000000"));
    }

    void toDouble_isClose()
    {
        QCOMPARE(dec("23.74").toDouble(), 23.74);
        QCOMPARE(dec("-0.5").toDouble(), -0.5);
    }

    void overflow_saturatesInsteadOfWrapping()
    {
        const Decimal big = dec("99999999999999999999999999999");
        const Decimal sum = big + big + big + big;
        QVERIFY(sum > big);
        QVERIFY((-big - big - big - big) < -big);
        QVERIFY((big * big) > big);
    }

    void qHash_equalValues_equalHashes()
    {
        QCOMPARE(qHash(dec("1.50"), 7), qHash(dec("1.5"), 7));
        QSet<Decimal> set { dec("1"), dec("1.0"), dec("2") };
        QCOMPARE(set.size(), 2);
    }

    void qvariant_roundTrips()
    {
        const QVariant v = QVariant::fromValue(dec("0.0001"));
        QCOMPARE(v.value<Decimal>(), dec("0.0001"));
    }
};

QTEST_APPLESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
