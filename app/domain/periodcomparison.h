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
};

} // namespace bd
