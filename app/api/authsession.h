#pragma once

#include "api/apierror.h"

#include <QDateTime>
#include <QObject>
#include <QNetworkReply>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace bd {

/// Holds one session's access token and gets a new one when it can: with client credentials it signs in
/// (POST /oauth/token) when there is no token, shortly before expiry, and once after a 401. A pasted access
/// token is used as it is. The secret and the token stay in memory and are never logged.
class AuthSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthSession)

public:
    enum class Method { None, ClientCredentials, AccessToken };

    explicit AuthSession(QObject* parent = nullptr);
    ~AuthSession() override;

    /// Signs in with an OAuth client-credentials client against loginBase (https://login.<env>).
    void useClientCredentials(const QUrl& loginBase, const QString& clientId, const QString& clientSecret);
    /// Uses a token obtained elsewhere; it cannot be renewed.
    void useAccessToken(const QString& token);
    /// The network the sign-in request goes through (ApiClient shares its own).
    void setNetwork(QNetworkAccessManager* network) { m_network = network; }

    Method method() const { return m_method; }
    QString clientId() const { return m_clientId; }
    /// The token to send now; empty when there is none.
    QString accessToken() const { return m_token; }
    QDateTime expiresAt() const { return m_expiresAt; }
    /// True when a request should wait for a sign-in first (no token, or one about to expire).
    bool needsSignIn() const;
    /// True when this session can get a token by itself.
    bool canSignIn() const { return m_method == Method::ClientCredentials; }
    bool isSigningIn() const { return m_signIn != nullptr; }

    /// Starts a sign-in unless one is under way; signedIn() or signInFailed() follows.
    void signIn();
    /// Forgets `token` after the server refused it (a 401), so the next request signs in again.
    void invalidate(const QString& token);
    /// Forgets the token and credentials.
    void clear();

Q_SIGNALS:
    void signedIn();
    void signInFailed(const bd::ApiError& error);

private:
    void onTokenReply(QNetworkReply* reply);

    Method m_method = Method::None;
    QUrl m_loginBase;
    QString m_clientId;
    QString m_clientSecret;
    QString m_token;
    QDateTime m_expiresAt;
    qint64 m_lifetimeSecs = 0;
    QNetworkAccessManager* m_network = nullptr;
    QPointer<QNetworkReply> m_signIn;
};

} // namespace bd
