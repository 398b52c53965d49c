#pragma once

#include <QString>

namespace bd {

/// A PKCE pair (RFC 7636, method S256): the secret verifier kept by the app and the challenge sent in the
/// URL.
struct Pkce
{
    QString verifier; ///< 43 characters of [A-Za-z0-9-_], from the system's random source
    QString challenge; ///< base64url(SHA-256(verifier)) without padding

    /// A fresh pair; each sign-in uses its own.
    static Pkce generate();
    /// The S256 challenge of a verifier.
    static QString challengeFor(const QString& verifier);
    /// True when a verifier has the form RFC 7636 §4.1 requires: 43–128 of [A-Za-z0-9-._~].
    static bool isValidVerifier(const QString& verifier);
    /// A random URL-safe string of `bytes` random bytes (for state values).
    static QString randomToken(int bytes = 32);
};

} // namespace bd
