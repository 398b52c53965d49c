#include "cli/connectionoptions.h"

#include "store/reportstore.h"

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
    , m_store(u"store"_s,
          text("The local store of fetched reports (default: store.sqlite in the application data folder). "
               "Closed periods and past windows found there are not fetched again."),
          u"file"_s)
    , m_noStore(u"no-store"_s, text("Neither read nor write the local store: fetch everything."))
    , m_offline(u"offline"_s,
          text("Ask Genesys for nothing: answer from the local store alone, and say what it lacks."))
{ }

void ConnectionOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({ m_region, m_baseUrl, m_loginUrl, m_clientId, m_clientSecret, m_accessToken, m_profile,
        m_demo, m_store, m_noStore, m_offline });
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

QString ConnectionOptions::storePath(const QCommandLineParser& parser) const
{
    if (parser.isSet(m_noStore))
        return {};
    const QString path = parser.value(m_store).trimmed();
    return path.isEmpty() ? ReportStore::defaultPath() : path;
}

bool ConnectionOptions::offline(const QCommandLineParser& parser) const
{
    return parser.isSet(m_offline);
}

QString ConnectionOptions::storeConflict(const QCommandLineParser& parser) const
{
    if (!parser.isSet(m_noStore))
        return {};
    if (parser.isSet(m_store))
        return text("--no-store and --store do not go together.");
    if (parser.isSet(m_offline))
        return text("--offline needs the local store: it does not go with --no-store.");
    return {};
}

} // namespace bd
