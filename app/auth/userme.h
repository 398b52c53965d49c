#pragma once

#include "domain/jsonerror.h"

#include <QByteArray>
#include <QString>

class QJsonObject;

namespace bd {

/// Response of GET /api/v2/users/me: the person a user token belongs to (not valid with client credentials).
struct UserMe
{
    QString id; ///< required
    QString name; ///< required
    QString email; ///< optional
    QString username; ///< optional
    QString state; ///< optional, e.g. "active"
    QString title; ///< optional job title
    QString selfUri; ///< optional

    /// Strict parse of a response body.
    static Parsed<UserMe> fromJson(const QByteArray& body);
    /// Strict parse of a User object.
    static Parsed<UserMe> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<UserMe> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
