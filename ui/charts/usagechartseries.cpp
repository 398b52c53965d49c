// UsageChartBuilder: which licences become series of their own, and what the chart and its parts are called.

#include "models/usageseriesmodel.h"
#include "ui/charts/usagechartbuilder.h"

#include <algorithm>

namespace bd {

QString UsageChartBuilder::otherName()
{
    return tr("Other");
}

QString UsageChartBuilder::failedName()
{
    return tr("Failed buckets");
}

QString UsageChartBuilder::title(Granularity granularity, QDate dataThrough)
{
    QString text;
    switch (granularity) {
    case Granularity::Day:
        text = tr("Billable usage per day");
        break;
    case Granularity::Week:
        text = tr("Billable usage per week");
        break;
    case Granularity::Month:
        text = tr("Billable usage per month");
        break;
    case Granularity::Quarter:
        text = tr("Billable usage per quarter");
        break;
    }
    if (dataThrough.isValid())
        text = tr("%1 · UTC days · data through %2").arg(text, UsageSeriesModel::dayText(dataThrough));
    return text;
}

QString UsageChartBuilder::cutoffName(QDate dataThrough)
{
    return tr("Data through %1").arg(UsageSeriesModel::dayText(dataThrough));
}

void UsageChartBuilder::selectRows(const UsageSeriesModel& model, const UsageChartOptions& options,
    QList<int>* shown, QList<int>* other, QList<int>* metered)
{
    shown->clear();
    other->clear();
    if (metered)
        metered->clear();
    if (!options.pinnedLicences.isEmpty()) {
        QList<int> counted, meteredPicks;
        for (const QString& licence : options.pinnedLicences) {
            const int row = model.rowOfLicence(licence);
            if (row >= 0 && !counted.contains(row) && !meteredPicks.contains(row))
                (model.isMetered(row) ? meteredPicks : counted) << row;
        }
        // Picked metered licences keep their own scale when there is a second one to keep them on.
        if (metered && !counted.isEmpty()) {
            *shown = counted;
            *metered = meteredPicks;
        } else {
            for (const QString& licence : options.pinnedLicences) {
                const int row = model.rowOfLicence(licence);
                if (row >= 0 && !shown->contains(row))
                    *shown << row;
            }
        }
        return;
    }
    QList<int> ranked, meteredRows;
    for (int row = 0; row < model.licenceCount(); ++row)
        (model.isMetered(row) ? meteredRows : ranked) << row;
    // Metered licences (sessions, gigabytes) next to seat and device counts would flatten them on a shared
    // axis: they get a scale of their own where the chart has one, and are left out of a stack. Without
    // counted licences to protect, they are ranked like any other.
    // Rank by peak (the number a licence is bought by); ties by name so the choice is stable.
    const auto peakOf = [&model](int row) { return model.peak(row).value_or(Decimal::fromInt(-1)); };
    const auto byPeak = [&](int a, int b) {
        const Decimal pa = peakOf(a);
        const Decimal pb = peakOf(b);
        return pa != pb ? pa > pb : model.licence(a) < model.licence(b);
    };
    if (ranked.isEmpty()) {
        ranked = meteredRows;
    } else if (metered && !meteredRows.isEmpty()) {
        // The largest two take part of the top N's room, so the legend stays as long as the N asked for.
        std::stable_sort(meteredRows.begin(), meteredRows.end(), byPeak);
        const qsizetype room
            = options.topN > 0 ? std::max<qsizetype>(0, options.topN - 1) : meteredRows.size();
        *metered = meteredRows.mid(0, std::min<qsizetype>({ room, MaxMeteredSeries, meteredRows.size() }));
        std::sort(metered->begin(), metered->end());
    }
    std::stable_sort(ranked.begin(), ranked.end(), byPeak);
    const qsizetype limit = options.topN > 0
        ? std::max<qsizetype>(1, options.topN - (metered ? metered->size() : 0))
        : ranked.size();
    *shown = ranked.mid(0, limit);
    if (options.showOther)
        *other = ranked.mid(limit);
    // Display in model order: licences keep their colour while streaming reshuffles the ranking.
    std::sort(shown->begin(), shown->end());
    std::sort(other->begin(), other->end());
}

} // namespace bd
