#include "ui/partner/portfolioview.h"

#include "csv/csvwriter.h"
#include "csv/portfoliocsv.h"
#include "load/portfoliosweep.h"
#include "models/portfoliomodel.h"
#include "models/sortproxymodel.h"
#include "ui/celltableview.h"
#include "ui/charts/commitmentchartview.h"
#include "ui/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The background of a cell in a state; invalid: none.
QBrush stateBrush(CommitmentState state, const QPalette& palette)
{
    const auto soft = [&](Theme::Tone tone, float alpha) {
        QColor c = Theme::colour(tone, palette);
        c.setAlphaF(alpha);
        return QBrush(c);
    };
    switch (state) {
    case CommitmentState::Ok:
        return soft(Theme::Tone::Good, 0.16f);
    case CommitmentState::OnDemand:
        return soft(Theme::Tone::Info, 0.18f);
    case CommitmentState::Warning:
        return soft(Theme::Tone::Warning, 0.28f);
    case CommitmentState::ProjectedToExceed: {
        // Between near (amber) and exceeded (red): orange.
        QColor orange = Theme::colour(Theme::Tone::Warning, palette).lightness() > 128
            ? QColor(0xf0, 0x90, 0x40)
            : QColor(0xe0, 0x6a, 0x10);
        orange.setAlphaF(0.45f);
        return QBrush(orange);
    }
    case CommitmentState::Exceeded:
        return soft(Theme::Tone::Error, 0.4f);
    case CommitmentState::Ramp: {
        QColor grey = palette.color(QPalette::Text);
        grey.setAlphaF(0.3f);
        return QBrush(grey, Qt::BDiagPattern);
    }
    }
    return {};
}

/// Paints each period cell in its state's colour; cells with no data stay blank or muted, never coloured as
/// if they had a figure.
class StateDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// A cell is a fill and one line of text: drawn directly, it costs a fraction of the style's general
    /// item (icons, check boxes, wrapped text layout), which matters for a matrix that repaints as it fills.
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        if (!opt.icon.isNull() || (opt.features & QStyleOptionViewItem::HasCheckIndicator)) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
            : (opt.state & QStyle::State_Active)                                ? QPalette::Active
                                                                                : QPalette::Inactive;
        if (selected)
            painter->fillRect(opt.rect, opt.palette.brush(group, QPalette::Highlight));
        else if (opt.backgroundBrush.style() != Qt::NoBrush)
            painter->fillRect(opt.rect, opt.backgroundBrush);
        if (!opt.text.isEmpty()) {
            const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
            const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
            const QRect text = opt.rect.adjusted(margin, 0, -margin, 0);
            painter->save();
            painter->setFont(opt.font);
            painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
            painter->drawText(text, int(opt.displayAlignment) | Qt::TextSingleLine,
                opt.fontMetrics.elidedText(opt.text, opt.textElideMode, text.width()));
            painter->restore();
        }
        if (opt.state & QStyle::State_HasFocus) {
            QStyleOptionFocusRect focus;
            focus.QStyleOption::operator=(opt);
            focus.backgroundColor = opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
            const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
            style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, opt.widget);
        }
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QVariant status = index.data(PortfolioModel::StatusRole);
        if (!status.isValid())
            return;
        switch (PortfolioModel::CellStatus(status.toInt())) {
        case PortfolioModel::CellStatus::Loaded:
            option->backgroundBrush
                = stateBrush(CommitmentState(index.data(PortfolioModel::StateRole).toInt()), option->palette);
            break;
        case PortfolioModel::CellStatus::Failed:
            option->palette.setColor(QPalette::Text, Theme::colour(Theme::Tone::Error, option->palette));
            break;
        case PortfolioModel::CellStatus::Refused:
        case PortfolioModel::CellStatus::Pending:
        case PortfolioModel::CellStatus::NoPeriod:
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
            break;
        }
    }
};

QString swatch(const QBrush& brush)
{
    const QColor c = brush.color();
    return u"<span style=\"background-color: rgba(%1,%2,%3,%4)\">&nbsp;&nbsp;&nbsp;&nbsp;</span>"_s
        .arg(c.red())
        .arg(c.green())
        .arg(c.blue())
        .arg(c.alphaF());
}

} // namespace

