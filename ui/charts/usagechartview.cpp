#include "ui/charts/usagechartview.h"

#include "models/usageseriesmodel.h"
#include "ui/charts/chartstyle.h"

#include <QCursor>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QToolTip>
#include <QtCharts/QBarSet>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QXYSeries>

#include <cmath>

using namespace Qt::StringLiterals;

namespace bd {

UsageChartView::UsageChartView(QWidget* parent)
    : QChartView(parent)
    , m_rebuildTimer(new QTimer(this))
    , m_emptyText(ChartStyle::emptyTextOverlay(this))
{
    setRenderHint(QPainter::Antialiasing);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(RebuildDelayMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, &UsageChartView::rebuildNow);
    m_options.theme = ChartStyle::themeFor(palette());
    rebuildNow();
}

UsageChartView::~UsageChartView() = default;

void UsageChartView::setModel(UsageSeriesModel* model)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    if (model) {
        m_modelConnections
            << connect(model, &UsageSeriesModel::bucketChanged, this, &UsageChartView::scheduleRebuild)
            << connect(model, &QAbstractItemModel::rowsInserted, this, &UsageChartView::scheduleRebuild)
            << connect(model, &QAbstractItemModel::rowsRemoved, this, &UsageChartView::scheduleRebuild)
            << connect(model, &QAbstractItemModel::modelReset, this, &UsageChartView::scheduleRebuild)
            << connect(model, &QObject::destroyed, this, &UsageChartView::scheduleRebuild);
    }
    rebuildNow();
}

UsageSeriesModel* UsageChartView::model() const
{
    return m_model;
}

void UsageChartView::setMode(UsageChartOptions::Mode mode)
{
    if (m_options.mode == mode)
        return;
    m_options.mode = mode;
    rebuildNow();
}

void UsageChartView::setTopN(int topN)
{
    if (m_options.topN == topN)
        return;
    m_options.topN = topN;
    rebuildNow();
}

void UsageChartView::setPinnedLicences(const QStringList& licences)
{
    if (m_options.pinnedLicences == licences)
        return;
    m_options.pinnedLicences = licences;
    rebuildNow();
}

void UsageChartView::setSeriesHidden(const QString& name, bool hidden)
{
    if (m_options.hiddenLicences.contains(name) == hidden)
        return;
    if (hidden)
        m_options.hiddenLicences << name;
    else
        m_options.hiddenLicences.removeAll(name);
    rebuildNow();
}

std::unique_ptr<QChart> UsageChartView::buildChart(QChart::ChartTheme theme) const
{
    UsageChartOptions options = m_options;
    options.theme = theme;
    if (m_model)
        return std::unique_ptr<QChart>(UsageChartBuilder::build(*m_model, options).chart);
    UsageSeriesModel empty;
    return std::unique_ptr<QChart>(UsageChartBuilder::build(empty, options).chart);
}

void UsageChartView::scheduleRebuild()
{
    // Not restarted on every update: a steady stream of buckets still redraws every RebuildDelayMs.
    if (!m_rebuildTimer->isActive())
        m_rebuildTimer->start();
}

void UsageChartView::rebuildNow()
{
    m_rebuildTimer->stop();
    BuiltChart built;
    if (m_model) {
        built = UsageChartBuilder::build(*m_model, m_options);
    } else {
        UsageSeriesModel empty;
        built = UsageChartBuilder::build(empty, m_options);
    }
    QChart* old = chart();
    setChart(built.chart); // the view owns the new chart and gives up the old one
    m_built = built;
    delete old;
    m_emptyText->setText(built.emptyText);
    m_emptyText->setVisible(!built.emptyText.isEmpty());
    connectChart();
    Q_EMIT rebuilt();
}

QString UsageChartView::emptyText() const
{
    // From the model, not the chart on screen: a rebuild may still be waiting for its timer.
    return m_model ? m_model->emptyText() : m_built.emptyText;
}

void UsageChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        const QChart::ChartTheme theme = ChartStyle::themeFor(palette());
        if (theme != m_options.theme) {
            m_options.theme = theme;
            rebuildNow();
        }
    }
}

