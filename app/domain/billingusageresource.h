#pragma once

#include "domain/jsonerror.h"

#include <QDateTime>
#include <QString>

class QJsonObject;

namespace bd {

/// One billed resource (a user e-mail or a device id) and when billing first saw it in the cycle.
struct BillingUsageResource
{
    QString name; ///< user e-mail or device id
    QDateTime date; ///< first observed in the billing cycle (UTC)

    /// Strict parse of a BillingUsageResource object.
    static Parsed<BillingUsageResource> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<BillingUsageResource> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
