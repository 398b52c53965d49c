#include "domain/errordetail.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<ErrorDetail> ErrorDetail::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<ErrorDetail> ErrorDetail::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    ErrorDetail v;
    v.errorCode = r.optionalString("errorCode");
    v.fieldName = r.optionalString("fieldName");
    v.entityId = r.optionalString("entityId");
    v.entityName = r.optionalString("entityName");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
