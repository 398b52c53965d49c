#include "ui/partner/partnerpage.h"

#include "api/apisession.h"
#include "api/billingapi.h"
#include "api/orgapi.h"
#include "api/overviewjob.h"
#include "api/trustorsjob.h"
#include "domain/trusteebillingoverview.h"
#include "export/csvwriter.h"
#include "export/overviewcsv.h"
#include "domain/isodate.h"
#include "export/tablecsv.h"
#include "load/periodwalker.h"
#include "models/periodlistmodel.h"
#include "models/periodusagemodel.h"
#include "models/selectiontext.h"
#include "models/sortproxymodel.h"
#include "ui/charts/chartexporter.h"
#include "ui/charts/trendchartview.h"
#include "ui/partner/comparisonview.h"
#include "ui/partner/contractpanel.h"
#include "ui/partner/trustorpicker.h"

#include <QtCharts/QChart>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

// Same reading as PeriodWalker: an answer with neither dates nor lines is past the history.
bool isEmptyPeriod(const TrusteeBillingOverview& overview)
{
    return overview.usages.isEmpty() && !overview.billingPeriodStartDate && !overview.billingPeriodEndDate;
}

// "1 period", "5 periods": tr()'s %n plural forms need a loaded translation, which English does not ship.
QString count(int n, const QString& one, const QString& many)
{
    return (n == 1 ? one : many).arg(n);
}

QLabel* mutedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: palette(mid);"_s);
    return label;
}

} // namespace

