// A login server that redirects: the client-credentials check, the session sign-in and the browser sign-in's
// code exchange must never carry the secret, the code or the PKCE verifier to another origin, and still
// follow a redirect within their own origin.

#include "api/apiclient.h"
#include "api/apiendpoint.h"
#include "api/apireply.h"
#include "api/tokenprovider.h"
#include "auth/browsersignin.h"
#include "auth/credentialcheck.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// One request as the server read it.
struct Seen
{
    QByteArray method;
    QByteArray path;
    QByteArray authorization;
    QByteArray body;
};

/// A small HTTP/1.1 server on 127.0.0.1, port 0: answers each request with what `answer` returns and records
/// every request it got.
class RecordingServer final : public QObject
{
public:
    using Answer = std::function<QByteArray(const Seen&)>;

    explicit RecordingServer(Answer answer)
        : m_answer(std::move(answer))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString& path = {}) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    }
    const QList<Seen>& seen() const { return m_seen; }

private:
    void serve(QTcpSocket* socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Seen request;
            qsizetype contentLength = 0;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            for (const QByteArray& line : lines.mid(1)) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    contentLength = value.toLongLong();
                else if (name == "authorization")
                    request.authorization = value;
            }
            if (buffer->size() < headerEnd + 4 + contentLength)
                return;
            request.body = buffer->mid(headerEnd + 4, contentLength);
            buffer->clear();
            m_seen << request;
            socket->write(m_answer(request));
            socket->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    Answer m_answer;
    QList<Seen> m_seen;
};

QByteArray redirectTo(const QUrl& target)
{
    return "HTTP/1.1 307 Temporary Redirect\r\nLocation: "_ba + target.toEncoded()
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"_ba;
}

QByteArray tokenAnswer()
{
    const QByteArray body
        = R"({"access_token":"same-origin-token","token_type":"bearer","expires_in":86399})"_ba;
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "_ba
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"_ba + body;
}

} // namespace

class TestRedirectOrigin final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RecordingServer> m_sink; // the other origin: must never be reached
    std::unique_ptr<RecordingServer> m_login; // the login server the client was pointed at

    /// A login server whose /oauth/token redirects to the sink (another port is another origin).
    void startRedirectingLogin()
    {
        m_sink = std::make_unique<RecordingServer>([](const Seen&) { return tokenAnswer(); });
        QVERIFY(m_sink->listen());
        m_login = std::make_unique<RecordingServer>(
            [this](const Seen&) { return redirectTo(m_sink->url(u"/steal"_s)); });
        QVERIFY(m_login->listen());
    }

