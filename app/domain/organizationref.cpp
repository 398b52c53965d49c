#include "domain/organizationref.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<OrganizationRef> OrganizationRef::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<OrganizationRef> OrganizationRef::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    OrganizationRef v;
    v.id = r.requireString("id");
    v.name = r.optionalString("name");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
