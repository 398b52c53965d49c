#pragma once

#include "domain/decimal.h"

#include <QList>
#include <QString>

#include <optional>

namespace bd {

struct TrusteeBillingOverview;

/// What changed between two billing periods of one customer: usage per line, charges that appeared or
/// disappeared, and contract fields.
class PeriodComparison final
{
public:
    enum class Change { Unchanged, Changed, Added, Removed };

    /// One usage line (a part number within a grouping) in both periods.
    struct Line
    {
        QString name;
        QString partNumber;
        QString grouping;
        QString unit;
        std::optional<Decimal> before; ///< usage in the older period; nullopt when the charge did not exist
        std::optional<Decimal> after; ///< usage in the newer period; nullopt when the charge is gone
        Decimal delta; ///< after − before (a missing side counts as 0)
        std::optional<Decimal> deltaPercent; ///< delta / before × 100, rounded to 2 decimals; nullopt when
                                             ///< before is 0 or missing
        Change change = Change::Unchanged;
        std::optional<Decimal>
            costBefore; ///< estimated total of the line in the older period (OverviewEstimate)
        std::optional<Decimal> costAfter; ///< the same in the newer period
        /// costAfter − costBefore (a missing side counts as 0); nullopt when the currencies differ or a
        /// price is missing
        std::optional<Decimal> costDelta;
        /// A side has a cost but no price (UsageEstimate::isPriced): the cost change is not known.
        bool costUnknown = false;
    };

    /// The contract fields compared; what each is called on screen is the UI's to say.
    enum class ContractField {
        SubscriptionType,
        Currency,
        ContractEffective,
        ContractAmendment,
        ContractEnd,
        RampStart,
        RampEnd,
        InRampPeriod,
        MinimumMonthlyAmount,
        EnabledProducts,
    };

    /// A contract field whose value differs.
    struct FieldChange
    {
        ContractField field;
        QString before;
        QString after;
    };

    /// Compares `before` (the older period) with `after` (the newer one).
    static PeriodComparison compare(
        const TrusteeBillingOverview& before, const TrusteeBillingOverview& after);

    const QList<Line>& lines() const { return m_lines; }
    const QList<FieldChange>& fieldChanges() const { return m_fieldChanges; }
    /// The periods' currencies: costs compare only when they are the same.
    QString currencyBefore() const { return m_currencyBefore; }
    QString currencyAfter() const { return m_currencyAfter; }
    bool sameCurrency() const { return m_currencyBefore == m_currencyAfter; }
    /// The periods' estimated totals (OverviewEstimate::periodTotal), each in its own currency: a lower bound
    /// when the period has unpriced lines.
    Decimal totalBefore() const { return m_totalBefore; }
    Decimal totalAfter() const { return m_totalAfter; }
    /// Lines of each period with a cost but no price, left out of its total.
    int unpricedBefore() const { return m_unpricedBefore; }
    int unpricedAfter() const { return m_unpricedAfter; }
    /// Lines that exist only in the newer period.
    QList<Line> added() const;
    /// Lines that exist only in the older period.
    QList<Line> removed() const;
    /// The key a line is matched by across periods: grouping and part number (a resource and its fair-use row
    /// share a part number).
    static QString lineKey(const QString& grouping, const QString& partNumber);

private:
    QList<Line> m_lines;
    QList<FieldChange> m_fieldChanges;
    QString m_currencyBefore;
    QString m_currencyAfter;
    Decimal m_totalBefore;
    Decimal m_totalAfter;
    int m_unpricedBefore = 0;
    int m_unpricedAfter = 0;
};

} // namespace bd
