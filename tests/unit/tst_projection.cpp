// The open-period projections: the growth rule, its band, and the cases with no number.

#include "domain/projection.h"
#include "domain/subscriptionoverviewusage.h"
#include "domain/trusteebillingoverview.h"
#include "domain/utc.h"

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

QList<Decimal> finals(std::initializer_list<int> values)
{
    QList<Decimal> list;
    for (int v : values)
        list << Decimal::fromInt(v);
    return list;
}

SubscriptionOverviewUsage seatLine(const QString& part, int soFar, int prepay, const char* overagePrice)
{
    SubscriptionOverviewUsage u;
    u.name = part;
    u.partNumber = part;
    u.grouping = u"user-license"_s;
    u.unitOfMeasureType = u"seat"_s;
    u.usageQuantity = Decimal::fromInt(soFar);
    u.prepayQuantity = Decimal::fromInt(prepay);
    u.overagePrice = dec(overagePrice);
    return u;
}

/// A December 2026 period (31 days) with these lines.
TrusteeBillingOverview december(const QString& currency, const QList<SubscriptionOverviewUsage>& usages)
{
    TrusteeBillingOverview o;
    o.currency = currency;
    o.usages = usages;
    o.billingPeriodStartDate = QDateTime(QDate(2026, 12, 1), QTime(0, 0), UtcZone);
    o.billingPeriodEndDate = QDateTime(QDate(2027, 1, 1), QTime(0, 0), UtcZone).addMSecs(-1);
    o.inRampPeriod = false;
    return o;
}

/// Closed periods (newest first) whose only line `part` ended at these seats.
QList<TrusteeBillingOverview> closedWith(const QString& part, std::initializer_list<int> seats)
{
    QList<TrusteeBillingOverview> list;
    for (int s : seats)
        list << december(u"USD"_s, { seatLine(part, s, 0, "1") });
    return list;
}