void UsageChartView::connectChart()
{
    QChart* current = chart();
    for (QLegendMarker* marker : current->legend()->markers()) {
        const QString name = marker->label();
        // Queued: the rebuild deletes the marker, which is still inside its mouse handler when it emits.
        connect(
            marker, &QLegendMarker::clicked, this,
            [this, name] { setSeriesHidden(name, !m_options.hiddenLicences.contains(name)); },
            Qt::QueuedConnection);
    }
    // Connections die with the old chart's series, so indices into m_built stay valid for their lifetime.
    for (int i = 0; i < m_built.series.size(); ++i) {
        const PlottedSeries& plotted = m_built.series.at(i);
        QList<QXYSeries*> hoverable { plotted.line, plotted.partialLine,
            static_cast<QXYSeries*>(plotted.partialPoints), plotted.projectionBand,
            static_cast<QXYSeries*>(plotted.projectionLikely) };
        hoverable += plotted.moreRuns;
        for (QXYSeries* xy : std::as_const(hoverable)) {
            if (!xy)
                continue;
            connect(xy, &QXYSeries::hovered, this, [this, i](const QPointF& point, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                showTip(i, nearestBucket(m_built.series.at(i), point.x()));
            });
            connect(xy, &QXYSeries::clicked, this, [this, i](const QPointF& point) {
                const PlottedSeries& s = m_built.series.at(i);
                const int bucket = nearestBucket(s, point.x());
                if (bucket >= 0 && !s.other)
                    Q_EMIT bucketClicked(bucket, s.name);
            });
        }
    }
    const QList<QAbstractSeries*> all = current->series();
    for (QAbstractSeries* series : all) {
        if (auto* bars = qobject_cast<QStackedBarSeries*>(series)) {
            const auto seriesOf = [this](QBarSet* set) {
                for (int i = 0; i < m_built.series.size(); ++i) {
                    if (m_built.series.at(i).barSet == set || m_built.series.at(i).partialBarSet == set)
                        return i;
                }
                return -1;
            };
            connect(bars, &QAbstractBarSeries::hovered, this,
                [this, seriesOf](bool state, int index, QBarSet* set) {
                    if (state)
                        showTip(seriesOf(set), index);
                    else
                        QToolTip::hideText();
                });
            connect(bars, &QAbstractBarSeries::clicked, this, [this, seriesOf](int index, QBarSet* set) {
                const int i = seriesOf(set);
                if (i >= 0 && !m_built.series.at(i).other)
                    Q_EMIT bucketClicked(index, m_built.series.at(i).name);
            });
        }
    }
    if (m_built.failedMarker) {
        connect(m_built.failedMarker, &QXYSeries::hovered, this, [this](const QPointF& point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            int best = -1;
            for (int b : std::as_const(m_built.failedBuckets)) {
                if (best < 0
                    || std::abs(m_built.bucketX.at(b) - point.x())
                        < std::abs(m_built.bucketX.at(best) - point.x()))
                    best = b;
            }
            showFailedTip(best);
        });
    }
}

int UsageChartView::nearestBucket(const PlottedSeries& plotted, qreal x) const
{
    int best = -1;
    for (int b : plotted.buckets) {
        if (best < 0 || std::abs(m_built.bucketX.at(b) - x) < std::abs(m_built.bucketX.at(best) - x))
            best = b;
    }
    return best;
}

void UsageChartView::showTip(int seriesIndex, int bucket)
{
    if (!m_model || seriesIndex < 0 || seriesIndex >= m_built.series.size() || bucket < 0
        || bucket >= m_model->buckets().size())
        return;
    const PlottedSeries& plotted = m_built.series.at(seriesIndex);
    const DateBucket& dates = m_model->buckets().at(bucket);
    QString text = plotted.other
        ? tr("%1 (%n licence(s))", nullptr, int(plotted.licences.size())).arg(plotted.name)
        : plotted.name;
    text += u'\n' + ChartStyle::dateRangeText(dates) + u'\n';
    // The exact decimal text, not the plotted double.
    if (const std::optional<Decimal> value = plotted.valueAt(bucket))
        text += value->toString();
    else if (m_model->bucketState(bucket) == UsageSeriesModel::BucketState::Failed)
        text += tr("Failed: %1").arg(m_model->bucketError(bucket));
    else
        text += tr("Not loaded yet");
    if (const QString note = m_model->coverageNote(bucket); !note.isEmpty())
        text += u'\n' + note;
    if (bucket == m_model->partialBucket() && !plotted.other)
        text += u'\n' + m_model->projectionText(m_model->rowOfLicence(plotted.name));
    QToolTip::showText(QCursor::pos(), text, this);
}

void UsageChartView::showFailedTip(int bucket)
{
    if (!m_model || bucket < 0 || bucket >= m_model->buckets().size())
        return;
    QToolTip::showText(QCursor::pos(),
        tr("%1\nFailed: %2")
            .arg(ChartStyle::dateRangeText(m_model->buckets().at(bucket)), m_model->bucketError(bucket)),
        this);
}

} // namespace bd
