#pragma once

#include "api/apierror.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace bd {

/// Holds one session's access token and gets a new one when it can: with client credentials it signs in
/// (POST /oauth/token) when there is no token, shortly before expiry, and once after a 401. A pasted access
/// token is used as it is. A browser sign-in's user token cannot be renewed here: when it expires (or a 401
/// says so) requests wait and reauthenticationNeeded() asks for a new sign-in; useUserToken() lets them go
/// on, and abandonSignIn() fails them. The secret and the token stay in memory and are never logged.
class TokenProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenProvider)

public:
    enum class Method { None, ClientCredentials, AccessToken, UserToken };

    explicit TokenProvider(QObject* parent = nullptr);
    ~TokenProvider() override;

    /// Signs in with an OAuth client-credentials client against loginBase (https://login.<env>).
    void useClientCredentials(const QUrl& loginBase, const QString& clientId, const QString& clientSecret);
    /// Uses a token obtained elsewhere; it cannot be renewed.
    void useAccessToken(const QString& token);
    /// Uses (or replaces) a browser sign-in's user token; requests waiting for it go on (signedIn() follows).
    void useUserToken(const QString& token, const QDateTime& expiresAt);
    /// The person declined to sign in again: requests waiting for a token fail with `reason`
    /// (signInFailed()).
    void abandonSignIn(const QString& reason);
    /// The network the sign-in request goes through (ApiClient shares its own).
    void setNetwork(QNetworkAccessManager* network) { m_network = network; }

    Method method() const { return m_method; }
    QString clientId() const { return m_clientId; }
    /// The token to send now; empty when there is none.
    QString accessToken() const { return m_token; }
    /// When the token expires; invalid when unknown (a pasted token).
    QDateTime expiresAt() const { return m_expiresAt; }
    /// True when a request should wait for a sign-in first (no token, or one about to expire).
    bool needsSignIn() const;
    /// True when this session can get a new token: by itself (client credentials) or by asking the person to
    /// sign in again (a user token); requests that got a 401 then wait for it and are replayed once.
    bool canSignIn() const { return m_method == Method::ClientCredentials || m_method == Method::UserToken; }
    /// True when there is a token that has not run out yet.
    bool hasUsableToken() const;
    /// True shortly after the server refused these credentials: a 401 then fails at once.
    bool recentlyRefused() const;

    /// Starts a sign-in unless one is under way; signedIn() or signInFailed() follows.
    void signIn();
    /// Forgets `token` after the server refused it (a 401), so the next request signs in again.
    void invalidate(const QString& token);
    /// Forgets the token and credentials.
    void clear();

Q_SIGNALS:
    void signedIn();
    void signInFailed(const bd::ApiError& error);
    /// A user token ran out: ask the person to sign in again (then useUserToken() or abandonSignIn()).
    /// Emitted once per expiry; what is loaded stays, and requests wait.
    void reauthenticationNeeded();

private:
    void startSignIn();
    void onTokenReply(QNetworkReply* reply);
    void failSignIn(const ApiError& error);

    Method m_method = Method::None;
    QUrl m_loginBase;
    QString m_clientId;
    QString m_clientSecret;
    QString m_token;
    QDateTime m_expiresAt;
    qint64 m_lifetimeSecs = 0;
    int m_signInAttempts = 0;
    bool m_retryPending = false; ///< a passing sign-in failure will be tried again shortly
    QDateTime m_renewalPausedUntil; ///< after a failed early renewal, the old token is used until then
    QElapsedTimer m_refusedAt; ///< when the server last refused the credentials
    QPointer<QNetworkAccessManager> m_network; // owned by the ApiClient, which may go first
    QPointer<QNetworkReply> m_signIn;
    bool m_reauthenticationPending = false;
};

} // namespace bd
