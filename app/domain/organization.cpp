#include "domain/organization.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<Organization> Organization::fromJson(const QByteArray& body)
{
    return JsonReader::parseBody<Organization>(body);
}

Parsed<Organization> Organization::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<Organization> Organization::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    Organization v;
    v.id = r.requireString("id");
    v.name = r.requireString("name");
    v.thirdPartyOrgName = r.optionalString("thirdPartyOrgName");
    v.domain = r.optionalString("domain");
    v.state = r.optionalString("state");
    v.selfUri = r.optionalString("selfUri");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
