#include "domain/subscriptionoverviewusage.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<SubscriptionOverviewUsage> SubscriptionOverviewUsage::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<SubscriptionOverviewUsage> SubscriptionOverviewUsage::fromJson(
    const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    SubscriptionOverviewUsage v;
    v.name = r.requireString("name");
    v.partNumber = r.requireString("partNumber");
    v.grouping = r.requireString("grouping");
    v.unitOfMeasureType = r.requireString("unitOfMeasureType");
    v.usageQuantity = r.requireDecimal("usageQuantity");
    v.prepayQuantity = r.requireDecimal("prepayQuantity");
    v.overagePrice = r.optionalDecimal("overagePrice");
    v.prepayPrice = r.optionalDecimal("prepayPrice");
    v.bundleQuantity = r.optionalDecimal("bundleQuantity");
    v.usageNotes = r.optionalString("usageNotes");
    v.isCancellable = r.optionalBool("isCancellable");
    v.isThirdParty = r.optionalBool("isThirdParty");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
