// The partner portfolio, swept against billing-sim over loopback: every customer × period, active periods
// before any history, a disabled trust never asked, a refusal or a broken answer marking only its own cells,
// a short history ending its row, and a second sweep with the local store asking only for active periods.
// Cell states are checked against the sim's own figures read straight from its JSON with the plain rule
// (usage above prepay, a ramp), not through the code under test.
#include "domain/commitmentstate.h"
#include "domain/datebuckets.h"
#include "domain/decimal.h"
#include "domain/overviewestimate.h"
#include "domain/utc.h"
#include "load/portfoliosweep.h"
#include "models/portfoliomodel.h"
#include "simfixture.h"
#include "store/partnerview.h"
#include "store/reportstore.h"
#include "wirefixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

const QString OverviewPath = u"/api/v2/billing/trusteebillingoverview/"_s;

using Cell = PortfolioModel::CellStatus;

bool sweep(PortfolioSweep& s, int closed)
{
    QSignalSpy finished(&s, &PortfolioSweep::finished);
    s.start(closed);
    return finished.wait(60'000) && !s.isRunning();
}

/// The state the sim's figures call for, by the plain rule: a ramp; else a committed line used above its
/// prepay; else usage with no commitment (after the fair-use allowance of the same name).
CommitmentState expectedState(const QJsonObject& overview)
{
    if (overview.value(u"inRampPeriod"_s).toBool())
        return CommitmentState::Ramp;
    const QJsonArray usages = overview.value(u"usages"_s).toArray();
    QHash<QString, Decimal> allowance;
    for (const QJsonValue& v : usages) {
        const QJsonObject u = v.toObject();
        if (u.value(u"grouping"_s).toString() == u"fair-use")
            allowance[u.value(u"name"_s).toString()]
                += *Decimal::fromString(u.value(u"usageQuantity"_s).toString());
    }
    bool exceeded = false, onDemand = false;
    for (const QJsonValue& v : usages) {
        const QJsonObject u = v.toObject();
        if (u.value(u"grouping"_s).toString() == u"fair-use")
            continue;
        const Decimal usage = *Decimal::fromString(u.value(u"usageQuantity"_s).toString())
            - allowance.value(u.value(u"name"_s).toString());
        const Decimal prepay = *Decimal::fromString(u.value(u"prepayQuantity"_s).toString());
        if (prepay.isZero())
            onDemand = onDemand || usage > Decimal();
        else
            exceeded = exceeded || usage > prepay;
    }
    return exceeded ? CommitmentState::Exceeded : onDemand ? CommitmentState::OnDemand : CommitmentState::Ok;
}

} // namespace

