// UsageSeriesModel: usage that stands out in the newest complete month or cycle.
#include "models/usageseriesmodel.h"

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// Below this change nothing is news, however flat the months before were: two units, or 15 % of the usual
/// figure (an org that grows by a seat or two a month has not had an anomaly).
Decimal minimumChange(Decimal usual)
{
    return Decimal::max(Decimal::fromInt(2),
        (usual * Decimal::fromInt(15)).dividedBy(Decimal::fromInt(100)).value_or(Decimal()));
}

} // namespace

UsageSeriesModel::AnomalyReport UsageSeriesModel::anomalies() const
{
    AnomalyReport report;
    if (m_granularity != Granularity::Month)
        return report;
    QList<int> complete; // newest first
    for (int b = int(m_buckets.size()) - 1; b >= 0; --b) {
        if (isWholeComplete(b)) // a month the range cuts short would read as a fall
            complete << b;
    }
    if (complete.size() < 4) // the bucket and at least three before it
        return report;
    report.bucket = complete.first();
    const QList<int> before = complete.mid(1, Anomalies::Baseline);
    report.baseline = int(before.size());
    for (int row = 0; row < m_licences.size(); ++row) {
        const Decimal actual = *value(row, report.bucket);
        QList<Decimal> earlier;
        bool allZero = true, noneZero = true;
        for (int b : before) {
            const Decimal v = *value(row, b);
            earlier << v;
            allZero = allZero && v.isZero();
            noneZero = noneZero && !v.isZero();
        }
        const Decimal usual = Anomalies::median(earlier);
        if (allZero && !actual.isZero()) {
            report.found.append({ Anomaly::Kind::New, m_licences.at(row), Decimal(), actual, actual });
        } else if (noneZero && actual.isZero()) {
            report.found.append({ Anomaly::Kind::Gone, m_licences.at(row), usual, actual, -usual });
        } else if (auto a = Anomalies::test(m_licences.at(row), actual, earlier, minimumChange(usual))) {
            report.found.append(*a);
        }
    }
    return report;
}

QString UsageSeriesModel::anomalyText() const
{
    const AnomalyReport report = anomalies();
    if (report.bucket < 0)
        return {};
    const QString where = bucketLabel(report.bucket);
    const QString against = tr("against the %n complete period(s) before it", nullptr, report.baseline);
    if (report.found.isEmpty())
        return tr("No anomalies in %1 %2: every licence is within its usual range (median ± 3 × MAD).")
            .arg(where, against);
    QStringList items;
    for (const Anomaly& a : report.found) {
        const QString impact = (a.impact.isNegative() ? QString() : u"+"_s) + a.impact.toString();
        switch (a.kind) {
        case Anomaly::Kind::New:
            items << tr("%1 new: %2").arg(a.subject, a.actual.toString());
            break;
        case Anomaly::Kind::Gone:
            items << tr("%1 gone (usually %2)").arg(a.subject, a.expected.toString());
            break;
        case Anomaly::Kind::Rise:
        case Anomaly::Kind::Fall:
            items << tr("%1 %2 against a usual %3 (%4)")
                         .arg(a.subject, a.actual.toString(), a.expected.toString(), impact);
            break;
        }
    }
    return tr("Anomalies in %1 %2: %3.").arg(where, against, items.join(u"; "_s));
}

} // namespace bd
