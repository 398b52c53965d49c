#include "ui/partner/trendview.h"

#include "models/periodlistmodel.h"
#include "ui/charts/trendchartview.h"
#include "ui/notelabel.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

TrendView::TrendView(PeriodListModel* periods, QWidget* parent)
    : QWidget(parent)
    , m_periods(periods)
    , m_part(new QComboBox(this))
    , m_anomalies(new NoteLabel(this))
    , m_chart(new TrendChartView(this))
{
    m_part->setObjectName(u"trendPart"_s);
    m_chart->setObjectName(u"trendChart"_s);
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Part number"), this));
    row->addWidget(m_part, 1);
    layout->addLayout(row);
    m_anomalies->setObjectName(u"partnerAnomalyNote"_s);
    layout->addWidget(m_anomalies);
    layout->addWidget(m_chart, 1);
    layout->addWidget(Theme::mutedLabel(
        tr("Overage cost is an estimate: max(usage − prepay, 0) × overage price, per currency."), this));
    m_chart->setSource(m_periods, QString());
    // Each period walked in (or fetched again) can change what stands out.
    connect(m_periods, &QAbstractItemModel::modelReset, this, &TrendView::updateAnomalies);
    connect(m_periods, &QAbstractItemModel::rowsInserted, this, &TrendView::updateAnomalies);
    connect(m_periods, &QAbstractItemModel::dataChanged, this, &TrendView::updateAnomalies);
    connect(m_part, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_chart->setSource(m_periods, m_part->itemData(index).toString());
    });
}

TrendView::~TrendView() = default;

void TrendView::updateAnomalies()
{
    m_anomalies->setNote(m_periods->periodCount() > 0 ? m_periods->anomalyText() : QString());
}

void TrendView::updateParts()
{
    const QList<PeriodListModel::PartChoice> choices = m_periods->partChoices();
    bool same = choices.size() == m_part->count();
    for (int i = 0; i < choices.size() && same; ++i)
        same = m_part->itemData(i).toString() == choices.at(i).partNumber;
    if (same)
        return;
    const QString current = m_part->currentData().toString();
    const QSignalBlocker blocker(m_part);
    m_part->clear();
    for (const PeriodListModel::PartChoice& choice : choices)
        m_part->addItem(u"%1 · %2"_s.arg(choice.name, choice.partNumber), choice.partNumber);
    int index = m_part->findData(current);
    if (index < 0)
        index = std::max(0, m_part->findData(m_periods->defaultTrendPart()));
    m_part->setCurrentIndex(index);
    if (m_chart->partNumber() != m_part->currentData().toString())
        m_chart->setSource(m_periods, m_part->currentData().toString());
}

} // namespace bd
