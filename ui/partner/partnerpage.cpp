#include "ui/partner/partnerpage.h"

#include "api/apisession.h"
#include "csv/csvwriter.h"
#include "csv/exportfooter.h"
#include "csv/exportname.h"
#include "csv/overviewcsv.h"
#include "csv/tablecsv.h"
#include "load/partnerbrowser.h"
#include "load/periodwalker.h"
#include "load/portfoliosweep.h"
#include "models/alertsubjects.h"
#include "models/comparisonmodel.h"
#include "models/periodlistmodel.h"
#include "models/portfoliomodel.h"
#include "store/alertledger.h"
#include "ui/charts/commitmentchartview.h"
#include "ui/charts/trendchartview.h"
#include "ui/exportchooser.h"
#include "ui/messagebanner.h"
#include "ui/partner/comparisonview.h"
#include "ui/partner/periodview.h"
#include "ui/partner/portfolioview.h"
#include "ui/partner/trendview.h"
#include "ui/partner/trustorpicker.h"
#include "ui/theme.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

PartnerPage::PartnerPage(ApiSession* session, QWidget* parent)
    : DashboardPage(parent)
    , m_browser(new PartnerBrowser(session->orgs(), session->billing(), this))
    , m_sweep(new PortfolioSweep(session->orgs(), session->billing(), this))
    , m_picker(new TrustorPicker(this))
    , m_periodTable(new QTableView(this))
    , m_title(new QLabel(tr("Pick a customer"), this))
    , m_periodLabel(new QLabel(this))
    , m_activeBadge(new QLabel(this))
    , m_older(new QPushButton(tr("◀ Older"), this))
    , m_newer(new QPushButton(tr("Newer ▶"), this))
    , m_count(new QSpinBox(this))
    , m_load(new QPushButton(tr("Load"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_note(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_period(new PeriodView(m_browser->periods(), this))
    , m_trend(new TrendView(m_browser->periods(), this))
    , m_comparison(new ComparisonView(this))
    , m_portfolio(new PortfolioView(m_sweep, this))
    , m_views(new QTabWidget(this))
    , m_storeBanner(new MessageBanner(this))
{
    setObjectName(u"partnerPage"_s);
    m_picker->setObjectName(u"trustorPicker"_s);
    m_periodTable->setObjectName(u"periodList"_s);
    m_title->setObjectName(u"orgTitle"_s);
    m_periodLabel->setObjectName(u"periodLabel"_s);
    m_activeBadge->setObjectName(u"activeBadge"_s);
    m_older->setObjectName(u"olderButton"_s);
    m_newer->setObjectName(u"newerButton"_s);
    m_count->setObjectName(u"periodCount"_s);
    m_load->setObjectName(u"loadPeriodsButton"_s);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_progress->setObjectName(u"walkProgress"_s);
    m_note->setObjectName(u"historyNote"_s);
    m_tabs->setObjectName(u"partnerTabs"_s);

    // Left: who, and which periods have been walked.
    m_periodTable->setModel(m_browser->periods());
    m_periodTable->setTabKeyNavigation(false); // Tab moves on to the next control; arrows move between cells
    m_periodTable->verticalHeader()->hide();
    m_periodTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_periodTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_periodTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_periodTable->setWordWrap(false);
    // The list is narrow: the active period is told apart by italics and its tooltip instead of a column.
    for (int column : { PeriodListModel::CurrencyColumn, PeriodListModel::LinesColumn,
             PeriodListModel::IndexColumn, PeriodListModel::StateColumn })
        m_periodTable->setColumnHidden(column, true);
    m_periodTable->horizontalHeader()->setSectionResizeMode(
        PeriodListModel::PeriodColumn, QHeaderView::Stretch);
    m_periodTable->horizontalHeader()->setSectionResizeMode(
        PeriodListModel::TotalColumn, QHeaderView::ResizeToContents);
    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_picker);
    auto* periodsBox = new QWidget(left);
    auto* periodsLayout = new QVBoxLayout(periodsBox);
    periodsLayout->setContentsMargins(0, 6, 0, 0);
    periodsLayout->addWidget(new QLabel(tr("<b>Walked periods</b> (newest first, by date)"), periodsBox));
    periodsLayout->addWidget(m_periodTable);
    left->addWidget(periodsBox);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    // Right: the period shown and how to move through the history, on two rows so that the progress bar and
    // the active-period badge never widen the page.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_activeBadge->setStyleSheet(Theme::noticeStyle(Theme::Tone::Warning, u"QLabel"_s, palette()));
    m_activeBadge->hide();
    m_count->setRange(1, 60);
    m_count->setValue(DefaultPeriodCount);
    m_count->setSuffix(tr(" periods"));
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel->hide();
    m_note->setWordWrap(true);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(new QLabel(tr("Load the last"), this));
    for (QWidget* widget : std::initializer_list<QWidget*> { m_count, m_load, m_progress, m_cancel })
        header->addWidget(widget);
    auto* nav = new QHBoxLayout;
    for (QWidget* widget : std::initializer_list<QWidget*> { m_older, m_periodLabel, m_newer, m_activeBadge })
        nav->addWidget(widget);
    nav->addStretch(1);

    m_comparison->setPeriods(m_browser->periods());
    m_tabs->addTab(m_period, tr("Period"));
    m_tabs->addTab(m_trend, tr("Trend"));
    m_tabs->addTab(m_comparison, tr("Compare"));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->addLayout(header);
    rightLayout->addLayout(nav);
    rightLayout->addWidget(m_note);
    rightLayout->addWidget(m_tabs, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({ 250, 1030 });
    m_views->setObjectName(u"partnerViews"_s);
    m_views->setDocumentMode(true);
    m_views->addTab(m_portfolio, tr("Portfolio"));
    m_views->addTab(split, tr("Customer"));
    m_storeBanner->setObjectName(u"storeBanner"_s);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_storeBanner);
    layout->addWidget(m_views);
    const auto storeFailed = [this](const QString& message) {
        m_storeBanner->showMessage(MessageBanner::Kind::Warning, message);
    };
    connect(m_sweep, &PortfolioSweep::storeFailed, this, storeFailed);
    connect(m_browser, &PartnerBrowser::storeFailed, this, storeFailed);

    connect(m_portfolio, &PortfolioView::periodOpened, this, &PartnerPage::openPeriod);
    connect(m_sweep, &PortfolioSweep::finished, this, &PartnerPage::reviewAlerts);
    connect(m_sweep, &PortfolioSweep::customersListed, m_browser, &PartnerBrowser::setTrustors);
    connect(m_sweep, &PortfolioSweep::listingFailed, m_browser, &PartnerBrowser::trustorsFailed);
    connect(m_portfolio, &PortfolioView::progressChanged, this, &PartnerPage::statusChanged);
    connect(m_views, &QTabWidget::currentChanged, this, &PartnerPage::statusChanged);

    connect(m_picker, &TrustorPicker::trustorChosen, m_browser, &PartnerBrowser::open);
    connect(m_browser, &PartnerBrowser::opened, this, [this](const QString& id) {
        showView(CustomerPane); // whatever opened it, the customer is what to look at now
        m_picker->showOpened(id);
        m_note->clear();
        m_title->setText(m_browser->orgName());
        m_title->setToolTip(tr("Org id %1").arg(id));
        showCurrent();
    });
    connect(m_periodTable, &QAbstractItemView::clicked, this,
        [this](const QModelIndex& index) { m_browser->showRow(index.row()); });
    connect(m_older, &QPushButton::clicked, m_browser, &PartnerBrowser::stepOlder);
    connect(m_newer, &QPushButton::clicked, m_browser, &PartnerBrowser::stepNewer);
    connect(m_load, &QPushButton::clicked, this, [this] {
        m_progress->setRange(0, m_count->value());
        m_progress->setValue(0);
        m_browser->walk(m_count->value());
    });
    connect(m_cancel, &QPushButton::clicked, this, &PartnerPage::cancel);

    connect(m_browser, &PartnerBrowser::trustorsReady, m_picker, &TrustorPicker::setTrustors);
    connect(m_browser, &PartnerBrowser::trustorsFailed, this,
        [this](const ApiError& error) { m_picker->setMessage(error.fullText()); });
    connect(m_browser, &PartnerBrowser::fetchStarted, this, [this](int index) {
        setStatusText(tr("%1 · fetching period %2…").arg(m_browser->orgName()).arg(index));
    });
    connect(m_browser, &PartnerBrowser::currentChanged, this, &PartnerPage::showCurrent);
    connect(m_browser, &PartnerBrowser::periodAdded, this, [this] {
        // Only an org that answered goes into the recent list: a mistyped id or a refusal does not.
        const QString id = m_browser->orgId();
        m_picker->remember(id, m_browser->orgName() == id ? QString() : m_browser->orgName());
        m_trend->updateParts();
        if (!m_browser->isWalking())
            setStatusText(tr("%1 · %n period(s) loaded", nullptr, m_browser->periods()->periodCount())
                              .arg(m_browser->orgName()));
    });
    connect(m_browser, &PartnerBrowser::periodFailed, this, &PartnerPage::onPeriodFailed);
    connect(m_browser, &PartnerBrowser::historyEnded, this, &PartnerPage::onHistoryEnded);
    connect(m_browser, &PartnerBrowser::walkProgress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_status.done = done;
        m_status.total = total;
        setStatusText(
            tr("%1 · %2 of %n period(s) fetched", nullptr, total).arg(m_browser->orgName()).arg(done));
    });
    connect(m_browser, &PartnerBrowser::walkFinished, this, &PartnerPage::onWalkFinished);
    connect(m_browser, &PartnerBrowser::stateChanged, this, &PartnerPage::onStateChanged);
    onStateChanged();
}

PartnerPage::~PartnerPage() = default;

void PartnerPage::showView(View view)
{
    m_views->setCurrentIndex(view);
}

void PartnerPage::openPeriod(const QString& orgId, const QString& name, int billingPeriodIndex)
{
    m_count->setValue(std::max(m_count->value(), billingPeriodIndex + 1));
    m_browser->openAt(orgId, name, billingPeriodIndex);
}

PageStatus PartnerPage::portfolioStatus() const
{
    PageStatus status;
    const PortfolioSweep::Progress p = m_sweep->progress();
    status.busy = m_sweep->isRunning();
    if (status.busy) {
        status.done = p.done;
        status.total = p.total;
        status.text = tr("Portfolio · %1").arg(PortfolioSweep::progressText(p));
    } else if (p.total > 0) {
        status.text = tr("Portfolio · %1").arg(PortfolioSweep::progressText(p));
    }
    return status;
}

void PartnerPage::refresh()
{
    // The portfolio is what the page opens on: the first refresh sweeps it, later ones when it is shown. A
    // sweep lists the customers for the picker too, so that the list costs one request.
    m_picker->setMessage(tr("Loading customers…"));
    if (!m_portfolio->hasSwept() || m_views->currentIndex() == PortfolioPane)
        m_portfolio->sweep();
    else
        m_browser->listTrustors();
    if (!m_browser->orgId().isEmpty())
        m_browser->walk(std::max(m_count->value(), m_browser->periods()->periodCount()));
}

void PartnerPage::cancel()
{
    // Esc reaches every page: with nothing under way there is nothing to stop, and the status stays as it is.
    const bool listing = m_browser->isListingTrustors();
    const bool sweeping = m_sweep->cancel();
    if (!m_browser->cancel()) {
        if (sweeping)
            Q_EMIT statusChanged();
        return;
    }
    if (listing)
        m_picker->setMessage(tr("Listing customers stopped; Refresh (F5) lists them again."));
    m_status.total = 0;
    setStatusText(m_browser->orgId().isEmpty() ? QString() : tr("%1 · stopped").arg(m_browser->orgName()));
}

void PartnerPage::setProvenance(const Provenance& provenance)
{
    m_provenance = provenance;
}

void PartnerPage::setStore(ReportStore* store, const StoreScope& scope)
{
    m_browser->setStore(store, scope);
    m_sweep->setStore(store, scope);
    m_store = store;
    m_scope = scope;
}

void PartnerPage::reviewAlerts()
{
    // Only a whole sweep: a cancelled one would tell of the customers it reached as if they were all.
    const PortfolioSweep::Progress p = m_sweep->progress();
    if (!m_store || !m_scope.isValid() || p.done < p.total)
        return;
    AlertLedger ledger(m_store, m_scope);
    const QStringList news = ledger.news(
        AlertSubjects::ofPortfolio(m_sweep->model()->customers()), QDateTime::currentDateTimeUtc());
    if (!news.isEmpty())
        Q_EMIT alertsRaised(news);
}

void PartnerPage::refetchEverything()
{
    if (m_browser->orgId().isEmpty()) {
        refresh();
        return;
    }
    m_browser->refetchLoaded();
}

PageStatus PartnerPage::status() const
{
    if (m_views->currentIndex() == PortfolioPane)
        return portfolioStatus();
    return m_status;
}

void PartnerPage::onStateChanged()
{
    const bool walking = m_browser->isWalking();
    m_older->setEnabled(m_browser->canStepOlder());
    m_newer->setEnabled(m_browser->canStepNewer());
    m_load->setEnabled(m_browser->canWalk());
    m_progress->setVisible(walking);
    m_cancel->setVisible(walking);
    m_status.busy = m_browser->isBusy();
    if (!walking)
        m_status.total = 0;
    Q_EMIT statusChanged();
}

void PartnerPage::showCurrent()
{
    const int row = m_browser->currentRow();
    const PeriodListModel::Period* period = m_browser->periods()->period(row);
    m_period->showPeriod(period);
    const BillingPeriodState state = m_browser->periods()->state(row);
    m_activeBadge->setText(state == BillingPeriodState::EndedNotClosed
            ? tr("Period ended, Genesys has not closed it yet — figures may change until it does")
            : tr("Active period — figures may change until it closes"));
    m_activeBadge->setVisible(state != BillingPeriodState::Closed);
    if (!period) {
        m_periodLabel->clear();
        return;
    }
    m_periodLabel->setText(tr("<b>%1</b> · index %2")
                               .arg(PeriodListModel::periodText(period->overview, period->billingPeriodIndex))
                               .arg(period->billingPeriodIndex));
    m_periodTable->selectRow(row);
}

void PartnerPage::onPeriodFailed(int index, const ApiError& error)
{
    if (error.kind() == ApiError::Kind::Config)
        setError(error.userMessage()); // a sentence of the app's own, whole
    else if (index == 0 && error.reason() == ApiError::Reason::NotFound)
        setError(tr("No customer org with the id %1 trusts your org: check the id, or pick the customer from "
                    "the list, which has every org that does. (%2)")
                     .arg(m_browser->orgId(), error.fullText()));
    else if (error.reason() == ApiError::Reason::Forbidden)
        setError(error.withDetails(PeriodWalker::refusalText(m_browser->orgName(), error)));
    else if (error.httpStatus() == 403)
        setError(tr("Genesys refused the billing of %1: %2").arg(m_browser->orgName(), error.fullText()));
    else
        setError(tr("Period %1 could not be loaded: %2").arg(index).arg(error.fullText()));
}

void PartnerPage::onHistoryEnded(int firstMissingIndex)
{
    Theme::setTextTone(m_note, Theme::Tone::Info);
    m_note->setText(tr("The history ends here: %1 has %n billing period(s); Genesys has nothing older.",
        nullptr, firstMissingIndex)
                        .arg(m_browser->orgName()));
}

void PartnerPage::onWalkFinished()
{
    QString text = tr("%1 · %n period(s) walked", nullptr, m_browser->periods()->periodCount())
                       .arg(m_browser->orgName());
    if (const auto end = m_browser->historyEnd())
        text += u" · "_s + tr("the history holds %n period(s)", nullptr, *end);
    if (m_browser->walkFailures() > 0)
        text += u" · "_s + tr("%1 failed").arg(m_browser->walkFailures());
    setStatusText(text);
}

void PartnerPage::setError(const QString& text)
{
    Theme::setTextTone(m_note, Theme::Tone::Error);
    m_note->setText(text);
    setStatusText(text);
}

void PartnerPage::setStatusText(const QString& text)
{
    m_status.text = text;
    Q_EMIT statusChanged();
}

void PartnerPage::compareRows(int beforeRow, int afterRow)
{
    m_comparison->compareRows(beforeRow, afterRow);
    m_tabs->setCurrentIndex(CompareTab);
}

// ---------------------------------------------------------------------------------------------------------------
// Export, print, copy

void PartnerPage::exportPortfolio()
{
    ExportChooser chooser(
        this, tr("Export the portfolio"), ExportName::suggest(u"portfolio"_s, m_provenance.orgName, {}, {}));
    chooser.addTable(tr("The matrix as listed"),
        [this](const QString& path, QString* error) { return m_portfolio->exportMatrixCsv(path, error); });
    chooser.addTable(tr("Every customer × period × part number, long format"),
        [this](const QString& path, QString* error) { return m_portfolio->exportLongCsv(path, error); });
    chooser.addChart(tr("Commitment use chart"), m_portfolio->chart(), footer());
    if (const QString path = chooser.exec(); !path.isEmpty())
        setStatusText(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void PartnerPage::exportInteractively()
{
    if (m_views->currentIndex() == PortfolioPane) {
        exportPortfolio();
        return;
    }
    // Named for the org and the periods walked: oldest start to newest end.
    const PeriodListModel* periods = m_browser->periods();
    QDate first, last;
    if (periods->periodCount() > 0) {
        const auto& oldest = periods->period(periods->periodCount() - 1)->overview;
        const auto& newest = periods->period(0)->overview;
        first = oldest.billingPeriodStartDate.value_or(QDateTime()).toUTC().date();
        last = newest.billingPeriodEndDate.value_or(QDateTime()).toUTC().date();
    }
    ExportChooser chooser(this, tr("Export partner billing"),
        ExportName::suggest(u"billing"_s, m_browser->orgName(), first, last));
    const int period = chooser.addTable(tr("This period, usage lines"),
        [this](const QString& path, QString* error) { return exportPeriodCsv(path, error); });
    chooser.addTable(tr("All walked periods, long format"),
        [this](const QString& path, QString* error) { return exportAllPeriodsCsv(path, error); });
    const int comparison = chooser.addTable(tr("The comparison shown"),
        [this](const QString& path, QString* error) { return exportComparisonCsv(path, error); });
    const int trend = chooser.addChart(tr("Trend chart"), m_trend->chart(), footer());
    // The tab on screen is what is offered first.
    switch (Tab(m_tabs->currentIndex())) {
    case PeriodTab:
        chooser.preselect(period);
        break;
    case CompareTab:
        chooser.preselect(comparison);
        break;
    case TrendTab:
        chooser.preselect(trend);
        break;
    }
    if (const QString path = chooser.exec(); !path.isEmpty())
        setStatusText(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void PartnerPage::copySelection()
{
    if (m_views->currentIndex() == PortfolioPane) {
        ExportChooser::copySelection(*m_portfolio->table());
        return;
    }
    ExportChooser::copySelection(
        m_tabs->currentIndex() == CompareTab ? *m_comparison->table() : *m_period->table());
}

void PartnerPage::printInteractively()
{
    // The tab on screen is what prints.
    if (m_views->currentIndex() == PortfolioPane) {
        ExportChooser::print(this, m_portfolio->chart(), ExportChooser::tableHtml(*m_portfolio->table()),
            tr("Print the portfolio"), footer());
        return;
    }
    switch (Tab(m_tabs->currentIndex())) {
    case PeriodTab:
        ExportChooser::print(this, nullptr, ExportChooser::tableHtml(*m_period->table()),
            tr("Print billing period"), footer());
        return;
    case CompareTab:
        ExportChooser::print(this, nullptr, ExportChooser::tableHtml(*m_comparison->table()),
            tr("Print comparison"), footer());
        return;
    case TrendTab:
        break;
    }
    ExportChooser::print(this, *m_trend->chart(), tr("Print trend chart"), footer());
}

QString PartnerPage::footer() const
{
    Provenance partner = m_provenance;
    if (!partner.orgName.isEmpty())
        partner.orgName = tr("partner %1").arg(partner.orgName);
    if (m_views->currentIndex() == PortfolioPane)
        return ExportFooter::build({ m_portfolio->subject(), tr("costs are estimates, excluding tax") },
            partner, QDateTime::currentDateTimeUtc());
    return ExportFooter::build(m_browser->exportSubject(), partner, m_browser->lastFetchedAt());
}

bool PartnerPage::exportPeriodCsv(const QString& path, QString* error) const
{
    return m_period->exportCsv(path, error);
}

bool PartnerPage::exportComparisonCsv(const QString& path, QString* error) const
{
    const ComparisonModel* model = m_comparison->model();
    if (model->rowCount() == 0) {
        if (error)
            *error = tr("Nothing is compared yet: load at least two periods.");
        return false;
    }
    return TableCsv::build(*model, ComparisonModel::SortRole,
        { { u"Organization"_s, m_browser->orgName() },
            { u"Before"_s, model->headerData(ComparisonModel::BeforeColumn, Qt::Horizontal).toString() },
            { u"After"_s, model->headerData(ComparisonModel::AfterColumn, Qt::Horizontal).toString() } })
        .save(path, error);
}

bool PartnerPage::exportAllPeriodsCsv(const QString& path, QString* error) const
{
    const PeriodListModel* periods = m_browser->periods();
    if (periods->periodCount() == 0) {
        if (error)
            *error = tr("No period has been loaded.");
        return false;
    }
    QList<IndexedOverview> list;
    for (const PeriodListModel::Period& p : periods->periods())
        list << IndexedOverview { p.billingPeriodIndex, &p.overview };
    return OverviewCsv::build(list).save(path, error);
}

bool PartnerPage::exportTrendChart(const QString& path, ChartFormat format, QString* error) const
{
    return ChartExporter::save(
        *m_trend->chart(), path, format, ExportChooser::DefaultImageSize, 2.0, footer(), error);
}

} // namespace bd
