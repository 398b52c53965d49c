#include "ui/charts/rampchartbuilder.h"

#include "domain/utc.h"
#include "models/usageseriesmodel.h"
#include "ui/charts/chartstyle.h"

#include <QHash>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

using namespace Qt::StringLiterals;

namespace bd {

BuiltRamp RampChartBuilder::build(
    const UsageSeriesModel& model, int row, int bucket, QChart::ChartTheme theme)
{
    BuiltRamp ramp;
    ramp.chart = new QChart;
    ChartStyle::applyCommon(ramp.chart, theme);
    ramp.chart->legend()->hide(); // one series, named by the title
    // Nothing to plot: no axis and no flat line at 0; the view says why instead.
    ramp.emptyText = model.rampEmptyText(row, bucket);
    if (!ramp.emptyText.isEmpty())
        return ramp;

    const DateBucket dates = model.buckets().at(bucket);
    const QString licence = model.licence(row);
    ramp.title = tr("%1 · ramp %2 – %3")
                     .arg(licence, dates.first.toString(Qt::ISODate), dates.last.toString(Qt::ISODate));
    ramp.chart->setTitle(ramp.title);

    // Earliest sighting per resource; dates are UTC like the bucket.
    QHash<QString, QDate> firstSeen;
    for (const BillingUsageResource& resource : model.resources(row, bucket)) {
        QDate day = resource.date.isValid() ? resource.date.toUTC().date() : dates.first;
        day = std::max(day, dates.first);
        const auto it = firstSeen.find(resource.name);
        if (it == firstSeen.end())
            firstSeen.insert(resource.name, day);
        else
            *it = std::min(*it, day);
    }
    QHash<QDate, int> newOn;
    for (const QDate& day : std::as_const(firstSeen))
        ++newOn[day];

    auto* series = new QLineSeries;
    series->setName(licence);
    int cumulative = 0;
    QList<qreal> positions;
    QStringList labels;
    const QLocale locale;
    for (QDate day = dates.first; day <= dates.last; day = day.addDays(1)) {
        cumulative += newOn.value(day);
        ramp.days << day;
        ramp.counts << cumulative;
        // Flat across the day, vertical at midnight: a step, so no count seems to appear before its day.
        const qreal from = qreal(day.startOfDay(UtcZone).toMSecsSinceEpoch());
        const qreal to = qreal(day.addDays(1).startOfDay(UtcZone).toMSecsSinceEpoch());
        series->append(from, cumulative);
        series->append(to, cumulative);
        positions << from;
        labels << locale.toString(day, u"d MMM"_s);
    }
    ramp.series = series;
    ramp.chart->addSeries(series);

    const qreal end = qreal(dates.last.addDays(1).startOfDay(UtcZone).toMSecsSinceEpoch());
    QCategoryAxis* xAxis = ChartStyle::positionedAxis(positions, labels, positions.value(0, end), end, 10);
    QValueAxis* yAxis = ChartStyle::usageAxis(std::max(cumulative, 4), tr("Resources"));
    ramp.chart->addAxis(xAxis, Qt::AlignBottom);
    ramp.chart->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
    return ramp;
}

} // namespace bd
