// The retry rules of ApiClient, decided from an answer's facts alone: every status and network error in
// milliseconds, with no server and no real Retry-After waits.

#include "api/responseclassifier.h"

#include <QTest>

using namespace bd;
using namespace bd::ResponseClassifier;

Q_DECLARE_METATYPE(bd::ResponseClassifier::Action)
Q_DECLARE_METATYPE(bd::ResponseClassifier::Cause)

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
};

QTEST_APPLESS_MAIN(TestResponseClassifier)
#include "tst_responseclassifier.moc"
