#include "ui/charts/trendchartview.h"

#include "models/periodlistmodel.h"
#include "ui/charts/chartstyle.h"

#include <QCursor>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QToolTip>
#include <QtCharts/QScatterSeries>

using namespace Qt::StringLiterals;

namespace bd {

TrendChartView::TrendChartView(QWidget* parent)
    : QChartView(parent)
    , m_rebuildTimer(new QTimer(this))
    , m_emptyText(ChartStyle::emptyTextOverlay(this))
{
    setRenderHint(QPainter::Antialiasing);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(RebuildDelayMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, &TrendChartView::rebuildNow);
    rebuildNow();
}

TrendChartView::~TrendChartView() = default;

void TrendChartView::setSource(PeriodListModel* periods, const QString& partNumber)
{
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_periods = periods;
    m_partNumber = partNumber;
    if (periods) {
        m_connections
            << connect(periods, &QAbstractItemModel::rowsInserted, this, &TrendChartView::scheduleRebuild)
            << connect(periods, &QAbstractItemModel::rowsRemoved, this, &TrendChartView::scheduleRebuild)
            << connect(periods, &QAbstractItemModel::dataChanged, this, &TrendChartView::scheduleRebuild)
            << connect(periods, &QAbstractItemModel::modelReset, this, &TrendChartView::scheduleRebuild);
    }
    rebuildNow();
}

std::unique_ptr<QChart> TrendChartView::buildChart(QChart::ChartTheme theme) const
{
    if (!m_periods) {
        PeriodListModel empty;
        return std::unique_ptr<QChart>(TrendChartBuilder::build(empty, m_partNumber, theme).chart);
    }
    return std::unique_ptr<QChart>(TrendChartBuilder::build(*m_periods, m_partNumber, theme).chart);
}

QString TrendChartView::emptyText() const
{
    // From the periods, not the chart on screen: a rebuild may still be waiting for its timer.
    return m_periods ? m_periods->trendEmptyText(m_partNumber) : m_built.emptyText;
}

void TrendChartView::scheduleRebuild()
{
    m_rebuildTimer->start();
}

void TrendChartView::rebuildNow()
{
    m_rebuildTimer->stop();
    QChart* old = chart();
    PeriodListModel empty;
    m_built = TrendChartBuilder::build(
        m_periods ? *m_periods : empty, m_partNumber, ChartStyle::themeFor(palette()));
    setChart(m_built.chart); // the view takes ownership
    // QChartView::setChart does not delete the chart it replaces.
    delete old;
    m_emptyText->setText(m_built.emptyText);
    m_emptyText->setVisible(!m_built.emptyText.isEmpty());
    connectPartialPoints();
    Q_EMIT rebuilt();
}

QString TrendChartView::partialToolTip(const TrendSeries& series) const
{
    const PeriodListModel::Period* period = m_periods ? m_periods->period(m_built.partialRow) : nullptr;
    if (!period || series.partialAt < 0)
        return {};
    return u"%1\n%2\n%3\n%4"_s.arg(series.name,
        PeriodListModel::periodText(period->overview, period->billingPeriodIndex),
        series.values.at(series.partialAt).toString(), m_built.partialNote);
}

void TrendChartView::connectPartialPoints()
{
    // Connections die with the old chart's series; the tooltip text is taken when the chart is built.
    QList<const TrendSeries*> all { &m_built.usage, &m_built.prepay, &m_built.allowance };
    for (const TrendSeries& cost : std::as_const(m_built.overageCost))
        all << &cost;
    for (const TrendSeries* series : std::as_const(all)) {
        if (!series->partialPoint)
            continue;
        connect(series->partialPoint, &QXYSeries::hovered, this,
            [this, text = partialToolTip(*series)](const QPointF&, bool state) {
                if (state)
                    QToolTip::showText(QCursor::pos(), text, this);
                else
                    QToolTip::hideText();
            });
    }
}

void TrendChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        scheduleRebuild();
}

} // namespace bd
