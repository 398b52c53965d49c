#pragma once

#include "domain/jsonerror.h"
#include "domain/organizationref.h"

#include <QDateTime>
#include <QString>

class QJsonObject;

namespace bd {

/// An organization that trusts the caller's (partner) org.
struct Trustor
{
    QString id; ///< = the trustor org id
    bool enabled = false; ///< whether the trust is active
    QDateTime dateCreated; ///< invalid if absent
    OrganizationRef organization; ///< the trustor org
    QString selfUri; ///< optional

    /// Strict parse of a Trustor object.
    static Parsed<Trustor> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<Trustor> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
