#pragma once

#include "domain/decimal.h"
#include "domain/jsonerror.h"
#include "domain/organizationref.h"
#include "domain/subscriptionoverviewusage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace bd {

/// Response of GET /api/v2/billing/trusteebillingoverview/{trustorOrgId}: one billing period of a customer
/// org.
struct TrusteeBillingOverview
{
    OrganizationRef organization; ///< the customer (trustor) org
    QString currency; ///< ISO 4217, e.g. "USD"
    QStringList enabledProducts; ///< charge short names
    QString subscriptionType; ///< any string; see knownSubscriptionTypes()
    QList<SubscriptionOverviewUsage> usages; ///< product rows
    std::optional<QDateTime> rampPeriodStartDate;
    std::optional<QDateTime> rampPeriodEndDate;
    std::optional<QDateTime> billingPeriodStartDate; ///< identifies the period (indexes shift)
    std::optional<QDateTime> billingPeriodEndDate;
    std::optional<QDateTime> contractAmendmentDate;
    std::optional<QDateTime> contractEffectiveDate;
    std::optional<QDateTime> contractEndDate;
    std::optional<Decimal> minimumMonthlyAmount;
    std::optional<bool> inRampPeriod;
    QString id; ///< optional
    QString name; ///< optional
    QString selfUri; ///< optional

    /// The subscription types documented by Genesys ("ININ", "MONTH_TO_MONTH", "PREPAY", …).
    static QStringList knownSubscriptionTypes();

    /// Strict parse of a response body.
    static Parsed<TrusteeBillingOverview> fromJson(const QByteArray& body);
    /// Strict parse of a TrusteeBillingOverview object.
    static Parsed<TrusteeBillingOverview> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<TrusteeBillingOverview> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
