#include "auth/secrets.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bd {

bool Secrets::tokenExpired(qint64 marginSecs) const
{
    return accessTokenExpiresAt.isValid()
        && QDateTime::currentDateTimeUtc().secsTo(accessTokenExpiresAt) <= marginSecs;
}

QByteArray Secrets::toJson() const
{
    QJsonObject object;
    if (!clientSecret.isEmpty())
        object.insert(u"clientSecret"_s, clientSecret);
    if (!accessToken.isEmpty())
        object.insert(u"accessToken"_s, accessToken);
    if (accessTokenExpiresAt.isValid())
        object.insert(u"accessTokenExpiresAt"_s, accessTokenExpiresAt.toUTC().toString(Qt::ISODate));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Secrets Secrets::fromJson(const QByteArray& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    Secrets secrets;
    secrets.clientSecret = object.value(u"clientSecret"_s).toString();
    secrets.accessToken = object.value(u"accessToken"_s).toString();
    secrets.accessTokenExpiresAt
        = QDateTime::fromString(object.value(u"accessTokenExpiresAt"_s).toString(), Qt::ISODate);
    return secrets;
}

} // namespace bd
