#include "ui/charts/commitmentchartview.h"

#include "ui/charts/chartstyle.h"

#include <QEvent>
#include <QResizeEvent>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QColor stateColour(CommitmentState state, bool dark)
{
    switch (state) {
    case CommitmentState::Exceeded:
        return dark ? QColor(0xf0, 0x7a, 0x66) : QColor(0xc4, 0x2b, 0x1c);
    case CommitmentState::Warning:
    case CommitmentState::ProjectedToExceed:
        return dark ? QColor(0xe8, 0xb4, 0x5a) : QColor(0xd0, 0x8a, 0x00);
    case CommitmentState::Ramp:
        return QColor(0x90, 0x90, 0x90);
    default:
        return dark ? QColor(0x6c, 0xc7, 0x7a) : QColor(0x2e, 0x7d, 0x32);
    }
}

} // namespace

CommitmentChartView::CommitmentChartView(QWidget* parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    rebuild();
}

CommitmentChartView::~CommitmentChartView() = default;

void CommitmentChartView::setBars(
    const QList<PortfolioModel::CommitmentBar>& bars, const QString& partName, int threshold)
{
    // While a sweep runs the view asks about once a second; the closed periods it mostly brings do not move
    // the active period's bars, and a chart built again for nothing stalls the window.
    if (bars == m_bars && partName == m_partName && threshold == m_threshold)
        return;
    m_bars = bars;
    m_partName = partName;
    m_threshold = threshold;
    rebuild();
}

void CommitmentChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void CommitmentChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    if (barsThatFit() != m_fit)
        rebuild();
}

int CommitmentChartView::barsThatFit() const
{
    // About 22 px a bar, after the title and the axis.
    return std::clamp((height() - 130) / 22, 2, int(MaxBars));
}

void CommitmentChartView::rebuild()
{
    const int fit = m_fit = barsThatFit();
    const auto committed = std::count_if(m_bars.cbegin(), m_bars.cend(),
        [](const PortfolioModel::CommitmentBar& bar) { return bar.usedPercent.has_value(); });
    m_drawn = int(std::min<qsizetype>(committed, fit));
    QChart* old = chart();
    setChart(buildChart(ChartStyle::themeFor(palette()), fit).release());
    delete old; // QChartView::setChart does not delete the chart it replaces
}

QString CommitmentChartView::emptyText() const
{
    return PortfolioModel::commitmentChartEmptyText(m_bars, m_partName);
}

std::unique_ptr<QChart> CommitmentChartView::buildChart(QChart::ChartTheme theme, int maxBars) const
{
    auto chart = std::make_unique<QChart>();
    ChartStyle::applyCommon(chart.get(), theme);
    const bool dark = theme == QChart::ChartThemeDark;
    QList<const PortfolioModel::CommitmentBar*> drawn;
    QStringList noCommitment;
    for (const PortfolioModel::CommitmentBar& bar : m_bars) {
        if (!bar.usedPercent)
            noCommitment << bar.name; // counted in the title, not drawn
        else if (drawn.size() < maxBars)
            drawn << &bar;
    }
    const qsizetype committed = m_bars.size() - noCommitment.size();
    QString title = m_partName.isEmpty()
        ? tr("Pick a part number to compare customers' use of their commitment")
        : tr("%1 in the active period, by share of commitment").arg(m_partName).toHtmlEscaped();
    QStringList notes;
    if (committed > drawn.size())
        notes << tr("the %1 most used of %2 customers with a commitment").arg(drawn.size()).arg(committed);
    if (!noCommitment.isEmpty())
        notes << tr("%n more use it with no commitment (on demand)", nullptr, int(noCommitment.size()));
    if (!notes.isEmpty())
        title += u"<br><small>"_s + notes.join(u"; "_s).toHtmlEscaped() + u"</small>"_s;
    chart->setTitle(title);
    if (drawn.isEmpty())
        return chart;

    // One bar set per state, so that each state has its colour and a legend entry; the most used on top.
    auto* series = new QHorizontalStackedBarSeries;
    std::map<CommitmentState, QBarSet*> sets;
    QStringList categories;
    double most = 100;
    for (qsizetype i = drawn.size() - 1; i >= 0; --i) {
        const PortfolioModel::CommitmentBar& bar = *drawn.at(i);
        categories << u"%1 (%2)"_s.arg(bar.name, bar.currency);
        most = std::max(most, bar.usedPercent->toDouble());
    }
    for (const PortfolioModel::CommitmentBar* bar : drawn) {
        if (!sets.count(bar->state)) {
            auto* set = new QBarSet(Commitments::label(bar->state));
            set->setColor(stateColour(bar->state, dark));
            set->setBorderColor(stateColour(bar->state, dark));
            sets.emplace(bar->state, set);
        }
    }
    for (auto& [state, set] : sets) {
        for (qsizetype i = drawn.size() - 1; i >= 0; --i)
            *set << (drawn.at(i)->state == state ? drawn.at(i)->usedPercent->toDouble() : 0.0);
        series->append(set);
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* names = new QBarCategoryAxis;
    names->append(categories);
    auto* share = new QValueAxis;
    // Ticks on round shares: every 25 % (50 % or 100 % for a customer far over its commitment).
    const double step = most <= 200 ? 25.0 : most <= 400 ? 50.0 : 100.0;
    share->setRange(0, std::ceil(most / step) * step);
    share->setTickType(QValueAxis::TicksDynamic);
    share->setTickAnchor(0);
    share->setTickInterval(step);
    share->setLabelFormat(u"%.0f %%"_s);
    share->setTitleText(tr("%1 of its commitment (threshold %2 %)").arg(u"%"_s).arg(m_threshold));
    chart->addAxis(names, Qt::AlignLeft);
    chart->addAxis(share, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(share);

    // The threshold and the commitment itself, as vertical lines across the bars.
    auto* rows = new QValueAxis;
    rows->setRange(-0.5, double(drawn.size()) - 0.5);
    rows->setVisible(false);
    chart->addAxis(rows, Qt::AlignRight);
    for (const auto& [at, label] :
        { std::pair { double(m_threshold), tr("Threshold") }, std::pair { 100.0, tr("Commitment") } }) {
        auto* line = new QLineSeries;
        line->setName(label);
        line->append(at, -0.5);
        line->append(at, double(drawn.size()) - 0.5);
        QPen pen(at >= 100 ? stateColour(CommitmentState::Exceeded, dark)
                           : stateColour(CommitmentState::Warning, dark));
        pen.setStyle(at >= 100 ? Qt::SolidLine : Qt::DashLine);
        pen.setWidthF(1.5);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(share);
        line->attachAxis(rows);
    }
    return chart;
}

} // namespace bd
