#include "domain/oauthtoken.h"

#include "domain/jsonreader.h"

namespace bd {

Parsed<OAuthToken> OAuthToken::fromJson(const QByteArray& body)
{
    return JsonReader::parseBody<OAuthToken>(body);
}

Parsed<OAuthToken> OAuthToken::fromJson(const QJsonObject& object)
{
    return fromJson(object, QString());
}

Parsed<OAuthToken> OAuthToken::fromJson(const QJsonObject& object, const QString& path)
{
    JsonReader r(object, path);
    OAuthToken v;
    v.accessToken = r.requireString("access_token");
    v.tokenType = r.optionalString("token_type");
    v.expiresIn = r.optionalInt("expires_in", 0);
    if (r.failed())
        return r.error();
    return v;
}

} // namespace bd