PartnerPage::PartnerPage(ApiSession* session, QWidget* parent)
    : DashboardPage(parent)
    , m_session(session)
    , m_walker(new PeriodWalker(session->billing(), this))
    , m_periods(new PeriodListModel(this))
    , m_usage(new PeriodUsageModel(this))
    , m_usageProxy(new SortProxyModel(this))
    , m_picker(new TrustorPicker(this))
    , m_periodTable(new QTableView(this))
    , m_title(new QLabel(this))
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
    , m_contract(new ContractPanel(this))
    , m_usageTable(new QTableView(this))
    , m_totals(new QLabel(this))
    , m_caveat(mutedLabel(this))
    , m_trendPart(new QComboBox(this))
    , m_trend(new TrendChartView(this))
    , m_comparison(new ComparisonView(this))
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
    m_usageTable->setObjectName(u"usageTable"_s);
    m_totals->setObjectName(u"totalsLabel"_s);
    m_caveat->setObjectName(u"caveatLabel"_s);
    m_trendPart->setObjectName(u"trendPart"_s);
    m_trend->setObjectName(u"trendChart"_s);

    // Left: who, and which periods have been walked.
    m_periodTable->setModel(m_periods);
    m_periodTable->verticalHeader()->hide();
    m_periodTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_periodTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_periodTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_periodTable->setWordWrap(false);
    m_periodTable->setColumnHidden(PeriodListModel::CurrencyColumn, true);
    m_periodTable->setColumnHidden(PeriodListModel::LinesColumn, true);
    m_periodTable->setColumnHidden(PeriodListModel::IndexColumn, true);
    // The list is narrow: the active period is told apart by italics and its tooltip instead of a column.
    m_periodTable->setColumnHidden(PeriodListModel::StateColumn, true);
    m_periodTable->horizontalHeader()->setSectionResizeMode(PeriodListModel::PeriodColumn, QHeaderView::Stretch);
    m_periodTable->horizontalHeader()->setSectionResizeMode(PeriodListModel::StateColumn, QHeaderView::ResizeToContents);
    m_periodTable->horizontalHeader()->setSectionResizeMode(PeriodListModel::TotalColumn, QHeaderView::ResizeToContents);
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

    // Right: the period shown and how to move through the history.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Pick a customer"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_activeBadge->setText(tr("Active period — figures may change until it closes"));
    m_activeBadge->setStyleSheet(u"QLabel { background: #fff4ce; color: #5c4400; padding: 2px 8px; border-radius: 3px; }"_s);
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

    // Two rows, so that the progress bar and the active-period badge never widen the page.
    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(new QLabel(tr("Load the last"), this));
    header->addWidget(m_count);
    header->addWidget(m_load);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    auto* nav = new QHBoxLayout;
    nav->addWidget(m_older);
    nav->addWidget(m_periodLabel);
    nav->addWidget(m_newer);
    nav->addWidget(m_activeBadge);
    nav->addStretch(1);

    // Period tab: contract, lines, totals.
    m_usageProxy->setSourceModel(m_usage);
    m_usageProxy->setSortRole(PeriodUsageModel::SortRole);
    m_usageTable->setModel(m_usageProxy);
    // Not sortable: the lines stay grouped by grouping, fair-use under its resource line.
    m_usageTable->setSortingEnabled(false);
    m_usageTable->verticalHeader()->hide();
    m_usageTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usageTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usageTable->setWordWrap(false);
    m_usageTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Long grouping keys and charge names are elided (full text in the tooltip) so the estimates stay in view.
    m_usageTable->horizontalHeader()->setSectionResizeMode(PeriodUsageModel::GroupingColumn, QHeaderView::Interactive);
    m_usageTable->horizontalHeader()->setSectionResizeMode(PeriodUsageModel::NameColumn, QHeaderView::Interactive);
    m_usageTable->setColumnWidth(PeriodUsageModel::GroupingColumn, 125);
    m_usageTable->setColumnWidth(PeriodUsageModel::NameColumn, 200);
    m_usageTable->setTextElideMode(Qt::ElideMiddle);
    // The charge name carries the third-party mark on screen; the column stays in the model for CSV.
    m_usageTable->setColumnHidden(PeriodUsageModel::ThirdPartyColumn, true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals->setWordWrap(true);
    m_caveat->setText(PeriodUsageModel::caveat());
    auto* periodPage = new QWidget(m_tabs);
    auto* periodLayout = new QVBoxLayout(periodPage);
    periodLayout->addWidget(m_contract);
    periodLayout->addWidget(m_usageTable, 1);
    periodLayout->addWidget(m_totals);
    periodLayout->addWidget(m_caveat);

    // Trend tab.
    auto* trendPage = new QWidget(m_tabs);
    auto* trendLayout = new QVBoxLayout(trendPage);
    auto* trendRow = new QHBoxLayout;
    trendRow->addWidget(new QLabel(tr("Part number"), trendPage));
    trendRow->addWidget(m_trendPart, 1);
    trendLayout->addLayout(trendRow);
    trendLayout->addWidget(m_trend, 1);
    m_trend->setSource(m_periods, QString());
    auto* trendCaveat = mutedLabel(trendPage);
    trendCaveat->setText(tr("Overage cost is an estimate: max(usage − prepay, 0) × overage price, per currency."));
    trendLayout->addWidget(trendCaveat);

    m_comparison->setPeriods(m_periods);
    m_tabs->addTab(periodPage, tr("Period"));
    m_tabs->addTab(trendPage, tr("Trend"));
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
    split->setSizes({250, 1030});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_picker, &TrustorPicker::trustorChosen, this,
            [this](const QString& id, const QString& name) { openTrustor(id, name); });
    connect(m_periodTable, &QAbstractItemView::clicked, this, [this](const QModelIndex& index) { showPeriodRow(index.row()); });
    connect(m_older, &QPushButton::clicked, this, [this] { stepOlder(); });
    connect(m_newer, &QPushButton::clicked, this, [this] { stepNewer(); });
    connect(m_load, &QPushButton::clicked, this, [this] { loadPeriods(m_count->value()); });
    connect(m_cancel, &QPushButton::clicked, this, &PartnerPage::cancel);
    connect(m_trendPart, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_trend->setSource(m_periods, m_trendPart->itemData(index).toString());
    });

    connect(m_walker, &PeriodWalker::periodLoaded, this, &PartnerPage::onPeriodLoaded);
    connect(m_walker, &PeriodWalker::periodFailed, this, &PartnerPage::onPeriodFailed);
    connect(m_walker, &PeriodWalker::historyEnded, this, &PartnerPage::onHistoryEnded);
    connect(m_walker, &PeriodWalker::progressChanged, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_status.done = done;
        m_status.total = total;
        setStatusText(tr("%1 · %2 of %3 periods fetched").arg(m_orgName).arg(done).arg(total));
    });
    connect(m_walker, &PeriodWalker::finished, this, [this] {
        m_progress->hide();
        m_cancel->hide();
        m_load->setEnabled(!m_orgId.isEmpty());
        m_status.busy = !m_stepJob.isNull();
        m_status.total = 0;
        QString text = m_orgName + u" · "_s
            + count(m_periods->periodCount(), tr("%1 period walked"), tr("%1 periods walked"));
        if (m_historyEnd)
            text += u" · "_s + count(*m_historyEnd, tr("the history holds %1 period"), tr("the history holds %1 periods"));
        if (m_walkFailures > 0)
            text += u" · "_s + tr("%1 failed").arg(m_walkFailures);
        setStatusText(text);
        Q_EMIT walkFinished();
    });

    updateNavigation();
}

