#include "auth/profileopener.h"

#include "api/apisession.h"
#include "api/connectionsettings.h"
#include "api/tokenprovider.h"
#include "auth/profile.h"
#include "auth/secrets.h"

using namespace Qt::StringLiterals;

namespace bd {

bool ProfileOpener::canOpen(const Profile& profile, const Secrets& secrets, QString* why)
{
    const auto refuse = [why](const QString& text) {
        if (why)
            *why = text;
        return false;
    };
    QString invalid;
    if (!profile.isValid(&invalid))
        return refuse(invalid);
    switch (profile.method) {
    case Profile::Method::ClientCredentials:
        if (secrets.clientSecret.isEmpty())
            return refuse(u"The client secret of “%1” is not stored; enter it again."_s.arg(profile.name));
        break;
    case Profile::Method::AccessToken:
        if (secrets.accessToken.isEmpty())
            return refuse(u"The access token of “%1” is not stored; paste it again."_s.arg(profile.name));
        if (secrets.tokenExpired())
            return refuse(u"The access token of “%1” has expired; paste a new one."_s.arg(profile.name));
        break;
    case Profile::Method::Browser:
        if (secrets.accessToken.isEmpty() || secrets.tokenExpired(60))
            return refuse(u"Sign in to “%1” in the browser."_s.arg(profile.name));
        break;
    }
    return true;
}

std::unique_ptr<ApiSession> ProfileOpener::open(
    const Profile& profile, const Secrets& secrets, QString* error)
{
    if (!canOpen(profile, secrets, error))
        return nullptr;
    ConnectionSettings settings = profile.connectionSettings();
    if (profile.method == Profile::Method::ClientCredentials)
        settings.clientSecret = secrets.clientSecret;
    else
        settings.accessToken = secrets.accessToken;
    std::unique_ptr<ApiSession> session = ApiSession::create(settings, error);
    if (session && profile.method == Profile::Method::Browser)
        session->auth()->useUserToken(secrets.accessToken, secrets.accessTokenExpiresAt);
    return session;
}

} // namespace bd
