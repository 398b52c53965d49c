#include "domain/billingusagereport.h"

#include "domain/jsonreader.h"

using namespace Qt::StringLiterals;

namespace bd {

std::optional<BillingUsageReport::Status> BillingUsageReport::statusFromName(QStringView name)
{
    if (name == u"InProgress")
        return Status::InProgress;
    if (name == u"Complete")
        return Status::Complete;
    return std::nullopt;
}

Parsed<BillingUsageReport> BillingUsageReport::fromJson(const QByteArray& body, Resources resources)
{
    Parsed<QJsonObject> document = JsonReader::parseDocument(body);
    if (!document)
        return document.error();
    return parse(document.value(), QString(), resources);
}

Parsed<BillingUsageReport> BillingUsageReport::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<BillingUsageReport> BillingUsageReport::fromJson(const QJsonObject& object, const QString& path)
{
    return parse(object, path, Resources::Keep);
}

Parsed<BillingUsageReport> BillingUsageReport::parse(
    const QJsonObject& object, const QString& path, Resources resources)
{
    JsonReader r(object, path);
    BillingUsageReport v;
    v.startDate = r.requireDateTime("startDate");
    v.endDate = r.requireDateTime("endDate");
    const QString status = r.optionalString("status");
    if (!status.isEmpty()
        || object.value("status"_L1).isString()) { // "" is an unknown status, not an absent one
        if (const auto s = statusFromName(status))
            v.status = *s;
        else
            r.fail("status"_L1, u"unknown status \"%1\""_s.arg(status));
    }
    switch (resources) {
    case Resources::Keep:
        v.usages = r.requireArray<BillingUsage>("usages");
        break;
    case Resources::Dates:
        v.usages = r.requireArray<BillingUsage>("usages", &BillingUsage::datesFromJson);
        break;
    case Resources::Drop:
        v.usages = r.requireArray<BillingUsage>("usages", &BillingUsage::totalFromJson);
        break;
    }
    v.id = r.optionalString("id");
    v.name = r.optionalString("name");
    v.selfUri = r.optionalString("selfUri");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
