#include "api/tokenprovider.h"

#include "api/apiclient.h"
#include "api/networkaccess.h"
#include "domain/oautherror.h"
#include "domain/oauthtoken.h"
#include "domain/servertext.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
// Renew a client-credentials token this long before it expires (at most a tenth of its lifetime), so no
// request leaves with a dying token.
constexpr qint64 RenewBeforeExpirySecs = 60;
constexpr int SignInTimeoutMs = 30'000;
// A sign-in that fails for a passing reason is tried this often in all, 1 s then 2 s apart.
constexpr int MaxSignInAttempts = 3;
constexpr int SignInRetryDelayMs = 1'000;
// After a failed early renewal the still-valid token is used this long before renewing is tried again.
constexpr qint64 RenewalRetryPauseSecs = 15;
// After refused credentials a 401 fails at once for this long instead of signing in again.
constexpr qint64 RefusalMemoryMs = 30'000;
} // namespace

TokenProvider::TokenProvider(QObject* parent)
    : QObject(parent)
{ }

TokenProvider::~TokenProvider()
{
    // Forget the sign-in before aborting it, so that its finished() is not reported as a failure.
    if (QNetworkReply* reply = m_signIn) {
        m_signIn = nullptr;
        reply->abort();
    }
}

void TokenProvider::useClientCredentials(
    const QUrl& loginBase, const QString& clientId, const QString& clientSecret)
{
    clear();
    m_method = Method::ClientCredentials;
    m_loginBase = loginBase;
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void TokenProvider::useAccessToken(const QString& token)
{
    clear();
    m_method = Method::AccessToken;
    m_token = token;
}

void TokenProvider::useUserToken(const QString& token, const QDateTime& expiresAt)
{
    // Keeps nothing of a previous method, but does not clear() a pending re-sign-in: the requests waiting for
    // it go on with the new token.
    if (m_signIn) {
        QNetworkReply* reply = m_signIn;
        m_signIn = nullptr;
        reply->abort();
    }
    m_method = Method::UserToken;
    m_loginBase = {};
    m_clientSecret.clear();
    m_token = token;
    m_expiresAt = expiresAt;
    m_lifetimeSecs = expiresAt.isValid() ? QDateTime::currentDateTimeUtc().secsTo(expiresAt) : 0;
    m_reauthenticationPending = false;
    Q_EMIT signedIn();
}

void TokenProvider::abandonSignIn(const QString& reason)
{
    if (!m_reauthenticationPending)
        return;
    m_reauthenticationPending = false;
    Q_EMIT signInFailed(ApiError(ApiError::Kind::Auth, reason));
}

bool TokenProvider::needsSignIn() const
{
    if (m_method == Method::UserToken) {
        // No early renewal: a person has to act, so the token is used until it has really run out.
        return m_token.isEmpty() || (m_expiresAt.isValid() && QDateTime::currentDateTimeUtc() >= m_expiresAt);
    }
    if (m_method != Method::ClientCredentials)
        return false;
    if (m_token.isEmpty())
        return true;
    if (m_renewalPausedUntil.isValid() && QDateTime::currentDateTimeUtc() < m_renewalPausedUntil
        && hasUsableToken())
        return false;
    const qint64 margin = std::min(RenewBeforeExpirySecs, m_lifetimeSecs / 10);
    return m_expiresAt.isValid() && QDateTime::currentDateTimeUtc().secsTo(m_expiresAt) < margin;
}

void TokenProvider::signIn()
{
    if (m_signIn || m_retryPending)
        return;
    if (m_method == Method::UserToken) {
        if (!m_reauthenticationPending) {
            m_reauthenticationPending = true;
            Q_EMIT reauthenticationNeeded();
        }
        return;
    }
    if (m_method != Method::ClientCredentials || !m_network) {
        Q_EMIT signInFailed(ApiError(ApiError::Kind::Auth,
            tr("No credentials that can sign in: configure a client id and secret, or paste a new token.")));
        return;
    }
    m_signInAttempts = 0;
    startSignIn();
}

void TokenProvider::startSignIn()
{
    m_retryPending = false;
    if (!m_network)
        return;
    ++m_signInAttempts;
    QUrl url = m_loginBase;
    url.setPath(m_loginBase.path() + u"/oauth/token"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    const QByteArray basic = (m_clientId + u':' + m_clientSecret).toUtf8().toBase64();
    request.setRawHeader("Authorization"_ba, "Basic "_ba + basic);
    request.setTransferTimeout(SignInTimeoutMs);
    m_signIn = m_network->post(request, "grant_type=client_credentials"_ba);
    QNetworkReply* reply = m_signIn;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onTokenReply(reply); });
}

