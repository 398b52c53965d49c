#pragma once

#include "domain/jsonerror.h"

#include <QString>

class QJsonObject;

namespace bd {

/// Reference to an organization: {id, name}.
struct OrganizationRef
{
    QString id; ///< org GUID (required)
    QString name; ///< optional

    /// Strict parse of an organization reference object.
    static Parsed<OrganizationRef> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<OrganizationRef> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
