#include "domain/billingusageresource.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<BillingUsageResource> BillingUsageResource::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<BillingUsageResource> BillingUsageResource::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    BillingUsageResource v;
    v.name = r.requireString("name");
    v.date = r.requireDateTime("date");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
