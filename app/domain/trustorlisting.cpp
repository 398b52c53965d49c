#include "domain/trustorlisting.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<TrustorListing> TrustorListing::fromJson(const QByteArray& body)
{
    return JsonReader::parseBody<TrustorListing>(body);
}

Parsed<TrustorListing> TrustorListing::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<TrustorListing> TrustorListing::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    TrustorListing v;
    v.entities = r.requireArray<Trustor>("entities");
    v.pageSize = r.optionalInt("pageSize", 0);
    v.pageNumber = r.optionalInt("pageNumber", 1);
    v.total = r.optionalInt("total", 0);
    v.pageCount = r.optionalInt("pageCount", 0);
    v.nextUri = r.optionalString("nextUri");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