private Q_SLOTS:
    void credentialCheck_redirectToAnotherOrigin_sendsNothingThere()
    {
        startRedirectingLogin();
        CredentialCheck check;
        QSignalSpy accepted(&check, &CredentialCheck::accepted);
        QSignalSpy refused(&check, &CredentialCheck::refused);
        check.start(m_login->url(), u"cid"_s, u"S3CR3T-dialog"_s);
        QVERIFY(refused.wait(15'000));
        QCOMPARE(accepted.count(), 0);
        const QString message = refused.at(0).at(0).value<ApiError>().message();
        QVERIFY2(message.contains(u"redirected to another server"_s), qPrintable(message));
        QVERIFY2(message.contains(m_sink->url().toString()),
            qPrintable(message + u" / "_s + m_sink->url().toString()));
        QCOMPARE(m_login->seen().size(), 1);
        QCOMPARE(m_login->seen().at(0).authorization, "Basic "_ba + "cid:S3CR3T-dialog"_ba.toBase64());
        QVERIFY(m_sink->seen().isEmpty());
    }

    void credentialCheck_redirectWithinTheOrigin_isFollowed()
    {
        m_login = std::make_unique<RecordingServer>([this](const Seen& request) {
            return request.path == "/oauth/token"_ba ? redirectTo(m_login->url(u"/oauth/token-moved"_s))
                                                     : tokenAnswer();
        });
        QVERIFY(m_login->listen());
        CredentialCheck check;
        QSignalSpy accepted(&check, &CredentialCheck::accepted);
        QSignalSpy refused(&check, &CredentialCheck::refused);
        check.start(m_login->url(), u"cid"_s, u"secret"_s);
        QVERIFY(accepted.wait(15'000));
        QCOMPARE(refused.count(), 0);
        QCOMPARE(m_login->seen().size(), 2);
        QCOMPARE(m_login->seen().at(1).path, "/oauth/token-moved"_ba);
        QCOMPARE(m_login->seen().at(1).body, "grant_type=client_credentials"_ba);
    }

    void sessionSignIn_redirectToAnotherOrigin_sendsNothingThere()
    {
        // The path every request of a signed-in session (and the headless export) takes.
        startRedirectingLogin();
        TokenProvider auth;
        QString why;
        const ApiEndpoint endpoint = ApiEndpoint::fromUrls(m_login->url(), m_login->url(), &why);
        QVERIFY2(endpoint.isValid(), qPrintable(why));
        ApiClient client(endpoint, &auth);
        auth.useClientCredentials(m_login->url(), u"cid"_s, u"S3CR3T-session"_s);
        QSignalSpy failed(&auth, &TokenProvider::signInFailed);
        auth.signIn();
        QVERIFY(failed.wait(15'000));
        QVERIFY(failed.at(0).at(0).value<ApiError>().message().contains(u"redirected to another server"_s));
        QVERIFY(m_sink->seen().isEmpty());
        QVERIFY(auth.accessToken().isEmpty());
    }

    void apiRequest_redirectToAnotherOrigin_isNotFollowedAndSaysSo()
    {
        // The API answers a 302 to another origin: the bearer token must not follow, and the error says why.
        m_sink = std::make_unique<RecordingServer>([](const Seen&) { return tokenAnswer(); });
        QVERIFY(m_sink->listen());
        m_login = std::make_unique<RecordingServer>([this](const Seen& request) {
            if (request.path == "/oauth/token"_ba)
                return tokenAnswer();
            return "HTTP/1.1 302 Found\r\nLocation: "_ba
                + m_sink->url(u"/api/v2/organizations/me"_s).toEncoded()
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"_ba;
        });
        QVERIFY(m_login->listen());
        TokenProvider auth;
        QString why;
        const ApiEndpoint endpoint = ApiEndpoint::fromUrls(m_login->url(), m_login->url(), &why);
        QVERIFY2(endpoint.isValid(), qPrintable(why));
        ApiClient client(endpoint, &auth);
        auth.useClientCredentials(m_login->url(), u"cid"_s, u"secret"_s);
        ApiRequest request;
        request.path = u"/api/v2/organizations/me"_s;
        ApiReply* reply = client.send(request);
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait(15'000));
        const auto response = finished.at(0).at(0).value<ApiResponse>();
        QVERIFY(!response.ok());
        QVERIFY2(response.error.message().contains(
                     u"redirected to another server (%1)"_s.arg(m_sink->url().toString())),
            qPrintable(response.error.message()));
        QVERIFY(m_sink->seen().isEmpty());
    }

    void browserCodeExchange_redirectToAnotherOrigin_sendsNothingThere()
    {
        startRedirectingLogin();
        BrowserSignIn signIn;
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> callback;
        // The "browser": skips the login page and brings a code straight back to the loopback redirect.
        signIn.setBrowserOpener([&](const QUrl& authorize) {
            const QUrlQuery query(authorize);
            QUrl back(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
            back.setQuery(u"code=THE-CODE&state="_s + query.queryItemValue(u"state"_s, QUrl::FullyEncoded));
            callback.reset(browser.get(QNetworkRequest(back)));
            return true;
        });
        QSignalSpy succeeded(&signIn, &BrowserSignIn::succeeded);
        QSignalSpy failed(&signIn, &BrowserSignIn::failed);
        signIn.start(m_login->url(), u"browser-client"_s);
        QVERIFY(failed.wait(15'000));
        QCOMPARE(succeeded.count(), 0);
        const QString message = failed.at(0).at(0).value<ApiError>().message();
        QVERIFY2(message.contains(u"redirected to another server"_s), qPrintable(message));
        QCOMPARE(m_login->seen().size(), 1);
        QVERIFY(m_login->seen().at(0).body.contains("code_verifier="_ba));
        QVERIFY(m_sink->seen().isEmpty());
    }
};

} // namespace bd

QTEST_GUILESS_MAIN(bd::TestRedirectOrigin)
#include "tst_redirectorigin.moc"
