#pragma once

#include "sim/seededrandom.h"
#include "sim/simanswer.h"

#include <QHash>
#include <QString>

#include <variant>

class QElapsedTimer;
class QHttpServerRequest;
class QUrlQuery;

namespace bd::sim {

struct SimOptions;

/// Who an API request speaks for: the bearer token it carries.
struct SimCaller
{
    QString token; ///< the bearer token, against which the rate limit counts
    bool isUser = false; ///< issued through the browser sign-in (a person), not for client credentials
};

/// The simulated login host: client-credentials tokens, the browser sign-in with PKCE, bearer token checks.
class SimOAuth final
{
    Q_DISABLE_COPY_MOVE(SimOAuth)

public:
    /// Reads the live options (credentials, lifetimes, consent) and measures lifetimes on clock.
    SimOAuth(const SimOptions& options, const QElapsedTimer& clock);

    /// POST /oauth/token: grant_type client_credentials (with Basic authentication) or authorization_code.
    SimAnswer token(const QHttpServerRequest& request);
    /// GET /oauth/authorize: the person is taken as signed in and consenting; a 302 to the redirect URI with
    /// a code, or with an error once the redirect URI is known to be safe, else a 400 page.
    SimAnswer authorize(const QHttpServerRequest& request);
    /// The caller behind an API request's bearer token, or the 401 to answer when the token is missing,
    /// unknown, expired or revoked.
    std::variant<SimCaller, SimAnswer> authenticate(
        const QHttpServerRequest& request, const QString& contextId) const;
    /// Every token issued so far now answers 401 credentials.expired.
    void expireAllTokens();

private:
    struct Token
    {
        qint64 expiresMs = 0;
        bool revoked = false;
        bool isUser = false;
        QString fromCode; ///< the authorization code it was issued for, so reusing the code revokes it
    };
    struct AuthCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        qint64 expiresMs = 0;
        bool used = false;
    };

    SimAnswer exchangeCode(const QUrlQuery& fields);
    SimAnswer grant(bool isUser, const QString& fromCode);
    QString randomText(int bytes);

    const SimOptions& m_options;
    const QElapsedTimer& m_clock;
    SeededRandom m_random;
    QHash<QString, Token> m_tokens;
    QHash<QString, AuthCode> m_codes;
};

} // namespace bd::sim
