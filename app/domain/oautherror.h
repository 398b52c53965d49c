#pragma once

#include "domain/jsonerror.h"

#include <QByteArray>
#include <QString>

class QJsonObject;

namespace bd {

/// Failed OAuth token response: {"error": …, "error_description"/"description": …}.
struct OAuthError
{
    QString error; ///< e.g. "invalid_client" (required)
    QString description; ///< error_description, else description; may be empty

    /// Strict parse of a response body.
    static Parsed<OAuthError> fromJson(const QByteArray& body);
    /// Strict parse of an OAuth error object.
    static Parsed<OAuthError> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<OAuthError> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
