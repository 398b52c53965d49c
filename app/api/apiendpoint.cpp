#include "api/apiendpoint.h"

#include "api/region.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct ApiEndpointText
{
    Q_DECLARE_TR_FUNCTIONS(bd::ApiEndpoint)
};

bool isLoopbackHost(const QString& host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl withoutTrailingSlash(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace

ApiEndpoint ApiEndpoint::forRegion(const Region& region)
{
    ApiEndpoint endpoint;
    endpoint.m_apiBase = QUrl(u"https://"_s + region.apiHost());
    endpoint.m_loginBase = QUrl(u"https://"_s + region.loginHost());
    return endpoint;
}

bool ApiEndpoint::isAcceptableUrl(const QUrl& url, QString* error)
{
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty()) {
        // An invalid QUrl forgets what was typed; its error names the source.
        const QString typed = url.isValid()
            ? url.toString()
            : url.errorString().section(u"source was \""_s, 1).section(u'"', 0, 0);
        return refuse(typed.isEmpty()
                ? ApiEndpointText::tr("Enter a URL such as https://api.example.com.")
                : ApiEndpointText::tr("“%1” is not a valid URL: it needs a scheme and a host, "
                                      "such as https://api.example.com.")
                      .arg(typed));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s)
        return true;
    if (scheme == u"http"_s) {
        if (isLoopbackHost(url.host()))
            return true;
        return refuse(ApiEndpointText::tr(
            "Plain http is only allowed towards this computer (loopback); use https for %1.")
                          .arg(url.host()));
    }
    return refuse(ApiEndpointText::tr("Unsupported URL scheme “%1”: use https.").arg(url.scheme()));
}

ApiEndpoint ApiEndpoint::fromUrls(const QUrl& apiBase, const QUrl& loginBase, QString* error)
{
    if (!isAcceptableUrl(apiBase, error))
        return {};
    // A Genesys region's API host signs in at its login host; any other address signs in where it is.
    QUrl login = loginBase;
    if (login.isEmpty()) {
        login = apiBase;
        for (const Region& region : Regions::all()) {
            if (apiBase.host().compare(region.apiHost(), Qt::CaseInsensitive) == 0)
                login.setHost(region.loginHost());
        }
    }
    if (!isAcceptableUrl(login, error))
        return {};
    ApiEndpoint endpoint;
    endpoint.m_apiBase = withoutTrailingSlash(apiBase);
    endpoint.m_loginBase = withoutTrailingSlash(login);
    return endpoint;
}

} // namespace bd
