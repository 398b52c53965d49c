#include "auth/profileopener.h"

#include "api/apisession.h"
#include "api/connectionsettings.h"
#include "api/tokenprovider.h"
#include "auth/profile.h"
#include "auth/secrets.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct ProfileOpenerText
{
    Q_DECLARE_TR_FUNCTIONS(bd::ProfileOpener)
};

} // namespace

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
            return refuse(ProfileOpenerText::tr("The client secret of “%1” is not stored; enter it again.")
                              .arg(profile.name));
        break;
    case Profile::Method::AccessToken:
        if (secrets.accessToken.isEmpty())
            return refuse(ProfileOpenerText::tr("The access token of “%1” is not stored; paste it again.")
                              .arg(profile.name));
        if (secrets.tokenExpired())
            return refuse(ProfileOpenerText::tr("The access token of “%1” has expired; paste a new one.")
                              .arg(profile.name));
        break;
    case Profile::Method::Browser:
        if (secrets.accessToken.isEmpty() || secrets.tokenExpired(60))
            return refuse(ProfileOpenerText::tr("Sign in to “%1” in the browser.").arg(profile.name));
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
