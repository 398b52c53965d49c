#pragma once

#include "domain/jsonerror.h"

#include <QByteArray>
#include <QString>

class QJsonObject;

namespace bd {

/// Successful POST /oauth/token response.
struct OAuthToken
{
    QString accessToken; ///< access_token (required)
    QString tokenType; ///< token_type, normally "bearer"
    int expiresIn = 0; ///< expires_in seconds; 0 when absent

    /// Strict parse of a response body.
    static Parsed<OAuthToken> fromJson(const QByteArray& body);
    /// Strict parse of a token object.
    static Parsed<OAuthToken> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<OAuthToken> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
