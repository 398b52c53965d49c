#pragma once

#include "domain/billingusageresource.h"
#include "domain/decimal.h"
#include "domain/jsonerror.h"

#include <QList>
#include <QString>

class QJsonObject;

namespace bd {

/// Total usage of one licence (charge) over a report window, with the resources that made it up.
struct BillingUsage
{
    QString name; ///< charge name = licence type, e.g. "Genesys Cloud CX 3"
    Decimal totalUsage; ///< total for the window
    QList<BillingUsageResource> resources; ///< resources with their first-seen dates
    /// How many resources Genesys listed; set by both parses, so it is known when `resources` was dropped.
    qsizetype resourceCount = 0;

    /// Strict parse of a BillingUsage object.
    static Parsed<BillingUsage> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<BillingUsage> fromJson(const QJsonObject& object, const QString& path);
    /// The licence and its total only: `resources` must be an array of objects, but is not read.
    static Parsed<BillingUsage> totalFromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
