#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace bd {

struct ConnectionSettings;

/// A named way into one Genesys Cloud org: where (region or base URL), how (sign-in method) and with which
/// client id. Holds no secret: those live in the SecretStore under the profile's name.
struct Profile
{
    /// How the profile signs in.
    enum class Method { Browser, ClientCredentials, AccessToken };

    QString name; ///< unique, chosen by the person, e.g. "Northwind EU"
    QString label; ///< the org's name as last seen by organizations/me (may be empty)
    QString orgId; ///< the org's id as last seen by organizations/me (may be empty): files its stored data
    QString region; ///< region key, e.g. "eu_west_1" (ignored when baseUrl is set)
    QUrl baseUrl; ///< explicit API base (gateways, billing-sim); sign-in uses loginUrl or this
    QUrl loginUrl; ///< explicit login base when it differs from baseUrl
    Method method = Method::Browser;
    QString clientId; ///< the OAuth client (authorization-code or client-credentials); empty for a token
    quint16 redirectPort = 0; ///< browser sign-in: fixed loopback port, 0 = any free port

    /// True when the profile can be used; *error says what is missing or wrong.
    bool isValid(QString* error) const;
    /// Region/URL and client id as connection settings; the caller adds the secret or token.
    ConnectionSettings connectionSettings() const;
    /// "Northwind EU · EMEA (Dublin)" or "Lab · 127.0.0.1:8080", for menus.
    QString displayText() const;
    /// The place alone: the region's friendly name or the base URL's host.
    QString placeText() const;

    /// Settings spelling of a method: "browser", "client-credentials", "access-token".
    static QString methodKey(Method method);
    /// The method for a settings spelling.
    static std::optional<Method> methodFromKey(const QString& key);
    /// How a person reads a method: "Browser sign-in", …
    static QString methodText(Method method);

    friend bool operator==(const Profile&, const Profile&) = default;
};

} // namespace bd
