// The open-period projections: the growth rule, its band, and the cases with no number.

#include "domain/projection.h"

#include <QTest>

using namespace bd;
using namespace Qt::StringLiterals;

namespace {

Decimal dec(const char* text)
{
    return *Decimal::fromString(QString::fromLatin1(text));
}

RampHistory ramp(int atSameDay, int final)
{
    return { Decimal::fromInt(atSameDay), Decimal::fromInt(final) };
}

} // namespace

class TestProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantile_interpolatesBetweenSortedValues()
    {
        const QList<Decimal> values { dec("3"), dec("1"), dec("2"), dec("5"), dec("4") };
        QCOMPARE(Projections::quantile(values, 0.0), dec("1"));
        QCOMPARE(Projections::quantile(values, 0.5), dec("3"));
        QCOMPARE(Projections::quantile(values, 1.0), dec("5"));
        QCOMPARE(
            Projections::quantile(values, 0.1), dec("1.4")); // 10 % of the way from 1 to 5: 0.4 × (2 − 1)
        QCOMPARE(Projections::quantile(values, 0.9), dec("4.6"));
        QCOMPARE(Projections::quantile({}, 0.5), Decimal());
    }

    // Earlier months grew from 50, 80 and 100 seats by day 10 to 60, 100 and 110 (×1.2, ×1.25, ×1.1).
    void seats_growByEarlierRamps_roundedOutwardAndNeverBelowToDate()
    {
        const QList<RampHistory> history { ramp(50, 60), ramp(80, 100), ramp(100, 110) };
        const Projection p = Projections::seats(Decimal::fromInt(40), history);
        QVERIFY(p.isProjected());
        QCOMPARE(p.method, Projection::Method::SeatRamp);
        QCOMPARE(p.periodsUsed, 3);
        // growth sorted 1.1, 1.2, 1.25: p10 = 1.12, median 1.2, p90 = 1.24
        QCOMPARE(p.low, Decimal::fromInt(45)); // 44.8
        QCOMPARE(p.likely, Decimal::fromInt(48));
        QCOMPARE(p.high, Decimal::fromInt(50)); // 49.6
        QVERIFY(p.low <= p.likely && p.likely <= p.high);
        // A ramp that shrank (people left) still cannot bill fewer seats than were seen.
        const Projection shrinking
            = Projections::seats(Decimal::fromInt(40), { ramp(50, 40), ramp(50, 45), ramp(50, 44) });
        QCOMPARE(shrinking.low, Decimal::fromInt(40));
        QVERIFY(shrinking.likely >= Decimal::fromInt(40));
    }

    void seats_tooLittleHistory_orNothingSeen_giveNoNumber()
    {
        const Projection few = Projections::seats(Decimal::fromInt(10), { ramp(5, 6), ramp(5, 7) });
        QCOMPARE(few.status, Projection::Status::TooLittleHistory);
        QCOMPARE(few.periodsUsed, 2);
        // Earlier periods with no seat by that day teach nothing and are not counted.
        const Projection empty
            = Projections::seats(Decimal::fromInt(10), { ramp(0, 6), ramp(5, 7), ramp(0, 3), ramp(4, 4) });
        QCOMPARE(empty.status, Projection::Status::TooLittleHistory);
        QCOMPARE(empty.periodsUsed, 2);
        QCOMPARE(Projections::seats(Decimal(), { ramp(5, 6), ramp(5, 7), ramp(5, 8) }).status,
            Projection::Status::NothingYet);
    }

    void metered_keepsDecimals_andUsesTheLatestPeriods()
    {
        QList<RampHistory> history;
        for (int i = 0; i < 20; ++i) // the first eight grew ×10, the latest twelve ×2
            history << RampHistory { dec("1.5"), i < 8 ? dec("15") : dec("3") };
        const Projection p = Projections::metered(dec("2.25"), history);
        QVERIFY(p.isProjected());
        QCOMPARE(p.method, Projection::Method::SameDayGrowth);
        QCOMPARE(p.periodsUsed, Projections::MaximumHistory);
        QCOMPARE(p.low, dec("4.5"));
        QCOMPARE(p.likely, dec("4.5"));
        QCOMPARE(p.high, dec("4.5"));
    }
};

QTEST_APPLESS_MAIN(TestProjection)
#include "tst_projection.moc"
