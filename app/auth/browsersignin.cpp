#include "auth/browsersignin.h"

#include "api/apiclient.h"
#include "api/apiendpoint.h"
#include "api/networkaccess.h"
#include "auth/loopbackreceiver.h"
#include "auth/pkce.h"
#include "domain/oautherror.h"
#include "domain/oauthtoken.h"
#include "domain/servertext.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
constexpr int ExchangeTimeoutMs = 30'000;

QByteArray formField(const char* name, const QString& value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

QUrl endpointUrl(const QUrl& base, const QString& path)
{
    QUrl url = base;
    url.setPath(base.path() + path);
    return url;
}
} // namespace

BrowserSignIn::BrowserSignIn(QObject* parent)
    : QObject(parent)
    , m_openBrowser([](const QUrl& url) { return QDesktopServices::openUrl(url); })
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        finishWithError(ApiError::Kind::Timeout,
            tr("The browser did not come back within %1 minutes. Start the sign-in again.")
                .arg(m_timeoutMs / 60'000));
    });
}

BrowserSignIn::~BrowserSignIn()
{
    if (m_exchange)
        m_exchange->abort();
}

void BrowserSignIn::start(const QUrl& loginBase, const QString& clientId)
{
    if (m_active)
        cancel();
    QString why;
    if (!ApiEndpoint::isAcceptableUrl(loginBase, &why)) {
        Q_EMIT failed(ApiError(ApiError::Kind::Config, why));
        return;
    }
    if (clientId.trimmed().isEmpty()) {
        Q_EMIT failed(ApiError(ApiError::Kind::Config,
            tr("Browser sign-in needs the client id of an authorization-code OAuth client.")));
        return;
    }
    delete m_receiver;
    m_receiver = new LoopbackReceiver(this);
    if (!m_receiver->listen(m_redirectPort, &why)) {
        Q_EMIT failed(ApiError(ApiError::Kind::Network, why));
        return;
    }
    connect(m_receiver, &LoopbackReceiver::callbackReceived, this, &BrowserSignIn::onCallback);

    m_active = true;
    m_loginBase = loginBase;
    m_clientId = clientId.trimmed();
    m_redirectUri = m_receiver->redirectUri();
    m_state = Pkce::randomToken();
    m_receiver->setExpectedState(m_state);
    const Pkce pkce = Pkce::generate();
    m_verifier = pkce.verifier;

    m_authorizationUrl = endpointUrl(loginBase, u"/oauth/authorize"_s);
    QUrlQuery query;
    const auto add = [&query](const QString& name, const QString& value) {
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(u"client_id"_s, m_clientId);
    add(u"response_type"_s, u"code"_s);
    add(u"redirect_uri"_s, m_redirectUri.toString(QUrl::FullyEncoded));
    add(u"code_challenge"_s, pkce.challenge);
    add(u"code_challenge_method"_s, u"S256"_s);
    add(u"state"_s, m_state);
    m_authorizationUrl.setQuery(query);

    m_timeout->start(m_timeoutMs);
    const bool opened = m_openBrowser && m_openBrowser(m_authorizationUrl);
    if (m_active)
        Q_EMIT waitingForBrowser(m_authorizationUrl, opened);
}

void BrowserSignIn::cancel()
{
    if (!m_active)
        return;
    finishWithError(ApiError::Kind::Cancelled, tr("Sign-in cancelled."));
}

void BrowserSignIn::onCallback(const QUrlQuery& query)
{
    if (!m_active)
        return;
    const auto value
        = [&query](const QString& name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    // The state comes first: an answer that is not for this request must not be acted on, error or code alike
    // (RFC 6749 §10.12, cross-site request forgery).
    if (value(u"state"_s) != m_state) {
        const QString text
            = tr("The answer that reached Billing Dashboard does not belong to this sign-in (state "
                 "mismatch): it may come from an older sign-in or from another site. Nothing was "
                 "signed in; start the sign-in again.");
        answerBrowser(false, tr("Sign-in not accepted"), text);
        finishWithError(ApiError::Kind::Auth, text);
        return;
    }
    const QString error = value(u"error"_s);
    if (!error.isEmpty()) {
        const QString description = value(u"error_description"_s);
        const QString text = error == u"access_denied"_s
            ? tr("Sign-in was declined in the browser%1.")
                  .arg(description.isEmpty() ? QString() : u": "_s + description)
            : tr("Genesys Cloud refused the sign-in: %1 (%2).")
                  .arg(description.isEmpty() ? error : description, error);
        answerBrowser(false, tr("Sign-in failed"), text);
        finishWithError(ApiError::Kind::Auth, text);
        return;
    }
    const QString code = value(u"code"_s);
    if (code.isEmpty()) {
        const QString text
            = tr("The browser came back without an authorization code. Start the sign-in again.");
        answerBrowser(false, tr("Sign-in failed"), text);
        finishWithError(ApiError::Kind::Auth, text);
        return;
    }

    // The browser's page stays open until the exchange is done, so it can tell the truth about the outcome.
    QNetworkRequest request(endpointUrl(m_loginBase, u"/oauth/token"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    request.setTransferTimeout(ExchangeTimeoutMs);
    const QByteArray body = formField("grant_type", u"authorization_code"_s) + '&' + formField("code", code)
        + '&' + formField("code_verifier", m_verifier) + '&' + formField("client_id", m_clientId) + '&'
        + formField("redirect_uri", m_redirectUri.toString(QUrl::FullyEncoded));
    if (!m_network) {
        if (!m_ownNetwork) {
            m_ownNetwork = NetworkAccess::create().release();
            m_ownNetwork->setParent(this);
        }
        m_network = m_ownNetwork;
    }
    m_exchange = m_network->post(request, body);
    QNetworkReply* reply = m_exchange;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onTokenReply(reply); });
    Q_EMIT exchangingCode();
}

void BrowserSignIn::onTokenReply(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_exchange || !m_active)
        return;
    m_exchange = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 200) {
        auto token = OAuthToken::fromJson(body);
        if (!token.ok()) {
            const QString text = tr("The sign-in answer from %1 was not understood: %2")
                                     .arg(m_loginBase.host(), token.error().toString());
            answerBrowser(false, tr("Sign-in failed"), text);
            finishWithError(ApiError::Kind::Parse, text);
            return;
        }
        const QDateTime expiresAt = token.value().expiresIn > 0
            ? QDateTime::currentDateTimeUtc().addSecs(token.value().expiresIn)
            : QDateTime();
        answerBrowser(true, tr("Signed in"),
            tr("Billing Dashboard is signed in to Genesys Cloud. You can close this tab and return to the "
               "app."));
        m_active = false;
        m_timeout->stop();
        Q_EMIT succeeded(token.value().accessToken, expiresAt);
        return;
    }
    QString text;
    const QString elsewhere = NetworkAccess::refusedRedirectOrigin(reply);
    if (!elsewhere.isEmpty()) {
        text = tr(
            "The sign-in at %1 was redirected to another server (%2); the sign-in code was not sent there.")
                   .arg(m_loginBase.host(), elsewhere);
    } else if (status == 0) {
        text = tr("Could not reach %1 to finish the sign-in: %2")
                   .arg(m_loginBase.host(), reply->errorString());
    } else {
        auto oauthError = OAuthError::fromJson(body);
        QString why = oauthError.ok() ? ServerText::clean(oauthError.value().description) : QString();
        if (why.isEmpty())
            why = oauthError.ok() && !oauthError.value().error.isEmpty()
                ? ServerText::clean(oauthError.value().error, 100)
                : u"HTTP %1"_s.arg(status);
        text = tr("Genesys Cloud did not accept the sign-in code: %1").arg(why);
        if (!text.endsWith(u'.'))
            text += u'.';
    }
    answerBrowser(false, tr("Sign-in failed"), text);
    finishWithError(status == 0 ? ApiError::Kind::Network : ApiError::Kind::Auth, text);
}

