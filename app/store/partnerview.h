#pragma once

#include "domain/decimal.h"
#include "domain/licencecommitment.h"
#include "store/reportstore.h"
#include "store/storescope.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace bd {

/// What a partner's stored trustee overviews say about an org that is also one of its customers. Genesys
/// tells a customer's admin neither the billing-cycle day nor the prepaid quantities and prices, but a
/// partner profile that opened or swept the org in this store has all three.
class PartnerView final
{
    Q_DECLARE_TR_FUNCTIONS(bd::PartnerView)

public:
    /// The view of the partner that fetched `org`'s periods most recently (in the same region); nullopt when
    /// no partner in `store` has any.
    static std::optional<PartnerView> of(const ReportStore& store, const StoreScope& org);
    /// A view of these periods (newest first, as ReportStore::overviews gives them); nullopt for none.
    static std::optional<PartnerView> ofPeriods(const StoreScope& partner, const QString& partnerName,
        const QList<ReportStore::OverviewEntry>& periods);

    const StoreScope& partner() const { return m_partner; }
    /// The partner's name as organizations/me last named it; empty when never named.
    const QString& partnerName() const { return m_partnerName; }
    /// The partner's name, or its org id when it was never named.
    QString partnerText() const;
    /// Where its figures come from, for a tooltip or a note: "Northwind's overview of this org (13 periods
    /// stored, the newest 23 Nov – 22 Dec 2026)".
    QString sourceText() const;

    /// The day of the month the org's billing periods start on (DateBuckets::cycleDayOf over every stored
    /// period); nullopt when they follow no single day.
    std::optional<int> cycleDay() const;
    /// The first and last day of the newest stored period.
    QDate newestStart() const { return m_newestStart; }
    QDate newestEnd() const { return m_newestEnd; }

    /// The prepaid quantity of every licence that has one (its lines in a period summed, fair-use allowances
    /// aside), as licence commitments: one from the first day of the oldest stored period with that
    /// quantity, and one more each time it changes. A licence whose prepay fell to 0, or that a period
    /// lacked, keeps only what it prepaid since: a commitment of 0 is none.
    QList<LicenceCommitment> prepaidCommitments() const;

    /// The prepay price of every line the stored periods price, by licence name casefolded: the newest
    /// period's that prices it.
    QHash<QString, PrepayPrice> prepayPrices() const;

private:
    StoreScope m_partner;
    QString m_partnerName;
    QList<ReportStore::OverviewEntry> m_periods; // newest first
    QDate m_newestStart;
    QDate m_newestEnd;
};

} // namespace bd
