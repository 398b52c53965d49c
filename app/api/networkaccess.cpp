#include "api/networkaccess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace bd::NetworkAccess {

std::unique_ptr<QNetworkAccessManager> create()
{
    auto network = std::make_unique<QNetworkAccessManager>();
    network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    return network;
}

QString refusedRedirectOrigin(const QNetworkReply* reply)
{
    if (!reply || reply->error() != QNetworkReply::InsecureRedirectError)
        return {};
    const QUrl target = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    return target.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

} // namespace bd::NetworkAccess
