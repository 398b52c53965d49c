#pragma once

#include <QString>
#include <QUrl>

class QProcessEnvironment;

namespace bd {

class ApiEndpoint;

/// Where and how to connect: a region or a base URL, and client credentials or an access token.
/// Read from command-line options and from the variables the Genesys CLI uses.
struct ConnectionSettings
{
    QString region; ///< key or host suffix: "eu_west_1", "mypurecloud.ie"
    QUrl baseUrl; ///< explicit API base (tests, gateways); wins over region
    QUrl loginUrl; ///< explicit login base; defaults to baseUrl when that is set
    QString clientId;
    QString clientSecret;
    QString accessToken;

    /// GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET,
    /// GENESYSCLOUD_ACCESS_TOKEN (and GENESYSCLOUD_API_BASE_URL for a gateway).
    static ConnectionSettings fromEnvironment(const QProcessEnvironment& environment);
    /// These settings with every non-empty field of `overrides` taking precedence; a sign-in method given in
    /// `overrides` (client credentials or a token) replaces the other method here.
    ConnectionSettings overriddenBy(const ConnectionSettings& overrides) const;

    /// True when there is something to sign in with.
    bool hasCredentials() const
    {
        return !accessToken.isEmpty() || (!clientId.isEmpty() && !clientSecret.isEmpty());
    }
    /// The endpoint to talk to; invalid with *error set when the region or URL is unusable.
    ApiEndpoint endpoint(QString* error) const;
    /// A short name for the place, e.g. "eu_west_1" or "127.0.0.1:8080".
    QString placeLabel() const;
};

} // namespace bd
