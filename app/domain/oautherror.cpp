#include "domain/oautherror.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<OAuthError> OAuthError::fromJson(const QByteArray& body)
{
    return JsonReader::parseBody<OAuthError>(body);
}

Parsed<OAuthError> OAuthError::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<OAuthError> OAuthError::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    OAuthError v;
    v.error = r.requireString("error");
    const QString errorDescription = r.optionalString("error_description");
    const QString description = r.optionalString("description");
    v.description = errorDescription.isEmpty() ? description : errorDescription;
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
