// The API layer against billing-sim over loopback: sign-in, retries, rate limiting, polling, errors.

#include "api/apireply.h"
#include "api/organizationjob.h"
#include "api/orgapi.h"
#include "api/overviewjob.h"
#include "api/tokenprovider.h"
#include "api/trustorsjob.h"
#include "api/usagereportjob.h"
#include "domain/billingusagereport.h"
#include "domain/organization.h"
#include "domain/trusteebillingoverview.h"
#include "domain/trustor.h"
#include "domain/utc.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::SimFixture;

namespace {

const QString UsagePath = u"/api/v2/billing/reports/billableusage"_s;

QDateTime utc(int y, int m, int d, int h = 0, int min = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s, ms), bd::UtcZone);
}

/// Runs one usage-report job to its end; returns the report or the error.
struct UsageOutcome
{
    std::optional<BillingUsageReport> report;
    ApiError error;
    int generatingSignals = 0;
};

UsageOutcome fetchUsage(SimFixture& fixture, const QDateTime& start, const QDateTime& end)
{
    UsageOutcome outcome;
    UsageReportJob* job = fixture.session->billing()->fetchUsageReport(start, end);
    QObject context;
    QObject::connect(job, &UsageReportJob::reportReady, &context,
        [&outcome](const BillingUsageReport& report) { outcome.report = report; });
    QObject::connect(
        job, &ApiJob::failed, &context, [&outcome](const ApiError& error) { outcome.error = error; });
    QObject::connect(job, &UsageReportJob::generating, &context, [&outcome] { ++outcome.generatingSignals; });
    QSignalSpy finished(job, &ApiJob::finished);
    if (!finished.wait(30'000))
        outcome.error = ApiError(ApiError::Kind::Timeout, u"the test waited too long"_s);
    return outcome;
}

/// The first day of each of `count` months, the newest the month before 2026-11.
QList<QDate> startMonths(int count)
{
    QList<QDate> months;
    for (int i = count; i >= 1; --i)
        months << QDate(2026, 11, 1).addMonths(-i);
    return months;
}

/// Fetches one monthly report per start month, all at once, and waits for every one to end.
QList<UsageOutcome> fetchUsageAll(SimFixture& fixture, const QList<QDate>& months)
{
    QList<UsageOutcome> outcomes(months.size());
    QObject context;
    int finished = 0;
    for (qsizetype i = 0; i < months.size(); ++i) {
        const QDateTime start(months.at(i), QTime(0, 0), QTimeZone::utc());
        UsageReportJob* job
            = fixture.session->billing()->fetchUsageReport(start, start.addMonths(1).addMSecs(-1));
        QObject::connect(job, &UsageReportJob::reportReady, &context,
            [&outcomes, i](const BillingUsageReport& report) { outcomes[i].report = report; });
        QObject::connect(job, &ApiJob::failed, &context,
            [&outcomes, i](const ApiError& error) { outcomes[i].error = error; });
        QObject::connect(job, &ApiJob::finished, &context, [&finished] { ++finished; });
    }
    if (!QTest::qWaitFor([&] { return finished == months.size(); }, 60'000)) {
        for (UsageOutcome& outcome : outcomes) {
            if (!outcome.report && !outcome.error.isError())
                outcome.error = ApiError(ApiError::Kind::Timeout, u"the test waited too long"_s);
        }
    }
    return outcomes;
}

std::optional<Organization> fetchOrganization(SimFixture& fixture, ApiError* error)
{
    std::optional<Organization> result;
    OrganizationJob* job = fixture.session->orgs()->fetchOrganization();
    QObject context;
    QObject::connect(job, &OrganizationJob::organizationReady, &context,
        [&result](const Organization& organization) { result = organization; });
    QObject::connect(job, &ApiJob::failed, &context, [error](const ApiError& e) { *error = e; });
    QSignalSpy finished(job, &ApiJob::finished);
    finished.wait(30'000);
    return result;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientCredentials_firstRequest_signsInOnceAndSendsBearer()
    {
        BD_SIM_FIXTURE(fixture);
        ApiError error;
        const auto organization = fetchOrganization(fixture, &error);
        QVERIFY2(organization, qPrintable(error.fullText()));
        QCOMPARE(organization->name, fixture.server->data().orgName());

        const auto tokens = fixture.requests(u"/oauth/token"_s);
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().authorization, u"Basic "_s + QString::fromLatin1("demo:demo"_ba.toBase64()));
        const auto calls = fixture.requests(u"/api/v2/organizations/me"_s);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().authorization, u"Bearer "_s + fixture.session->auth()->accessToken());
        QCOMPARE(calls.first().accept, u"application/json"_s);
        QVERIFY(calls.first().userAgent.startsWith(u"BillingDashboard/"_s));
    }

    void clientCredentials_wrongSecret_failsWithClearMessage()
    {
        sim::SimOptions options;
        options.clientSecret = u"right"_s;
        BD_SIM_FIXTURE(fixture, options);
        QVERIFY(fixture.reconnect(u"demo"_s, u"wrong"_s));
        ApiError error;
        QVERIFY(!fetchOrganization(fixture, &error));
        QCOMPARE(error.kind(), ApiError::Kind::Auth);
        QVERIFY2(error.userMessage().contains(u"client id and secret"_s), qPrintable(error.userMessage()));
        QVERIFY(!error.userMessage().contains(u"wrong"_s)); // the secret never appears in a message
    }

    void signIn_unavailableOnce_isTriedAgain()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::ServiceUnavailable, 1, u"/oauth"_s);
        ApiError error;
        QVERIFY2(fetchOrganization(fixture, &error), qPrintable(error.fullText()));
        const auto tokens = fixture.requests(u"/oauth/token"_s);
        QCOMPARE(tokens.size(), 2);
        QCOMPARE(tokens.at(0).status, 503);
        QCOMPARE(tokens.at(1).status, 200);
    }

    void signIn_refused_isNotRepeatedByEveryWaitingRequest()
    {
        sim::SimOptions options;
        options.clientSecret = u"right"_s;
        BD_SIM_FIXTURE(fixture, options);
        QVERIFY(fixture.reconnect(u"demo"_s, u"wrong"_s));
        int failures = 0, finished = 0;
        for (int i = 0; i < 5; ++i) {
            OrganizationJob* job = fixture.session->orgs()->fetchOrganization();
            connect(job, &ApiJob::failed, this, [&failures] { ++failures; });
            connect(job, &ApiJob::finished, this, [&finished] { ++finished; });
        }
        QTRY_COMPARE(finished, 5);
        QCOMPARE(failures, 5);
        QCOMPARE(fixture.requests(u"/oauth/token"_s).size(), 1); // one refusal answers every waiting request
        // A later request asks once more: one sign-in for it, not one per waiting request.
        ApiError error;
        QVERIFY(!fetchOrganization(fixture, &error));
        QCOMPARE(fixture.requests(u"/oauth/token"_s).size(), 2);
    }

    void expiredToken_401_signsInAgainAndReplays()
    {
        BD_SIM_FIXTURE(fixture);
        ApiError error;
        QVERIFY(fetchOrganization(fixture, &error));
        const QString firstToken = fixture.session->auth()->accessToken();
        fixture.server->expireAllTokens();

        QVERIFY2(fetchOrganization(fixture, &error), qPrintable(error.fullText()));
        QCOMPARE(fixture.requests(u"/oauth/token"_s).size(), 2);
        const auto calls = fixture.requests(u"/api/v2/organizations/me"_s);
        QCOMPARE(calls.size(), 3); // ok, 401, replay
        QCOMPARE(calls.at(1).status, 401);
        QCOMPARE(calls.at(2).status, 200);
        QVERIFY(fixture.session->auth()->accessToken() != firstToken);
    }

    void shortToken_expiringAgainDuringBackoff_signsInAgain()
    {
        // 401, sign in, replay: 503, backoff, retry: 401 again (a short token ran out meanwhile), sign in
        // again.
        BD_SIM_FIXTURE(fixture);
        const QByteArray expired
            = R"({"message":"Credentials expired","code":"credentials.expired","status":401})"_ba;
        fixture.server->injectAnswer(401, "application/json"_ba, expired, 1, UsagePath);
        fixture.server->injectFault(sim::Fault::ServiceUnavailable, 1, UsagePath);
        fixture.server->injectAnswer(401, "application/json"_ba, expired, 1, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        const auto calls = fixture.requests(UsagePath);
        QCOMPARE(calls.size(), 4);
        QCOMPARE(calls.at(0).status, 401);
        QCOMPARE(calls.at(1).status, 503);
        QCOMPARE(calls.at(2).status, 401);
        QCOMPARE(calls.at(3).status, 200);
        QCOMPARE(fixture.requests(u"/oauth/token"_s).size(), 3); // the first sign-in and one after each 401
    }

    void endless401_signsInABoundedNumberOfTimes()
    {
        BD_SIM_FIXTURE(fixture);
        const QByteArray expired
            = R"({"message":"Credentials expired","code":"credentials.expired","status":401})"_ba;
        fixture.server->injectAnswer(401, "application/json"_ba, expired, 100, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.httpStatus(), 401);
        const int signIns = fixture.session->client()->retryPolicy().maxSignInsPerRequest;
        QCOMPARE(fixture.requests(UsagePath).size(), 1 + signIns);
    }

    void pastedToken_401_failsWithoutSignIn()
    {
        BD_SIM_FIXTURE(fixture);
        QVERIFY(fixture.reconnect({}, {}, u"not-a-token-the-sim-issued"_s));
        ApiError error;
        QVERIFY(!fetchOrganization(fixture, &error));
        QCOMPARE(error.httpStatus(), 401);
        QCOMPARE(error.code(), u"authentication.required"_s);
        QCOMPARE(fixture.requests(u"/oauth/token"_s).size(), 0);
    }

    void usageReport_inProgressTwice_pollsSameRequestUntilComplete()
    {
        sim::SimOptions options;
        options.inProgressPolls = 2;
        BD_SIM_FIXTURE(fixture, options);
        const QDateTime start = utc(2026, 10, 1), end = utc(2026, 10, 31, 23, 59, 59, 999);
        const UsageOutcome outcome = fetchUsage(fixture, start, end);
        QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        QVERIFY(outcome.report->isComplete());
        QVERIFY(!outcome.report->usages.isEmpty());
        QCOMPARE(outcome.generatingSignals, 2);

        const auto calls = fixture.requests(UsagePath);
        QCOMPARE(calls.size(), 3);
        for (const auto& call : calls) {
            QCOMPARE(call.query.queryItemValue(u"startDate"_s), u"2026-10-01T00:00:00.000Z"_s);
            QCOMPARE(call.query.queryItemValue(u"endDate"_s), u"2026-10-31T23:59:59.999Z"_s);
        }
        // The report the client parsed is the one the sim generates for that window.
        const QJsonObject expected = fixture.server->data().billableUsage(start, end);
        QCOMPARE(outcome.report->usages.size(), expected.value(u"usages"_s).toArray().size());
    }

    void usageReport_endlessInProgress_failsWithStillGenerating()
    {
        sim::SimOptions options;
        options.inProgressPolls = 1'000'000;
        BD_SIM_FIXTURE(fixture, options);
        PollPolicy poll;
        poll.initialDelayMs = 10;
        poll.maxDelayMs = 50;
        poll.maxTotalMs = 400;
        fixture.session->billing()->setPollPolicy(poll);
        const UsageOutcome outcome
            = fetchUsage(fixture, utc(2026, 10, 1), utc(2026, 10, 31, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::StillGenerating);
        QVERIFY(outcome.error.userMessage().contains(u"still generating"_s));
        QVERIFY(fixture.requests(UsagePath).size() >= 3);
    }

    void longSweep_pollsOfStartedReportsGoAheadOfNewReports()
    {
        // One request at a time, each 100 ms at the server: without priority every poll would wait behind all
        // ten first requests.
        sim::SimOptions options;
        options.inProgressPolls = 1;
        options.latencyMs = 100;
        BD_SIM_FIXTURE(fixture, options);
        fixture.session->client()->setMaxConcurrent(1);
        const QList<QDate> months = startMonths(10);
        const QList<UsageOutcome> outcomes = fetchUsageAll(fixture, months);
        for (const UsageOutcome& outcome : outcomes)
            QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        const auto calls = fixture.requests(UsagePath);
        QCOMPARE(calls.size(), 20);
        for (const QDate& month : months) {
            const QString start = u"%1T00:00:00.000Z"_s.arg(month.toString(Qt::ISODate));
            QList<int> at;
            for (int i = 0; i < calls.size(); ++i) {
                if (calls.at(i).query.queryItemValue(u"startDate"_s) == start)
                    at << i;
            }
            QCOMPARE(at.size(), 2);
            // The poll leaves right after the request that was on the wire when it became due.
            QVERIFY2(at.at(1) - at.at(0) <= 2,
                qPrintable(u"%1: first at %2, poll at %3"_s.arg(start).arg(at.at(0)).arg(at.at(1))));
        }
    }

    void longSweep_timeInOurOwnQueue_isNotCountedAsGenerating()
    {
        // Eight reports polled four times each, one request at a time: every poll waits behind the other
        // reports' polls for far longer than the generating budget, which counts only Genesys' own time.
        sim::SimOptions options;
        options.inProgressPolls = 4;
        options.latencyMs = 100;
        BD_SIM_FIXTURE(fixture, options);
        fixture.session->client()->setMaxConcurrent(1);
        PollPolicy poll;
        poll.initialDelayMs = 10;
        poll.maxDelayMs = 10;
        poll.maxTotalMs = 1'000;
        fixture.session->billing()->setPollPolicy(poll);
        const QList<UsageOutcome> outcomes = fetchUsageAll(fixture, startMonths(8));
        for (const UsageOutcome& outcome : outcomes)
            QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        const auto calls = fixture.requests(UsagePath);
        QCOMPARE(calls.size(), 8 * 5);
        // The sweep did spend longer than the budget in all: the test would prove nothing otherwise.
        QVERIFY(calls.last().answeredMs - calls.first().receivedMs > 2 * poll.maxTotalMs);
    }

    void rateLimited_absurdRetryAfter_failsThatRequestWithoutHoldingUpTheOthers()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::RateLimited, 1, UsagePath, 999'999);
        const UsageOutcome refused = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!refused.report);
        QCOMPARE(refused.error.httpStatus(), 429);
        QVERIFY2(refused.error.message().contains(u"asked to wait 999999 s"_s),
            qPrintable(refused.error.message()));
        // The client is not paused: the next request leaves at once instead of waiting out the 429.
        QVERIFY(!fixture.session->client()->isPaused());
        const UsageOutcome next = fetchUsage(fixture, utc(2026, 8, 1), utc(2026, 8, 31, 23, 59, 59, 999));
        QVERIFY2(next.report, qPrintable(next.error.fullText()));
        QCOMPARE(fixture.requests(UsagePath).size(), 2);
    }

    void hostileErrorText_reachesNobodyAsItCame()
    {
        // An error message that would clear a terminal, and one the length of an essay.
        BD_SIM_FIXTURE(fixture);
        const QByteArray body = "{\"message\":\"\\u001b[2J\\u001b[31mDenied\\u001b[0m "
            + QByteArray(5000, 'x') + "\",\"code\":\"bad.request\",\"status\":400}";
        fixture.server->injectAnswer(400, "application/json"_ba, body, 1, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        const QString message = outcome.error.message();
        QVERIFY2(message.startsWith(u"Denied x"_s), qPrintable(message.left(40)));
        QVERIFY(!message.contains(QChar(0x1b)));
        QVERIFY(message.size() <= 300);
        QVERIFY(outcome.error.fullText().size() < 600);
    }

    void answerLargerThanTheLimit_failsClearlyAndIsNotRetried()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.session->client()->setMaxBodyBytes(2000);
        const UsageOutcome outcome
            = fetchUsage(fixture, utc(2025, 11, 1), utc(2026, 10, 31, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QVERIFY2(outcome.error.message().contains(u"larger than 2000 bytes"_s),
            qPrintable(outcome.error.message()));
        QCOMPARE(fixture.requests(UsagePath).size(), 1);
    }

    void keepResourcesOff_handsOnTotalsOnly()
    {
        BD_SIM_FIXTURE(fixture);
        const UsageOutcome full = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(full.report, qPrintable(full.error.fullText()));
        fixture.session->billing()->setKeepResources(false);
        const UsageOutcome totals = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(totals.report, qPrintable(totals.error.fullText()));
        QCOMPARE(totals.report->usages.size(), full.report->usages.size());
        int resources = 0;
        for (qsizetype i = 0; i < full.report->usages.size(); ++i) {
            QCOMPARE(totals.report->usages.at(i).name, full.report->usages.at(i).name);
            QCOMPARE(totals.report->usages.at(i).totalUsage, full.report->usages.at(i).totalUsage);
            QVERIFY(totals.report->usages.at(i).resources.isEmpty());
            resources += int(full.report->usages.at(i).resources.size());
        }
        QVERIFY(resources > 0);
    }

    void rateLimited_429_waitsRetryAfterBeforeTheNextRequest()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::RateLimited, 1, UsagePath, 1);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        const auto calls = fixture.requests(UsagePath);
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).status, 429);
        QCOMPARE(calls.at(1).status, 200);
        // Retry-After: 1 — measured on the sim's own clock, between the 429 leaving and the retry arriving.
        QVERIFY2(calls.at(1).receivedMs - calls.at(0).answeredMs >= 1000,
            qPrintable(u"retried after %1 ms"_s.arg(calls.at(1).receivedMs - calls.at(0).answeredMs)));
        QCOMPARE(fixture.session->client()->throttledCount(), 1);
    }

    void serverErrors_503Twice_thenSucceeds()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::ServiceUnavailable, 2, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        const auto calls = fixture.requests(UsagePath);
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls.at(0).status, 503);
        QCOMPARE(calls.at(1).status, 503);
        QCOMPARE(calls.at(2).status, 200);
    }

    void serverErrors_every5xxKind_isRetried_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("status");
        QTest::newRow("500") << int(sim::Fault::ServerError) << 500;
        QTest::newRow("502") << int(sim::Fault::BadGateway) << 502;
        QTest::newRow("503") << int(sim::Fault::ServiceUnavailable) << 503;
        QTest::newRow("504") << int(sim::Fault::GatewayTimeout) << 504;
    }

    void serverErrors_every5xxKind_isRetried()
    {
        QFETCH(int, fault);
        QFETCH(int, status);
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault(fault), 1, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        const auto calls = fixture.requests(UsagePath);
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).status, status);
    }

    void serverErrors_persistent500_givesUpKeepingGenesysDetails()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::ServerError, 100, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.httpStatus(), 500);
        QCOMPARE(outcome.error.code(), u"internal.server.error"_s);
        QVERIFY(!outcome.error.contextId().isEmpty());
        QVERIFY(outcome.error.fullText().contains(outcome.error.contextId()));
        QVERIFY2(outcome.error.message().contains(u"gave up after 5 tries"_s),
            qPrintable(outcome.error.message()));
        QCOMPARE(fixture.requests(UsagePath).size(), fixture.session->client()->retryPolicy().maxAttempts);
    }

    void malformedBody_once_isAskedForAgain()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::MalformedJson, 2, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        QCOMPARE(fixture.requests(UsagePath).size(), 3);
    }

    void malformedBody_persistent_failsAfterThreeTries()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::MalformedJson, 100, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
        QVERIFY2(
            outcome.error.message().startsWith(u"malformed JSON: "_s), qPrintable(outcome.error.message()));
        QVERIFY2(outcome.error.message().contains(u"gave up after 3 tries"_s),
            qPrintable(outcome.error.message()));
        QCOMPARE(fixture.requests(UsagePath).size(), 3);
    }

    void wrongShape_isNotAskedForAgain()
    {
        // Valid JSON of the wrong shape will not come out right when asked again.
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectAnswer(200, "application/json"_ba, R"({"usages":[]})"_ba, 10, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
        QCOMPARE(fixture.requests(UsagePath).size(), 1);
    }

    void serverErrors_endless503_givesUpAfterMaxAttempts()
    {
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault::ServiceUnavailable, 100, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.httpStatus(), 503);
        QVERIFY2(outcome.error.message().contains(u"gave up after 5 tries"_s),
            qPrintable(outcome.error.message()));
        QCOMPARE(fixture.requests(UsagePath).size(), fixture.session->client()->retryPolicy().maxAttempts);
    }

    void droppedConnection_isRetried_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("dropped") << int(sim::Fault::DropConnection);
        QTest::newRow("truncated") << int(sim::Fault::TruncatedBody);
    }

    void droppedConnection_isRetried()
    {
        QFETCH(int, fault);
        BD_SIM_FIXTURE(fixture);
        fixture.server->injectFault(sim::Fault(fault), 1, UsagePath);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY2(outcome.report, qPrintable(outcome.error.fullText()));
        QVERIFY(outcome.report->isComplete());
        QVERIFY(fixture.requests(UsagePath).size() >= 2);
    }

    void missingPermission_403_namesThePermission()
    {
        sim::SimOptions options;
        options.denyBillingPermission = true;
        BD_SIM_FIXTURE(fixture, options);
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.httpStatus(), 403);
        QCOMPARE(outcome.error.code(), u"missing.any.permissions"_s);
        QVERIFY(outcome.error.missingPermissions().contains(u"billing:subscription:read"_s));
        QCOMPARE(outcome.error.reason(), ApiError::Reason::MissingPermissions);
        QVERIFY2(outcome.error.userMessage().contains(u"billing:subscription:read"_s),
            qPrintable(outcome.error.userMessage()));
        QCOMPARE(fixture.requests(UsagePath).size(), 1); // a 403 is not retried
    }

    void transferTimeout_slowServer_failsWithTimeout()
    {
        sim::SimOptions options;
        options.latencyMs = 3000;
        BD_SIM_FIXTURE(fixture, options);
        fixture.session->client()->setTransferTimeoutMs(150);
        RetryPolicy retry;
        retry.maxAttempts = 2;
        retry.backoffBaseMs = 10;
        fixture.session->client()->setRetryPolicy(retry);
        // Sign in first (the token endpoint is slow too): the transfer timeout applies to API calls.
        const UsageOutcome outcome = fetchUsage(fixture, utc(2026, 9, 1), utc(2026, 9, 30, 23, 59, 59, 999));
        QVERIFY(!outcome.report);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Timeout);
        // The real cause, not Qt's "Operation canceled".
        QVERIFY2(outcome.error.userMessage().contains(u"no data arrived for 0.15 s: the transfer stalled"_s),
            qPrintable(outcome.error.userMessage()));
        QVERIFY(!outcome.error.fullText().contains(u"canceled"_s, Qt::CaseInsensitive));
    }

    void cancelAll_midLoad_sendsNothingMore()
    {
        sim::SimOptions options;
        options.latencyMs = 200;
        BD_SIM_FIXTURE(fixture, options);
        fixture.session->client()->setMaxConcurrent(2);
        QList<UsageReportJob*> jobs;
        for (int month = 1; month <= 12; ++month) {
            const QDate first(2025, month, 1);
            jobs << fixture.session->billing()->fetchUsageReport(QDateTime(first, QTime(0, 0), bd::UtcZone),
                QDateTime(first.addMonths(1).addDays(-1), QTime(23, 59, 59, 999), bd::UtcZone));
        }
        QSignalSpy cancelledJob(jobs.last(), &ApiJob::failed);
        QTRY_VERIFY(!fixture.requests(UsagePath).isEmpty());
        // The sim logs a request when it answers it: those on the wire at the cancel still show up, no
        // others.
        const qsizetype seen = fixture.requests(UsagePath).size() + fixture.session->client()->runningCount();
        fixture.session->client()->cancelAll();
        QCOMPARE(cancelledJob.size(), 1);
        QCOMPARE(cancelledJob.first().first().value<ApiError>().kind(), ApiError::Kind::Cancelled);
        QVERIFY(seen < 12);
        // Give anything still queued a chance to leave: a token request round trip after the cancel.
        ApiError error;
        QVERIFY(fetchOrganization(fixture, &error));
        QVERIFY(fixture.requests(UsagePath).size() <= seen);
        QCOMPARE(fixture.session->client()->queuedCount(), 0);
    }

    void trustors_allPagesAreFollowed()
    {
        BD_SIM_FIXTURE(fixture);
        QList<Trustor> trustors;
        TrustorsJob* job = fixture.session->orgs()->fetchTrustors(10);
        connect(job, &TrustorsJob::trustorsReady, this,
            [&trustors](const QList<Trustor>& list) { trustors = list; });
        QSignalSpy finished(job, &ApiJob::finished);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(trustors.size(), fixture.server->data().trustorIds().size());
        QCOMPARE(fixture.requests(u"/api/v2/orgauthorization/trustors"_s).size(), 3); // 25 orgs, 10 a page
        QStringList ids;
        for (const Trustor& trustor : std::as_const(trustors))
            ids << trustor.id;
        QCOMPARE(ids, fixture.server->data().trustorIds());
    }

    void trusteeOverview_index_isSentAndParsed()
    {
        BD_SIM_FIXTURE(fixture);
        const QString org = fixture.server->data().trustorIds().first();
        std::optional<TrusteeBillingOverview> overview;
        OverviewJob* job = fixture.session->billing()->fetchTrusteeOverview(org, 2);
        connect(job, &OverviewJob::overviewReady, this,
            [&overview](const TrusteeBillingOverview& value, int) { overview = value; });
        QSignalSpy finished(job, &ApiJob::finished);
        QVERIFY(finished.wait(10'000));
        QVERIFY(overview);
        QCOMPARE(overview->organization.id, org);
        const auto calls = fixture.requests(u"/trusteebillingoverview/"_s);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().query.queryItemValue(u"billingPeriodIndex"_s), u"2"_s);
        const auto expected = fixture.server->data().trusteeOverview(org, 2);
        QVERIFY(expected);
        QCOMPARE(overview->usages.size(), expected->value(u"usages"_s).toArray().size());
    }

    void rateLimiter_300Sweep_getsNo429FromSimLimitedTo300()
    {
        sim::SimOptions options;
        options.rateLimitPerMinute = 300;
        BD_SIM_FIXTURE(fixture, options);
        fixture.session->client()->setRateLimit(300);
        int finished = 0, failures = 0;
        for (int i = 0; i < 300; ++i) {
            OrganizationJob* job = fixture.session->orgs()->fetchOrganization();
            connect(job, &ApiJob::failed, this, [&failures] { ++failures; });
            connect(job, &ApiJob::finished, this, [&finished] { ++finished; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 300, 60'000);
        QCOMPARE(failures, 0);
        const auto calls = fixture.requests(u"/api/v2/organizations/me"_s);
        QCOMPARE(calls.size(), 300);
        for (const auto& call : calls)
            QCOMPARE(call.status, 200);
        QCOMPARE(fixture.session->client()->throttledCount(), 0);
    }

    void rateLimiter_clientLimitOff_stillFollowsTheServersHeaders()
    {
        // With no limit of its own the client still reads inin-ratelimit-allowed/count and stays under it.
        sim::SimOptions options;
        options.rateLimitPerMinute = 40;
        BD_SIM_FIXTURE(fixture, options);
        fixture.session->client()->setRateLimit(0);
        int finished = 0;
        for (int i = 0; i < 40; ++i) {
            OrganizationJob* job = fixture.session->orgs()->fetchOrganization();
            connect(job, &ApiJob::finished, this, [&finished] { ++finished; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 40, 30'000);
        // The next request would be the 41st in the sim's minute: the client holds it instead of sending.
        QSignalSpy pumped(fixture.session->client(), &ApiClient::activityChanged);
        fixture.session->orgs()->fetchOrganization();
        QTRY_VERIFY(pumped.size() >= 2); // queued, then the pump looked at it
        QCOMPARE(fixture.session->client()->queuedCount(), 1);
        QCOMPARE(fixture.session->client()->runningCount(), 0);
        QCOMPARE(fixture.session->client()->throttledCount(), 0);
        QCOMPARE(fixture.requests(u"/api/v2/organizations/me"_s).size(), 40);
        // It says how long: until the first of the 40 leaves the sim's minute, at most a minute from now.
        const qint64 held = fixture.session->client()->heldBackMs();
        QVERIFY2(held > 0 && held <= 61'000, qPrintable(QString::number(held)));
        fixture.session->client()->cancelAll();
        QCOMPARE(fixture.session->client()->heldBackMs(), 0); // nothing waits any more
    }

    void rateLimiter_control_theSimRefusesThe301stRequestOfAMinute()
    {
        // Without a limiter the 301st request in a minute is refused: the sweep above proves something.
        sim::SimOptions options;
        options.rateLimitPerMinute = 300;
        BD_SIM_FIXTURE(fixture, options);
        ApiError error;
        QVERIFY(fetchOrganization(fixture, &error)); // signs in; request 1
        QNetworkAccessManager network;
        QUrl url = fixture.server->baseUrl();
        url.setPath(u"/api/v2/organizations/me"_s);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + fixture.session->auth()->accessToken().toUtf8());
        int answered = 0, throttled = 0;
        for (int i = 0; i < 300; ++i) {
            QNetworkReply* reply = network.get(request);
            connect(reply, &QNetworkReply::finished, this, [reply, &answered, &throttled] {
                ++answered;
                throttled += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 429;
                reply->deleteLater();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 300, 30'000);
        QCOMPARE(throttled, 1);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
