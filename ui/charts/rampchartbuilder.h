#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QtCharts/QChart>

class QLineSeries;

namespace bd {

class UsageSeriesModel;

/// A ramp chart with the numbers behind it.
struct BuiltRamp
{
    QChart* chart = nullptr; ///< the chart; the caller owns it
    QLineSeries* series = nullptr; ///< the step line (owned by the chart); points 2i and 2i+1 span day i
    QList<QDate> days; ///< every day of the bucket
    QList<int> counts; ///< resources first seen on or before each day
    QString title; ///< "<licence> · ramp <first> – <last>"
    QString emptyText; ///< why nothing is plotted (UsageSeriesModel::rampEmptyText); empty when plotted
};

/// Builds the ramp of one licence in one bucket: how many of its resources had been seen by each day.
class RampChartBuilder
{
    Q_DECLARE_TR_FUNCTIONS(bd::RampChartBuilder)

public:
    /// Cumulative resources by first-seen day as a step line over the bucket's days. Resources seen before
    /// the bucket (billing cycles can start earlier) count from its first day; a resource listed twice counts
    /// once.
    static BuiltRamp build(const UsageSeriesModel& model, int row, int bucket, QChart::ChartTheme theme);
};

} // namespace bd
