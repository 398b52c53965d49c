#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace bd::sim {

/// The deterministic demo data behind the simulator: same seed + same `now` → byte-identical JSON.
/// The signed-in (partner) org "Northwind Contact Center" owns the billable-usage report; 25 customer
/// (trustor) orgs (or more, for a large partner) own the trustee billing overviews.
class DemoData
{
public:
    /// Generates the data for (seed, now); an invalid `now` means the current UTC time. Past the 25 named
    /// customer orgs, `trustorCount` repeats their shapes (currency, subscription, disabled trust, short
    /// history, ramps) under new names and seeds; the first 25 stay as they are.
    /// `plantedAnomaly`: the demo org also bills PlantedAnomalySeats contractors on Genesys Cloud CX 1 in
    /// plantedAnomalyMonth() only, a rise no earlier month explains; and the first listed customer uses
    /// PlantedAnomalySeats more seats of its first seat line in its last closed period (index 1) only.
    explicit DemoData(quint32 seed, const QDateTime& now, int trustorCount = DefaultTrustorCount,
        bool plantedAnomaly = false);
    static constexpr int PlantedAnomalySeats = 25;
    /// The last complete calendar month on `now`: the one the planted anomaly is in.
    static QDate plantedAnomalyMonth(const QDateTime& now);
    ~DemoData();
    DemoData(const DemoData&);
    DemoData& operator=(const DemoData&);

    /// The instant the data was generated for (UTC).
    QDateTime now() const;
    /// The signed-in demo org's id.
    QString orgId() const;
    /// The signed-in demo org's name ("Northwind Contact Center").
    QString orgName() const;
    /// The body of GET /api/v2/organizations/me.
    QJsonObject organizationMe() const;
    /// True for the licences whose totalUsage is a count of distinct resources (seats and devices).
    bool isSeatLicence(const QString& licenceName) const;
    /// The Complete BillingUsageReport for [start, end]: usage is complete through the end of yesterday
    /// (UTC), as DataCutoff says; nothing exists after it.
    QJsonObject billableUsage(const QDateTime& start, const QDateTime& end) const;
    /// One page of the TrustorEntityListing; pageSize is clamped to [1, maxPageSize]; past the end: empty.
    QJsonObject trustorsPage(int pageSize, int pageNumber) const;
    /// The ids of every trustor org, in listing order.
    QStringList trustorIds() const;
    /// True when trustorId is one of the trustor orgs.
    bool hasTrustor(const QString& trustorId) const;
    /// False for the one trust the customer has disabled.
    bool isTrustEnabled(const QString& trustorId) const;
    /// The trustor org's name (empty when unknown).
    QString trustorName(const QString& trustorId) const;
    /// Number of billing periods that exist for the org (index 0..historyLength-1); 0 for an unknown org.
    int historyLength(const QString& trustorId) const;
    /// The TrusteeBillingOverview of one period; nullopt = index past the history, negative, or unknown org.
    std::optional<QJsonObject> trusteeOverview(const QString& trustorId, int billingPeriodIndex) const;

    static constexpr int DefaultTrustorCount = 25; ///< the named demo customers
    static constexpr int defaultPageSize = 25; ///< trustors page size when none is given
    static constexpr int maxPageSize = 100; ///< largest trustors page size served

private:
    struct Impl;
    std::shared_ptr<const Impl> d;
};

} // namespace bd::sim
