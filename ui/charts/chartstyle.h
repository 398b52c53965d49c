#pragma once

#include "domain/datebucket.h"
#include "domain/granularity.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QtCharts/QChart>

class QCategoryAxis;
class QChartView;
class QLabel;
class QPalette;
class QValueAxis;

namespace bd {

/// Look shared by every chart of the app: theme from the palette, date labels, axes, the "failed" colour.
namespace ChartStyle {

/// Dark theme on a dark window background, light otherwise.
QChart::ChartTheme themeFor(const QPalette& palette);
/// Applies what every chart of the app has in common (no animation, square corners, legend at the bottom).
void applyCommon(QChart* chart, QChart::ChartTheme theme);
/// The colour of the index-th series: ten distinct hues that read on light and dark backgrounds (the
/// themes' own palettes repeat after five).
QColor seriesColor(int index);
/// The colour of the "Other" series: a neutral grey.
QColor otherColor();
/// Colour of failed-bucket markers; red on both themes.
QColor failedColor();
/// Short axis label of a bucket: "d MMM" for days and weeks (plus the year when `withYear`), "MMM yyyy" for
/// months, "Q1 2025" for quarters. Month names follow the system locale.
QString bucketAxisLabel(const DateBucket& bucket, Granularity granularity, bool withYear);
/// Axis labels for all buckets; years are added to day/week labels when the buckets span several years,
/// which also keeps the labels unique (category axes need that).
QStringList bucketAxisLabels(const QList<DateBucket>& buckets, Granularity granularity);
/// ISO date range text "2025-03-01 – 2025-03-31".
QString dateRangeText(const DateBucket& bucket);
/// A value axis whose labels sit exactly on the given x positions (at most `maxLabels`, evenly thinned).
/// Used instead of QDateTimeAxis, whose ticks are evenly spaced in time (so month ticks drift off the 1st)
/// and formatted in local time (so a UTC midnight can read as the previous day).
QCategoryAxis* positionedAxis(
    const QList<qreal>& positions, const QStringList& labels, qreal min, qreal max, int maxLabels = 12);
/// A y axis from 0 to at least `maxValue` with readable ticks; whole-number labels when the step is whole.
QValueAxis* usageAxis(double maxValue, const QString& title);
/// A label centred over a chart view, for why its chart has nothing to plot ("Loading…", "No usage in this
/// range."): hidden, and transparent to the mouse. The view owns it.
QLabel* emptyTextOverlay(QChartView* view);

} // namespace ChartStyle

} // namespace bd
