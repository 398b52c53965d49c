#include "domain/trusteebillingoverview.h"

#include "domain/jsonreader.h"

using namespace Qt::StringLiterals;

namespace bd {

QStringList TrusteeBillingOverview::knownSubscriptionTypes()
{
    return { u"ININ"_s, u"MONTH_TO_MONTH"_s, u"FREE_TRIAL_MONTH_TO_MONTH"_s, u"PREPAY_MONTHLY_COMMITMENT"_s,
        u"PREPAY"_s, u"DEV_ORG_MONTH_TO_MONTH"_s, u"DEV_ORG_PREPAY_MONTHLY_COMMITMENT"_s,
        u"DEV_ORG_PREPAY"_s };
}

Parsed<TrusteeBillingOverview> TrusteeBillingOverview::fromJson(const QByteArray& body)
{
    return JsonReader::parseBody<TrusteeBillingOverview>(body);
}

Parsed<TrusteeBillingOverview> TrusteeBillingOverview::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<TrusteeBillingOverview> TrusteeBillingOverview::fromJson(
    const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    TrusteeBillingOverview v;
    v.organization = r.requireObject<OrganizationRef>("organization");
    v.currency = r.requireString("currency");
    v.enabledProducts = r.requireStringList("enabledProducts");
    v.subscriptionType = r.requireString("subscriptionType");
    v.usages = r.requireArray<SubscriptionOverviewUsage>("usages");
    v.rampPeriodStartDate = r.optionalDateTime("rampPeriodStartDate");
    v.rampPeriodEndDate = r.optionalDateTime("rampPeriodEndDate");
    v.billingPeriodStartDate = r.optionalDateTime("billingPeriodStartDate");
    v.billingPeriodEndDate = r.optionalDateTime("billingPeriodEndDate");
    v.contractAmendmentDate = r.optionalDateTime("contractAmendmentDate");
    v.contractEffectiveDate = r.optionalDateTime("contractEffectiveDate");
    v.contractEndDate = r.optionalDateTime("contractEndDate");
    v.minimumMonthlyAmount = r.optionalDecimal("minimumMonthlyAmount");
    v.inRampPeriod = r.optionalBool("inRampPeriod");
    v.id = r.optionalString("id");
    v.name = r.optionalString("name");
    v.selfUri = r.optionalString("selfUri");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
