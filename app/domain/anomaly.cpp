#include "domain/anomaly.h"

#include <algorithm>

namespace bd {

Decimal Anomalies::median(QList<Decimal> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(mid);
    return (values.at(mid - 1) + values.at(mid)).dividedBy(Decimal::fromInt(2)).value_or(Decimal());
}

std::optional<Anomaly> Anomalies::test(
    const QString& subject, Decimal actual, const QList<Decimal>& earlier, Decimal minimumChange)
{
    const QList<Decimal> base = earlier.mid(0, Baseline);
    if (base.size() < 3)
        return std::nullopt;
    const Decimal middle = median(base);
    QList<Decimal> deviations;
    deviations.reserve(base.size());
    for (Decimal v : base)
        deviations << (v - middle).abs();
    const Decimal spread = median(deviations) * Decimal::fromInt(MadFactor);
    const Decimal change = actual - middle;
    if (change.abs() <= spread || change.abs() < minimumChange)
        return std::nullopt;
    Anomaly a;
    a.kind = change.isNegative() ? Anomaly::Kind::Fall : Anomaly::Kind::Rise;
    a.subject = subject;
    a.expected = middle;
    a.actual = actual;
    a.impact = change;
    return a;
}

QList<BillingUsageResource> PushedOver::resources(QList<BillingUsageResource> resources, Decimal commitment)
{
    std::stable_sort(resources.begin(), resources.end(),
        [](const BillingUsageResource& a, const BillingUsageResource& b) { return a.date < b.date; });
    qsizetype within = 0;
    while (within < resources.size() && Decimal::fromInt(within + 1) <= commitment)
        ++within;
    return resources.mid(within);
}

} // namespace bd