void TokenProvider::onTokenReply(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_signIn)
        return; // a cleared session's old sign-in
    m_signIn = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 200) {
        auto token = OAuthToken::fromJson(body);
        if (!token.ok()) {
            failSignIn(
                ApiError(ApiError::Kind::Parse, tr("the sign-in answer: %1").arg(token.error().toString())));
            return;
        }
        m_retryPending = false;
        m_refusedAt.invalidate();
        m_token = token.value().accessToken;
        m_lifetimeSecs = token.value().expiresIn;
        m_expiresAt = token.value().expiresIn > 0
            ? QDateTime::currentDateTimeUtc().addSecs(token.value().expiresIn)
            : QDateTime();
        Q_EMIT signedIn();
        return;
    }
    const QString elsewhere = NetworkAccess::refusedRedirectOrigin(reply);
    if (!elsewhere.isEmpty()) {
        failSignIn(ApiError(ApiError::Kind::Auth,
            tr("The sign-in at %1 was redirected to another server (%2); the credentials were not sent "
               "there.")
                .arg(m_loginBase.host(), elsewhere)));
        return;
    }
    // A network failure, a 429 or a 5xx says nothing about the credentials: try again a couple of times.
    const bool transient = status == 0 || status == 429 || status >= 500;
    if (transient && m_signInAttempts < MaxSignInAttempts) {
        QTimer::singleShot(SignInRetryDelayMs * m_signInAttempts, this, [this] {
            if (!m_signIn && m_method == Method::ClientCredentials)
                startSignIn();
        });
        m_retryPending = true;
        return;
    }
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        failSignIn(ApiError(timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network,
            tr("sign-in at %1 failed: %2").arg(m_loginBase.host(), reply->errorString())));
        return;
    }
    if (transient) {
        failSignIn(ApiError(ApiError::Kind::Auth,
            tr("Genesys Cloud's sign-in is unavailable (HTTP %1); try again shortly.").arg(status)));
        return;
    }
    auto oauthError = OAuthError::fromJson(body);
    QString why = oauthError.ok() ? ServerText::clean(oauthError.value().description) : QString();
    if (why.isEmpty())
        why = oauthError.ok() && !oauthError.value().error.isEmpty()
            ? ServerText::clean(oauthError.value().error, 100)
            : u"HTTP %1"_s.arg(status);
    m_refusedAt.start(); // the credentials are wrong: late 401s must not sign in again and again
    failSignIn(
        ApiError(ApiError::Kind::Auth, tr("Sign-in refused: %1. Check the client id and secret.").arg(why)));
}

void TokenProvider::failSignIn(const ApiError& error)
{
    m_retryPending = false;
    // An early renewal that failed leaves a token that still works: keep using it and try again later.
    if (hasUsableToken())
        m_renewalPausedUntil = QDateTime::currentDateTimeUtc().addSecs(RenewalRetryPauseSecs);
    Q_EMIT signInFailed(error);
}

bool TokenProvider::hasUsableToken() const
{
    return !m_token.isEmpty() && (!m_expiresAt.isValid() || QDateTime::currentDateTimeUtc() < m_expiresAt);
}

bool TokenProvider::recentlyRefused() const
{
    return m_refusedAt.isValid() && m_refusedAt.elapsed() < RefusalMemoryMs;
}

void TokenProvider::invalidate(const QString& token)
{
    if (token == m_token && (m_method == Method::ClientCredentials || m_method == Method::UserToken)) {
        m_token.clear();
        m_expiresAt = {};
    }
}

void TokenProvider::clear()
{
    if (m_signIn) {
        QNetworkReply* reply = m_signIn;
        m_signIn = nullptr;
        reply->abort();
    }
    m_method = Method::None;
    m_reauthenticationPending = false;
    m_loginBase = {};
    m_clientId.clear();
    m_clientSecret.clear();
    m_token.clear();
    m_expiresAt = {};
    m_retryPending = false;
    m_renewalPausedUntil = {};
    m_refusedAt.invalidate();
}

} // namespace bd