PartnerPage::~PartnerPage() = default;

// ---------------------------------------------------------------------------------------------------------------
// DashboardPage

void PartnerPage::refresh()
{
    loadTrustors();
    if (!m_orgId.isEmpty())
        loadPeriods(std::max(m_count->value(), m_periods->periodCount()));
}

void PartnerPage::cancel()
{
    // Esc reaches every page: with nothing under way there is nothing to stop, and the status stays as it is.
    if (!m_walker->isRunning() && !m_stepJob && !m_trustorsJob)
        return;
    if (m_trustorsJob) {
        m_trustorsJob->disconnect(this);
        m_trustorsJob->cancel();
        m_trustorsJob.clear();
        m_picker->setMessage(tr("Listing customers stopped; Refresh (F5) lists them again."));
    }
    stopWalk();
}

void PartnerPage::stopWalk()
{
    m_walker->cancel();
    if (m_stepJob) {
        m_stepJob->disconnect(this);
        m_stepJob->cancel();
        m_stepJob.clear(); // it deletes itself later; it no longer counts as a fetch under way
    }
    m_pendingIndex = -1;
    m_progress->hide();
    m_cancel->hide();
    m_status.busy = !m_trustorsJob.isNull();
    m_status.total = 0;
    setStatusText(m_orgId.isEmpty() ? QString() : tr("%1 · stopped").arg(m_orgName));
    updateNavigation();
}

void PartnerPage::setProvenance(const Provenance& provenance)
{
    m_provenance = provenance;
}

PageStatus PartnerPage::status() const
{
    return m_status;
}

void PartnerPage::exportInteractively()
{
    const QString periodCsv = tr("This period, usage lines (*.csv)");
    const QString allCsv = tr("All walked periods, long format (*.csv)");
    const QString png = tr("Trend chart, PNG image (*.png)");
    const QString svg = tr("Trend chart, SVG drawing (*.svg)");
    const QString pdf = tr("Trend chart, PDF page (*.pdf)");
    QString filter = m_tabs->currentIndex() == TrendTab ? png : periodCsv;
    const QString base = (m_orgName.isEmpty() ? u"partner"_s : m_orgName).replace(u' ', u'-').toLower();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), base,
                                                      QStringList{periodCsv, allCsv, png, svg, pdf}.join(u";;"_s), &filter);
    if (path.isEmpty())
        return;
    QString error;
    bool ok = false;
    const auto withSuffix = [&path](const QString& suffix) {
        return path.endsWith(suffix, Qt::CaseInsensitive) ? path : path + suffix;
    };
    if (filter == allCsv)
        ok = exportAllPeriodsCsv(withSuffix(u".csv"_s), &error);
    else if (filter == png)
        ok = exportTrendChart(withSuffix(u".png"_s), ChartFormat::Png, &error);
    else if (filter == svg)
        ok = exportTrendChart(withSuffix(u".svg"_s), ChartFormat::Svg, &error);
    else if (filter == pdf)
        ok = exportTrendChart(withSuffix(u".pdf"_s), ChartFormat::Pdf, &error);
    else
        ok = exportPeriodCsv(withSuffix(u".csv"_s), &error);
    setStatusText(ok ? tr("Exported to %1").arg(path) : tr("Export failed: %1").arg(error));
}

