#include "api/connectionsettings.h"

#include "api/apiendpoint.h"
#include "api/region.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct ConnectionSettingsText
{
    Q_DECLARE_TR_FUNCTIONS(bd::ConnectionSettings)
};

} // namespace

ConnectionSettings ConnectionSettings::fromEnvironment(const QProcessEnvironment& environment)
{
    ConnectionSettings settings;
    settings.region = environment.value(u"GENESYSCLOUD_REGION"_s);
    settings.clientId = environment.value(u"GENESYSCLOUD_OAUTHCLIENT_ID"_s);
    settings.clientSecret = environment.value(u"GENESYSCLOUD_OAUTHCLIENT_SECRET"_s);
    settings.accessToken = environment.value(u"GENESYSCLOUD_ACCESS_TOKEN"_s);
    const QString base = environment.value(u"GENESYSCLOUD_API_BASE_URL"_s);
    if (!base.isEmpty())
        settings.baseUrl = QUrl(base);
    return settings;
}

ConnectionSettings ConnectionSettings::overriddenBy(const ConnectionSettings& overrides) const
{
    ConnectionSettings merged = *this;
    // One way of signing in given explicitly replaces the other one from underneath: a stale token in the
    // environment must not win over a client id and secret on the command line, nor the reverse.
    if (!overrides.clientId.isEmpty() || !overrides.clientSecret.isEmpty())
        merged.accessToken.clear();
    if (!overrides.accessToken.isEmpty()) {
        merged.clientId.clear();
        merged.clientSecret.clear();
    }
    auto take = [](auto& field, const auto& value) {
        if (!value.isEmpty())
            field = value;
    };
    take(merged.region, overrides.region);
    take(merged.baseUrl, overrides.baseUrl);
    take(merged.loginUrl, overrides.loginUrl);
    take(merged.clientId, overrides.clientId);
    take(merged.clientSecret, overrides.clientSecret);
    take(merged.accessToken, overrides.accessToken);
    return merged;
}

ApiEndpoint ConnectionSettings::endpoint(QString* error) const
{
    if (!baseUrl.isEmpty())
        return ApiEndpoint::fromUrls(baseUrl, loginUrl, error);
    const QString wanted = region.isEmpty() ? u"us_east_1"_s : region;
    const auto found = Regions::find(wanted);
    if (!found) {
        if (error)
            *error = ConnectionSettingsText::tr(
                "Unknown region “%1”: use a key such as eu_west_1 or a host such as mypurecloud.ie.")
                         .arg(wanted);
        return {};
    }
    return ApiEndpoint::forRegion(*found);
}

QString ConnectionSettings::placeLabel() const
{
    if (!baseUrl.isEmpty())
        return baseUrl.port() > 0 ? u"%1:%2"_s.arg(baseUrl.host()).arg(baseUrl.port()) : baseUrl.host();
    return region.isEmpty() ? u"us_east_1"_s : region;
}

} // namespace bd
