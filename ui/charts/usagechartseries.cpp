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

void UsageChartBuilder::selectRows(
    const UsageSeriesModel& model, const UsageChartOptions& options, QList<int>* shown, QList<int>* other)
{
    shown->clear();
    other->clear();
    if (!options.pinnedLicences.isEmpty()) {
        for (const QString& licence : options.pinnedLicences) {
            const int row = model.rowOfLicence(licence);
            if (row >= 0 && !shown->contains(row))
                *shown << row;
        }
        return;
    }
    QList<int> ranked, metered;
    for (int row = 0; row < model.licenceCount(); ++row)
        (model.isMetered(row) ? metered : ranked) << row;
    // Metered licences (sessions, gigabytes) next to seat and device counts would flatten them on a shared
    // axis: then they are shown only when pinned, and stay in the table. Without counted licences to protect,
    // they are ranked like any other.
    if (ranked.isEmpty())
        ranked = metered;
    // Rank by peak (the number a licence is bought by); ties by name so the choice is stable.
    const auto peakOf = [&model](int row) { return model.peak(row).value_or(Decimal::fromInt(-1)); };
    std::stable_sort(ranked.begin(), ranked.end(), [&](int a, int b) {
        const Decimal pa = peakOf(a);
        const Decimal pb = peakOf(b);
        return pa != pb ? pa > pb : model.licence(a) < model.licence(b);
    });
    const qsizetype limit = options.topN > 0 ? options.topN : ranked.size();
    *shown = ranked.mid(0, limit);
    if (options.showOther)
        *other = ranked.mid(limit);
    // Display in model order: licences keep their colour while streaming reshuffles the ranking.
    std::sort(shown->begin(), shown->end());
    std::sort(other->begin(), other->end());
}

} // namespace bd
