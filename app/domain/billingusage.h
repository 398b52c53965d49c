#pragma once

#include "domain/billingusageresource.h"
#include "domain/decimal.h"
#include "domain/jsonerror.h"

#include <QDateTime>
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
    /// How many resources Genesys listed; set by every parse, so it is known when `resources` was dropped.
    qsizetype resourceCount = 0;
    /// The resources' first-seen dates only, in their order (datesFromJson()); empty otherwise.
    QList<QDateTime> firstSeen = {};

    /// Strict parse of a BillingUsage object.
    static Parsed<BillingUsage> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<BillingUsage> fromJson(const QJsonObject& object, const QString& path);
    /// The licence and its total only: `resources` must be an array of objects, but is not read.
    static Parsed<BillingUsage> totalFromJson(const QJsonObject& object, const QString& path);
    /// The licence, its total and its resources' first-seen dates (checked as fromJson() checks them): what a
    /// projection needs, at a fraction of the memory of the names.
    static Parsed<BillingUsage> datesFromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
