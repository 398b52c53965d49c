#pragma once

#include <QString>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace bd::NetworkAccess {

/// The one way the product makes a QNetworkAccessManager. Redirects are followed only within the same origin
/// (scheme, host and port), so a bearer token, Basic client credentials, an authorization code or a PKCE
/// verifier never reach another host, and https never falls back to http. TLS errors are never ignored.
std::unique_ptr<QNetworkAccessManager> create();

/// When `reply` stopped at a redirect to another origin, where it pointed ("http://host:port"); otherwise
/// empty.
QString refusedRedirectOrigin(const QNetworkReply* reply);

} // namespace bd::NetworkAccess
