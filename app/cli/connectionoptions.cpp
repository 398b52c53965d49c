#include "cli/connectionoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString text(const char* source)
{
    return QCoreApplication::translate("bd::ConnectionOptions", source);
}

} // namespace

ConnectionOptions::ConnectionOptions()
    : m_region(u"region"_s,
        text("Genesys Cloud region: a key such as us_east_1 or eu_west_1, or a host such as "
             "mypurecloud.ie."),
        u"key"_s)
    , m_baseUrl(u"base-url"_s, text("An explicit API base (https, or http to this computer)."), u"url"_s)
    , m_loginUrl(u"login-url"_s, text("The sign-in base, when it differs from --base-url."), u"url"_s)
    , m_clientId(u"client-id"_s, text("OAuth client id (client credentials)."), u"id"_s)
    , m_clientSecret(u"client-secret"_s,
          text("OAuth client secret. A secret on the command line is visible to "
               "other local users in the process list: prefer the environment "
               "variables or --profile."),
          u"secret"_s)
    , m_accessToken(u"access-token"_s, text("A pasted access token (visible in the process list, as above)."),
          u"token"_s)
    , m_profile(u"profile"_s,
          text("A profile saved in the dashboard (place, sign-in method, client id); its "
               "secret or token comes from the system keychain. Options given here win over "
               "the profile, and the profile over the environment variables."),
          u"name"_s)
    , m_demo(u"demo"_s, text("Use the built-in billing-sim demo org instead of Genesys Cloud."))
{ }

void ConnectionOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions(
        { m_region, m_baseUrl, m_loginUrl, m_clientId, m_clientSecret, m_accessToken, m_profile, m_demo });
}

ConnectionSettings ConnectionOptions::given(const QCommandLineParser& parser) const
{
    ConnectionSettings settings;
    settings.region = parser.value(m_region).trimmed();
    settings.baseUrl = QUrl(parser.value(m_baseUrl).trimmed());
    settings.loginUrl = QUrl(parser.value(m_loginUrl).trimmed());
    settings.clientId = parser.value(m_clientId);
    settings.clientSecret = parser.value(m_clientSecret);
    settings.accessToken = parser.value(m_accessToken);
    return settings;
}

QString ConnectionOptions::profileName(const QCommandLineParser& parser) const
{
    return parser.value(m_profile).trimmed();
}

bool ConnectionOptions::demo(const QCommandLineParser& parser) const
{
    return parser.isSet(m_demo);
}

} // namespace bd
