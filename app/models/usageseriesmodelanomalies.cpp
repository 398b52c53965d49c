// UsageSeriesModel: usage that stands out in the newest complete month or cycle.
#include "models/usageseriesmodel.h"

using namespace Qt::StringLiterals;

namespace bd {

UsageSeriesModel::AnomalyReport UsageSeriesModel::anomalies() const
{
    AnomalyReport report;
    if (m_granularity != Granularity::Month)
        return report;
    // Months before the org's first usage, and the month it began in, are not a usual level: they would
    // make every licence's first full month an anomaly.
    int firstUsual = 0;
    if (const std::optional<FirstUsage> first = firstUsage(); first && first->bucket > 0)
        firstUsual = first->since > m_buckets.at(first->bucket).first ? first->bucket + 1 : first->bucket;
    QList<int> complete; // newest first
    for (int b = int(m_buckets.size()) - 1; b >= firstUsual; --b) {
        if (isWholeComplete(b)) // a month the range cuts short would read as a fall
            complete << b;
    }
    if (complete.size() < 4) // the bucket and at least three before it
        return report;
    report.bucket = complete.first();
    const QList<int> before = complete.mid(1, Anomalies::Baseline);
    report.baseline = int(before.size());
    QList<Anomalies::Series> series;
    for (int row = 0; row < m_licences.size(); ++row) {
        Anomalies::Series s { m_licences.at(row), *value(row, report.bucket), {} };
        for (int b : before)
            s.earlier << *value(row, b);
        series << s;
    }
    report.found = Anomalies::find(series);
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
    for (const Anomaly& a : report.found)
        items << Anomalies::text(a);
    return tr("Anomalies in %1 %2: %3.").arg(where, against, items.join(u"; "_s));
}

} // namespace bd
