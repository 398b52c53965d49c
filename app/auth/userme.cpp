#include "auth/userme.h"

// The strict readers of bd_domain, so that this type parses exactly like the other wire types.
#include "domain/jsonreader.h"

namespace bd {

Parsed<UserMe> UserMe::fromJson(const QByteArray& body)
{
    return JsonReader::parseBody<UserMe>(body);
}

Parsed<UserMe> UserMe::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<UserMe> UserMe::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    UserMe v;
    v.id = r.requireString("id");
    v.name = r.requireString("name");
    v.email = r.optionalString("email");
    v.username = r.optionalString("username");
    v.state = r.optionalString("state");
    v.title = r.optionalString("title");
    v.selfUri = r.optionalString("selfUri");
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