PortfolioView::PortfolioView(PortfolioSweep* sweep, QWidget* parent)
    : QWidget(parent)
    , m_sweep(sweep)
    , m_model(sweep->model())
    , m_proxy(new SortProxyModel(this))
    , m_periods(new QSpinBox(this))
    , m_threshold(new QSpinBox(this))
    , m_cellText(new QComboBox(this))
    , m_filter(new QComboBox(this))
    , m_load(new QPushButton(tr("Load portfolio"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QLabel(this))
    , m_table(new CellTableView(this))
    , m_legend(new QLabel(this))
    , m_subtotals(new QLabel(this))
    , m_part(new QComboBox(this))
    , m_chart(new CommitmentChartView(this))
    , m_summaryTimer(new QTimer(this))
{
    setObjectName(u"portfolioView"_s);
    m_periods->setObjectName(u"portfolioPeriods"_s);
    m_threshold->setObjectName(u"portfolioThreshold"_s);
    m_cellText->setObjectName(u"portfolioCellText"_s);
    m_filter->setObjectName(u"portfolioFilter"_s);
    m_load->setObjectName(u"portfolioLoad"_s);
    m_cancel->setObjectName(u"portfolioCancel"_s);
    m_progress->setObjectName(u"portfolioProgress"_s);
    m_table->setObjectName(u"portfolioTable"_s);
    m_subtotals->setObjectName(u"portfolioSubtotals"_s);
    m_part->setObjectName(u"portfolioPart"_s);
    m_chart->setObjectName(u"commitmentChart"_s);

    m_periods->setRange(0, 60);
    m_periods->setValue(DefaultClosedPeriods);
    m_periods->setPrefix(tr("Active + "));
    m_periods->setSuffix(tr(" closed"));
    m_periods->setToolTip(tr("Closed billing periods swept beside the active one"));
    m_threshold->setRange(1, 100);
    m_threshold->setValue(Commitments::DefaultThresholdPercent);
    m_threshold->setSuffix(tr(" %"));
    m_threshold->setToolTip(tr("A line at or above this share of its commitment is near it"));
    m_cellText->addItem(tr("Estimated total"), int(PortfolioModel::CellText::EstimatedTotal));
    m_cellText->addItem(tr("Overage"), int(PortfolioModel::CellText::Overage));
    m_filter->addItem(tr("All customers"), int(PortfolioModel::Filter::All));
    m_filter->addItem(tr("Exceeded now"), int(PortfolioModel::Filter::ExceededNow));
    m_filter->addItem(tr("Near, projected or over now"), int(PortfolioModel::Filter::AtRiskNow));
    m_filter->addItem(tr("Exceeded in any period"), int(PortfolioModel::Filter::ExceededAny));
    m_filter->addItem(tr("Not readable"), int(PortfolioModel::Filter::Unreadable));
    // Cancel comes and goes with a sweep; its room stays, so that the matrix below keeps its height (and is
    // not repainted whole) as a sweep starts and ends.
    QSizePolicy keepRoom = m_cancel->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_cancel->setSizePolicy(keepRoom);
    m_cancel->hide();
    m_progress->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PortfolioModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new StateDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PortfolioModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8); // dense: many customers
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(92);
    m_table->setColumnWidth(PortfolioModel::NameColumn, 190);
    m_table->setColumnWidth(PortfolioModel::CurrencyColumn, 70);

    updateLegend();
    m_legend->setWordWrap(true);

    m_subtotals->setWordWrap(true);
    // Room for two lines from the start: sums that grow to a second line as currencies arrive would
    // otherwise shrink the matrix, and repaint all of it, in the middle of a sweep.
    m_subtotals->setMinimumHeight(2 * fontMetrics().lineSpacing() + 2);
    m_subtotals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Periods"), this));
    controls->addWidget(m_periods);
    controls->addWidget(new QLabel(tr("Near at"), this));
    controls->addWidget(m_threshold);
    controls->addWidget(new QLabel(tr("Cells"), this));
    controls->addWidget(m_cellText);
    controls->addWidget(new QLabel(tr("Show"), this));
    controls->addWidget(m_filter);
    controls->addStretch(1);
    controls->addWidget(m_load);
    auto* progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(controls);
    topLayout->addLayout(progress);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(m_legend);
    topLayout->addWidget(m_subtotals);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 4, 0, 0);
    auto* partRow = new QHBoxLayout;
    partRow->addWidget(new QLabel(tr("Commitment use by customer, active period:"), bottom));
    partRow->addWidget(m_part, 1);
    bottomLayout->addLayout(partRow);
    bottomLayout->addWidget(m_chart, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({ 650, 350 });
    m_chart->setMinimumHeight(200);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(150);
    connect(m_summaryTimer, &QTimer::timeout, this, &PortfolioView::updateActive);
    // At most every interval while periods arrive: a sweep that never pauses still shows its sums grow.
    const auto soon = [this] {
        if (!m_summaryTimer->isActive())
            m_summaryTimer->start();
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, soon);
    connect(m_model, &QAbstractItemModel::modelReset, this, soon);
    connect(m_load, &QPushButton::clicked, this, &PortfolioView::sweep);
    connect(m_cancel, &QPushButton::clicked, m_sweep, &PortfolioSweep::cancel);
    connect(m_sweep, &PortfolioSweep::progressChanged, this, &PortfolioView::updateProgress);
    connect(m_sweep, &PortfolioSweep::activeSettled, this, [this] {
        // Not inside the answer that settled it: the sums, then the chart, each take a turn of the event loop
        // of their own.
        QTimer::singleShot(0, this, [this] {
            m_summaryTimer->stop();
            updateActive();
            scheduleChart();
        });
    });
    connect(m_sweep, &PortfolioSweep::finished, this, [this] {
        // The end of a sweep is shown at once, not after the coalescing delay.
        m_summaryTimer->stop();
        updateActive();
        updateChart(); // a cancelled sweep's active column never settled
        updateProgress();
    });
    connect(m_sweep, &PortfolioSweep::listingFailed, this, [this](const ApiError& error) {
        m_progress->setText(
            tr("The customers that trust your org cannot be listed: %1").arg(error.userMessage()));
    });
    connect(m_threshold, &QSpinBox::valueChanged, this, [this](int value) {
        m_model->setThreshold(value);
        updateFilter();
    });
    connect(m_cellText, &QComboBox::currentIndexChanged, this,
        [this] { m_model->setCellText(PortfolioModel::CellText(m_cellText->currentData().toInt())); });
    connect(m_filter, &QComboBox::currentIndexChanged, this, &PortfolioView::updateFilter);
    connect(m_part, &QComboBox::currentIndexChanged, this, &PortfolioView::updateChart);
    connect(m_part, &QComboBox::activated, this, [this] { m_partPicked = true; });
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        int period = std::max(0, source.column() - PortfolioModel::FirstPeriodColumn);
        const auto* customer = m_model->customer(source.data(PortfolioModel::OrgIdRole).toString());
        if (!customer)
            return;
        if (customer->historyEnd && period >= *customer->historyEnd)
            period = std::max(0, *customer->historyEnd - 1); // past its history: its oldest period
        Q_EMIT periodOpened(customer->orgId, customer->name, period);
    });
    updateProgress();
    updateSummary();
}

