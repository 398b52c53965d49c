// Cost estimates of a trustee billing overview: fair-use netting, prepay/overage pricing, per-currency totals
// and the comparison of two periods, all in exact decimals checked against hand-computed values.
#include "domain/currencytotals.h"
#include "domain/overviewestimate.h"
#include "domain/periodcomparison.h"
#include "domain/trusteebillingoverview.h"
#include "domain/utc.h"
#include "i18n/translations.h"
#include "wirefixtures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

namespace bd {
// Lets QCOMPARE print Decimals on failure.
char* toString(const Decimal& d)
{
    return QTest::toString(d.toString());
}
} // namespace bd

namespace {

Decimal dec(const QString& text)
{
    const auto d = Decimal::fromString(text);
    if (!d)
        qFatal("test literal is not a decimal: %s", qPrintable(text));
    return *d;
}

TrusteeBillingOverview example()
{
    auto parsed = TrusteeBillingOverview::fromJson(bd::test::wireFixture(u"trusteebillingoverview.json"_s));
    if (!parsed) {
        qWarning("the example overview does not parse: %s", qPrintable(parsed.error().toString()));
        return {};
    }
    return parsed.take();
}

SubscriptionOverviewUsage line(const QString& name, const QString& part, const QString& grouping,
    const QString& usage, const QString& prepay, std::optional<QString> prepayPrice,
    std::optional<QString> overagePrice)
{
    SubscriptionOverviewUsage u;
    u.name = name;
    u.partNumber = part;
    u.grouping = grouping;
    u.unitOfMeasureType = u"seat"_s;
    u.usageQuantity = dec(usage);
    u.prepayQuantity = dec(prepay);
    if (prepayPrice)
        u.prepayPrice = dec(*prepayPrice);
    if (overagePrice)
        u.overagePrice = dec(*overagePrice);
    return u;
}

const SubscriptionOverviewUsage* find(const TrusteeBillingOverview& o, const QString& grouping)
{
    for (const SubscriptionOverviewUsage& u : o.usages) {
        if (u.grouping == grouping)
            return &u;
    }
    return nullptr;
}

} // namespace

