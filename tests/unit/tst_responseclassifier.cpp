// The retry rules of ApiClient, decided from an answer's facts alone: every status and network error in
// milliseconds, with no server and no real Retry-After waits.

#include "api/apierror.h"
#include "api/responseclassifier.h"

#include <QTest>

using namespace bd;
using namespace Qt::StringLiterals;
using namespace bd::ResponseClassifier;

Q_DECLARE_METATYPE(bd::ResponseClassifier::Action)
Q_DECLARE_METATYPE(bd::ResponseClassifier::Cause)
Q_DECLARE_METATYPE(bd::ApiError::Reason)

class TestResponseClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_answer_decidesWhatTheClientDoes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("networkError");
        QTest::addColumn<int>("retryAfterSecs");
        QTest::addColumn<bool>("canSignIn");
        QTest::addColumn<int>("signIns");
        QTest::addColumn<Action>("action");
        QTest::addColumn<Cause>("cause");
        QTest::addColumn<qint64>("delayMs");
        const int ok = QNetworkReply::NoError;
        QTest::newRow("200") << 200 << ok << -1 << true << 0 << Action::Deliver << Cause::None << qint64(0);
        QTest::newRow("200 cut off") << 200 << int(QNetworkReply::RemoteHostClosedError) << -1 << true << 0
                                     << Action::Retry << Cause::CutOff << qint64(0);
        QTest::newRow("refused connection") << 0 << int(QNetworkReply::ConnectionRefusedError) << -1 << true
                                            << 0 << Action::Retry << Cause::NoAnswer << qint64(0);
        QTest::newRow("stalled transfer") << 0 << int(QNetworkReply::OperationCanceledError) << -1 << true
                                          << 0 << Action::Retry << Cause::TimedOut << qint64(0);
        QTest::newRow("unknown host") << 0 << int(QNetworkReply::HostNotFoundError) << -1 << true << 0
                                      << Action::Fail << Cause::NoAnswer << qint64(0);
        QTest::newRow("TLS failure") << 0 << int(QNetworkReply::SslHandshakeFailedError) << -1 << true << 0
                                     << Action::Fail << Cause::NoAnswer << qint64(0);
        QTest::newRow("400") << 400 << int(QNetworkReply::ProtocolInvalidOperationError) << -1 << true << 0
                             << Action::Fail << Cause::Http << qint64(0);
        QTest::newRow("403") << 403 << int(QNetworkReply::ContentAccessDenied) << -1 << true << 0
                             << Action::Fail << Cause::Http << qint64(0);
        QTest::newRow("404") << 404 << int(QNetworkReply::ContentNotFoundError) << -1 << true << 0
                             << Action::Fail << Cause::Http << qint64(0);
        QTest::newRow("401 signs in again") << 401 << int(QNetworkReply::AuthenticationRequiredError) << -1
                                            << true << 0 << Action::SignInAgain << Cause::Http << qint64(0);
        QTest::newRow("401 after 3 sign-ins") << 401 << int(QNetworkReply::AuthenticationRequiredError) << -1
                                              << true << 3 << Action::Fail << Cause::Http << qint64(0);
        QTest::newRow("401 with a pasted token")
            << 401 << int(QNetworkReply::AuthenticationRequiredError) << -1 << false << 0 << Action::Fail
            << Cause::Http << qint64(0);
        QTest::newRow("429 Retry-After 7") << 429 << int(QNetworkReply::UnknownContentError) << 7 << true << 0
                                           << Action::WaitForServer << Cause::Http << qint64(7000);
        QTest::newRow("429 without Retry-After")
            << 429 << int(QNetworkReply::UnknownContentError) << -1 << true << 0 << Action::WaitForServer
            << Cause::Http << qint64(3000);
        QTest::newRow("429 Retry-After past the budget")
            << 429 << int(QNetworkReply::UnknownContentError) << 3600 << true << 0 << Action::WaitTooLong
            << Cause::Http << qint64(3'600'000);
        for (int status : { 500, 502, 503, 504 })
            QTest::addRow("%d", status) << status << int(QNetworkReply::InternalServerError) << -1 << true
                                        << 0 << Action::Retry << Cause::Http << qint64(0);
        QTest::newRow("501") << 501 << int(QNetworkReply::OperationNotImplementedError) << -1 << true << 0
                             << Action::Fail << Cause::Http << qint64(0);
    }

    void classify_answer_decidesWhatTheClientDoes()
    {
        QFETCH(int, status);
        QFETCH(int, networkError);
        QFETCH(int, retryAfterSecs);
        QFETCH(bool, canSignIn);
        QFETCH(int, signIns);
        QFETCH(Action, action);
        QFETCH(Cause, cause);
        QFETCH(qint64, delayMs);
        Facts facts;
        facts.httpStatus = status;
        facts.networkError = QNetworkReply::NetworkError(networkError);
        facts.retryAfterSecs = retryAfterSecs;
        facts.canSignIn = canSignIn;
        facts.signIns = signIns;
        facts.ageMs = 1'000;
        const Decision decision = classify(facts, RetryPolicy {});
        QCOMPARE(decision.action, action);
        QCOMPARE(decision.cause, cause);
        QCOMPARE(decision.delayMs, delayMs);
    }

    void classify_tooLargeOrRedirected_failsWhateverTheStatus()
    {
        Facts tooLarge;
        tooLarge.httpStatus = 200;
        tooLarge.bodyTooLarge = true;
        QCOMPARE(classify(tooLarge, {}).action, Action::Fail);
        QCOMPARE(classify(tooLarge, {}).cause, Cause::TooLarge);
        Facts redirected;
        redirected.httpStatus = 307;
        redirected.redirectRefused = true;
        QCOMPARE(classify(redirected, {}).action, Action::Fail);
        QCOMPARE(classify(redirected, {}).cause, Cause::RedirectRefused);
    }

    void classify_429_waitCountsTheRequestsAge()
    {
        RetryPolicy policy;
        policy.maxTotalMs = 10'000;
        Facts facts;
        facts.httpStatus = 429;
        facts.retryAfterSecs = 5;
        facts.ageMs = 4'000;
        QCOMPARE(classify(facts, policy).action, Action::WaitForServer); // 4 s + 5 s fits in 10 s
        facts.ageMs = 6'000;
        QCOMPARE(classify(facts, policy).action, Action::WaitTooLong); // 6 s + 5 s does not
    }

    void giveUp_triesAndTime_boundEveryRetry()
    {
        RetryPolicy policy;
        policy.maxAttempts = 3;
        policy.maxTotalMs = 10'000;
        QVERIFY(!giveUp(2, 1'000, 1'000, policy));
        QVERIFY(giveUp(3, 1'000, 1'000, policy)); // out of tries
        QVERIFY(giveUp(1, 9'500, 1'000, policy)); // the wait would pass the budget
        QVERIFY(!giveUp(1, 9'000, 1'000, policy)); // exactly at the budget is still allowed
    }

    // What the person is told is decided by a stable reason; the sentence is only its wording.
    void apiError_reason_followsStatusAndBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ApiError::Reason>("reason");
        QTest::addColumn<QString>("mentions");
        const QByteArray plain = "{\"message\":\"detail\",\"code\":\"bad.request\",\"status\":0}";
        const QByteArray missing
            = "{\"message\":\"You must have at least one of the following permissions "
              "assigned: [billing:subscription:read]\",\"code\":\"missing.any.permissions\"}";
        QTest::newRow("400") << 400 << plain << ApiError::Reason::Refused << u"detail"_s;
        QTest::newRow("401") << 401 << plain << ApiError::Reason::SignInExpired << u"sign in again"_s;
        QTest::newRow("403 plain") << 403 << plain << ApiError::Reason::Forbidden << u"detail"_s;
        QTest::newRow("403 permissions")
            << 403 << missing << ApiError::Reason::MissingPermissions << u"billing:subscription:read"_s;
        QTest::newRow("404") << 404 << plain << ApiError::Reason::NotFound << u"detail"_s;
        QTest::newRow("429") << 429 << QByteArray() << ApiError::Reason::RateLimited << u"limiting"_s;
        QTest::newRow("503") << 503 << QByteArray("<html>") << ApiError::Reason::ServerFault << u"HTTP 503"_s;
        QTest::newRow("418") << 418 << plain << ApiError::Reason::OtherHttp << u"HTTP 418"_s;
    }
    void apiError_reason_followsStatusAndBody()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ApiError::Reason, reason);
        QFETCH(QString, mentions);
        const ApiError error = ApiError::fromHttp(status, body, u"corr-1"_s);
        QCOMPARE(error.reason(), reason);
        QVERIFY2(error.userMessage().contains(mentions), qPrintable(error.userMessage()));
        QVERIFY2(error.fullText().startsWith(error.userMessage()), qPrintable(error.fullText()));
    }
    void apiError_reason_ofNonHttpKinds()
    {
        QCOMPARE(ApiError().reason(), ApiError::Reason::None);
        QCOMPARE(ApiError::cancelled().reason(), ApiError::Reason::Cancelled);
        QCOMPARE(ApiError(ApiError::Kind::Network, u"refused"_s).reason(), ApiError::Reason::Unreachable);
        QCOMPARE(ApiError(ApiError::Kind::Timeout, {}).reason(), ApiError::Reason::TimedOut);
        QCOMPARE(ApiError(ApiError::Kind::Parse, u"x"_s).reason(), ApiError::Reason::Unreadable);
        const ApiError described(ApiError::Kind::Config, u"Enter the OAuth client id."_s);
        QCOMPARE(described.reason(), ApiError::Reason::Described);
        QCOMPARE(described.userMessage(), described.message());
    }
};

QTEST_APPLESS_MAIN(TestResponseClassifier)
#include "tst_responseclassifier.moc"
