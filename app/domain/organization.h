#pragma once

#include "domain/jsonerror.h"

#include <QByteArray>
#include <QString>

class QJsonObject;

namespace bd {

/// Response of GET /api/v2/organizations/me: the caller's own organization.
struct Organization
{
    QString id; ///< required
    QString name; ///< required
    QString thirdPartyOrgName; ///< optional
    QString domain; ///< optional
    QString state; ///< optional, e.g. "active"
    QString selfUri; ///< optional

    /// Strict parse of a response body.
    static Parsed<Organization> fromJson(const QByteArray& body);
    /// Strict parse of an Organization object.
    static Parsed<Organization> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<Organization> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
