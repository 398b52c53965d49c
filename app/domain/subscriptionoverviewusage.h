#pragma once

#include "domain/decimal.h"
#include "domain/jsonerror.h"

#include <QString>

#include <optional>

class QJsonObject;

namespace bd {

/// One product row of a trustee billing overview: usage, prepay and prices for the period.
struct SubscriptionOverviewUsage
{
    QString name; ///< product charge name
    QString partNumber; ///< e.g. "PC-XXX-CX3-NAMED"
    QString grouping; ///< UI grouping key, any string ("user-license", "fair-use", …)
    QString unitOfMeasureType; ///< e.g. "seat"
    Decimal usageQuantity; ///< used in the period
    Decimal prepayQuantity; ///< prepaid in the period
    std::optional<Decimal> overagePrice; ///< price per unit above prepay
    std::optional<Decimal> prepayPrice; ///< price per prepaid unit
    std::optional<Decimal> bundleQuantity; ///< quantity multiplier
    QString usageNotes; ///< optional
    std::optional<bool> isCancellable; ///< optional
    std::optional<bool> isThirdParty; ///< optional

    /// Strict parse of a SubscriptionOverviewUsage object.
    static Parsed<SubscriptionOverviewUsage> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<SubscriptionOverviewUsage> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