PortfolioView::~PortfolioView() = default;

void PortfolioView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateLegend();
}

void PortfolioView::updateLegend()
{
    QStringList legend;
    for (CommitmentState state : { CommitmentState::Ok, CommitmentState::OnDemand, CommitmentState::Warning,
             CommitmentState::ProjectedToExceed, CommitmentState::Exceeded, CommitmentState::Ramp })
        legend << swatch(stateBrush(state, palette())) + u" "_s + Commitments::label(state).toHtmlEscaped();
    legend << tr("“no data”: not readable · “refused”: the trust or your role does not allow it · "
                 "double-click a cell to open it");
    m_legend->setText(legend.join(u" &nbsp; "_s));
}

void PortfolioView::sweep()
{
    m_swept = true;
    m_model->setThreshold(m_threshold->value());
    m_sweep->start(m_periods->value());
}

void PortfolioView::updateProgress()
{
    const bool running = m_sweep->isRunning();
    m_cancel->setVisible(running);
    m_load->setText(m_swept ? tr("Sweep again") : tr("Load portfolio"));
    const PortfolioSweep::Progress p = m_sweep->progress();
    if (!m_swept)
        m_progress->setText(tr("Every customer × billing period, coloured by where it stands against its "
                               "commitments."));
    else if (p.total == 0 && running)
        m_progress->setText(tr("Listing the customers that trust your org…"));
    else if (running)
        m_progress->setText(tr("Sweeping: %1").arg(PortfolioSweep::progressText(p)));
    else if (p.done < p.total)
        m_progress->setText(
            tr("Stopped at %1; Sweep again goes on from the store.").arg(PortfolioSweep::progressText(p)));
    else
        m_progress->setText(tr("%n customer(s) swept: %1", nullptr, m_model->rowCount())
                                .arg(PortfolioSweep::progressText(p)));
    Q_EMIT progressChanged();
}

