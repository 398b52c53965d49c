#pragma once

#include "domain/decimal.h"

#include <QList>
#include <QMap>
#include <QString>

namespace bd {

struct UsageEstimate;

/// Estimated costs summed per currency: amounts in different currencies are never added together.
class CurrencyTotals final
{
public:
    /// One currency's sums.
    struct Total
    {
        QString currency;
        Decimal prepayCost;
        Decimal overageCost;
        Decimal total;
        int unpricedLines = 0; ///< lines whose cost is not known: the sums leave them out
        int unpricedOverageLines = 0; ///< of them, overage with no price: overageCost leaves them out
    };

    /// Adds one line's estimate in `currency`.
    void add(const QString& currency, const UsageEstimate& estimate);
    /// Adds every estimate of a period in `currency`.
    void addAll(const QString& currency, const QList<UsageEstimate>& estimates);
    /// The sums, one per currency, ordered by currency code.
    QList<Total> totals() const;
    /// The currencies seen, ordered.
    QStringList currencies() const { return m_totals.keys(); }
    /// One currency's sums (zeros when absent).
    Total total(const QString& currency) const;
    bool isEmpty() const { return m_totals.isEmpty(); }
    /// "EUR 1204.00 · USD 9117.38": two decimals per currency, never one sum across currencies; a currency
    /// with unpriced lines says how many its sum leaves out.
    QString toText() const;
    /// " + 2 lines with no price" after a sum that leaves them out; empty when none does.
    static QString unpricedNote(int unpricedLines);

private:
    QMap<QString, Total> m_totals;
};

} // namespace bd
