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
    if (!url.isValid() || url.host().isEmpty())
        return refuse(ApiEndpointText::tr("“%1” is not a valid URL.").arg(url.toString()));
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
    const QUrl login = loginBase.isEmpty() ? apiBase : loginBase;
    if (!isAcceptableUrl(login, error))
        return {};
    ApiEndpoint endpoint;
    endpoint.m_apiBase = withoutTrailingSlash(apiBase);
    endpoint.m_loginBase = withoutTrailingSlash(login);
    return endpoint;
}

} // namespace bd