void BrowserSignIn::finishWithError(ApiError::Kind kind, const QString& message)
{
    if (!m_active)
        return;
    m_active = false;
    m_timeout->stop();
    if (m_exchange) {
        QNetworkReply* reply = m_exchange;
        m_exchange = nullptr;
        reply->abort();
    }
    if (m_receiver) {
        if (kind == ApiError::Kind::Cancelled || kind == ApiError::Kind::Timeout)
            answerBrowser(false, tr("Sign-in cancelled"), message);
        m_receiver->close();
    }
    Q_EMIT failed(kind == ApiError::Kind::Cancelled ? ApiError::cancelled() : ApiError(kind, message));
}

void BrowserSignIn::answerBrowser(bool ok, const QString& title, const QString& text)
{
    if (!m_receiver)
        return;
    // A page that says what happened in plain words, with nothing that could leak (no code, no token).
    const QString accent = ok ? u"#1a7f37"_s : u"#b42318"_s;
    const QString html
        = u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1 · Billing "
          u"Dashboard</title>"
          u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
          u"body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f5f6f8;margin:0;"
          u"display:flex;min-height:100vh;align-items:center;justify-content:center;color:#1f2328}"
          u".card{background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:32px 40px;"
          u"max-width:520px}h1{font-size:22px;margin:0 0 12px;color:%2}p{line-height:1.5;margin:0}"
          u".app{font-size:13px;color:#57606a;margin-top:20px}</style></head><body><div class=\"card\">"
          u"<h1>%1</h1><p>%3</p><p class=\"app\">Billing Dashboard · Genesys Cloud</p></div></body></html>"_s
              .arg(title.toHtmlEscaped(), accent, text.toHtmlEscaped());
    m_receiver->respond(ok ? 200 : 400, html.toUtf8());
}

} // namespace bd
