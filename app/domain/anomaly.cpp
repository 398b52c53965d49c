#include "domain/anomaly.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

class AnomalyText
{
    Q_DECLARE_TR_FUNCTIONS(AnomalyText)
};

} // namespace

Decimal Anomalies::minimumChange(Decimal usual)
{
    return Decimal::max(Decimal::fromInt(2),
        (usual * Decimal::fromInt(15)).dividedBy(Decimal::fromInt(100)).value_or(Decimal()));
}

QList<Anomaly> Anomalies::find(const QList<Series>& series)
{
    QList<Anomaly> found;
    for (const Series& s : series) {
        const QList<Decimal> earlier = s.earlier.mid(0, Baseline);
        if (earlier.size() < 3)
            continue; // nothing can be said
        const bool allZero
            = std::all_of(earlier.cbegin(), earlier.cend(), [](Decimal v) { return v.isZero(); });
        const bool noneZero
            = std::none_of(earlier.cbegin(), earlier.cend(), [](Decimal v) { return v.isZero(); });
        const Decimal usual = median(earlier);
        if (allZero && !s.actual.isZero())
            found.append({ Anomaly::Kind::New, s.subject, Decimal(), s.actual, s.actual });
        else if (noneZero && s.actual.isZero())
            found.append({ Anomaly::Kind::Gone, s.subject, usual, s.actual, -usual });
        else if (auto a = test(s.subject, s.actual, earlier, minimumChange(usual)))
            found.append(*a);
    }
    return found;
}

QString Anomalies::text(const Anomaly& a)
{
    switch (a.kind) {
    case Anomaly::Kind::New:
        return AnomalyText::tr("%1 new: %2").arg(a.subject, a.actual.toString());
    case Anomaly::Kind::Gone:
        return AnomalyText::tr("%1 gone (usually %2)").arg(a.subject, a.expected.toString());
    case Anomaly::Kind::Rise:
    case Anomaly::Kind::Fall:
        break;
    }
    const QString impact = (a.impact.isNegative() ? QString() : u"+"_s) + a.impact.toString();
    return AnomalyText::tr("%1 %2 against a usual %3 (%4)")
        .arg(a.subject, a.actual.toString(), a.expected.toString(), impact);
}

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
