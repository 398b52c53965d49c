#include "ui/partner/periodview.h"

#include "csv/csvwriter.h"
#include "csv/tablecsv.h"
#include "domain/isodate.h"
#include "models/periodusagemodel.h"
#include "models/sortproxymodel.h"
#include "ui/partner/contractpanel.h"
#include "ui/theme.h"
#include "ui/tonedelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

PeriodView::PeriodView(QWidget* parent)
    : QWidget(parent)
    , m_usage(new PeriodUsageModel(this))
    , m_proxy(new SortProxyModel(this))
    , m_contract(new ContractPanel(this))
    , m_table(new QTableView(this))
    , m_totals(new QLabel(this))
{
    m_table->setObjectName(u"usageTable"_s);
    m_totals->setObjectName(u"totalsLabel"_s);
    m_proxy->setSourceModel(m_usage);
    m_proxy->setSortRole(PeriodUsageModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control; arrows move between cells
    m_table->setItemDelegate(new ToneDelegate(m_table));
    // Not sortable: the lines stay grouped by grouping, fair-use under its resource line.
    m_table->setSortingEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Long grouping keys and charge names wrap at word boundaries, in a row as tall as that needs, so the
    // estimates stay in view (the full text is also in the tooltip).
    header->setSectionResizeMode(PeriodUsageModel::GroupingColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(PeriodUsageModel::NameColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(PeriodUsageModel::GroupingColumn, 125);
    m_table->setColumnWidth(PeriodUsageModel::NameColumn, 180); // two lines of it, beside the estimates
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The charge name carries the third-party mark on screen; the column stays in the model for CSV.
    m_table->setColumnHidden(PeriodUsageModel::ThirdPartyColumn, true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals->setWordWrap(true);
    auto* caveat = Theme::mutedLabel(PeriodUsageModel::caveat(), this);
    caveat->setObjectName(u"caveatLabel"_s);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_contract);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_totals);
    layout->addWidget(caveat);
}

PeriodView::PeriodView(const PeriodListModel* periods, QWidget* parent)
    : PeriodView(parent)
{
    setPeriods(periods);
}

PeriodView::~PeriodView() = default;

void PeriodView::setPeriods(const PeriodListModel* periods)
{
    if (m_periods)
        disconnect(m_periods, nullptr, this, nullptr);
    m_periods = periods;
    if (!m_periods)
        return;
    // Closed periods that arrive (a walk, a step back) sharpen the active period's projection.
    const auto refresh = [this] {
        if (m_usage->billingPeriodIndex() != 0)
            return;
        m_usage->setToday(m_periods->today());
        m_usage->setClosedPeriods(closedPeriods());
        updateTotals();
    };
    connect(m_periods, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(m_periods, &QAbstractItemModel::dataChanged, this, refresh);
}

QList<TrusteeBillingOverview> PeriodView::closedPeriods() const
{
    // Index 1, 2, … as long as they follow on: a gap would make two periods look like one step.
    QList<TrusteeBillingOverview> closed;
    if (!m_periods)
        return closed;
    for (int index = 1; index <= Projections::MaximumHistory; ++index) {
        const PeriodListModel::Period* p = m_periods->period(m_periods->rowOfIndex(index));
        if (!p)
            break;
        closed << p->overview;
    }
    return closed;
}

void PeriodView::showPeriod(const PeriodListModel::Period* period)
{
    if (!period) {
        m_usage->clear();
        m_contract->setOverview(nullptr);
        m_totals->clear();
        return;
    }
    if (m_periods)
        m_usage->setToday(m_periods->today());
    m_usage->setOverview(period->overview, period->billingPeriodIndex,
        period->billingPeriodIndex == 0 ? closedPeriods() : QList<TrusteeBillingOverview>());
    m_contract->setOverview(&period->overview);
    updateTotals();
}

void PeriodView::updateTotals()
{
    QStringList parts;
    for (const CurrencyTotals::Total& t : m_usage->totals().totals()) {
        parts << tr("<b>Estimated total %1 %2</b> (prepay %1 %3 + overage %1 %4)")
                     .arg(
                         t.currency, t.total.toString(2), t.prepayCost.toString(2), t.overageCost.toString(2))
                + CurrencyTotals::unpricedNote(t.unpricedLines).toHtmlEscaped();
    }
    const QMap<QString, Decimal> projected = m_usage->projectedOverage();
    for (auto it = projected.cbegin(); it != projected.cend(); ++it)
        parts << tr("projected at the period's end: overage %1 %2").arg(it.key(), it.value().toString(2));
    m_totals->setText(parts.isEmpty() ? tr("No usage lines in this period.") : parts.join(u" · "_s));
}

bool PeriodView::exportCsv(const QString& path, QString* error) const
{
    if (m_usage->rowCount() == 0) {
        if (error)
            *error = tr("No period is shown.");
        return false;
    }
    // The model, not the view: exact values in wire order whatever the table's sorting. The period and its
    // currency lead every row, so the money columns say what they are in.
    const TrusteeBillingOverview& overview = m_usage->overview();
    const auto date
        = [](const std::optional<QDateTime>& value) { return value ? IsoDate::format(*value) : QString(); };
    return TableCsv::build(*m_usage, PeriodUsageModel::SortRole,
        { { tr("Organization"), overview.organization.name },
            { tr("Period start"), date(overview.billingPeriodStartDate) },
            { tr("Period end"), date(overview.billingPeriodEndDate) },
            { tr("Currency"), overview.currency } })
        .save(path, error);
}

} // namespace bd
