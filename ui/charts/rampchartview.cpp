#include "ui/charts/rampchartview.h"

#include "domain/utc.h"
#include "models/usageseriesmodel.h"
#include "ui/charts/chartstyle.h"

#include <QCursor>
#include <QEvent>
#include <QLabel>
#include <QToolTip>
#include <QtCharts/QLineSeries>

using namespace Qt::StringLiterals;

namespace bd {

RampChartView::RampChartView(QWidget* parent)
    : QChartView(parent)
    , m_emptyText(ChartStyle::emptyTextOverlay(this))
{
    setRenderHint(QPainter::Antialiasing);
    m_theme = ChartStyle::themeFor(palette());
    rebuild();
}

RampChartView::~RampChartView() = default;

void RampChartView::setSource(UsageSeriesModel* model, const QString& licence, int bucket)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    m_licence = licence;
    m_bucket = bucket;
    if (model) {
        // One bucket's resources are small: rebuilding right away is cheaper than coalescing.
        m_modelConnections << connect(model, &UsageSeriesModel::bucketChanged, this, [this](int changed) {
            if (changed == m_bucket)
                rebuild();
        }) << connect(model, &QAbstractItemModel::modelReset, this, &RampChartView::rebuild);
    }
    rebuild();
}

std::unique_ptr<QChart> RampChartView::buildChart(QChart::ChartTheme theme) const
{
    return std::unique_ptr<QChart>(buildRamp(theme).chart);
}

BuiltRamp RampChartView::buildRamp(QChart::ChartTheme theme) const
{
    if (m_model)
        return RampChartBuilder::build(*m_model, m_model->rowOfLicence(m_licence), m_bucket, theme);
    UsageSeriesModel empty;
    return RampChartBuilder::build(empty, -1, -1, theme);
}

QString RampChartView::emptyText() const
{
    return m_model ? m_model->rampEmptyText(m_model->rowOfLicence(m_licence), m_bucket) : m_built.emptyText;
}

void RampChartView::rebuild()
{
    BuiltRamp built = buildRamp(m_theme);
    QChart* old = chart();
    setChart(built.chart);
    m_built = built;
    delete old;
    m_emptyText->setText(m_built.emptyText);
    m_emptyText->setVisible(!m_built.emptyText.isEmpty());
    if (m_built.series) {
        connect(m_built.series, &QXYSeries::hovered, this, [this](const QPointF& point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QDate day = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), UtcZone).date();
            const qsizetype i = m_built.days.indexOf(day);
            if (i >= 0)
                QToolTip::showText(QCursor::pos(),
                    tr("%1: %n resource(s)", nullptr, m_built.counts.at(i)).arg(day.toString(Qt::ISODate)),
                    this);
        });
    }
}

void RampChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        const QChart::ChartTheme theme = ChartStyle::themeFor(palette());
        if (theme != m_theme) {
            m_theme = theme;
            rebuild();
        }
    }
}

} // namespace bd