class TestOverviewEstimate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(QCoreApplication::instance()); // the English plural forms, as the dashboard has
        const QString problem = bd::test::wireFixtureProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void billable_usageAndAllowance_isFlooredDifference_data()
    {
        QTest::addColumn<QString>("usage");
        QTest::addColumn<QString>("allowance");
        QTest::addColumn<QString>("expected");
        QTest::newRow("above allowance") << u"505992"_s << u"182000"_s << u"323992"_s;
        QTest::newRow("below allowance floors at 0") << u"1000"_s << u"182000"_s << u"0"_s;
        QTest::newRow("exactly the allowance") << u"182000"_s << u"182000"_s << u"0"_s;
        QTest::newRow("fractional") << u"10.000000001"_s << u"10"_s << u"0.000000001"_s;
        QTest::newRow("no allowance") << u"57"_s << u"0"_s << u"57"_s;
    }
    void billable_usageAndAllowance_isFlooredDifference()
    {
        QFETCH(QString, usage);
        QFETCH(QString, allowance);
        QFETCH(QString, expected);
        QCOMPARE(OverviewEstimate::billable(dec(usage), dec(allowance)), dec(expected));
    }

    void overage_usageAndPrepay_isFlooredDifference_data()
    {
        QTest::addColumn<QString>("billable");
        QTest::addColumn<QString>("prepay");
        QTest::addColumn<QString>("expected");
        QTest::newRow("over prepay") << u"57"_s << u"50"_s << u"7"_s;
        QTest::newRow("under prepay") << u"0"_s << u"2"_s << u"0"_s;
        QTest::newRow("decimal") << u"12.75"_s << u"10.5"_s << u"2.25"_s;
    }
    void overage_usageAndPrepay_isFlooredDifference()
    {
        QFETCH(QString, billable);
        QFETCH(QString, prepay);
        QFETCH(QString, expected);
        QCOMPARE(OverviewEstimate::overage(dec(billable), dec(prepay)), dec(expected));
    }

    // Hand-computed from tests/data/wire/trusteebillingoverview.json:
    //   CX 2:     prepay 60 × 110.00 = 6600; overage (64 − 60) = 4 × 132.00 = 528; total 7128
    //   add-on:   prepay 3 × 24.50 = 73.50; usage 1 is under prepay → overage 0; total 73.50
    //   API:      billable 1250375 − 400000 = 850375; prepay 0 → overage 850375 × 0.00025 = 212.59375
    //   fair-use: the allowance, no cost of its own
    //   period:   6600 + 528 + 73.50 + 212.59375 = 7414.09375 USD
    void estimateAll_exampleOverview_matchesHandComputedValues_data()
    {
        QTest::addColumn<QString>("grouping");
        QTest::addColumn<QString>("billable");
        QTest::addColumn<QString>("overage");
        QTest::addColumn<QString>("prepayCost");
        QTest::addColumn<QString>("overageCost");
        QTest::addColumn<QString>("total");
        QTest::newRow("CX 2 seats") << u"user-license"_s << u"64"_s << u"4"_s << u"6600"_s << u"528"_s
                                    << u"7128"_s;
        QTest::newRow("third-party add-on")
            << u"billable-app-usage-license"_s << u"1"_s << u"0"_s << u"73.50"_s << u"0"_s << u"73.50"_s;
        QTest::newRow("API netted") << u"resource"_s << u"850375"_s << u"850375"_s << u"0"_s << u"212.59375"_s
                                    << u"212.59375"_s;
        QTest::newRow("fair-use allowance")
            << u"fair-use"_s << u"0"_s << u"0"_s << u"0"_s << u"0"_s << u"0"_s;
    }
    void estimateAll_exampleOverview_matchesHandComputedValues()
    {
        QFETCH(QString, grouping);
        const TrusteeBillingOverview overview = example();
        const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(overview);
        QCOMPARE(estimates.size(), overview.usages.size());
        const SubscriptionOverviewUsage* usage = find(overview, grouping);
        QVERIFY(usage);
        const UsageEstimate& e = estimates.at(usage - overview.usages.constData());
        QFETCH(QString, billable);
        QFETCH(QString, overage);
        QFETCH(QString, prepayCost);
        QFETCH(QString, overageCost);
        QFETCH(QString, total);
        QCOMPARE(e.isAllowance, grouping == u"fair-use");
        QCOMPARE(e.billable, dec(billable));
        QCOMPARE(e.overage, dec(overage));
        QCOMPARE(e.prepayCost, dec(prepayCost));
        QCOMPARE(e.overageCost, dec(overageCost));
        QCOMPARE(e.total, dec(total));
    }

    void periodTotal_exampleOverview_isExactSum()
    {
        QCOMPARE(OverviewEstimate::periodTotal(example()), dec(u"7414.09375"_s));
    }

    void allowanceFor_resourceRow_sumsFairUseRowsOfSameName()
    {
        const TrusteeBillingOverview overview = example();
        const SubscriptionOverviewUsage* resource = find(overview, u"resource"_s);
        QVERIFY(resource);
        QCOMPARE(
            OverviewEstimate::allowanceFor(overview, *resource), std::optional<Decimal>(dec(u"400000"_s)));
        const SubscriptionOverviewUsage* seats = find(overview, u"user-license"_s);
        QVERIFY(!OverviewEstimate::allowanceFor(overview, *seats));
    }

    void allowanceFor_fairUseOfOtherName_isNotNetted()
    {
        TrusteeBillingOverview overview;
        overview.usages << line(u"API"_s, u"P-1"_s, u"resource"_s, u"500"_s, u"0"_s, std::nullopt, u"0.01"_s)
                        << line(u"Other API"_s, u"P-2"_s, u"fair-use"_s, u"400"_s, u"0"_s, std::nullopt,
                               std::nullopt);
        const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(overview);
        QVERIFY(!estimates.at(0).allowance);
        QCOMPARE(estimates.at(0).billable, dec(u"500"_s));
        QCOMPARE(estimates.at(0).total, dec(u"5"_s));
    }

    void estimate_noPrices_leavesTheCostUnknown()
    {
        const UsageEstimate e = OverviewEstimate::estimate(
            line(u"Unpriced"_s, u"P"_s, u"user-license"_s, u"12"_s, u"10"_s, std::nullopt, std::nullopt),
            std::nullopt);
        QCOMPARE(e.overage, dec(u"2"_s));
        QVERIFY(e.prepayUnpriced);
        QVERIFY(e.overageUnpriced);
        QVERIFY(!e.isPriced());
    }

    void estimate_noPriceWhereNothingIsOwed_isPriced()
    {
        // No commitment and no overage: a missing price changes nothing.
        const UsageEstimate e = OverviewEstimate::estimate(
            line(u"Idle"_s, u"P"_s, u"user-license"_s, u"0"_s, u"0"_s, std::nullopt, std::nullopt),
            std::nullopt);
        QVERIFY(e.isPriced());
        QCOMPARE(e.total, Decimal());
    }

    void currencyTotals_anUnpricedLine_isCountedAndNamed()
    {
        TrusteeBillingOverview o = example();
        o.usages.append(
            line(u"Unpriced"_s, u"P"_s, u"user-license"_s, u"12"_s, u"10"_s, u"5"_s, std::nullopt));
        CurrencyTotals totals;
        totals.addAll(u"USD"_s, OverviewEstimate::estimateAll(o));
        QCOMPARE(totals.total(u"USD"_s).unpricedLines, 1);
        // The priced part is summed (the example plus 10 × 5 of prepay); the unpriced overage is not a 0.
        QCOMPARE(totals.total(u"USD"_s).total, dec(u"7464.09375"_s));
        QCOMPARE(totals.toText(), u"USD 7464.09 + 1 line with no price"_s);
    }

    void estimateAll_rampPeriod_waivesLicenceOverageOnly()
    {
        TrusteeBillingOverview o;
        o.currency = u"USD"_s;
        o.inRampPeriod = true;
        SubscriptionOverviewUsage messages
            = line(u"SMS"_s, u"M"_s, u"messaging-usage"_s, u"300"_s, u"100"_s, u"0.01"_s, u"0.02"_s);
        messages.unitOfMeasureType = u"message"_s;
        o.usages
            = { line(u"CX"_s, u"S"_s, u"user-license"_s, u"130"_s, u"100"_s, u"100"_s, u"125"_s), messages };
        const QList<UsageEstimate> e = OverviewEstimate::estimateAll(o);
        QVERIFY(e.at(0).overageWaived);
        QCOMPARE(e.at(0).overage, dec(u"30"_s));
        QCOMPARE(e.at(0).overageCost, Decimal());
        QCOMPARE(e.at(0).waivedOverageCost, dec(u"3750"_s));
        QCOMPARE(e.at(0).total, dec(u"10000"_s));
        QVERIFY(!e.at(1).overageWaived); // usage charges are billed in a ramp too
        QCOMPARE(e.at(1).overageCost, dec(u"4"_s));
        o.inRampPeriod = false;
        QCOMPARE(OverviewEstimate::estimateAll(o).at(0).total, dec(u"13750"_s));
    }

    void estimate_tinyPrices_stayExact()
    {
        // 0.1 × 3 in binary floating point is 0.30000000000000004; an exact decimal says 0.3.
        const UsageEstimate e = OverviewEstimate::estimate(
            line(u"Msg"_s, u"P"_s, u"messaging-usage"_s, u"3"_s, u"0"_s, std::nullopt, u"0.1"_s),
            std::nullopt);
        QCOMPARE(e.overageCost.toString(), u"0.3"_s);
    }

    void currencyTotals_twoCurrencies_areNeverSummedTogether()
    {
        const auto usd = OverviewEstimate::estimateAll(example());
        TrusteeBillingOverview eur = example();
        eur.currency = u"EUR"_s;
        CurrencyTotals totals;
        totals.addAll(u"USD"_s, usd);
        totals.addAll(u"EUR"_s, OverviewEstimate::estimateAll(eur));
        QCOMPARE(totals.currencies(), (QStringList { u"EUR"_s, u"USD"_s }));
        QCOMPARE(totals.total(u"USD"_s).total, dec(u"7414.09375"_s));
        QCOMPARE(totals.total(u"EUR"_s).total, dec(u"7414.09375"_s));
        QCOMPARE(totals.total(u"USD"_s).prepayCost, dec(u"6673.50"_s));
        QCOMPARE(totals.total(u"USD"_s).overageCost, dec(u"740.59375"_s));
        QCOMPARE(totals.toText(), u"EUR 7414.09 · USD 7414.09"_s);
        for (const CurrencyTotals::Total& t : totals.totals())
            QVERIFY(t.total != dec(u"14828.1875"_s));
    }

    void compare_chargeAddedAndRemoved_areReported()
    {
        TrusteeBillingOverview before;
        before.subscriptionType = u"PREPAY"_s;
        before.usages << line(u"CX 3"_s, u"CX3"_s, u"user-license"_s, u"50"_s, u"50"_s, u"155"_s, u"185"_s)
                      << line(u"Survey"_s, u"SURV"_s, u"billable-app-concurrent-license"_s, u"8"_s, u"0"_s,
                             std::nullopt, u"12"_s);
        TrusteeBillingOverview after = before;
        after.usages.removeLast();
        after.usages[0].usageQuantity = dec(u"57"_s);
        after.usages << line(
            u"Messaging"_s, u"MSG"_s, u"messaging-usage"_s, u"1200"_s, u"0"_s, std::nullopt, u"0.0025"_s);
        after.contractAmendmentDate = QDateTime(QDate(2026, 3, 1), QTime(0, 0), bd::UtcZone);

        const PeriodComparison c = PeriodComparison::compare(before, after);
        QCOMPARE(c.lines().size(), 3);
        QCOMPARE(c.added().size(), 1);
        QCOMPARE(c.added().first().partNumber, u"MSG"_s);
        QCOMPARE(c.added().first().delta, dec(u"1200"_s));
        QVERIFY(!c.added().first().deltaPercent);
        QCOMPARE(c.removed().size(), 1);
        QCOMPARE(c.removed().first().partNumber, u"SURV"_s);
        QCOMPARE(c.removed().first().delta, dec(u"-8"_s));
        const PeriodComparison::Line& cx3 = c.lines().first();
        QCOMPARE(cx3.change, PeriodComparison::Change::Changed);
        QCOMPARE(cx3.delta, dec(u"7"_s));
        QCOMPARE(*cx3.deltaPercent, dec(u"14"_s));
        QCOMPARE(c.fieldChanges().size(), 1);
        QCOMPARE(c.fieldChanges().first().field, PeriodComparison::ContractField::ContractAmendment);
        QCOMPARE(c.fieldChanges().first().after, u"2026-03-01"_s);
    }

    void compare_unpricedLine_leavesItsCostChangeUnknown()
    {
        TrusteeBillingOverview before;
        before.currency = u"USD"_s;
        before.usages << line(u"CX 3"_s, u"CX3"_s, u"user-license"_s, u"50"_s, u"50"_s, u"155"_s, u"185"_s)
                      << line(u"Bot"_s, u"BOT"_s, u"billable-app-concurrent-license"_s, u"8"_s, u"0"_s,
                             std::nullopt, u"12"_s);
        TrusteeBillingOverview after = before;
        after.usages[0].usageQuantity = dec(u"52"_s);
        after.usages[1].overagePrice.reset(); // 10 bots over, and no price for them
        after.usages[1].usageQuantity = dec(u"10"_s);

        const PeriodComparison c = PeriodComparison::compare(before, after);
        const PeriodComparison::Line& cx3 = c.lines().at(0);
        QVERIFY(!cx3.costUnknown);
        QCOMPARE(*cx3.costDelta, dec(u"370"_s)); // 2 seats over at 185
        const PeriodComparison::Line& bot = c.lines().at(1);
        QVERIFY(bot.costUnknown);
        QVERIFY(!bot.costDelta); // not −96, as a missing price counted as 0 would say
        QCOMPARE(bot.delta, dec(u"2"_s));
        QCOMPARE(c.unpricedBefore(), 0);
        QCOMPARE(c.unpricedAfter(), 1);
        QCOMPARE(c.totalAfter(), dec(u"8120"_s)); // 50 × 155 + 2 × 185, the bots left out
    }

    void compare_minimumMonthlyAmount_isMoneyInItsCurrency()
    {
        TrusteeBillingOverview before;
        before.currency = u"EUR"_s;
        before.minimumMonthlyAmount = dec(u"1500"_s);
        TrusteeBillingOverview after = before;
        after.minimumMonthlyAmount = dec(u"1750.5"_s);
        PeriodComparison c = PeriodComparison::compare(before, after);
        QCOMPARE(c.fieldChanges().size(), 1);
        QCOMPARE(c.fieldChanges().first().field, PeriodComparison::ContractField::MinimumMonthlyAmount);
        QCOMPARE(c.fieldChanges().first().before, u"EUR 1500.00"_s);
        QCOMPARE(c.fieldChanges().first().after, u"EUR 1750.50"_s);

        after.minimumMonthlyAmount = dec(u"1500.000"_s); // the same amount, written otherwise
        QVERIFY(PeriodComparison::compare(before, after).fieldChanges().isEmpty());
        after.minimumMonthlyAmount = dec(u"1500.004"_s); // less than a cent is still a change, shown exactly
        c = PeriodComparison::compare(before, after);
        QCOMPARE(c.fieldChanges().size(), 1);
        QCOMPARE(c.fieldChanges().first().after, u"EUR 1500.004"_s);
        after.minimumMonthlyAmount.reset();
        c = PeriodComparison::compare(before, after);
        QCOMPARE(c.fieldChanges().first().before, u"EUR 1500.00"_s);
        QVERIFY(c.fieldChanges().first().after.isEmpty()); // not known, shown as “—”
    }

    void compare_deltaPercent_isRoundedToTwoDecimals()
    {
        TrusteeBillingOverview before;
        before.usages << line(u"A"_s, u"A"_s, u"g"_s, u"3"_s, u"0"_s, std::nullopt, std::nullopt);
        TrusteeBillingOverview after;
        after.usages << line(u"A"_s, u"A"_s, u"g"_s, u"4"_s, u"0"_s, std::nullopt, std::nullopt);
        const PeriodComparison c = PeriodComparison::compare(before, after);
        QCOMPARE(*c.lines().first().deltaPercent, dec(u"33.33"_s));
    }
};

QTEST_GUILESS_MAIN(TestOverviewEstimate)
#include "tst_overviewestimate.moc"
