#include "domain/trustor.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<Trustor> Trustor::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<Trustor> Trustor::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    Trustor v;
    v.id = r.requireString("id");
    v.enabled = r.requireBool("enabled");
    v.dateCreated = r.optionalDateTime("dateCreated").value_or(QDateTime());
    v.organization = r.requireObject<OrganizationRef>("organization");
    v.selfUri = r.optionalString("selfUri");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