class TestPortfolioSweep final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sweep_fillsEveryCustomerAndPeriod_activePeriodsFirst()
    {
        BD_SIM_FIXTURE(fixture);
        // One request on the wire at a time, so that the order the sim sees is the order they were sent.
        fixture.session->client()->setMaxConcurrent(1);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        s.setClock([] { return bd::test::fixedNow(); });
        QVERIFY(sweep(s, 3));
        const sim::DemoData& data = fixture.server->data();
        const QStringList ids = data.trustorIds();
        const PortfolioModel* model = s.model();
        QCOMPARE(model->rowCount(), ids.size());
        QCOMPARE(model->periodCount(), 4);

        // Every active period was asked for before any closed one.
        const QList<sim::RequestRecord> asked = fixture.requests(OverviewPath);
        const int enabled = int(std::count_if(
            ids.cbegin(), ids.cend(), [&](const QString& id) { return data.isTrustEnabled(id); }));
        QCOMPARE(asked.size(), enabled * 4);
        for (int i = 0; i < enabled; ++i)
            QCOMPARE(asked.at(i).query.queryItemValue(u"billingPeriodIndex"_s), u"0"_s);

        int exceeded = 0, ramp = 0, onDemand = 0;
        for (const QString& id : ids) {
            const PortfolioModel::Customer* c = model->customer(id);
            QVERIFY(c);
            if (!data.isTrustEnabled(id)) {
                // Listed as disabled: refused without a request.
                QVERIFY(fixture.requests(OverviewPath + id).isEmpty());
                QVERIFY(!c->refusal.isEmpty());
                QCOMPARE(c->cells.first().status, Cell::Refused);
                continue;
            }
            for (int index = 0; index < 4; ++index) {
                const PortfolioModel::Cell& cell = c->cells.at(index);
                QCOMPARE(cell.status, Cell::Loaded);
                const QJsonObject raw = *data.trusteeOverview(id, index);
                const CommitmentState expected = expectedState(raw);
                const CommitmentState state = cell.standing.state;
                // The plain rule sees no thresholds, and only the active period is projected: a line near
                // its commitment or projected past it may outrank an on-demand line or an ok period.
                if (expected == CommitmentState::Ok || expected == CommitmentState::OnDemand) {
                    const bool projected = index == 0 && state == CommitmentState::ProjectedToExceed;
                    QVERIFY2(state == expected || state == CommitmentState::Warning || projected,
                        qPrintable(
                            u"%1 period %2: %3"_s.arg(c->name).arg(index).arg(Commitments::key(state))));
                } else {
                    QCOMPARE(state, expected);
                }
                exceeded += state == CommitmentState::Exceeded ? 1 : 0;
                ramp += state == CommitmentState::Ramp ? 1 : 0;
                onDemand += state == CommitmentState::OnDemand ? 1 : 0;
                QCOMPARE(cell.standing.total,
                    OverviewEstimate::periodTotal(TrusteeBillingOverview::fromJson(raw).take()));
            }
        }
        // The demo portfolio has each kind.
        QVERIFY(exceeded > 0);
        QVERIFY(ramp > 0);
        QVERIFY(onDemand > 0);
        const PortfolioSweep::Progress p = s.progress();
        QCOMPARE(p.total, int(ids.size()) * 4);
        QCOMPARE(p.done, p.total);
        QCOMPARE(p.refused, 1);
        QCOMPARE(p.failed, 0);
        QCOMPARE(s.fetched(), enabled * 4);
    }

    void sweep_shortHistory_endsItsRowWhereItsHistoryEnds()
    {
        BD_SIM_FIXTURE(fixture);
        // 325 periods: more than the client's own limit allows in a minute, which is not what this is about.
        fixture.session->client()->setRateLimit(0);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        // Twelve closed periods: the requests past the end of the short history are cancelled, and the sweep
        // still ends.
        QVERIFY(sweep(s, 12));
        const QString id = fixture.trustorNamed(u"Relecloud"_s);
        QCOMPARE(fixture.server->data().historyLength(id), 5);
        const PortfolioModel::Customer* c = s.model()->customer(id);
        QCOMPARE(c->historyEnd, std::optional<int>(5));
        for (int index = 0; index < 13; ++index)
            QCOMPARE(c->cells.at(index).status, index < 5 ? Cell::Loaded : Cell::NoPeriod);
        QCOMPARE(s.progress().done, s.progress().total);
    }

    void sweep_refusalAndBrokenAnswer_markOnlyTheirOwnCells()
    {
        BD_SIM_FIXTURE(fixture);
        const QString refused = fixture.trustorNamed(u"Coho Winery"_s);
        const QString broken = fixture.trustorNamed(u"Trey Research"_s);
        fixture.server->injectAnswer(403, "application/json"_ba, bd::test::wireFixture(u"error-403.json"_s),
            1, OverviewPath + refused);
        // Period 2 of one customer is answered with another org's billing.
        const QJsonObject other = *fixture.server->data().trusteeOverview(refused, 2);
        fixture.server->injectAnswer(200, "application/json"_ba, QJsonDocument(other).toJson(), 1,
            broken + u"?billingPeriodIndex=2"_s);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        QVERIFY(sweep(s, 3));
        const PortfolioModel* model = s.model();
        const PortfolioModel::Customer* r = model->customer(refused);
        QVERIFY(r->refusal.contains(u"permission"_s));
        for (const PortfolioModel::Cell& cell : r->cells)
            QCOMPARE(cell.status, Cell::Refused);
        QCOMPARE(fixture.requests(OverviewPath + refused).size(), 1); // the history is not asked for
        const PortfolioModel::Customer* b = model->customer(broken);
        QCOMPARE(b->cells.at(2).status, Cell::Failed);
        QVERIFY(!b->cells.at(2).error.isEmpty());
        for (int index : { 0, 1, 3 })
            QCOMPARE(b->cells.at(index).status, Cell::Loaded);
        QVERIFY(model->accepts(model->rowOf(broken), PortfolioModel::Filter::Unreadable));
        const PortfolioSweep::Progress p = s.progress();
        QCOMPARE(p.refused, 2); // the disabled trust and the 403
        QCOMPARE(p.failed, 1);
        QCOMPARE(p.done, p.total);
        QVERIFY(PortfolioSweep::progressText(p).contains(u"2 refused · 1 failed"_s));
    }

    void sweep_activePeriodFailedOnItsOwn_stillReadsTheHistory_unknownOrgReadsNothing()
    {
        BD_SIM_FIXTURE(fixture);
        const QString flaky = fixture.trustorNamed(u"Proseware Bank"_s);
        const QString unknown = fixture.trustorNamed(u"Wingtip Toys"_s);
        const QByteArray badRequest
            = R"({"message":"Bad request","code":"bad.request","status":400,"contextId":"c1","details":[],"errors":[]})"_ba;
        fixture.server->injectAnswer(
            400, "application/json"_ba, badRequest, 1, flaky + u"?billingPeriodIndex=0"_s);
        fixture.server->injectAnswer(404, "application/json"_ba, bd::test::wireFixture(u"error-404.json"_s),
            1, unknown + u"?billingPeriodIndex=0"_s);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        QVERIFY(sweep(s, 3));
        const PortfolioModel::Customer* f = s.model()->customer(flaky);
        QCOMPARE(f->cells.at(0).status, Cell::Failed);
        for (int index = 1; index <= 3; ++index)
            QCOMPARE(f->cells.at(index).status, Cell::Loaded); // the closed periods are read all the same
        const PortfolioModel::Customer* u = s.model()->customer(unknown);
        for (const PortfolioModel::Cell& cell : u->cells)
            QCOMPARE(cell.status, Cell::Failed); // no period of an org Genesys does not know
        QCOMPARE(fixture.requests(OverviewPath + unknown).size(), 1);
        QCOMPARE(s.progress().done, s.progress().total);
    }

    void sweep_saysWhenTheActiveColumnIsWhole_andTellsTheMonthsOnceAtTheEnd()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.session->client()->setRateLimit(0);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        s.setClock([] { return bd::test::fixedNow(); });
        const PortfolioModel* model = s.model();
        QSignalSpy headers(model, &QAbstractItemModel::headerDataChanged);
        int pendingWhenSettled = -1, historyWhenSettled = -1;
        connect(&s, &PortfolioSweep::activeSettled, this, [&] {
            pendingWhenSettled = historyWhenSettled = 0;
            for (const PortfolioModel::Customer& c : model->customers()) {
                pendingWhenSettled += c.cells.first().status == Cell::Pending ? 1 : 0;
                historyWhenSettled += c.cells.at(3).status == Cell::Loaded ? 1 : 0;
            }
        });
        QSignalSpy settled(&s, &PortfolioSweep::activeSettled);
        QVERIFY(!s.isRunning() && s.isActiveSettled());
        QVERIFY(sweep(s, 3));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(pendingWhenSettled, 0); // every active period was in
        QVERIFY(historyWhenSettled < int(model->customers().size()) - 1); // and the history still coming
        // The closed columns' months were told once, together, when the sweep ended.
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers.first().at(1).toInt(), PortfolioModel::FirstPeriodColumn + 1);
        QCOMPARE(headers.first().at(2).toInt(), PortfolioModel::FirstPeriodColumn + 3);
        QVERIFY(
            model->headerData(PortfolioModel::FirstPeriodColumn + 1, Qt::Horizontal).toString() != u"1 back");
    }

    void sweepAgain_keepsTheCellsShownUntilTheirNewCopiesArrive()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.session->client()->setRateLimit(0);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        s.setClock([] { return bd::test::fixedNow(); });
        QVERIFY(sweep(s, 3));
        const PortfolioModel* model = s.model();
        const QString id = fixture.trustorNamed(u"Woodgrove Financial"_s);
        const Decimal total = model->customer(id)->cells.at(2).standing.total;
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy headers(model, &QAbstractItemModel::headerDataChanged);
        std::optional<Cell> whenListed;
        connect(&s, &PortfolioSweep::customersListed, this,
            [&] { whenListed = model->customer(id)->cells.at(2).status; });
        QVERIFY(sweep(s, 3));
        QCOMPARE(whenListed, std::optional(Cell::Loaded)); // not blanked while the sweep runs again
        QCOMPARE(reset.size(), 0);
        QCOMPARE(headers.size(), 0); // the same months: nothing to tell
        QCOMPARE(model->customer(id)->cells.at(2).standing.total, total);
        // Another number of periods is another matrix: it starts over.
        QVERIFY(sweep(s, 2));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model->periodCount(), 3);
    }

    void sweep_partnerWithNoCustomers_endsAtOnce()
    {
        sim::SimOptions options;
        options.trustorCount = 0;
        BD_SIM_FIXTURE(fixture, options);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        QVERIFY(sweep(s, 3));
        QCOMPARE(s.model()->rowCount(), 0);
        QCOMPARE(s.progress().total, 0);
    }

    void secondSweep_withTheStore_asksOnlyForActivePeriods()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        QString error;
        auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error));
        const StoreScope scope { u"demo"_s, fixture.server->data().orgId() };
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        s.setStore(store.get(), scope);
        s.setClock([] { return bd::test::fixedNow(); });
        QVERIFY(sweep(s, 5));
        const int first = int(fixture.requests(OverviewPath).size());
        QVERIFY(first > 24 * 5);
        QVERIFY(sweep(s, 5));
        const QList<sim::RequestRecord> asked = fixture.requests(OverviewPath).mid(first);
        QCOMPARE(asked.size(), 24);
        for (const sim::RequestRecord& r : asked)
            QCOMPARE(r.query.queryItemValue(u"billingPeriodIndex"_s), u"0"_s);
        const PortfolioSweep::Progress p = s.progress();
        // Relecloud's 5 periods end its history: 4 of its closed periods are stored, the end is known.
        QCOMPARE(p.fromStore, 23 * 5 + 4);
        QCOMPARE(p.done, p.total);
        QVERIFY(PortfolioSweep::progressText(p).contains(u"119 from the store"_s));
        for (const PortfolioModel::Customer& c : s.model()->customers()) {
            if (c.refusal.isEmpty())
                QCOMPARE(c.cells.at(1).status, Cell::Loaded);
        }
    }

    // What a customer org's admin cannot read from Genesys (its cycle day, prepaid quantities and prices)
    // read from the overviews a partner's sweep stored, checked against the sim's own JSON of every period.
    void partnerView_ofEachCustomer_readsItsCycleDayPrepayAndPrices()
    {
        BD_SIM_FIXTURE(fixture);
        QTemporaryDir dir;
        QString error;
        auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error));
        const sim::DemoData& data = fixture.server->data();
        const StoreScope partner { u"demo"_s, data.orgId() };
        QVERIFY(store->nameOrg(partner, data.orgName()));
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        s.setStore(store.get(), partner);
        QVERIFY(sweep(s, 5));

        QVERIFY(!PartnerView::of(*store, partner)); // a partner is not its own customer
        QVERIFY(!PartnerView::of(*store, { u"demo"_s, u"00000000-0000-4000-8000-000000000000"_s }));
        QVERIFY(!PartnerView::of(*store, { u"api.mypurecloud.ie"_s, data.trustorIds().first() }));
        int seen = 0, offCalendar = 0, prepaid = 0;
        for (const QString& id : data.trustorIds()) {
            if (!data.isTrustEnabled(id))
                continue;
            const auto view = PartnerView::of(*store, { u"demo"_s, id });
            QVERIFY2(view, qPrintable(data.trustorName(id)));
            ++seen;
            QCOMPARE(view->partner(), partner);
            QVERIFY(view->sourceText().startsWith(data.orgName()));
            const int periods = std::min(6, data.historyLength(id));
            QList<QJsonObject> overviews; // newest first, as the sim serves them
            for (int index = 0; index < periods; ++index)
                overviews << *data.trusteeOverview(id, index);
            const auto startOf = [](const QJsonObject& o) {
                return QDateTime::fromString(o.value(u"billingPeriodStartDate"_s).toString(), Qt::ISODate)
                    .toUTC()
                    .date();
            };
            // The cycle day: the newest start's day, which every older start follows (clamped in short
            // months).
            const QDate newest = startOf(overviews.first());
            QCOMPARE(view->newestStart(), newest);
            const int cycleDay = *view->cycleDay();
            offCalendar += cycleDay != 1;
            for (const QJsonObject& o : overviews)
                QCOMPARE(DateBuckets::bucketStart(startOf(o), Granularity::Month, cycleDay), startOf(o));
            QVERIFY(cycleDay == newest.day() || newest.day() == newest.daysInMonth());
            // Every period's prepay per line is what the imported commitments hold on its first day.
            const QList<LicenceCommitment> commitments = view->prepaidCommitments();
            prepaid += commitments.isEmpty() ? 0 : 1;
            for (const QJsonObject& o : overviews) {
                for (const QJsonValue& v : o.value(u"usages"_s).toArray()) {
                    const QJsonObject u = v.toObject();
                    if (u.value(u"grouping"_s).toString() == u"fair-use")
                        continue;
                    const Decimal prepay = *Decimal::fromString(u.value(u"prepayQuantity"_s).toString());
                    const auto held
                        = LicenceCommitments::on(commitments, u.value(u"name"_s).toString(), startOf(o));
                    QCOMPARE(held, prepay.isZero() ? std::nullopt : std::optional<Decimal>(prepay));
                }
            }
            // Prices: the newest period's prepay price, in its currency.
            const QHash<QString, PrepayPrice> prices = view->prepayPrices();
            for (const QJsonValue& v : overviews.first().value(u"usages"_s).toArray()) {
                const QJsonObject u = v.toObject();
                if (u.value(u"grouping"_s).toString() == u"fair-use" || !u.contains(u"prepayPrice"_s))
                    continue;
                const PrepayPrice price = prices.value(u.value(u"name"_s).toString().toCaseFolded());
                QCOMPARE(price.amount, *Decimal::fromString(u.value(u"prepayPrice"_s).toString()));
                QCOMPARE(price.currency, overviews.first().value(u"currency"_s).toString());
            }
        }
        QVERIFY(seen >= 20);
        QVERIFY(offCalendar > 0); // the demo's customers do not all bill by calendar month
        QVERIFY(prepaid > 0);
    }

    void cancel_stopsTheSweepAndKeepsWhatArrived()
    {
        sim::SimOptions options;
        options.latencyMs = 50;
        BD_SIM_FIXTURE(fixture, options);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        QSignalSpy loaded(&s, &PortfolioSweep::periodLoaded);
        QSignalSpy finished(&s, &PortfolioSweep::finished);
        s.start(12);
        QVERIFY(loaded.wait(20'000));
        QVERIFY(s.isRunning());
        QVERIFY(s.cancel());
        QCOMPARE(finished.size(), 1);
        QVERIFY(!s.isRunning());
        const qsizetype arrived = loaded.size();
        QCoreApplication::sendPostedEvents();
        QTest::qWait(200); // answers already on the wire must not land
        QCOMPARE(loaded.size(), arrived);
        QVERIFY(s.progress().done < s.progress().total);
        QVERIFY(!s.cancel());
    }

    // Time is an input: on the 1st of a month, at a month end, on a leap day and on the day a customer's
    // period rotates, every active period holds "now", follows on from the closed one before it, and a period
    // with no complete day of data yet is never called projected to exceed.
    void sweep_atCalendarEdges_activePeriodsHoldNowAndFollowOn_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("rotation");
        QTest::newRow("1st of December") << QDateTime(QDate(2026, 12, 1), QTime(0, 30), UtcZone) << false;
        QTest::newRow("31 January") << QDateTime(QDate(2027, 1, 31), QTime(23, 30), UtcZone) << false;
        QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(12, 0), UtcZone) << false;
        // Woodgrove Financial's cycle starts on the 2nd: its new period has no complete day yet.
        QTest::newRow("rotation day") << QDateTime(QDate(2026, 12, 2), QTime(0, 30), UtcZone) << true;
    }
    void sweep_atCalendarEdges_activePeriodsHoldNowAndFollowOn()
    {
        QFETCH(QDateTime, now);
        QFETCH(bool, rotation);
        sim::SimOptions options;
        options.now = now;
        BD_SIM_FIXTURE(fixture, options);
        PortfolioSweep s(fixture.session->orgs(), fixture.session->billing());
        s.setClock([now] { return now; });
        QVERIFY(sweep(s, 2));
        int rotatedToday = 0;
        for (const PortfolioModel::Customer& c : s.model()->customers()) {
            if (!c.refusal.isEmpty())
                continue;
            const TrusteeBillingOverview& active = *c.cells.at(0).overview;
            const TrusteeBillingOverview& closed = *c.cells.at(1).overview;
            QVERIFY2(*active.billingPeriodStartDate <= now && now <= *active.billingPeriodEndDate,
                qPrintable(c.name));
            QCOMPARE(closed.billingPeriodEndDate->addMSecs(1), *active.billingPeriodStartDate);
            if (active.billingPeriodStartDate->date() == now.date()) {
                ++rotatedToday;
                QVERIFY2(
                    c.cells.at(0).standing.state != CommitmentState::ProjectedToExceed, qPrintable(c.name));
            }
        }
        QCOMPARE(rotatedToday > 0, rotation);
    }

    void progressText_readsLikeAStatusLine()
    {
        PortfolioSweep::Progress p;
        p.done = 212;
        p.total = 325;
        p.fromStore = 38;
        p.refused = 2;
        p.msLeft = 38'200;
        QCOMPARE(PortfolioSweep::progressText(p),
            u"212 of 325 · 38 from the store · 2 refused · about 40 s left"_s);
        p.msLeft = 300'000;
        QVERIFY(PortfolioSweep::progressText(p).endsWith(u"about 5 min left"_s));
        p.msLeft.reset();
        p.fromStore = p.refused = 0;
        QCOMPARE(PortfolioSweep::progressText(p), u"212 of 325"_s);
    }
};

QTEST_GUILESS_MAIN(TestPortfolioSweep)
#include "tst_portfoliosweep.moc"
