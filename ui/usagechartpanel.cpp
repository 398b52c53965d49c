#include "ui/usagechartpanel.h"

#include "models/usageseriesmodel.h"
#include "ui/charts/rampchartview.h"
#include "ui/charts/usagechartview.h"
#include "ui/stayopenmenu.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

UsageChartPanel::UsageChartPanel(UsageSeriesModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_tabs(new QTabWidget(this))
    , m_chart(new UsageChartView(this))
    , m_ramp(new RampChartView(this))
    , m_linesButton(new QToolButton(this))
    , m_barsButton(new QToolButton(this))
    , m_topN(new QSpinBox(this))
    , m_licencesButton(new QToolButton(this))
{
    m_linesButton->setObjectName(u"linesButton"_s);
    m_barsButton->setObjectName(u"barsButton"_s);
    m_linesButton->setText(tr("Lines"));
    m_barsButton->setText(tr("Stacked bars"));
    auto* modeGroup = new QButtonGroup(this);
    modeGroup->setExclusive(true);
    for (QToolButton* button : { m_linesButton, m_barsButton }) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        modeGroup->addButton(button);
    }
    m_linesButton->setChecked(true);
    connect(m_barsButton, &QToolButton::toggled, this, &UsageChartPanel::setStackedBars);
    m_topN->setObjectName(u"topN"_s);
    m_topN->setRange(1, 50);
    m_topN->setValue(8);
    m_topN->setPrefix(tr("Top "));
    m_topN->setToolTip(tr("Licences shown by peak usage; the rest are summed into “Other”"));
    connect(m_topN, &QSpinBox::valueChanged, m_chart, &UsageChartView::setTopN);
    m_licencesButton->setObjectName(u"licencesButton"_s);
    m_licencesButton->setText(tr("Licences…"));
    m_licencesButton->setToolTip(tr("Pick the licences the chart shows"));
    connect(m_licencesButton, &QToolButton::clicked, this, &UsageChartPanel::editLicenceSelection);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_linesButton);
    tools->addWidget(m_barsButton);
    tools->addSpacing(12);
    tools->addWidget(m_topN);
    tools->addWidget(m_licencesButton);
    tools->addStretch(1);
    m_chart->setObjectName(u"usageChart"_s);
    m_chart->setModel(m_model);
    m_chart->setMinimumHeight(180); // a 640 px window keeps rows of the table below it
    m_ramp->setObjectName(u"rampChart"_s);
    m_tabs->setObjectName(u"chartTabs"_s);
    m_tabs->addTab(m_chart, tr("Usage over time"));
    m_tabs->addTab(m_ramp, tr("Ramp within a bucket"));
    m_tabs->setTabToolTip(1, tr("Cumulative resources by first-seen day for the selected cell"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_tabs);
}

UsageChartPanel::~UsageChartPanel() = default;

bool UsageChartPanel::showsRamp() const
{
    return m_tabs->currentWidget() == m_ramp;
}

void UsageChartPanel::setStackedBars(bool stacked)
{
    m_barsButton->setChecked(stacked);
    m_linesButton->setChecked(!stacked);
    const auto mode = stacked ? UsageChartOptions::Mode::StackedBars : UsageChartOptions::Mode::Lines;
    if (m_chart->options().mode == mode)
        return;
    m_chart->setMode(mode);
    Q_EMIT stackedBarsChanged(stacked);
}

bool UsageChartPanel::stackedBars() const
{
    return m_chart->options().mode == UsageChartOptions::Mode::StackedBars;
}

void UsageChartPanel::editLicenceSelection()
{
    // It stays open while licences are ticked: picking five is five clicks, not five trips to the button.
    StayOpenMenu menu(this);
    menu.setObjectName(u"licenceMenu"_s);
    QAction* automatic = menu.addAction(tr("Top %1 by usage, the rest as “Other”").arg(m_topN->value()));
    automatic->setCheckable(true);
    QList<QAction*> picks;
    auto showChecks = [this, automatic, &picks] {
        const QStringList now = m_chart->options().pinnedLicences;
        automatic->setChecked(now.isEmpty());
        for (QAction* pick : std::as_const(picks)) {
            const QSignalBlocker quiet(pick);
            pick->setChecked(now.contains(pick->data().toString()));
        }
    };
    connect(automatic, &QAction::triggered, this, [this, &showChecks] {
        m_chart->setPinnedLicences({});
        showChecks();
    });
    menu.addSeparator();
    QStringList licences;
    for (int row = 0; row < m_model->licenceCount(); ++row)
        licences << m_model->licence(row);
    licences.sort(Qt::CaseInsensitive);
    const QStringList pinned = m_chart->options().pinnedLicences;
    for (const QString& licence : std::as_const(licences)) {
        const bool metered = m_model->isMetered(m_model->rowOfLicence(licence));
        QAction* action = menu.addAction(metered ? tr("%1 (metered, own scale)").arg(licence) : licence);
        action->setCheckable(true);
        action->setData(licence);
        action->setChecked(pinned.contains(licence));
        picks << action;
        connect(action, &QAction::toggled, this, [this, licence, &showChecks](bool on) {
            QStringList now = m_chart->options().pinnedLicences;
            if (on && !now.contains(licence))
                now << licence;
            if (!on)
                now.removeAll(licence);
            m_chart->setPinnedLicences(now);
            showChecks();
        });
    }
    showChecks();
    menu.exec(m_licencesButton->mapToGlobal(QPoint(0, m_licencesButton->height())));
}

void UsageChartPanel::saveSettings(QSettings& settings) const
{
    settings.setValue(u"stackedBars"_s, stackedBars());
    settings.setValue(u"topN"_s, m_topN->value());
    settings.setValue(u"pinnedLicences"_s, m_chart->options().pinnedLicences);
}

void UsageChartPanel::restoreSettings(QSettings& settings)
{
    setStackedBars(settings.value(u"stackedBars"_s, false).toBool());
    m_topN->setValue(settings.value(u"topN"_s, 8).toInt());
    m_chart->setPinnedLicences(settings.value(u"pinnedLicences"_s).toStringList());
}

} // namespace bd
