// The browser sign-in against billing-sim, with this test playing the browser: it follows the authorize
// redirect with QNetworkAccessManager and brings the code back to the app's loopback listener.

#include "api/apiclient.h"
#include "api/apisession.h"
#include "api/organizationjob.h"
#include "api/orgapi.h"
#include "api/tokenprovider.h"
#include "auth/browsersignin.h"
#include "auth/pkce.h"
#include "auth/profile.h"
#include "auth/profileopener.h"
#include "auth/secrets.h"
#include "auth/usermejob.h"
#include "simfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// What a browser sees for one GET: the status, the page and where a redirect points.
struct Page
{
    int status = 0;
    QByteArray body;
    QUrl location;
};

QString queryValue(const QUrl& url, const QString& name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

QUrl withQueryValue(QUrl url, const QString& name, const QString& value)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(name);
    query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url;
}

} // namespace

class TestBrowserSignIn final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::BillingSimServer> m_sim;
    QNetworkAccessManager m_browser;
    QUrl m_authorizeUrl; // what the app asked the "system browser" to open

    /// One GET the way a browser would, without following redirects (the test follows them itself).
    Page browse(const QUrl& url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(m_browser.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            [&] { QVERIFY(done.wait(15'000)); }();
        Page page;
        page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page.body = reply->readAll();
        page.location = QUrl::fromEncoded(reply->rawHeader("Location"_ba));
        return page;
    }

    /// A sign-in whose "system browser" only records the URL it was asked to open.
    std::unique_ptr<BrowserSignIn> makeSignIn()
    {
        auto signIn = std::make_unique<BrowserSignIn>();
        signIn->setBrowserOpener([this](const QUrl& url) {
            m_authorizeUrl = url;
            return true;
        });
        return signIn;
    }

    Profile browserProfile() const
    {
        Profile profile;
        profile.name = u"Northwind (browser)"_s;
        profile.baseUrl = m_sim->baseUrl();
        profile.method = Profile::Method::Browser;
        profile.clientId = m_sim->options().browserClientId;
        return profile;
    }

    /// Runs a whole successful sign-in; returns the token and the callback URL the browser was sent to.
    std::pair<QString, QUrl> signInThroughBrowser()
    {
        auto signIn = makeSignIn();
        QSignalSpy succeeded(signIn.get(), &BrowserSignIn::succeeded);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        const Page authorize = browse(m_authorizeUrl);
        const Page callback = browse(authorize.location);
        [&] { QTRY_COMPARE(succeeded.size(), 1); }();
        if (succeeded.isEmpty())
            return {};
        return { succeeded.first().at(0).toString(), authorize.location };
    }

    QList<sim::RequestRecord> tokenRequests() const
    {
        QList<sim::RequestRecord> found;
        const QList<sim::RequestRecord> log = m_sim->requestLog();
        for (const sim::RequestRecord& r : log) {
            if (r.path == u"/oauth/token"_s)
                found.append(r);
        }
        return found;
    }

private Q_SLOTS:
    void init()
    {
        sim::SimOptions options;
        options.now = test::fixedNow();
        m_sim = std::make_unique<sim::BillingSimServer>(options);
        QVERIFY(m_sim->listen() != 0);
        m_authorizeUrl.clear();
    }

    void cleanup() { m_sim.reset(); }

    void start_authorizeUrl_carriesPkceStateAndLoopbackRedirect()
    {
        auto signIn = makeSignIn();
        QSignalSpy waiting(signIn.get(), &BrowserSignIn::waitingForBrowser);
        signIn->start(m_sim->baseUrl(), u"demo-browser"_s);
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().at(1).toBool(), true);
        QCOMPARE(m_authorizeUrl.path(), u"/oauth/authorize"_s);
        QCOMPARE(queryValue(m_authorizeUrl, u"response_type"_s), u"code"_s);
        QCOMPARE(queryValue(m_authorizeUrl, u"client_id"_s), u"demo-browser"_s);
        QCOMPARE(queryValue(m_authorizeUrl, u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(queryValue(m_authorizeUrl, u"code_challenge"_s).size(), 43);
        QVERIFY(queryValue(m_authorizeUrl, u"state"_s).size() >= 32);
        const QUrl redirect(queryValue(m_authorizeUrl, u"redirect_uri"_s));
        QCOMPARE(redirect.scheme(), u"http"_s);
        QCOMPARE(redirect.host(), u"127.0.0.1"_s);
        QVERIFY(redirect.port() > 0);
        QCOMPARE(redirect, signIn->redirectUri());
        // No secret travels in the browser: there is none with PKCE.
        QVERIFY(!m_authorizeUrl.toString().contains(u"secret"_s));
    }

    void browserFlow_endsSignedIn_namesOrgAndPerson()
    {
        auto signIn = makeSignIn();
        QSignalSpy succeeded(signIn.get(), &BrowserSignIn::succeeded);
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);

        const Page authorize = browse(m_authorizeUrl);
        QCOMPARE(authorize.status, 302);
        QCOMPARE(authorize.location.host(), u"127.0.0.1"_s);
        QCOMPARE(authorize.location.port(), signIn->redirectUri().port());
        QCOMPARE(queryValue(authorize.location, u"state"_s), queryValue(m_authorizeUrl, u"state"_s));
        QVERIFY(!queryValue(authorize.location, u"code"_s).isEmpty());

        const Page done = browse(authorize.location);
        QCOMPARE(done.status, 200);
        QVERIFY2(done.body.contains("Signed in"), done.body.constData());
        QVERIFY(!done.body.contains(queryValue(authorize.location, u"code"_s).toUtf8()));
        QTRY_COMPARE(succeeded.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!signIn->isActive());
        const QString token = succeeded.first().at(0).toString();
        const QDateTime expiresAt = succeeded.first().at(1).toDateTime();
        QVERIFY(!token.isEmpty());
        QVERIFY(expiresAt > QDateTime::currentDateTimeUtc().addSecs(86000));

        // The code exchange is a public client's: no Authorization header.
        const QList<sim::RequestRecord> exchanges = tokenRequests();
        QCOMPARE(exchanges.size(), 1);
        QVERIFY(exchanges.first().authorization.isEmpty());
        QCOMPARE(exchanges.first().status, 200);

        // Signed in: organizations/me names the org and users/me the person.
        QString error;
        std::unique_ptr<ApiSession> session(
            ProfileOpener::open(browserProfile(), Secrets { {}, token, expiresAt }, &error));
        QVERIFY2(session, qPrintable(error));
        QCOMPARE(session->auth()->method(), TokenProvider::Method::UserToken);
        QCOMPARE(session->auth()->expiresAt(), expiresAt);
        OrganizationJob* orgJob = session->orgs()->fetchOrganization();
        QSignalSpy org(orgJob, &OrganizationJob::organizationReady);
        QVERIFY(org.wait(10'000));
        QCOMPARE(org.first().at(0).value<Organization>().name, u"Northwind Contact Center"_s);
        UserMeJob* userJob = UserMeJob::fetch(session->client(), session.get());
        QSignalSpy user(userJob, &UserMeJob::userReady);
        QVERIFY(user.wait(10'000));
        QCOMPARE(user.first().at(0).value<UserMe>().name, u"Avery Quinn"_s);
    }

    void wrongVerifier_failsWithClearMessage()
    {
        auto signIn = makeSignIn();
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        QSignalSpy succeeded(signIn.get(), &BrowserSignIn::succeeded);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        // The challenge the server records is not the app's: the app's verifier no longer matches it.
        const QUrl tampered = withQueryValue(
            m_authorizeUrl, u"code_challenge"_s, Pkce::challengeFor(Pkce::generate().verifier));
        const Page authorize = browse(tampered);
        const Page done = browse(authorize.location);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(succeeded.size(), 0);
        const ApiError error = failed.first().at(0).value<ApiError>();
        QCOMPARE(error.kind(), ApiError::Kind::Auth);
        QVERIFY2(error.message().contains(u"code_verifier does not match the code_challenge"_s),
            qPrintable(error.message()));
        QCOMPARE(done.status, 400);
        QVERIFY(done.body.contains("Sign-in failed"));
        QVERIFY(done.body.contains("did not accept the sign-in code"));
    }

    void reusedCode_failsWithClearMessage_andRevokesItsToken()
    {
        const auto [firstToken, firstCallback] = signInThroughBrowser();
        QVERIFY(!firstToken.isEmpty());

        // A second sign-in receives the first one's code (say, a replayed or stolen callback).
        auto signIn = makeSignIn();
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        QUrl replay = signIn->redirectUri();
        QUrlQuery query;
        query.addQueryItem(u"code"_s, queryValue(firstCallback, u"code"_s));
        query.addQueryItem(u"state"_s, queryValue(m_authorizeUrl, u"state"_s));
        replay.setQuery(query);
        const Page done = browse(replay);
        QTRY_COMPARE(failed.size(), 1);
        const ApiError error = failed.first().at(0).value<ApiError>();
        QVERIFY2(error.message().contains(u"already been used"_s), qPrintable(error.message()));
        QCOMPARE(done.status, 400);

        // The server treats a replayed code as stolen: the token it bought no longer works.
        QString why;
        std::unique_ptr<ApiSession> session(
            ProfileOpener::open(browserProfile(), Secrets { {}, firstToken, {} }, &why));
        QVERIFY2(session, qPrintable(why));
        QSignalSpy reauth(session->auth(), &TokenProvider::reauthenticationNeeded);
        session->orgs()->fetchOrganization();
        QVERIFY(reauth.wait(10'000));
    }

    void forgedState_isAnsweredAndIgnored_theRealAnswerStillSignsIn()
    {
        // Any local process can reach the listener; an answer without this sign-in's state must not end it.
        auto signIn = makeSignIn();
        QSignalSpy succeeded(signIn.get(), &BrowserSignIn::succeeded);
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        const Page authorize = browse(m_authorizeUrl);
        const Page forged = browse(withQueryValue(authorize.location, u"state"_s, u"forged-state"_s));
        QCOMPARE(forged.status, 400);
        QVERIFY(forged.body.contains("does not belong to the sign-in under way"));
        QUrl noState = authorize.location;
        QUrlQuery query(noState);
        query.removeAllQueryItems(u"state"_s);
        noState.setQuery(query);
        QCOMPARE(browse(noState).status, 400);
        QVERIFY(signIn->isActive());
        QVERIFY(failed.isEmpty());
        QVERIFY(tokenRequests().isEmpty());

        const Page done = browse(authorize.location);
        QTRY_COMPARE(succeeded.size(), 1);
        QCOMPARE(done.status, 200);
        QVERIFY(failed.isEmpty());
        QCOMPARE(tokenRequests().size(), 1);
    }

    void idleConnections_areDroppedAndCapped()
    {
        auto signIn = makeSignIn();
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        const QUrl callback = signIn->redirectUri();
        // Far more sockets than a browser opens, none of them sending anything.
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 40; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, quint16(callback.port()));
            sockets.push_back(std::move(socket));
        }
        // Those over the cap are closed at once; the rest when their idle time runs out (10 s).
        int closed = 0;
        for (const auto& socket : sockets) {
            if (socket->state() != QAbstractSocket::UnconnectedState)
                QSignalSpy(socket.get(), &QTcpSocket::disconnected).wait(20'000);
            closed += socket->state() == QAbstractSocket::UnconnectedState;
        }
        QCOMPARE(closed, 40);
        // The sign-in itself goes on: the real answer still gets through.
        QSignalSpy succeeded(signIn.get(), &BrowserSignIn::succeeded);
        const Page authorize = browse(m_authorizeUrl);
        QCOMPARE(browse(authorize.location).status, 200);
        QTRY_COMPARE(succeeded.size(), 1);
    }

    void bareLineFeeds_areReadLikeCrLf()
    {
        auto signIn = makeSignIn();
        QSignalSpy succeeded(signIn.get(), &BrowserSignIn::succeeded);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        const Page authorize = browse(m_authorizeUrl);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(authorize.location.port()));
        QVERIFY(socket.waitForConnected(10'000));
        socket.write("GET " + authorize.location.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
            + " HTTP/1.1\nHost: 127.0.0.1\n\n");
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 1, 15'000);
        if (socket.state() != QAbstractSocket::UnconnectedState)
            QSignalSpy(&socket, &QTcpSocket::disconnected).wait(10'000);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 200 OK"));
    }

    void deniedConsent_failsWithTheServersReason()
    {
        m_sim->setDenyConsent(true);
        auto signIn = makeSignIn();
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        const Page authorize = browse(m_authorizeUrl);
        QCOMPARE(queryValue(authorize.location, u"error"_s), u"access_denied"_s);
        const Page done = browse(authorize.location);
        QTRY_COMPARE(failed.size(), 1);
        const QString message = failed.first().at(0).value<ApiError>().message();
        QVERIFY2(message.startsWith(u"Sign-in was declined in the browser: The user denied"_s),
            qPrintable(message));
        QCOMPARE(done.status, 400);
        QVERIFY(tokenRequests().isEmpty());
    }

    void expiredCode_failsWithClearMessage()
    {
        m_sim->setAuthCodeLifetimeSecs(0);
        auto signIn = makeSignIn();
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        browse(browse(m_authorizeUrl).location);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(0).value<ApiError>().message().contains(u"expired"_s));
    }

    void start_plainHttpToRemoteHost_isRefused()
    {
        auto signIn = makeSignIn();
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        signIn->start(QUrl(u"http://login.mypurecloud.ie"_s), u"demo-browser"_s);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<ApiError>().kind(), ApiError::Kind::Config);
        QVERIFY(m_authorizeUrl.isEmpty()); // no browser was opened
    }

    void cancel_answersTheBrowserAndFails()
    {
        auto signIn = makeSignIn();
        QSignalSpy failed(signIn.get(), &BrowserSignIn::failed);
        signIn->start(m_sim->baseUrl(), m_sim->options().browserClientId);
        signIn->cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<ApiError>().kind(), ApiError::Kind::Cancelled);
        QVERIFY(!signIn->isActive());
    }

    void expiredUserToken_asksToSignInAgain_thenTheWaitingRequestCompletes()
    {
        const auto [token, callback] = signInThroughBrowser();
        Q_UNUSED(callback)
        QString error;
        std::unique_ptr<ApiSession> session(
            ProfileOpener::open(browserProfile(), Secrets { {}, token, {} }, &error));
        QVERIFY2(session, qPrintable(error));
        m_sim->expireAllTokens();

        QSignalSpy reauth(session->auth(), &TokenProvider::reauthenticationNeeded);
        OrganizationJob* job = session->orgs()->fetchOrganization();
        QSignalSpy org(job, &OrganizationJob::organizationReady);
        QSignalSpy jobFailed(job, &OrganizationJob::failed);
        QVERIFY(reauth.wait(10'000));
        QCOMPARE(jobFailed.size(), 0); // the request waits; nothing loaded is dropped

        // The person signs in again; the waiting request goes on with the new token.
        const auto [fresh, freshCallback] = signInThroughBrowser();
        Q_UNUSED(freshCallback)
        session->auth()->useUserToken(fresh, QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(org.wait(10'000));
        QCOMPARE(reauth.size(), 1);
        QCOMPARE(jobFailed.size(), 0);
    }

    void reauthenticationDeclined_failsTheWaitingRequest()
    {
        const auto [token, callback] = signInThroughBrowser();
        Q_UNUSED(callback)
        QString error;
        std::unique_ptr<ApiSession> session(
            ProfileOpener::open(browserProfile(), Secrets { {}, token, {} }, &error));
        QVERIFY2(session, qPrintable(error));
        m_sim->expireAllTokens();
        QSignalSpy reauth(session->auth(), &TokenProvider::reauthenticationNeeded);
        OrganizationJob* job = session->orgs()->fetchOrganization();
        QSignalSpy jobFailed(job, &OrganizationJob::failed);
        QVERIFY(reauth.wait(10'000));
        session->auth()->abandonSignIn(u"Signed out."_s);
        QTRY_COMPARE(jobFailed.size(), 1);
        QCOMPARE(jobFailed.first().at(0).value<ApiError>().message(), u"Signed out."_s);
    }

    void clientCredentialsToken_onUsersMe_getsBadRequest()
    {
        BD_SIM_FIXTURE(fixture);
        UserMeJob* job = UserMeJob::fetch(fixture.session->client(), fixture.session.get());
        QSignalSpy failed(job, &UserMeJob::failed);
        QVERIFY(failed.wait(10'000));
        const ApiError error = failed.first().at(0).value<ApiError>();
        QCOMPARE(error.httpStatus(), 400);
        QVERIFY(error.message().contains(u"requires a user context"_s));
    }
};

} // namespace bd

QTEST_GUILESS_MAIN(bd::TestBrowserSignIn)
#include "tst_browsersignin.moc"
