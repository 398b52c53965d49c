#pragma once

#include "domain/billingusage.h"
#include "domain/jsonerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

namespace bd {

/// Response of GET /api/v2/billing/reports/billableusage: per-licence totals for one window.
struct BillingUsageReport
{
    /// Report state; InProgress means "repeat the same GET shortly".
    enum class Status { InProgress, Complete };

    QDateTime startDate; ///< window start (UTC)
    QDateTime endDate; ///< window end, inclusive (UTC)
    Status status = Status::Complete; ///< absent on the wire = Complete
    QList<BillingUsage> usages; ///< one entry per licence
    QString id; ///< optional
    QString name; ///< optional
    QString selfUri; ///< optional

    /// True when status is Complete.
    bool isComplete() const { return status == Status::Complete; }

    /// Status for an exact wire name; nullopt if unknown.
    static std::optional<Status> statusFromName(QStringView name);

    /// What a parse keeps of each licence: its resources too, or its total only (a large org's users cost
    /// memory a consumer of totals does not need).
    enum class Resources {
        Keep, ///< every resource, name and first-seen date
        Dates, ///< the first-seen dates only (BillingUsage::firstSeen)
        Drop, ///< the count only
    };

    /// Strict parse of a response body.
    static Parsed<BillingUsageReport> fromJson(const QByteArray& body, Resources resources = Resources::Keep);
    /// Strict parse of a BillingUsageReport object.
    static Parsed<BillingUsageReport> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<BillingUsageReport> fromJson(const QJsonObject& object, const QString& path);

private:
    static Parsed<BillingUsageReport> parse(
        const QJsonObject& object, const QString& path, Resources resources);
};

} // namespace bd
