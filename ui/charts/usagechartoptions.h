#pragma once

#include <QStringList>
#include <QtCharts/QChart>

namespace bd {

/// What the usage chart shows and how; everything UsageChartBuilder needs besides the model.
struct UsageChartOptions
{
    /// Lines: one line per licence over time. StackedBars: one stacked bar per bucket.
    enum class Mode { Lines, StackedBars };

    Mode mode = Mode::Lines; ///< chart kind
    int topN = 8; ///< licences shown by peak usage, the rest summed into "Other"; ≤ 0 = all
    QStringList pinnedLicences; ///< if non-empty: exactly these licences, in this order, no "Other"
    QStringList hiddenLicences; ///< series names switched off in the legend (still listed there, dimmed)
    bool showOther = true; ///< show the "Other" series when licences were left out by topN
    QChart::ChartTheme theme
        = QChart::ChartThemeLight; ///< Qt Charts theme (the view picks it from the palette)
};

} // namespace bd
