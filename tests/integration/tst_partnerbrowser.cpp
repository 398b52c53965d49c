// PartnerBrowser, the partner page's controller, driven directly against billing-sim: opening a customer,
// stepping through its history (fetching only what is missing), where the history ends, an empty active
// period, a refused trust, and a walk.

#include "load/partnerbrowser.h"
#include "models/periodlistmodel.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

const QString OverviewPath = u"/api/v2/billing/trusteebillingoverview/"_s;

/// Opens `orgId` and waits for its active period; false when it did not arrive.
bool openAndWait(PartnerBrowser& browser, const QString& orgId)
{
    QSignalSpy state(&browser, &PartnerBrowser::stateChanged);
    browser.open(orgId);
    return QTest::qWaitFor([&] { return !browser.isFetching(); }, 10'000) && browser.currentIndex() == 0;
}

} // namespace

class TestPartnerBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void open_customer_showsTheActivePeriodFromOneRequest()
    {
        BD_SIM_FIXTURE(fixture);
        PartnerBrowser browser(fixture.session->orgs(), fixture.session->billing());
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        QSignalSpy opened(&browser, &PartnerBrowser::opened);
        QVERIFY(openAndWait(browser, orgId));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(browser.orgId(), orgId);
        QCOMPARE(browser.periods()->periodCount(), 1);
        QCOMPARE(browser.currentRow(), 0);
        QCOMPARE(fixture.requests(OverviewPath + orgId).size(), 1);
        QVERIFY(browser.canStepOlder());
        QVERIFY(!browser.canStepNewer());
        QVERIFY(browser.lastFetchedAt().isValid());
    }

    void stepOlderThenNewer_fetchesOnlyWhatIsMissing()
    {
        BD_SIM_FIXTURE(fixture);
        PartnerBrowser browser(fixture.session->orgs(), fixture.session->billing());
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        QVERIFY(openAndWait(browser, orgId));
        QSignalSpy current(&browser, &PartnerBrowser::currentChanged);
        QVERIFY(browser.stepOlder());
        QVERIFY(current.wait(10'000));
        QCOMPARE(current.last().first().toInt(), 1);
        QCOMPARE(browser.periods()->periodCount(), 2);
        QVERIFY(browser.stepNewer()); // index 0 is loaded: shown without a request
        QCOMPARE(browser.currentIndex(), 0);
        QCOMPARE(fixture.requests(OverviewPath + orgId).size(), 2);
    }

    void stepOlder_pastTheHistory_endsItAndStops()
    {
        BD_SIM_FIXTURE(fixture);
        PartnerBrowser browser(fixture.session->orgs(), fixture.session->billing());
        const QString orgId = fixture.trustorNamed(u"Relecloud"_s);
        const int length = fixture.server->data().historyLength(orgId);
        QVERIFY(length > 1);
        QVERIFY(openAndWait(browser, orgId));
        QSignalSpy ended(&browser, &PartnerBrowser::historyEnded);
        for (int step = 1; step <= length && ended.isEmpty(); ++step) {
            QVERIFY(browser.stepOlder());
            QVERIFY(QTest::qWaitFor([&] { return !browser.isFetching(); }, 10'000));
        }
        QCOMPARE(ended.size(), 1);
        QCOMPARE(browser.historyEnd(), std::optional<int>(length));
        QCOMPARE(browser.currentIndex(), length - 1);
        QVERIFY(!browser.canStepOlder());
        QVERIFY(!browser.stepOlder());
    }

    void open_emptyActivePeriod_isShownAsAPeriodNotAsTheEndOfTheHistory()
    {
        BD_SIM_FIXTURE(fixture);
        PartnerBrowser browser(fixture.session->orgs(), fixture.session->billing());
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        // A customer whose active period has no usage yet and no dates: still its active period.
        const QJsonObject organization { { u"id"_s, orgId }, { u"name"_s, u"Woodgrove Financial"_s } };
        const QByteArray empty = QJsonDocument(
            QJsonObject { { u"organization"_s, organization }, { u"currency"_s, u"GBP"_s },
                { u"enabledProducts"_s, QJsonArray {} }, { u"subscriptionType"_s, u"Subscription"_s },
                { u"usages"_s, QJsonArray {} } })
                                     .toJson(QJsonDocument::Compact);
        fixture.server->injectAnswer(200, "application/json"_ba, empty, 1, u"billingPeriodIndex=0"_s);
        QSignalSpy ended(&browser, &PartnerBrowser::historyEnded);
        QSignalSpy failed(&browser, &PartnerBrowser::periodFailed);
        QVERIFY(openAndWait(browser, orgId));
        QVERIFY(ended.isEmpty());
        QVERIFY(failed.isEmpty());
        QCOMPARE(browser.periods()->periodCount(), 1);
        QVERIFY(browser.periods()->period(0)->overview.usages.isEmpty());
    }

    void open_disabledTrust_failsWithTheRefusalOnce()
    {
        BD_SIM_FIXTURE(fixture);
        PartnerBrowser browser(fixture.session->orgs(), fixture.session->billing());
        QString disabled;
        for (const QString& id : fixture.server->data().trustorIds()) {
            if (!fixture.server->data().isTrustEnabled(id))
                disabled = id;
        }
        QVERIFY(!disabled.isEmpty());
        QSignalSpy failed(&browser, &PartnerBrowser::periodFailed);
        browser.open(disabled);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.first().at(1).value<ApiError>().httpStatus(), 403);
        QVERIFY(QTest::qWaitFor([&] { return !browser.isBusy(); }, 10'000));
        QCOMPARE(failed.size(), 1); // said once, not once per period
        QCOMPARE(browser.periods()->periodCount(), 0);
        QCOMPARE(browser.currentRow(), -1);
    }

    void walk_lastTwelve_fillsThePeriodsAndCountsNoFailure()
    {
        BD_SIM_FIXTURE(fixture);
        PartnerBrowser browser(fixture.session->orgs(), fixture.session->billing());
        const QString orgId = fixture.trustorNamed(u"Woodgrove Financial"_s);
        QVERIFY(openAndWait(browser, orgId));
        QSignalSpy finished(&browser, &PartnerBrowser::walkFinished);
        QVERIFY(browser.canWalk());
        browser.walk(12);
        QVERIFY(browser.isWalking());
        QVERIFY(!browser.canWalk());
        QVERIFY(finished.wait(20'000));
        const int expected = std::min(12, fixture.server->data().historyLength(orgId));
        QCOMPARE(browser.periods()->periodCount(), expected);
        QCOMPARE(browser.walkFailures(), 0);
        QCOMPARE(browser.currentIndex(), 0); // the period shown stays the one shown
    }

    void cancel_nothingUnderWay_saysSo()
    {
        BD_SIM_FIXTURE(fixture);
        PartnerBrowser browser(fixture.session->orgs(), fixture.session->billing());
        QVERIFY(!browser.cancel());
        browser.listTrustors();
        QVERIFY(browser.isListingTrustors());
        QVERIFY(browser.cancel());
        QVERIFY(!browser.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestPartnerBrowser)
#include "tst_partnerbrowser.moc"
