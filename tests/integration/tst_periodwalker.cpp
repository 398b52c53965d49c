// PeriodWalker and the partner models against billing-sim: a 13-period walk, a history that ends, a disabled
// trust, and the demo data's special cases (charge added/removed, amendment, ramp, twin currencies, fair
// use).
#include "api/orgapi.h"
#include "api/trustorsjob.h"
#include "csv/csvwriter.h"
#include "csv/overviewcsv.h"
#include "csvreader.h"
#include "domain/currencytotals.h"
#include "domain/overviewestimate.h"
#include "domain/periodcomparison.h"
#include "load/periodwalker.h"
#include "models/periodlistmodel.h"
#include "models/periodusagemodel.h"
#include "sim/demodata.h"
#include "simfixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace bd;
using namespace bd::test;

namespace {

/// Walks first..last and collects what arrives into a PeriodListModel.
struct Walk
{
    PeriodListModel periods;
    QList<int> loadedIndexes;
    QList<ApiError> failures;
    QList<int> historyEnds;
    std::optional<int> historyEnd;

    bool run(SimFixture& fixture, const QString& orgId, int first, int last)
    {
        PeriodWalker walker(fixture.session->billing());
        QObject context;
        QObject::connect(&walker, &PeriodWalker::periodLoaded, &context,
            [this](int index, const TrusteeBillingOverview& overview) {
                loadedIndexes << index;
                periods.setPeriod(index, overview);
            });
        QObject::connect(&walker, &PeriodWalker::periodFailed, &context,
            [this](int, const ApiError& error) { failures << error; });
        QObject::connect(
            &walker, &PeriodWalker::historyEnded, &context, [this](int index) { historyEnds << index; });
        QSignalSpy finished(&walker, &PeriodWalker::finished);
        walker.walk(orgId, first, last);
        if (!finished.wait(30'000))
            return false;
        historyEnd = walker.historyEnd();
        return finished.size() == 1 && !walker.isRunning();
    }
};

QMap<int, int> requestsPerIndex(const SimFixture& fixture, const QString& orgId)
{
    QMap<int, int> count;
    const QList<sim::RequestRecord> records = fixture.requests(u"/trusteebillingoverview/"_s + orgId);
    for (const sim::RequestRecord& r : records)
        ++count[r.query.queryItemValue(u"billingPeriodIndex"_s).toInt()];
    return count;
}

} // namespace

class TestPeriodWalker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walk_thirteenPeriods_fetchesEachIndexOnceAndOrdersByDate()
    {
        BD_SIM_FIXTURE(fixture);
        const QString orgId = fixture.trustorNamed(u"Contoso Health"_s);
        QVERIFY(!orgId.isEmpty());
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 0, 12));
        QVERIFY(walk.failures.isEmpty());
        QVERIFY(walk.historyEnds.isEmpty());
        QCOMPARE(walk.loadedIndexes.size(), 13);

        const QMap<int, int> perIndex = requestsPerIndex(fixture, orgId);
        QCOMPARE(perIndex.size(), 13);
        for (int index = 0; index <= 12; ++index)
            QCOMPARE(perIndex.value(index), 1);

