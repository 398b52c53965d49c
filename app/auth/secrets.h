#pragma once

#include <QDateTime>
#include <QString>

namespace bd {

/// What a profile needs that must never reach a settings file or a log: a client secret and/or an access
/// token.
struct Secrets
{
    QString clientSecret; ///< client-credentials secret
    QString accessToken; ///< a pasted token, or the browser sign-in's user token
    QDateTime accessTokenExpiresAt; ///< invalid when unknown (a pasted token)

    bool isEmpty() const { return clientSecret.isEmpty() && accessToken.isEmpty(); }
    /// True when the access token is known to have expired (or expires within `marginSecs`).
    bool tokenExpired(qint64 marginSecs = 0) const;
    /// Compact JSON for the keychain entry.
    QByteArray toJson() const;
    /// Reads what toJson() wrote; empty secrets for anything else.
    static Secrets fromJson(const QByteArray& json);
};

} // namespace bd