void PartnerPage::copySelection()
{
    QTableView* table = m_usageTable;
    if (m_tabs->currentIndex() == CompareTab)
        table = m_comparison->findChild<QTableView*>(u"comparisonTable"_s);
    if (!table || !table->selectionModel())
        return;
    const QString text = SelectionText::toTsv(*table->model(), table->selectionModel()->selectedIndexes());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void PartnerPage::printInteractively()
{
    QPrinter printer(QPrinter::HighResolution);
    ChartExporter::preparePrinter(&printer);
    QPrintPreviewDialog preview(&printer, this);
    const std::unique_ptr<QChart> chart(m_trend->buildChart(QChart::ChartThemeLight));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [&](QPrinter* target) { ChartExporter::print(chart.get(), target, footer()); });
    preview.exec();
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

void PartnerPage::loadTrustors()
{
    if (m_trustorsJob)
        return;
    m_picker->setMessage(tr("Loading customers…"));
    m_trustorsJob = m_session->orgs()->fetchTrustors();
    m_status.busy = true;
    Q_EMIT statusChanged();
    connect(m_trustorsJob, &TrustorsJob::trustorsReady, this, [this](const QList<Trustor>& trustors) {
        m_picker->setTrustors(trustors);
        Q_EMIT trustorsLoaded();
    });
    connect(m_trustorsJob, &ApiJob::failed, this, [this](const ApiError& error) {
        m_picker->setMessage(error.fullText());
        Q_EMIT trustorsLoaded();
    });
    connect(m_trustorsJob, &ApiJob::finished, this, [this] {
        m_trustorsJob.clear();
        m_status.busy = m_walker->isRunning() || !m_stepJob.isNull();
        Q_EMIT statusChanged();
    });
}

void PartnerPage::openTrustor(const QString& orgId, const QString& name)
{
    stopWalk();
    m_orgId = orgId;
    m_orgName = name.isEmpty() ? orgId : name;
    m_periods->clear();
    m_usage->clear();
    m_contract->setOverview(nullptr);
    m_historyEnd.reset();
    m_currentIndex = -1;
    m_currentStart = {};
    m_walkFailures = 0;
    m_note->clear();
    m_periodLabel->clear();
    m_totals->clear();
    m_activeBadge->hide();
    m_title->setText(m_orgName);
    m_title->setToolTip(tr("Org id %1").arg(orgId));
    m_picker->remember(orgId, name);
    fetchSingle(0);
}

void PartnerPage::loadPeriods(int count)
{
    if (m_orgId.isEmpty() || count < 1)
        return;
    m_walkFailures = 0;
    m_progress->setRange(0, count);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_load->setEnabled(false);
    m_status.busy = true;
    m_walker->walk(m_orgId, 0, count - 1);
}

void PartnerPage::fetchSingle(int index)
{
    if (m_stepJob) {
        m_stepJob->disconnect(this);
        m_stepJob->cancel();
        m_stepJob.clear();
    }
    m_pendingIndex = index;
    m_status.busy = true;
    setStatusText(tr("%1 · fetching period %2…").arg(m_orgName).arg(index));
    OverviewJob* job = m_session->billing()->fetchTrusteeOverview(m_orgId, index);
    m_stepJob = job;
    connect(job, &OverviewJob::overviewReady, this, [this](const TrusteeBillingOverview& overview, int i) {
        if (isEmptyPeriod(overview))
            onHistoryEnded(i);
        else
            onPeriodLoaded(i, overview);
    });
    connect(job, &ApiJob::failed, this, [this, index](const ApiError& error) {
        if (error.httpStatus() == 404)
            onHistoryEnded(index);
        else if (error.kind() != ApiError::Kind::Cancelled)
            onPeriodFailed(index, error);
    });
    connect(job, &ApiJob::finished, this, [this] {
        m_pendingIndex = -1;
        m_status.busy = m_walker->isRunning();
        updateNavigation();
        Q_EMIT statusChanged();
    });
    updateNavigation();
}

void PartnerPage::onPeriodLoaded(int index, const TrusteeBillingOverview& overview)
{
    m_periods->setPeriod(index, overview);
    const bool refreshesShown = overview.billingPeriodStartDate && *overview.billingPeriodStartDate == m_currentStart;
    if (m_currentIndex < 0 || index == m_pendingIndex || refreshesShown) {
        m_currentIndex = index;
        m_currentStart = overview.billingPeriodStartDate.value_or(QDateTime());
        showCurrent();
    }
    if (!m_walker->isRunning())
        setStatusText(m_orgName + u" · "_s + count(m_periods->periodCount(), tr("%1 period loaded"), tr("%1 periods loaded")));
    updateTrendParts();
    updateNavigation();
}

void PartnerPage::onPeriodFailed(int index, const ApiError& error)
{
    ++m_walkFailures;
    if (error.httpStatus() == 403)
        setError(tr("Genesys refused the billing of %1: %2").arg(m_orgName, error.fullText()));
    else
        setError(tr("Period %1 could not be loaded: %2").arg(index).arg(error.fullText()));
}

void PartnerPage::onHistoryEnded(int firstMissingIndex)
{
    if (m_historyEnd && *m_historyEnd <= firstMissingIndex)
        return;
    m_historyEnd = firstMissingIndex;
    m_note->setStyleSheet(QString());
    m_note->setText(firstMissingIndex == 0
                        ? tr("Genesys has no billing period for %1.").arg(m_orgName)
                        : tr("The history ends here: %1 has %2; Genesys has nothing older.")
                              .arg(m_orgName, count(firstMissingIndex, tr("%1 billing period"), tr("%1 billing periods"))));
    updateNavigation();
}

void PartnerPage::setError(const QString& text)
{
    m_note->setStyleSheet(u"color: #c62828;"_s);
    m_note->setText(text);
    setStatusText(text);
}

void PartnerPage::setStatusText(const QString& text)
{
    m_status.text = text;
    Q_EMIT statusChanged();
}

// ---------------------------------------------------------------------------------------------------------------
// Showing and stepping

bool PartnerPage::stepOlder()
{
    if (m_currentIndex < 0 || m_orgId.isEmpty())
        return false;
    const int target = m_currentIndex + 1;
    if (m_historyEnd && target >= *m_historyEnd)
        return false;
    const int row = m_periods->rowOfIndex(target);
    if (row >= 0)
        showPeriodRow(row);
    else
        fetchSingle(target);
    return true;
}

bool PartnerPage::stepNewer()
{
    if (m_currentIndex <= 0 || m_orgId.isEmpty())
        return false;
    const int target = m_currentIndex - 1;
    const int row = m_periods->rowOfIndex(target);
    if (row >= 0)
        showPeriodRow(row);
    else
        fetchSingle(target);
    return true;
}

void PartnerPage::showPeriodRow(int row)
{
    const PeriodListModel::Period* p = m_periods->period(row);
    if (!p)
        return;
    m_currentIndex = p->billingPeriodIndex;
    m_currentStart = p->overview.billingPeriodStartDate.value_or(QDateTime());
    showCurrent();
    updateNavigation();
}

void PartnerPage::showCurrent()
{
    int row = m_currentStart.isValid() ? m_periods->rowOfStart(m_currentStart) : m_periods->rowOfIndex(m_currentIndex);
    const PeriodListModel::Period* p = m_periods->period(row);
    if (!p)
        return;
    m_usage->setOverview(p->overview);
    m_contract->setOverview(&p->overview);
    const bool active = p->billingPeriodIndex == 0;
    m_periodLabel->setText(tr("<b>%1</b> · index %2")
                               .arg(PeriodListModel::periodText(p->overview, p->billingPeriodIndex))
                               .arg(p->billingPeriodIndex));
    m_activeBadge->setVisible(active);
    const CurrencyTotals totals = m_usage->totals();
    QStringList parts;
    for (const CurrencyTotals::Total& t : totals.totals()) {
        parts << tr("<b>Estimated total %1 %2</b> (prepay %1 %3 + overage %1 %4)")
                     .arg(t.currency, t.total.toString(2), t.prepayCost.toString(2), t.overageCost.toString(2));
    }
    m_totals->setText(parts.isEmpty() ? tr("No usage lines in this period.") : parts.join(u" · "_s));
    m_periodTable->selectRow(row);
    Q_EMIT periodShown(p->billingPeriodIndex);
}

void PartnerPage::updateNavigation()
{
    const bool open = !m_orgId.isEmpty() && m_currentIndex >= 0;
    const bool fetching = !m_stepJob.isNull();
    m_older->setEnabled(open && !fetching && !(m_historyEnd && m_currentIndex + 1 >= *m_historyEnd));
    m_newer->setEnabled(open && !fetching && m_currentIndex > 0);
    m_load->setEnabled(!m_orgId.isEmpty() && !m_walker->isRunning());
}

void PartnerPage::updateTrendParts()
{
    const QStringList parts = m_periods->partNumbers();
    const QString current = m_trendPart->currentData().toString();
    if (parts.size() == m_trendPart->count()) {
        bool same = true;
        for (int i = 0; i < parts.size() && same; ++i)
            same = m_trendPart->itemData(i).toString() == parts.at(i);
        if (same)
            return;
    }
    // Name each part number by its charge name, from the newest period that lists it.
    QHash<QString, QString> names;
    for (const PeriodListModel::Period& p : m_periods->periods()) {
        for (const SubscriptionOverviewUsage& u : p.overview.usages) {
            if (!names.contains(u.partNumber))
                names.insert(u.partNumber, u.name);
        }
    }
    const QSignalBlocker blocker(m_trendPart);
    m_trendPart->clear();
    for (const QString& part : parts)
        m_trendPart->addItem(u"%1 · %2"_s.arg(names.value(part), part), part);
    int index = m_trendPart->findData(current);
    if (index < 0) {
        // Start on the part with the highest usage, usually the main seat licence.
        const PeriodListModel::Period* newest = m_periods->period(0);
        QString best;
        Decimal bestUsage = Decimal::fromInt(-1);
        for (const SubscriptionOverviewUsage& u : newest->overview.usages) {
            if (u.unitOfMeasureType == u"seat" && u.usageQuantity > bestUsage) {
                bestUsage = u.usageQuantity;
                best = u.partNumber;
            }
        }
        index = std::max(0, m_trendPart->findData(best));
    }
    m_trendPart->setCurrentIndex(index);
    if (m_trend->partNumber() != m_trendPart->currentData().toString())
        m_trend->setSource(m_periods, m_trendPart->currentData().toString());
}

void PartnerPage::compareRows(int beforeRow, int afterRow)
{
    m_comparison->compareRows(beforeRow, afterRow);
    m_tabs->setCurrentIndex(CompareTab);
}

void PartnerPage::setTrendPart(const QString& partNumber)
{
    const int index = m_trendPart->findData(partNumber);
    if (index >= 0)
        m_trendPart->setCurrentIndex(index);
    m_trend->setSource(m_periods, partNumber);
}

// ---------------------------------------------------------------------------------------------------------------
// Export

QString PartnerPage::footer() const
{
    QStringList parts;
    QString who = m_orgName.isEmpty() ? tr("no customer") : m_orgName;
    if (!m_orgId.isEmpty() && m_orgName != m_orgId)
        who += u" (%1)"_s.arg(m_orgId);
    parts << who;
    if (!m_provenance.orgName.isEmpty())
        parts << tr("partner %1").arg(m_provenance.orgName);
    if (!m_provenance.region.isEmpty())
        parts << m_provenance.region;
    if (m_provenance.demo)
        parts << tr("demo data");
    if (m_periods->periodCount() > 0) {
        const auto& newest = m_periods->period(0)->overview;
        const auto& oldest = m_periods->period(m_periods->periodCount() - 1)->overview;
        if (oldest.billingPeriodStartDate && newest.billingPeriodEndDate)
            parts << u"%1 – %2"_s.arg(oldest.billingPeriodStartDate->date().toString(Qt::ISODate),
                                     newest.billingPeriodEndDate->date().toString(Qt::ISODate));
    }
    parts << tr("costs are estimates, excluding tax");
    parts << tr("exported %1 UTC").arg(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm"_s));
    parts << u"Billing Dashboard %1"_s.arg(QStringLiteral(BD_VERSION));
    return parts.join(u" · "_s);
}

bool PartnerPage::exportPeriodCsv(const QString& path, QString* error) const
{
    if (m_usage->rowCount() == 0) {
        if (error)
            *error = tr("No period is shown.");
        return false;
    }
    // The model, not the view: exact values in wire order whatever the table's sorting. The period and its
    // currency lead every row, so the money columns say what they are in.
    const TrusteeBillingOverview& overview = m_usage->overview();
    const auto date = [](const std::optional<QDateTime>& value) { return value ? IsoDate::format(*value) : QString(); };
    return TableCsv::build(*m_usage, PeriodUsageModel::SortRole,
                           { { tr("Organization"), overview.organization.name },
                             { tr("Period start"), date(overview.billingPeriodStartDate) },
                             { tr("Period end"), date(overview.billingPeriodEndDate) },
                             { tr("Currency"), overview.currency } })
        .save(path, error);
}

bool PartnerPage::exportAllPeriodsCsv(const QString& path, QString* error) const
{
    if (m_periods->periodCount() == 0) {
        if (error)
            *error = tr("No period has been loaded.");
        return false;
    }
    QList<IndexedOverview> periods;
    for (const PeriodListModel::Period& p : m_periods->periods())
        periods << IndexedOverview{p.billingPeriodIndex, &p.overview};
    return OverviewCsv::build(periods).save(path, error);
}

bool PartnerPage::exportTrendChart(const QString& path, ChartFormat format, QString* error) const
{
    // A chart built for the export: light whatever the screen theme, laid out at the export's size.
    const std::unique_ptr<QChart> chart(m_trend->buildChart(QChart::ChartThemeLight));
    switch (format) {
    case ChartFormat::Png:
        return ChartExporter::savePng(chart.get(), path, QSize(1100, 620), 2.0, footer(), error);
    case ChartFormat::Svg:
        return ChartExporter::saveSvg(chart.get(), path, QSize(1100, 620), footer(), error);
    case ChartFormat::Pdf:
        return ChartExporter::savePdf(chart.get(), path, footer(), error);
    }
    return false;
}

} // namespace bd