        // Newest first, by date; each period starts the millisecond after the older one ends.
        QCOMPARE(walk.periods.rowCount(), 13);
        for (int row = 0; row < 13; ++row) {
            const PeriodListModel::Period* p = walk.periods.period(row);
            QCOMPARE(p->billingPeriodIndex, row);
            QVERIFY(p->overview.billingPeriodStartDate && p->overview.billingPeriodEndDate);
            if (row > 0) {
                const PeriodListModel::Period* newer = walk.periods.period(row - 1);
                QCOMPARE(
                    p->overview.billingPeriodEndDate->addMSecs(1), *newer->overview.billingPeriodStartDate);
            }
        }
        QVERIFY(walk.periods.period(0)->overview.billingPeriodStartDate <= fixedNow());
        QVERIFY(walk.periods.period(0)->overview.billingPeriodEndDate >= fixedNow());
    }

    void walk_historyOfFivePeriods_stopsAtFiveAndSaysSo()
    {
        BD_SIM_FIXTURE(fixture);
        const QString orgId = fixture.trustorNamed(u"Relecloud"_s);
        QCOMPARE(fixture.server->data().historyLength(orgId), 5);
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 0, 11));
        QCOMPARE(walk.historyEnd, std::optional<int>(5));
        QVERIFY(!walk.historyEnds.isEmpty());
        QCOMPARE(walk.historyEnds.last(), 5);
        QVERIFY(walk.failures.isEmpty());
        QCOMPARE(walk.periods.rowCount(), 5);
        // None was asked twice (how many past the end went out depends on which answers came first).
        const QMap<int, int> perIndex = requestsPerIndex(fixture, orgId);
        for (auto it = perIndex.cbegin(); it != perIndex.cend(); ++it)
            QCOMPARE(it.value(), 1);
        // The new customer is in its ramp.
        QVERIFY(walk.periods.period(0)->overview.inRampPeriod.value_or(false));
        QVERIFY(walk.periods.period(0)->overview.rampPeriodStartDate);
    }

    void walk_historyEndKnown_olderIndexesStillQueuedAreNeverSent()
    {
        BD_SIM_FIXTURE(fixture);
        // One request at a time makes the order deterministic: 0..4 load, 5 answers 404, 6..11 are still
        // queued.
        fixture.session->client()->setMaxConcurrent(1);
        const QString orgId = fixture.trustorNamed(u"Relecloud"_s);
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 0, 11));
        QCOMPARE(walk.historyEnd, std::optional<int>(5));
        QCOMPARE(requestsPerIndex(fixture, orgId).keys(), (QList<int> { 0, 1, 2, 3, 4, 5 }));
    }

    void walk_disabledTrust_failsOnceWithForbidden()
    {
        BD_SIM_FIXTURE(fixture);
        const QString orgId = fixture.trustorNamed(u"Litware Energy"_s);
        QVERIFY(!fixture.server->data().isTrustEnabled(orgId));
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 0, 11));
        QCOMPARE(walk.failures.size(), 1);
        QCOMPARE(walk.failures.first().httpStatus(), 403);
        QCOMPARE(walk.failures.first().code(), u"not.authorized"_s);
        QCOMPARE(walk.periods.rowCount(), 0);
    }

    void trustors_everyPage_listsTheDisabledTrust()
    {
        BD_SIM_FIXTURE(fixture);
        TrustorsJob* job = fixture.session->orgs()->fetchTrustors(10); // three pages of 10
        QSignalSpy ready(job, &TrustorsJob::trustorsReady);
        QVERIFY(ready.wait(10'000));
        const auto trustors = ready.first().first().value<QList<Trustor>>();
        QCOMPARE(trustors.size(), 25);
        const auto disabled
            = std::count_if(trustors.cbegin(), trustors.cend(), [](const Trustor& t) { return !t.enabled; });
        QCOMPARE(disabled, 1);
    }

    void compare_woodgroveBetweenPeriodsSixAndFive_findsAddedAndRemovedCharge()
    {
        BD_SIM_FIXTURE(fixture);
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 0, 12));
        const PeriodListModel::Period* older = walk.periods.period(walk.periods.rowOfIndex(6));
        const PeriodListModel::Period* newer = walk.periods.period(walk.periods.rowOfIndex(5));
        QVERIFY(older && newer);
        const PeriodComparison c = PeriodComparison::compare(older->overview, newer->overview);
        QCOMPARE(c.added().size(), 1);
        QCOMPARE(c.added().first().partNumber, u"PC-170-NV-MSGUSE"_s);
        QCOMPARE(c.removed().size(), 1);
        QCOMPARE(c.removed().first().partNumber, u"PC-170-NV-APFSURV"_s);
        QVERIFY(std::any_of(
            c.fieldChanges().cbegin(), c.fieldChanges().cend(), [](const PeriodComparison::FieldChange& f) {
                return f.field == PeriodComparison::ContractField::EnabledProducts;
            }));
        // Between two other neighbours nothing appears or disappears.
        const PeriodComparison quiet
            = PeriodComparison::compare(walk.periods.period(walk.periods.rowOfIndex(4))->overview,
                walk.periods.period(walk.periods.rowOfIndex(3))->overview);
        QVERIFY(quiet.added().isEmpty() && quiet.removed().isEmpty());
    }

    void compare_adatumAroundItsAmendment_reportsTheContractChange()
    {
        BD_SIM_FIXTURE(fixture);
        const QString orgId = fixture.trustorNamed(u"Adatum Telecom"_s);
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 11, 13));
        QCOMPARE(walk.periods.rowCount(), 3);
        const PeriodComparison c
            = PeriodComparison::compare(walk.periods.period(walk.periods.rowOfIndex(13))->overview,
                walk.periods.period(walk.periods.rowOfIndex(12))->overview);
        const auto amendment = std::find_if(
            c.fieldChanges().cbegin(), c.fieldChanges().cend(), [](const PeriodComparison::FieldChange& f) {
                return f.field == PeriodComparison::ContractField::ContractAmendment;
            });
        QVERIFY(amendment != c.fieldChanges().cend());
        QVERIFY(amendment->before.isEmpty());
        QCOMPARE(amendment->after,
            walk.periods.period(walk.periods.rowOfIndex(12))
                ->overview.billingPeriodStartDate->date()
                .toString(Qt::ISODate));
    }

    void totals_twinOrgsInTwoCurrencies_shareParts_neverMixCurrencies()
    {
        BD_SIM_FIXTURE(fixture);
        const QString usdId = fixture.trustorNamed(u"Contoso Health"_s);
        const QString eurId = fixture.trustorNamed(u"Contoso Health Europe"_s);
        Walk usd;
        Walk eur;
        QVERIFY(usd.run(fixture, usdId, 1, 1));
        QVERIFY(eur.run(fixture, eurId, 1, 1));
        const TrusteeBillingOverview& a = usd.periods.period(0)->overview;
        const TrusteeBillingOverview& b = eur.periods.period(0)->overview;
        QCOMPARE(a.currency, u"USD"_s);
        QCOMPARE(b.currency, u"EUR"_s);
        QStringList partsA;
        QStringList partsB;
        for (const auto& u : a.usages)
            partsA << u.partNumber;
        for (const auto& u : b.usages)
            partsB << u.partNumber;
        QCOMPARE(partsA, partsB);

        CurrencyTotals totals;
        totals.addAll(a.currency, OverviewEstimate::estimateAll(a));
        totals.addAll(b.currency, OverviewEstimate::estimateAll(b));
        QCOMPARE(totals.currencies(), (QStringList { u"EUR"_s, u"USD"_s }));
        QCOMPARE(totals.total(u"USD"_s).total, OverviewEstimate::periodTotal(a));
        QCOMPARE(totals.total(u"EUR"_s).total, OverviewEstimate::periodTotal(b));
        PeriodUsageModel model;
        model.setOverview(b);
        QCOMPARE(model.totals().currencies(), QStringList { u"EUR"_s });
    }

    void estimate_demoFairUseRows_areNettedAgainstTheirResourceRow()
    {
        BD_SIM_FIXTURE(fixture);
        const QString orgId = fixture.trustorNamed(u"Contoso Health"_s);
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 1, 4));
        int netted = 0;
        int belowAllowance = 0;
        for (const PeriodListModel::Period& p : walk.periods.periods()) {
            const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(p.overview);
            for (qsizetype i = 0; i < estimates.size(); ++i) {
                const SubscriptionOverviewUsage& u = p.overview.usages.at(i);
                if (u.grouping != u"resource")
                    continue;
                const UsageEstimate& e = estimates.at(i);
                QVERIFY(e.allowance);
                ++netted;
                // Recomputed by hand from the wire strings.
                const Decimal expected = Decimal::max(u.usageQuantity - *e.allowance, Decimal());
                QCOMPARE(e.billable.toString(), expected.toString());
                QCOMPARE(
                    e.overageCost.toString(), (e.overage * u.overagePrice.value_or(Decimal())).toString());
                if (e.billable.isZero())
                    ++belowAllowance;
            }
        }
        QCOMPARE(netted, 4);
        Q_UNUSED(belowAllowance)
    }

    void overviewCsv_walkedPeriods_readBackInLongFormat()
    {
        BD_SIM_FIXTURE(fixture);
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        Walk walk;
        QVERIFY(walk.run(fixture, orgId, 0, 3));
        QList<IndexedOverview> periods;
        int lines = 0;
        for (const PeriodListModel::Period& p : walk.periods.periods()) {
            periods << IndexedOverview { p.billingPeriodIndex, &p.overview };
            lines += int(p.overview.usages.size());
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"all.csv"_s);
        QString error;
        QVERIFY2(OverviewCsv::build(periods).save(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(file.readAll());
        QCOMPARE(rows.size(), lines + 1);
        QCOMPARE(rows.first(), OverviewCsv::header());
        QCOMPARE(rows.at(1).at(0), u"0"_s);
        QCOMPARE(rows.last().at(0), u"3"_s);
        QCOMPARE(rows.at(1).at(5), u"GBP"_s);
    }
};

QTEST_GUILESS_MAIN(TestPeriodWalker)
#include "tst_periodwalker.moc"
