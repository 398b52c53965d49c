// Commitment states: the one rule that the portfolio, the usage page and the check share. Each state is
// reached from figures around its edges (the threshold, the commitment itself, no commitment), in exact
// decimals; a period takes its worst line, a ramp overrides its lines, and a projection only raises lines
// that are still under their commitment.
#include "domain/commitmentstate.h"
#include "domain/overviewestimate.h"
#include "domain/projection.h"
#include "domain/trusteebillingoverview.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

Q_DECLARE_METATYPE(bd::CommitmentState)

namespace {

Decimal dec(const char* text)
{
    return *Decimal::fromString(QString::fromLatin1(text));
}

SubscriptionOverviewUsage seatLine(const char* part, const char* usage, const char* prepay)
{
    SubscriptionOverviewUsage u;
    u.name = QString::fromLatin1(part);
    u.partNumber = QString::fromLatin1(part);
    u.grouping = u"user-license"_s;
    u.unitOfMeasureType = u"seat"_s;
    u.usageQuantity = dec(usage);
    u.prepayQuantity = dec(prepay);
    u.prepayPrice = dec("100.00");
    u.overagePrice = dec("125.00");
    return u;
}

} // namespace

class TestCommitmentState final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineState_data()
    {
        QTest::addColumn<QString>("usage");
        QTest::addColumn<QString>("prepay");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<CommitmentState>("expected");
        QTest::newRow("well under") << u"50"_s << u"100"_s << 90 << CommitmentState::Ok;
        QTest::newRow("just under the threshold") << u"89.99"_s << u"100"_s << 90 << CommitmentState::Ok;
        QTest::newRow("at the threshold") << u"90"_s << u"100"_s << 90 << CommitmentState::Warning;
        QTest::newRow("at the commitment") << u"100"_s << u"100"_s << 90 << CommitmentState::Warning;
        QTest::newRow("one over") << u"101"_s << u"100"_s << 90 << CommitmentState::Exceeded;
        QTest::newRow("a fraction over") << u"100.001"_s << u"100"_s << 90 << CommitmentState::Exceeded;
        QTest::newRow("lower threshold") << u"75"_s << u"100"_s << 75 << CommitmentState::Warning;
        QTest::newRow("threshold of 100") << u"99"_s << u"100"_s << 100 << CommitmentState::Ok;
        QTest::newRow("no commitment, usage") << u"3"_s << u"0"_s << 90 << CommitmentState::OnDemand;
        QTest::newRow("no commitment, no usage") << u"0"_s << u"0"_s << 90 << CommitmentState::Ok;
    }
    void lineState()
    {
        QFETCH(QString, usage);
        QFETCH(QString, prepay);
        QFETCH(int, threshold);
        QFETCH(CommitmentState, expected);
        SubscriptionOverviewUsage line = seatLine("P", "0", "0");
        line.usageQuantity = *Decimal::fromString(usage);
        line.prepayQuantity = *Decimal::fromString(prepay);
        QCOMPARE(Commitments::lineState(OverviewEstimate::estimate(line, std::nullopt), threshold), expected);
    }

    void allowanceNetsUsageBeforeTheState()
    {
        // 1,200 requests against a fair-use allowance of 1,000: 200 billable with no commitment.
        TrusteeBillingOverview o;
        SubscriptionOverviewUsage api = seatLine("API", "1200", "0");
        api.grouping = u"resource"_s;
        api.unitOfMeasureType = u"request"_s;
        SubscriptionOverviewUsage allowance = api;
        allowance.grouping = u"fair-use"_s;
        allowance.usageQuantity = dec("1000");
        o.usages = { api, allowance };
        PeriodStanding s = Commitments::period(o, 90);
        QCOMPARE(s.state, CommitmentState::OnDemand);
        QCOMPARE(s.drivers.size(), 1);
        QCOMPARE(s.drivers.first().line, 0);
        o.usages[1].usageQuantity = dec("1200"); // all of it within the allowance
        QCOMPARE(Commitments::period(o, 90).state, CommitmentState::Ok);
    }

    void periodTakesItsWorstLine()
    {
        TrusteeBillingOverview o;
        o.usages = { seatLine("A", "50", "100"), seatLine("B", "95", "100"), seatLine("C", "112", "100"),
            seatLine("D", "130", "100") };
        const PeriodStanding s = Commitments::period(o, 90);
        QCOMPARE(s.state, CommitmentState::Exceeded);
        QCOMPARE(s.drivers.size(), 2);
        QCOMPARE(s.drivers.at(0).line, 2);
        QCOMPARE(s.drivers.at(1).line, 3);
        QCOMPARE(s.drivers.at(0).overage, dec("12"));
        const QList<CommitmentState> lines { CommitmentState::Ok, CommitmentState::Warning,
            CommitmentState::Exceeded, CommitmentState::Exceeded };
        QCOMPARE(s.lines, lines);
        QCOMPARE(*s.drivers.at(0).usedPercent, dec("112"));
        QCOMPARE(s.drivers.at(1).overageCost, dec("3750.00")); // 30 × 125.00
        QCOMPARE(s.overageCost, dec("5250.00")); // (12 + 30) × 125.00
        QCOMPARE(s.total, dec("45250.00")); // 4 × 100 × 100.00 + overage
        // Idle seats: A leaves 50 and B 5 of their 100 unused, at the prepay price.
        QCOMPARE(s.idlePrepayCost, dec("5500.00"));
    }

    void rampOverridesItsLines()
    {
        TrusteeBillingOverview o;
        o.usages = { seatLine("A", "130", "100") };
        o.inRampPeriod = true;
        const PeriodStanding s = Commitments::period(o, 90);
        QCOMPARE(s.state, CommitmentState::Ramp);
        QCOMPARE(s.drivers.size(), 1); // the line that would be over, for the tooltip
        QCOMPARE(s.drivers.first().state, CommitmentState::Exceeded);
        // A licence is billed its commitment in a ramp: the overage is told apart, not charged.
        QVERIFY(s.drivers.first().overageWaived);
        QCOMPARE(s.overageCost, Decimal());
        QCOMPARE(s.drivers.first().waivedOverageCost, dec("3750.00"));
        QCOMPARE(s.total, dec("10000.00"));
    }

    void unpricedLinesAreCountedNotValuedAtZero()
    {
        TrusteeBillingOverview o;
        SubscriptionOverviewUsage unpriced = seatLine("B", "120", "100");
        unpriced.overagePrice.reset();
        o.usages = { seatLine("A", "110", "100"), unpriced };
        const PeriodStanding s = Commitments::period(o, 90);
        QCOMPARE(s.unpricedLines, 1);
        QCOMPARE(s.unpricedOverageLines, 1);
        QCOMPARE(s.overageCost, dec("1250.00")); // A's 10 × 125.00: B's 20 have no price
        QVERIFY(s.drivers.at(1).overageUnpriced);
        QVERIFY(!s.drivers.at(0).overageUnpriced);
    }

    void projectionRaisesOnlyLinesUnderTheirCommitment()
    {
        TrusteeBillingOverview o;
        o.usages = { seatLine("A", "80", "100"), seatLine("B", "120", "100"), seatLine("C", "40", "100") };
        QList<LineProjection> projections(3);
        projections[0].exceedBy = dec("6");
        projections[1].exceedBy = dec("30");
        const PeriodStanding s = Commitments::period(o, 90, projections);
        QCOMPARE(s.state, CommitmentState::Exceeded); // B is over already: the worst
        o.usages[1].usageQuantity = dec("70");
        const PeriodStanding under = Commitments::period(o, 90, projections);
        QCOMPARE(under.state, CommitmentState::ProjectedToExceed);
        QCOMPARE(under.drivers.size(), 2); // A and B are projected over; C is not
        QCOMPARE(*under.drivers.first().projectedExceedBy, dec("6"));
        projections[0].suppressed = LineProjection::Suppressed::Ramp;
        projections[1].suppressed = LineProjection::Suppressed::Ramp;
        QCOMPARE(Commitments::period(o, 90, projections).state, CommitmentState::Ok);
        // A list that does not match the lines is not a projection of this period.
        QCOMPARE(Commitments::period(o, 90, projections.mid(0, 1)).state, CommitmentState::Ok);
    }

    void statesAreOrderedBySeverity()
    {
        QVERIFY(CommitmentState::Ok < CommitmentState::OnDemand);
        QVERIFY(CommitmentState::OnDemand < CommitmentState::Warning);
        QVERIFY(CommitmentState::Warning < CommitmentState::ProjectedToExceed);
        QVERIFY(CommitmentState::ProjectedToExceed < CommitmentState::Exceeded);
        QCOMPARE(Commitments::key(CommitmentState::OnDemand), u"on-demand"_s);
    }
};

QTEST_GUILESS_MAIN(TestCommitmentState)
#include "tst_commitmentstate.moc"
