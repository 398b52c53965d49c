#include "domain/billingusage.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<BillingUsage> BillingUsage::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<BillingUsage> BillingUsage::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    BillingUsage v;
    v.name = r.requireString("name");
    v.totalUsage = r.requireDecimal("totalUsage");
    v.resources = r.requireArray<BillingUsageResource>("resources");
    v.resourceCount = v.resources.size();
    if (r.failed())
        return r.error();
    return v;
}

Parsed<BillingUsage> BillingUsage::totalFromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    BillingUsage v;
    v.name = r.requireString("name");
    v.totalUsage = r.requireDecimal("totalUsage");
    v.resourceCount = r.requireObjectArrayLength("resources");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