QList<int> PortfolioView::listedRows() const
{
    QList<int> rows;
    rows.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows << m_proxy->mapToSource(m_proxy->index(row, 0)).row();
    return rows;
}

void PortfolioView::updateFilter()
{
    const auto filter = PortfolioModel::Filter(m_filter->currentData().toInt());
    if (filter == PortfolioModel::Filter::All)
        m_proxy->setRowFilter({});
    else
        m_proxy->setRowFilter([model = m_model, filter](int row) { return model->accepts(row, filter); });
    updateSummary();
}

void PortfolioView::updateActive()
{
    // The sums, the parts and the chart are all of the active period: the closed periods that fill most of
    // a sweep change none of them, nor (unless the filter looks at them) which customers are listed.
    const quint64 revision = m_model->activeRevision();
    QList<int> rows = listedRows();
    if (revision == m_activeShown && rows == m_rowsShown)
        return;
    const bool activeChanged = revision != m_activeShown;
    m_activeShown = revision;
    m_rowsShown = std::move(rows);
    updateSummary();
    if (!activeChanged)
        return;
    updateParts();
    // Building the chart and painting it again costs tens of milliseconds: while a sweep runs it is built
    // once, when the last active period is in, rather than as each one arrives.
    if (m_sweep->isActiveSettled())
        scheduleChart();
}

void PortfolioView::scheduleChart()
{
    if (m_chartScheduled)
        return;
    m_chartScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_chartScheduled)
            updateChart();
    });
}

void PortfolioView::updateSummary()
{
    const QList<int> rows = listedRows();
    const CurrencyTotals totals = m_model->subtotals(0, rows);
    if (totals.isEmpty()) {
        m_subtotals->setText(
            m_model->rowCount() == 0 ? QString() : tr("No active period loaded among the customers listed."));
        return;
    }
    QStringList parts;
    for (const CurrencyTotals::Total& t : totals.totals())
        parts << tr("<b>%1</b> estimated %2 · overage %3")
                     .arg(t.currency, t.total.toString(2), t.overageCost.toString(2))
                + CurrencyTotals::unpricedNote(t.unpricedLines).toHtmlEscaped();
    m_subtotals->setText(tr("Active period, %n customer(s) listed: ", nullptr, int(rows.size()))
        + parts.join(u" &nbsp;|&nbsp; "_s) + tr(" (estimates; currencies are never added together)"));
}

void PortfolioView::updateParts()
{
    const QString chosen = m_part->currentData().toString();
    const QList<std::pair<QString, QString>> parts = m_model->activePartNumbers();
    QStringList now;
    for (int i = 0; i < m_part->count(); ++i)
        now << m_part->itemData(i).toString();
    QStringList wanted;
    for (const auto& [part, name] : parts)
        wanted << part;
    const QSignalBlocker block(m_part);
    if (now != wanted) {
        m_part->clear();
        for (const auto& [part, name] : parts)
            m_part->addItem(u"%1 (%2)"_s.arg(name, part), part);
    }
    // Until the user picks one, the part shown is the one most customers are committed to, as more arrive.
    int index = m_partPicked ? m_part->findData(chosen) : -1;
    if (index < 0)
        index = m_part->findData(m_model->mostCommittedPart());
    m_part->setCurrentIndex(std::max(0, index));
}

void PortfolioView::updateChart()
{
    m_chartScheduled = false;
    const QString part = m_part->currentData().toString();
    m_chart->setBars(part.isEmpty() ? QList<PortfolioModel::CommitmentBar>() : m_model->commitmentBars(part),
        part.isEmpty() ? QString() : m_part->currentText(), m_threshold->value());
}

bool PortfolioView::exportMatrixCsv(const QString& path, QString* error) const
{
    return PortfolioCsv::matrix(
        m_model->customers(), listedRows(), m_model->cellText() == PortfolioModel::CellText::Overage)
        .save(path, error);
}

bool PortfolioView::exportLongCsv(const QString& path, QString* error) const
{
    return PortfolioCsv::build(m_model->customers()).save(path, error);
}

QString PortfolioView::subject() const
{
    return tr("%n customer(s), active period + %1 closed · near at %2 %", nullptr, m_model->rowCount())
        .arg(m_sweep->closedPeriods())
        .arg(m_model->threshold());
}

} // namespace bd