QList<const TrusteeBillingOverview*> pointers(const QList<TrusteeBillingOverview>& list)
{
    QList<const TrusteeBillingOverview*> result;
    for (const TrusteeBillingOverview& o : list)
        result << &o;
    return result;
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
        // growth sorted 1.1, 1.2, 1.25: of three earlier periods, the band that holds a fourth 8 times in 10
        // would need ranks 0 and 4, so it is the whole of them (min to max, 2 in 4); median 1.2.
        QCOMPARE(p.low, Decimal::fromInt(44)); // 44
        QCOMPARE(p.likely, Decimal::fromInt(48));
        QCOMPARE(p.high, Decimal::fromInt(50)); // 50
        // Rounded outwards: 41 seen × 1.1 = 45.1 and × 1.25 = 51.25 give 45 – 52.
        const Projection odd = Projections::seats(Decimal::fromInt(41), history);
        QCOMPARE(odd.low, Decimal::fromInt(45));
        QCOMPARE(odd.high, Decimal::fromInt(52));
        // Of eleven earlier periods (growth 1.00 … 1.10), the 1st and 11th smallest hold the next 10 in 12.
        QList<RampHistory> eleven;
        for (int i = 0; i <= 10; ++i)
            eleven << ramp(100, 100 + i);
        const Projection wide = Projections::seats(Decimal::fromInt(100), eleven);
        QCOMPARE(wide.low, Decimal::fromInt(100));
        QCOMPARE(wide.likely, Decimal::fromInt(105));
        QCOMPARE(wide.high, Decimal::fromInt(110));
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

    // Partner periods. Finals newest first 120, 100, 125, 100: ratios 1.2, 0.8, 1.25, sorted 0.8, 1.2, 1.25:
    // p10 = 0.88, median 1.2, p90 = 1.24.
    void line_metered_runRate_bandFromRatiosNarrowedToTheRest()
    {
        const Projection p = Projections::line(
            Decimal::fromInt(100), { 10, 30 }, LineKind::Metered, finals({ 120, 100, 125, 100 }));
        QVERIFY(p.isProjected());
        QCOMPARE(p.method, Projection::Method::RunRate);
        QCOMPARE(p.periodsUsed, 4);
        QCOMPARE(p.likely, Decimal::fromInt(300)); // 100 in 10 of 30 days
        // 300 × (1 + (0.88 − 1.2) × 20/30) = 236; 300 × (1 + (1.24 − 1.2) × 20/30) = 308
        QCOMPARE(p.low, Decimal::fromInt(236));
        QCOMPARE(p.high, Decimal::fromInt(308));
        // At the end of the period the band closes on the usage so far.
        const Projection last = Projections::line(
            Decimal::fromInt(100), { 30, 30 }, LineKind::Metered, finals({ 120, 100, 125, 100 }));
        QCOMPARE(last.low, Decimal::fromInt(100));
        QCOMPARE(last.high, Decimal::fromInt(100));
    }

    void line_metered_neverBelowSoFar_andNeedsACompleteDay()
    {
        // Ratios 10, 0.1, 10, 0.1: a spread so wide the low end would fall below zero.
        const Projection p = Projections::line(
            Decimal::fromInt(100), { 3, 30 }, LineKind::Metered, finals({ 100, 10, 100, 10, 100 }));
        QVERIFY(p.isProjected());
        QCOMPARE(p.low, Decimal::fromInt(100));
        QVERIFY(p.low <= p.likely && p.likely <= p.high);
        QCOMPARE(
            Projections::line(Decimal::fromInt(5), { 0, 30 }, LineKind::Metered, finals({ 1, 1, 1 })).status,
            Projection::Status::NothingYet);
    }

    // Finals 110, 100, 100, 100: ratios 1.1, 1, 1 (median 1, p10 1, p90 1.08); carried forward 110, 100, 100,
    // median 100. One earlier period can be predicted from three before it: too few misses, so the band is
    // the ratios' spread around their median.
    void line_seats_recentFinalsCarriedForward_soFarAFloor()
    {
        const Projection p = Projections::line(
            Decimal::fromInt(95), { 10, 31 }, LineKind::Seat, finals({ 110, 100, 100, 100 }));
        QVERIFY(p.isProjected());
        QCOMPARE(p.method, Projection::Method::SeatFinals);
        QCOMPARE(p.low, Decimal::fromInt(100));
        QCOMPARE(p.likely, Decimal::fromInt(100));
        QCOMPARE(p.high, Decimal::fromInt(108));
        const Projection above = Projections::line(
            Decimal::fromInt(120), { 10, 31 }, LineKind::Seat, finals({ 110, 100, 100, 100 }));
        QCOMPARE(above.low, Decimal::fromInt(120));
        QCOMPARE(above.likely, Decimal::fromInt(120));
        QCOMPARE(above.high, Decimal::fromInt(120));
        // A level (storage) has no such floor.
        const Projection level = Projections::line(
            Decimal::fromInt(120), { 10, 31 }, LineKind::Level, finals({ 110, 100, 100, 100 }));
        QCOMPARE(level.method, Projection::Method::Level);
        QCOMPARE(level.likely, Decimal::fromInt(100));
    }

    void line_seats_bandFromEarlierMisses_onceThereAreEnough()
    {
        // Flat at 100 but for one period at 110: every earlier period is predicted as 100, missing by ×1 or
        // ×1.1.
        const Projection p = Projections::line(
            Decimal(), { 10, 31 }, LineKind::Seat, finals({ 100, 100, 100, 110, 100, 100, 100, 100 }));
        QVERIFY(p.isProjected());
        QCOMPARE(p.likely, Decimal::fromInt(100));
        QVERIFY(p.high > p.likely);
        QCOMPARE(p.low, Decimal::fromInt(100));
    }

    void line_tooLittleHistory_givesNoNumber()
    {
        const Projection p
            = Projections::line(Decimal::fromInt(10), { 10, 31 }, LineKind::Seat, finals({ 10, 11 }));
        QCOMPARE(p.status, Projection::Status::TooLittleHistory);
        QCOMPARE(p.periodsUsed, 2);
        QVERIFY(p.likely.isZero());
        QCOMPARE(Projections::line(Decimal::fromInt(10), { 10, 31 }, LineKind::Metered, {}).status,
            Projection::Status::TooLittleHistory);
    }

    void progress_countsCompleteDaysOfThePeriod()
    {
        const QDateTime start(QDate(2026, 12, 1), QTime(0, 0), UtcZone);
        const QDateTime end = QDateTime(QDate(2027, 1, 1), QTime(0, 0), UtcZone).addMSecs(-1);
        const PeriodProgress p = Projections::progress(start, end, QDate(2026, 12, 10));
        QCOMPARE(p.daysWithData, 10);
        QCOMPARE(p.days, 31);
        QCOMPARE(Projections::progress(start, end, QDate(2026, 11, 30)).daysWithData, 0);
        QCOMPARE(Projections::progress(start, end, QDate(2027, 1, 5)).daysWithData, 31);
    }

    void kindOf_seatsLevelsAndMetered()
    {
        SubscriptionOverviewUsage u = seatLine(u"A"_s, 1, 0, "1");
        QCOMPARE(Projections::kindOf(u), LineKind::Seat);
        u.unitOfMeasureType = u"gigabyte"_s;
        QCOMPARE(Projections::kindOf(u), LineKind::Level);
        u.unitOfMeasureType = u"request"_s;
        QCOMPARE(Projections::kindOf(u), LineKind::Metered);
    }

    void period_exceedsTheCommitment_withOverageInItsCurrency()
    {
        // 104 seats so far against a commitment of 100, finals as above (likely 100): the floor of 104 wins.
        const TrusteeBillingOverview open = december(u"USD"_s, { seatLine(u"CX"_s, 104, 100, "10.5") });
        const QList<TrusteeBillingOverview> closed = closedWith(u"CX"_s, { 110, 100, 100, 100 });
        const QList<LineProjection> lines = Projections::period(open, pointers(closed), QDate(2026, 12, 10));
        QCOMPARE(lines.size(), 1);
        const LineProjection& line = lines.first();
        QVERIFY(line.projection.isProjected());
        QCOMPARE(line.projection.likely, Decimal::fromInt(104));
        QCOMPARE(line.commitment, std::optional(Decimal::fromInt(100)));
        QCOMPARE(line.exceedBy, std::optional(Decimal::fromInt(4)));
        QCOMPARE(line.overageCost, dec("42")); // 4 × 10.5
        QCOMPARE(line.periodEnd, QDate(2026, 12, 31));
        QCOMPARE(line.currency, u"USD"_s);

        // Within the commitment: no excess, no overage.
        const TrusteeBillingOverview roomy = december(u"EUR"_s, { seatLine(u"CX"_s, 90, 150, "7") });
        const LineProjection within
            = Projections::period(roomy, pointers(closed), QDate(2026, 12, 10)).first();
        QVERIFY(within.projection.isProjected());
        QVERIFY(!within.exceedBy);
        QVERIFY(within.overageCost.isZero());

        // Per currency, never summed across them.
        const TrusteeBillingOverview euros = december(u"EUR"_s, { seatLine(u"CX"_s, 103, 100, "2") });
        QList<LineProjection> both = lines;
        both << Projections::period(euros, pointers(closed), QDate(2026, 12, 10));
        const QMap<QString, Decimal> totals = Projections::overageByCurrency(both);
        QCOMPARE(totals.size(), 2);
        QCOMPARE(totals.value(u"USD"_s), dec("42"));
        QCOMPARE(totals.value(u"EUR"_s), dec("6")); // 3 × 2
    }

    void period_rampAndAllowance_areSuppressed_andHistoryStopsAtAGap()
    {
        SubscriptionOverviewUsage fairUse = seatLine(u"API"_s, 400, 0, "0");
        fairUse.grouping = u"fair-use"_s;
        fairUse.overagePrice.reset();
        TrusteeBillingOverview open = december(u"USD"_s, { seatLine(u"CX"_s, 104, 100, "10"), fairUse });
        const QList<TrusteeBillingOverview> closed = closedWith(u"CX"_s, { 110, 100, 100, 100 });
        QList<LineProjection> lines = Projections::period(open, pointers(closed), QDate(2026, 12, 10));
        QCOMPARE(lines.at(1).suppressed, LineProjection::Suppressed::Allowance);
        QCOMPARE(Projections::note(lines.at(1)), u"fair-use allowance"_s);

        open.inRampPeriod = true;
        lines = Projections::period(open, pointers(closed), QDate(2026, 12, 10));
        for (const LineProjection& line : lines) {
            QVERIFY(!line.projection.isProjected());
            QVERIFY(!line.exceedBy);
        }
        QCOMPARE(lines.first().suppressed, LineProjection::Suppressed::Ramp);
        QCOMPARE(Projections::note(lines.first()), u"ramp period"_s);
        QVERIFY(Projections::overageByCurrency(lines).isEmpty());

        // The line is missing from the second closed period: only one final counts.
        open.inRampPeriod = false;
        QList<TrusteeBillingOverview> gap = closed;
        gap[1].usages.first().partNumber = u"OTHER"_s;
        const LineProjection few = Projections::period(open, pointers(gap), QDate(2026, 12, 10)).first();
        QCOMPARE(few.projection.status, Projection::Status::TooLittleHistory);
        QCOMPARE(few.projection.periodsUsed, 1);
        QCOMPARE(Projections::note(few), u"too little history"_s);
    }
};

QTEST_APPLESS_MAIN(TestProjection)
#include "tst_projection.moc"
