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

Parsed<BillingUsage> BillingUsage::datesFromJson(const QJsonObject& object, const QString& path)
{
    auto parsed = fromJson(object, path);
    if (!parsed.ok())
        return parsed;
    BillingUsage v = parsed.value();
    v.firstSeen.reserve(v.resources.size());
    for (const BillingUsageResource& resource : std::as_const(v.resources))
        v.firstSeen.append(resource.date);
    v.resources = {};
    return v;
}

} // namespace bd
