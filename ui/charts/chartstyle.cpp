#include "ui/charts/chartstyle.h"

#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QVBoxLayout>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace bd {

QChart::ChartTheme ChartStyle::themeFor(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                             : QChart::ChartThemeLight;
}

void ChartStyle::applyCommon(QChart* chart, QChart::ChartTheme theme)
{
    // The theme first: setTheme() restyles every series already in the chart and would undo custom colours.
    chart->setTheme(theme);
    // Streaming rebuilds the chart many times; animations would replay from zero on each rebuild.
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->legend()->setAlignment(Qt::AlignRight); // licence names are long: a column reads better than a row
    chart->legend()->setShowToolTips(true);
}

QColor ChartStyle::seriesColor(int index)
{
    static const QRgb palette[] = { 0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948, 0xb07aa1,
        0xff9da7, 0x9c755f, 0x3f8fd2 };
    constexpr int size = int(std::size(palette));
    return QColor::fromRgb(palette[((index % size) + size) % size]);
}

QColor ChartStyle::otherColor()
{
    return QColor::fromRgb(0x9a9a9a);
}

QColor ChartStyle::failedColor()
{
    return QColor(0xd3, 0x2f, 0x2f);
}

QString ChartStyle::bucketAxisLabel(const DateBucket& bucket, Granularity granularity, bool withYear)
{
    const QLocale locale;
    switch (granularity) {
    case Granularity::Day:
    case Granularity::Week:
        return locale.toString(bucket.first, withYear ? u"d MMM yyyy"_s : u"d MMM"_s);
    case Granularity::Month:
        return locale.toString(bucket.first, u"MMM yyyy"_s);
    case Granularity::Quarter:
        // QDate has no quarter format; DateBucket's own label is "Q1 2025".
        return bucket.label(Granularity::Quarter);
    }
    return bucket.label(granularity);
}

QStringList ChartStyle::bucketAxisLabels(const QList<DateBucket>& buckets, Granularity granularity)
{
    const bool severalYears
        = !buckets.isEmpty() && buckets.first().first.year() != buckets.last().first.year();
    QStringList labels;
    labels.reserve(buckets.size());
    for (const DateBucket& bucket : buckets)
        labels << bucketAxisLabel(bucket, granularity, severalYears);
    return labels;
}

QString ChartStyle::dateRangeText(const DateBucket& bucket)
{
    return u"%1 – %2"_s.arg(bucket.first.toString(Qt::ISODate), bucket.last.toString(Qt::ISODate));
}

QCategoryAxis* ChartStyle::positionedAxis(
    const QList<qreal>& positions, const QStringList& labels, qreal min, qreal max, int maxLabels)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(min);
    const qsizetype count = std::min(positions.size(), labels.size());
    const qsizetype stride = std::max<qsizetype>(1, (count + maxLabels - 1) / std::max(1, maxLabels));
    for (qsizetype i = 0; i < count; i += stride)
        axis->append(QString(labels.at(i)).replace(u' ', u"<br>"_s), positions.at(i));
    axis->setRange(min, max);
    // Labels are thinned to at most maxLabels and set on two lines ("Jan" over "2025"); Qt would otherwise
    // cut them to "Jan 2…" at the category width.
    axis->setTruncateLabels(false);
    return axis;
}

QValueAxis* ChartStyle::usageAxis(double maxValue, const QString& title)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(0, maxValue > 0 ? maxValue : 1);
    axis->applyNiceNumbers();
    if (axis->min() > 0)
        axis->setMin(0);
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    axis->setLabelFormat(std::abs(step - std::round(step)) < 1e-9 ? u"%.0f"_s : u"%.2f"_s);
    return axis;
}

QLabel* ChartStyle::emptyTextOverlay(QChartView* view)
{
    auto* label = new QLabel(view->viewport());
    label->setObjectName(u"chartEmptyText"_s);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    label->setContentsMargins(24, 24, 24, 24);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    label->setFont(font);
    label->hide();
    auto* overlay = new QVBoxLayout(view->viewport());
    overlay->addWidget(label);
    return label;
}

} // namespace bd
