#include "auth/profile.h"

#include "api/apiendpoint.h"
#include "api/connectionsettings.h"
#include "api/region.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct ProfileText
{
    Q_DECLARE_TR_FUNCTIONS(bd::Profile)
};

} // namespace

bool Profile::isValid(QString* error) const
{
    const auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    QString why;
    if (name.trimmed().isEmpty())
        return refuse(ProfileText::tr("Give the profile a name."));
    if (baseUrl.isEmpty() && !Regions::find(region))
        return refuse(ProfileText::tr("Choose a region or enter a base URL."));
    if (!baseUrl.isEmpty() && !ApiEndpoint::isAcceptableUrl(baseUrl, &why))
        return refuse(why);
    if (!loginUrl.isEmpty() && !ApiEndpoint::isAcceptableUrl(loginUrl, &why))
        return refuse(why);
    if (method != Method::AccessToken && clientId.trimmed().isEmpty())
        return refuse(ProfileText::tr("Enter the OAuth client id."));
    if (error)
        error->clear();
    return true;
}

ConnectionSettings Profile::connectionSettings() const
{
    ConnectionSettings settings;
    if (baseUrl.isEmpty())
        settings.region = region;
    settings.baseUrl = baseUrl;
    settings.loginUrl = loginUrl;
    settings.clientId = clientId;
    return settings;
}

QString Profile::placeText() const
{
    if (!baseUrl.isEmpty())
        return baseUrl.port() > 0 ? u"%1:%2"_s.arg(baseUrl.host()).arg(baseUrl.port()) : baseUrl.host();
    const auto found = Regions::find(region);
    return found ? found->displayName : region;
}

QString Profile::displayText() const
{
    return u"%1 · %2"_s.arg(name, placeText());
}

QString Profile::methodKey(Method method)
{
    switch (method) {
    case Method::Browser:
        return u"browser"_s;
    case Method::ClientCredentials:
        return u"client-credentials"_s;
    case Method::AccessToken:
        return u"access-token"_s;
    }
    return {};
}

std::optional<Profile::Method> Profile::methodFromKey(const QString& key)
{
    for (Method m : { Method::Browser, Method::ClientCredentials, Method::AccessToken }) {
        if (methodKey(m) == key)
            return m;
    }
    return std::nullopt;
}

QString Profile::methodText(Method method)
{
    switch (method) {
    case Method::Browser:
        return ProfileText::tr("Browser sign-in");
    case Method::ClientCredentials:
        return ProfileText::tr("Client credentials");
    case Method::AccessToken:
        return ProfileText::tr("Access token");
    }
    return {};
}

} // namespace bd
