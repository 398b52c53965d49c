#include "domain/currencytotals.h"

#include "domain/overviewestimate.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bd {

QString CurrencyTotals::unpricedNote(int unpricedLines)
{
    if (unpricedLines <= 0)
        return {};
    return QCoreApplication::translate(
        "bd::CurrencyTotals", " + %n line(s) with no price", nullptr, unpricedLines);
}

void CurrencyTotals::add(const QString& currency, const UsageEstimate& estimate)
{
    Total& t = m_totals[currency];
    t.currency = currency;
    t.prepayCost += estimate.prepayCost;
    t.overageCost += estimate.overageCost;
    t.total += estimate.total;
    if (!estimate.isPriced())
        ++t.unpricedLines;
    if (!estimate.isOveragePriced())
        ++t.unpricedOverageLines;
}

void CurrencyTotals::addAll(const QString& currency, const QList<UsageEstimate>& estimates)
{
    if (!m_totals.contains(currency))
        m_totals.insert(currency, Total { currency, {}, {}, {}, 0, 0 });
    for (const UsageEstimate& e : estimates)
        add(currency, e);
}

QList<CurrencyTotals::Total> CurrencyTotals::totals() const
{
    return m_totals.values();
}

CurrencyTotals::Total CurrencyTotals::total(const QString& currency) const
{
    return m_totals.value(currency, Total { currency, {}, {}, {}, 0, 0 });
}

QString CurrencyTotals::toText() const
{
    QStringList parts;
    for (const Total& t : m_totals)
        parts << u"%1 %2"_s.arg(t.currency, t.total.toString(2)) + unpricedNote(t.unpricedLines);
    return parts.join(u" · "_s);
}

} // namespace bd
