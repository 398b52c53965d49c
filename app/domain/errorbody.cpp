#include "domain/errorbody.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<ErrorBody> ErrorBody::fromJson(const QByteArray& body)
{
    return JsonReader::parseBody<ErrorBody>(body);
}

Parsed<ErrorBody> ErrorBody::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<ErrorBody> ErrorBody::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    ErrorBody v;
    v.message = r.optionalString("message");
    v.code = r.optionalString("code");
    v.contextId = r.optionalString("contextId");
    v.messageWithParams = r.optionalString("messageWithParams");
    v.entityId = r.optionalString("entityId");
    v.entityName = r.optionalString("entityName");
    v.status = r.optionalInt("status", 0);
    v.messageParams = r.optionalVariantMap("messageParams");
    v.details = r.optionalArray<ErrorDetail>("details");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
