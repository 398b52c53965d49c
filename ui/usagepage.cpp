#include "ui/usagepage.h"

#include "api/apierror.h"
#include "api/apisession.h"
#include "domain/datebuckets.h"
#include "export/csvwriter.h"
#include "export/tablecsv.h"
#include "load/usageseriesloader.h"
#include "models/resourcemodel.h"
#include "models/selectiontext.h"
#include "models/sortproxymodel.h"
#include "models/usageseriesmodel.h"
#include "ui/charts/chartexporter.h"
#include "ui/charts/rampchartview.h"
#include "ui/charts/usagechartview.h"
#include "ui/messagebanner.h"
#include "ui/rangebar.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString granularityAdjective(Granularity g)
{
    switch (g) {
    case Granularity::Day: return u"daily"_s;
    case Granularity::Week: return u"weekly"_s;
    case Granularity::Month: return u"monthly"_s;
    case Granularity::Quarter: return u"quarterly"_s;
    }
    return {};
}

/// Asks for the pixel size of a PNG export.
bool askImageSize(QWidget* parent, QSize* size, qreal* ratio)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(u"PNG size"_s);
    auto* width = new QSpinBox(&dialog);
    auto* height = new QSpinBox(&dialog);
    for (QSpinBox* box : { width, height }) {
        box->setRange(200, 8000);
        box->setSuffix(u" px"_s);
    }
    width->setValue(size->width());
    height->setValue(size->height());
    auto* scale = new QComboBox(&dialog);
    scale->addItem(u"1× (standard)"_s, 1.0);
    scale->addItem(u"2× (sharp on HiDPI screens)"_s, 2.0);
    scale->addItem(u"3×"_s, 3.0);
    scale->setCurrentIndex(*ratio >= 2 ? 1 : 0);
    auto* form = new QFormLayout(&dialog);
    form->addRow(u"Width"_s, width);
    form->addRow(u"Height"_s, height);
    form->addRow(u"Pixel density"_s, scale);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *size = QSize(width->value(), height->value());
    *ratio = scale->currentData().toReal();
    return true;
}

} // namespace

UsagePage::UsagePage(ApiSession* session, QWidget* parent)
    : DashboardPage(parent)
    , m_session(session)
    , m_loader(new UsageSeriesLoader(session->billing(), this))
    , m_model(new UsageSeriesModel(this))
    , m_proxy(new SortProxyModel(this))
    , m_resources(new ResourceModel(this))
    , m_resourceProxy(new SortProxyModel(this))
    , m_rangeBar(new RangeBar(this))
    , m_banner(new MessageBanner(this))
    , m_mainSplitter(new QSplitter(Qt::Vertical, this))
    , m_tableSplitter(new QSplitter(Qt::Horizontal, this))
    , m_chartTabs(new QTabWidget(this))
    , m_chart(new UsageChartView(this))
    , m_ramp(new RampChartView(this))
    , m_linesButton(new QToolButton(this))
    , m_barsButton(new QToolButton(this))
    , m_topN(new QSpinBox(this))
    , m_licencesButton(new QToolButton(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_resourceTitle(new QLabel(this))
    , m_resourceFilter(new QLineEdit(this))
    , m_resourceTable(new QTableView(this))
{
    setObjectName(u"usagePage"_s);

    // Chart panel: mode, top N and licence picking above the chart and ramp tabs.
    m_linesButton->setText(u"Lines"_s);
    m_barsButton->setText(u"Stacked bars"_s);
    for (QToolButton* button : { m_linesButton, m_barsButton }) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_linesButton->setChecked(true);
    auto* modeGroup = new QButtonGroup(this);
    modeGroup->setExclusive(true);
    modeGroup->addButton(m_linesButton);
    modeGroup->addButton(m_barsButton);
    connect(m_barsButton, &QToolButton::toggled, this, &UsagePage::setStackedBars);
    m_topN->setObjectName(u"topN"_s);
    m_topN->setRange(1, 50);
    m_topN->setValue(8);
    m_topN->setPrefix(u"Top "_s);
    m_topN->setToolTip(u"Licences shown by peak usage; the rest are summed into “Other”"_s);
    connect(m_topN, &QSpinBox::valueChanged, this, [this](int value) { m_chart->setTopN(value); });
    m_licencesButton->setObjectName(u"licencesButton"_s);
    m_licencesButton->setText(u"Licences…"_s);
    m_licencesButton->setToolTip(u"Pick the licences the chart shows"_s);
    connect(m_licencesButton, &QToolButton::clicked, this, &UsagePage::editLicenceSelection);

    auto* chartPanel = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartPanel);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* chartTools = new QHBoxLayout;
    chartTools->addWidget(m_linesButton);
    chartTools->addWidget(m_barsButton);
    chartTools->addSpacing(12);
    chartTools->addWidget(m_topN);
    chartTools->addWidget(m_licencesButton);
    chartTools->addStretch(1);
    chartLayout->addLayout(chartTools);
    m_chart->setObjectName(u"usageChart"_s);
    m_chart->setModel(m_model);
    m_chart->setMinimumHeight(220);
    m_ramp->setObjectName(u"rampChart"_s);
    m_chartTabs->setObjectName(u"chartTabs"_s);
    m_chartTabs->addTab(m_chart, u"Usage over time"_s);
    m_chartTabs->addTab(m_ramp, u"Ramp within a bucket"_s);
    m_chartTabs->setTabToolTip(1, u"Cumulative resources by first-seen day for the selected cell"_s);
    chartLayout->addWidget(m_chartTabs);

    // Table panel: licences × buckets with a filter.
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(UsageSeriesModel::SortRole);
    m_proxy->setFilterKeyColumn(UsageSeriesModel::LicenceColumn);
    m_filter->setObjectName(u"licenceFilter"_s);
    m_filter->setPlaceholderText(u"Filter licences"_s);
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table->setObjectName(u"usageTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsageSeriesModel::LicenceColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Licence names sit in the row header, so they stay in view while the buckets scroll sideways.
    m_table->setColumnHidden(UsageSeriesModel::LicenceColumn, true);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setFixedWidth(280);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setDefaultSectionSize(96);
    m_table->horizontalHeader()->setSectionsMovable(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        // Bucket columns change with every range: only a sort by licence, peak or average carries over.
        const QString by = column == m_model->peakColumn() ? u"peak"_s
            : column == m_model->averageColumn()            ? u"average"_s
            : column == UsageSeriesModel::LicenceColumn     ? u"licence"_s
                                                            : QString();
        if (!by.isEmpty()) {
            m_sortBy = by;
            m_sortOrder = order;
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { showCell(current); });
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_table->indexAt(pos);
        const int bucket = index.isValid() ? m_model->bucketOfColumn(m_proxy->mapToSource(index).column()) : -1;
        QMenu menu(this);
        QAction* copy = menu.addAction(u"Copy"_s, this, &UsagePage::copySelection);
        copy->setShortcut(QKeySequence::Copy);
        menu.addAction(u"Sort by licence name"_s, this,
                       [this] { m_table->sortByColumn(UsageSeriesModel::LicenceColumn, Qt::AscendingOrder); });
        if (bucket >= 0) {
            const auto state = m_model->bucketState(bucket);
            QAction* retry = menu.addAction(u"Retry this bucket"_s, this, [this, bucket] { retryBucket(bucket); });
            retry->setEnabled(state == UsageSeriesModel::BucketState::Failed
                              || state == UsageSeriesModel::BucketState::Cancelled);
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    auto* tablePanel = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePanel);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_filter);
    tableLayout->addWidget(m_table);

    // Drill-down: the resources behind the selected cell.
    m_resourceProxy->setSourceModel(m_resources);
    m_resourceProxy->setSortRole(ResourceModel::SortRole);
    m_resourceProxy->setFilterKeyColumn(-1);
    m_resourceTitle->setObjectName(u"resourceTitle"_s);
    m_resourceTitle->setWordWrap(true);
    m_resourceTitle->setText(u"Select a cell to see the users and devices behind it."_s);
    m_resourceFilter->setObjectName(u"resourceFilter"_s);
    m_resourceFilter->setPlaceholderText(u"Filter resources"_s);
    m_resourceFilter->setClearButtonEnabled(true);
    connect(m_resourceFilter, &QLineEdit::textChanged, m_resourceProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_resourceTable->setObjectName(u"resourceTable"_s);
    m_resourceTable->setModel(m_resourceProxy);
    m_resourceTable->setSortingEnabled(true);
    m_resourceTable->sortByColumn(ResourceModel::FirstSeenColumn, Qt::AscendingOrder);
    m_resourceTable->setAlternatingRowColors(true);
    m_resourceTable->setWordWrap(false);
    m_resourceTable->setToolTip(u"First seen: when billing first observed the resource in this bucket (UTC)"_s);
    m_resourceTable->verticalHeader()->hide();
    m_resourceTable->horizontalHeader()->setSectionResizeMode(ResourceModel::NameColumn, QHeaderView::Stretch);
    m_resourceTable->horizontalHeader()->setSectionResizeMode(ResourceModel::FirstSeenColumn,
                                                              QHeaderView::ResizeToContents);
    auto* resourcePanel = new QWidget(this);
    auto* resourceLayout = new QVBoxLayout(resourcePanel);
    resourceLayout->setContentsMargins(0, 0, 0, 0);
    resourceLayout->addWidget(m_resourceTitle);
    resourceLayout->addWidget(m_resourceFilter);
    resourceLayout->addWidget(m_resourceTable);

    m_tableSplitter->setObjectName(u"tableSplitter"_s);
    m_tableSplitter->addWidget(tablePanel);
    m_tableSplitter->addWidget(resourcePanel);
    m_tableSplitter->setStretchFactor(0, 3);
    m_tableSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(chartPanel);
    m_mainSplitter->addWidget(m_tableSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_rangeBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_mainSplitter, 1);

    connect(m_rangeBar, &RangeBar::loadRequested, this, &UsagePage::refresh);
    connect(m_chart, &UsageChartView::bucketClicked, this,
            [this](int bucket, const QString& licence) { selectCell(licence, bucket); });

    connect(m_loader, &UsageSeriesLoader::bucketLoaded, this, [this](int bucket, const BillingUsageReport& report) {
        m_model->setReport(bucket, report);
        m_failureKinds.remove(bucket);
        m_updatedAt = QDateTime::currentDateTime();
        // The drill-down follows only the bucket it shows (or, for a summary column, the latest one).
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid()) {
            const int shown = m_model->bucketOfColumn(m_proxy->mapToSource(current).column());
            if (shown == bucket || (shown < 0 && bucket == m_model->buckets().size() - 1))
                showCell(current);
        }
    });
    connect(m_loader, &UsageSeriesLoader::bucketGenerating, this, [this](int bucket) {
        m_model->setBucketState(bucket, UsageSeriesModel::BucketState::Generating);
    });
    connect(m_loader, &UsageSeriesLoader::bucketFailed, this, &UsagePage::onBucketFailed);
    connect(m_loader, &UsageSeriesLoader::progressChanged, this, &UsagePage::updateStatus);
    connect(m_loader, &UsageSeriesLoader::finished, this, &UsagePage::onLoadSettled);
}

UsagePage::~UsagePage() = default;

void UsagePage::refresh()
{
    const QString problem = m_rangeBar->validationMessage();
    if (!problem.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, problem);
        return;
    }
    const DateRange range = m_rangeBar->range();
    const Granularity granularity = m_rangeBar->granularity();
    const qsizetype reports = DateBuckets::count(range.first, range.last, granularity);
    if (m_confirmLargeLoads && reports > LargeLoadThreshold) {
        const auto answer = QMessageBox::question(
            this, u"Load %1 reports?"_s.arg(reports),
            u"This range needs %1 reports from Genesys Cloud, one per %2. At the default limit of 300 requests a "
            "minute that takes a few minutes.\n\nLoad them anyway, or pick a coarser granularity?"_s
                .arg(reports)
                .arg(granularityName(granularity)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    startLoad(range, granularity);
}

void UsagePage::load(const DateRange& range, Granularity granularity)
{
    m_rangeBar->setRange(range);
    m_rangeBar->setGranularity(granularity);
    startLoad(m_rangeBar->range(), granularity);
}

void UsagePage::startLoad(const DateRange& range, Granularity granularity)
{
    {
        // The load being replaced does not settle in anyone's eyes: the new one will.
        const QSignalBlocker quiet(m_loader);
        m_loader->cancel();
    }
    m_banner->clear();
    m_failureKinds.clear();
    m_reportedFatal = false;
    m_loadedRange = range;
    m_resources->setResources({});
    m_resourceTitle->setText(u"Select a cell to see the users and devices behind it."_s);
    const QList<DateBucket> buckets = DateBuckets::tile(range.first, range.last, granularity);
    m_model->setBuckets(buckets, granularity);
    m_table->sortByColumn(m_sortBy == u"peak"_s      ? m_model->peakColumn()
                          : m_sortBy == u"average"_s ? m_model->averageColumn()
                                                     : int(UsageSeriesModel::LicenceColumn),
                          m_sortOrder);
    m_loader->load(buckets);
    updateStatus();
}

void UsagePage::cancel()
{
    if (!m_loader->isRunning())
        return;
    m_loader->cancel(); // onLoadSettled() follows and marks the buckets it stopped
}

void UsagePage::retryBucket(int bucket)
{
    const auto state = m_model->bucketState(bucket);
    if (state != UsageSeriesModel::BucketState::Failed && state != UsageSeriesModel::BucketState::Cancelled)
        return;
    m_failureKinds.remove(bucket);
    m_reportedFatal = false;
    m_model->setBucketState(bucket, UsageSeriesModel::BucketState::Pending);
    m_loader->retry(bucket);
    updateStatus();
}

void UsagePage::retryFailed()
{
    m_banner->clear();
    for (int bucket = 0; bucket < m_model->buckets().size(); ++bucket)
        retryBucket(bucket);
}

void UsagePage::onBucketFailed(int bucket, const ApiError& error)
{
    if (error.kind() == ApiError::Kind::Cancelled) {
        m_model->setBucketState(bucket, UsageSeriesModel::BucketState::Cancelled);
        return;
    }
    m_model->setBucketFailed(bucket, error.userMessage());
    m_failureKinds.insert(bucket, int(error.kind()));
    const bool fatal = error.httpStatus() == 401 || error.httpStatus() == 403 || error.kind() == ApiError::Kind::Auth;
    if (fatal && !m_reportedFatal) {
        // Every other bucket would fail the same way: stop asking and say what the role or sign-in lacks.
        m_reportedFatal = true;
        m_banner->showMessage(MessageBanner::Kind::Error, error.fullText());
        cancel();
    }
}

void UsagePage::onLoadSettled()
{
    for (int bucket = 0; bucket < m_model->buckets().size(); ++bucket) {
        if (m_loader->state(bucket) == UsageSeriesLoader::BucketState::Cancelled)
            m_model->setBucketState(bucket, UsageSeriesModel::BucketState::Cancelled);
    }
    updateStatus();
    if (!m_reportedFatal) {
        int unreachable = 0, generating = 0, other = 0;
        for (int kind : std::as_const(m_failureKinds)) {
            switch (ApiError::Kind(kind)) {
            case ApiError::Kind::Network:
            case ApiError::Kind::Timeout:
                ++unreachable;
                break;
            case ApiError::Kind::StillGenerating:
                ++generating;
                break;
            default:
                ++other;
                break;
            }
        }
        const int cancelled = m_model->count(UsageSeriesModel::BucketState::Cancelled);
        if (unreachable > 0) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                u"Genesys Cloud could not be reached for %1 of %2 reports. What was loaded stays on screen."_s
                    .arg(unreachable)
                    .arg(m_model->buckets().size()));
            m_banner->addAction(u"Retry failed"_s, [this] { retryFailed(); });
        } else if (generating > 0) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                u"Genesys Cloud is still generating %1 report(s). Keep waiting, or stop and keep what is loaded?"_s
                    .arg(generating));
            m_banner->addAction(u"Keep waiting"_s, [this] { retryFailed(); });
            m_banner->addAction(u"Stop"_s, [this] { m_banner->clear(); });
        } else if (other > 0) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                u"%1 report(s) failed; they are marked in the chart and the table (hover for the reason)."_s.arg(other));
            m_banner->addAction(u"Retry failed"_s, [this] { retryFailed(); });
        } else if (cancelled > 0) {
            m_banner->showMessage(MessageBanner::Kind::Info, u"Loading stopped; %1 report(s) were not loaded."_s.arg(cancelled));
            m_banner->addAction(u"Load the rest"_s, [this] { retryFailed(); });
        } else if (m_model->licenceCount() == 0 && !m_model->buckets().isEmpty()) {
            m_banner->showMessage(MessageBanner::Kind::Info,
                u"No billable usage between %1 and %2."_s.arg(m_loadedRange.first.toString(Qt::ISODate),
                                                              m_loadedRange.last.toString(Qt::ISODate)));
        }
    }
    Q_EMIT loadSettled();
}

void UsagePage::updateStatus()
{
    Q_EMIT statusChanged();
}

PageStatus UsagePage::status() const
{
    PageStatus status;
    const int total = int(m_model->buckets().size());
    const int loaded = m_model->count(UsageSeriesModel::BucketState::Loaded);
    const int generating = m_model->count(UsageSeriesModel::BucketState::Generating);
    const int failed = m_model->count(UsageSeriesModel::BucketState::Failed);
    const int cancelled = m_model->count(UsageSeriesModel::BucketState::Cancelled);
    status.total = total;
    status.done = loaded + failed + cancelled;
    status.busy = m_loader->isRunning();
    if (total == 0) {
        status.text = u"Pick a range to load."_s;
        return status;
    }
    QStringList parts { u"%1 of %2 reports"_s.arg(loaded).arg(total) };
    if (generating > 0)
        parts << u"%1 being generated by Genesys"_s.arg(generating);
    if (failed > 0)
        parts << u"%1 failed"_s.arg(failed);
    if (cancelled > 0)
        parts << u"%1 cancelled"_s.arg(cancelled);
    if (m_updatedAt.isValid())
        parts << u"updated %1"_s.arg(m_updatedAt.toString(u"HH:mm"_s));
    status.text = parts.join(u" · "_s);
    return status;
}

void UsagePage::showCell(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    int bucket = m_model->bucketOfColumn(source.column());
    if (bucket < 0) {
        // The licence, peak or average column: show the latest bucket that loaded.
        for (int b = int(m_model->buckets().size()) - 1; b >= 0 && bucket < 0; --b) {
            if (m_model->bucketState(b) == UsageSeriesModel::BucketState::Loaded)
                bucket = b;
        }
    }
    if (bucket < 0)
        return;
    const QString licence = m_model->licence(source.row());
    const DateBucket& range = m_model->buckets().at(bucket);
    const QList<BillingUsageResource> resources = m_model->resources(source.row(), bucket);
    m_resources->setResources(resources);
    const QString dates = u"%1 – %2"_s.arg(range.first.toString(Qt::ISODate), range.last.toString(Qt::ISODate));
    if (m_model->bucketState(bucket) == UsageSeriesModel::BucketState::Loaded)
        m_resourceTitle->setText(u"<b>%1</b><br>%2 · %3 resource(s)"_s.arg(licence.toHtmlEscaped(), dates)
                                     .arg(resources.size()));
    else
        m_resourceTitle->setText(u"<b>%1</b><br>%2 · not loaded"_s.arg(licence.toHtmlEscaped(), dates));
    m_ramp->setSource(m_model, licence, bucket);
}

void UsagePage::selectCell(const QString& licence, int bucket)
{
    const int row = m_model->rowOfLicence(licence);
    if (row < 0)
        return;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, m_model->bucketColumn(bucket)));
    if (!proxyIndex.isValid())
        return;
    m_table->setCurrentIndex(proxyIndex);
    m_table->scrollTo(proxyIndex);
}

void UsagePage::setStackedBars(bool stacked)
{
    m_barsButton->setChecked(stacked);
    m_linesButton->setChecked(!stacked);
    const auto mode = stacked ? UsageChartOptions::Mode::StackedBars : UsageChartOptions::Mode::Lines;
    if (m_chart->options().mode == mode)
        return;
    m_chart->setMode(mode);
    Q_EMIT stackedBarsChanged(stacked);
}

void UsagePage::editLicenceSelection()
{
    QMenu menu(this);
    QStringList pinned = m_chart->options().pinnedLicences;
    QAction* automatic = menu.addAction(u"Top %1 by usage, the rest as “Other”"_s.arg(m_topN->value()));
    automatic->setCheckable(true);
    automatic->setChecked(pinned.isEmpty());
    connect(automatic, &QAction::triggered, this, [this] { m_chart->setPinnedLicences({}); });
    menu.addSeparator();
    QStringList licences;
    for (int row = 0; row < m_model->licenceCount(); ++row)
        licences << m_model->licence(row);
    licences.sort(Qt::CaseInsensitive);
    for (const QString& licence : std::as_const(licences)) {
        const bool metered = m_model->isMetered(m_model->rowOfLicence(licence));
        QAction* action = menu.addAction(metered ? u"%1 (metered, own scale)"_s.arg(licence) : licence);
        action->setCheckable(true);
        action->setChecked(pinned.contains(licence));
        connect(action, &QAction::toggled, this, [this, licence](bool on) {
            QStringList now = m_chart->options().pinnedLicences;
            if (on && !now.contains(licence))
                now << licence;
            if (!on)
                now.removeAll(licence);
            m_chart->setPinnedLicences(now);
        });
    }
    menu.exec(m_licencesButton->mapToGlobal(QPoint(0, m_licencesButton->height())));
}

QString UsagePage::footerText() const
{
    QStringList parts;
    if (!m_provenance.orgName.isEmpty())
        parts << m_provenance.orgName + (m_provenance.demo ? u" (demo data)"_s : QString());
    if (!m_provenance.region.isEmpty())
        parts << m_provenance.region;
    if (m_loadedRange.isValid())
        parts << u"%1 – %2"_s.arg(m_loadedRange.first.toString(Qt::ISODate), m_loadedRange.last.toString(Qt::ISODate));
    parts << granularityAdjective(m_model->granularity());
    const int total = int(m_model->buckets().size());
    const int loaded = m_model->count(UsageSeriesModel::BucketState::Loaded);
    if (loaded < total)
        parts << u"only %1 of %2 reports loaded"_s.arg(loaded).arg(total); // a partial chart must say so
    if (m_updatedAt.isValid())
        parts << u"fetched %1 UTC"_s.arg(m_updatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s));
    parts << u"Billing Dashboard %1"_s.arg(QStringLiteral(BD_VERSION));
    return parts.join(u" · "_s);
}

bool UsagePage::exportCsv(const QString& path, QString* error) const
{
    return TableCsv::build(*m_proxy, UsageSeriesModel::SortRole).save(path, error);
}

bool UsagePage::exportChart(const QString& path, ChartFormat format, QSize size, qreal devicePixelRatio,
                            QString* error) const
{
    const std::unique_ptr<QChart> chart(m_chart->buildChart(QChart::ChartThemeLight));
    const QString footer = footerText();
    switch (format) {
    case ChartFormat::Png:
        return ChartExporter::savePng(chart.get(), path, size, devicePixelRatio, footer, error);
    case ChartFormat::Svg:
        return ChartExporter::saveSvg(chart.get(), path, size, footer, error);
    case ChartFormat::Pdf:
        return ChartExporter::savePdf(chart.get(), path, footer, error);
    }
    return false;
}

void UsagePage::exportInteractively()
{
    const QString csvFilter = u"CSV table (*.csv)"_s, pngFilter = u"PNG image (*.png)"_s,
                  svgFilter = u"SVG image (*.svg)"_s, pdfFilter = u"PDF document (*.pdf)"_s;
    const QString base = u"billable-usage-%1-%2"_s.arg(m_loadedRange.first.toString(Qt::ISODate),
                                                       m_loadedRange.last.toString(Qt::ISODate));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString filter = csvFilter;
    QString path = QFileDialog::getSaveFileName(this, u"Export usage"_s, folder + u'/' + base + u".csv"_s,
                                                QStringList { csvFilter, pngFilter, svgFilter, pdfFilter }.join(u";;"_s),
                                                &filter);
    if (path.isEmpty())
        return;
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix.isEmpty()) {
        suffix = filter == pngFilter ? u"png"_s : filter == svgFilter ? u"svg"_s : filter == pdfFilter ? u"pdf"_s : u"csv"_s;
        path += u'.' + suffix;
    }
    QString error;
    bool ok = false;
    if (suffix == u"png"_s) {
        QSize size(1600, 1000);
        qreal ratio = devicePixelRatioF();
        if (!askImageSize(this, &size, &ratio))
            return;
        ok = exportChart(path, ChartFormat::Png, size, ratio, &error);
    } else if (suffix == u"svg"_s) {
        ok = exportChart(path, ChartFormat::Svg, QSize(1200, 750), 1.0, &error);
    } else if (suffix == u"pdf"_s) {
        ok = exportChart(path, ChartFormat::Pdf, {}, 1.0, &error);
    } else {
        ok = exportCsv(path, &error);
    }
    if (!ok)
        QMessageBox::warning(this, u"Export failed"_s, error);
}

void UsagePage::printInteractively()
{
    QPrinter printer(QPrinter::HighResolution);
    ChartExporter::preparePrinter(&printer);
    const std::unique_ptr<QChart> chart(m_chart->buildChart(QChart::ChartThemeLight));
    const QString footer = footerText();
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(u"Print usage chart"_s);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [&chart, &footer](QPrinter* target) { ChartExporter::print(chart.get(), target, footer); });
    preview.exec();
}

void UsagePage::copySelection()
{
    const QWidget* focus = QApplication::focusWidget();
    const bool drillDown = focus && (focus == m_resourceTable || focus == m_resourceFilter
                                     || m_resourceTable->isAncestorOf(focus));
    QTableView* view = drillDown ? m_resourceTable : m_table;
    const QString text = SelectionText::toTsv(*view->model(), view->selectionModel()->selectedIndexes(), !drillDown);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void UsagePage::setProvenance(const Provenance& provenance)
{
    m_provenance = provenance;
}

void UsagePage::saveSettings(QSettings& settings) const
{
    settings.beginGroup(u"usage"_s);
    m_rangeBar->saveSettings(settings);
    settings.setValue(u"mainSplitter"_s, m_mainSplitter->saveState());
    settings.setValue(u"tableSplitter"_s, m_tableSplitter->saveState());
    settings.setValue(u"resourceHeader"_s, m_resourceTable->horizontalHeader()->saveState());
    settings.setValue(u"sortBy"_s, m_sortBy);
    settings.setValue(u"sortDescending"_s, m_sortOrder == Qt::DescendingOrder);
    settings.setValue(u"stackedBars"_s, m_barsButton->isChecked());
    settings.setValue(u"topN"_s, m_topN->value());
    settings.setValue(u"pinnedLicences"_s, m_chart->options().pinnedLicences);
    settings.endGroup();
}

void UsagePage::restoreSettings(QSettings& settings)
{
    settings.beginGroup(u"usage"_s);
    m_rangeBar->restoreSettings(settings);
    m_mainSplitter->restoreState(settings.value(u"mainSplitter"_s).toByteArray());
    m_tableSplitter->restoreState(settings.value(u"tableSplitter"_s).toByteArray());
    m_resourceTable->horizontalHeader()->restoreState(settings.value(u"resourceHeader"_s).toByteArray());
    setStackedBars(settings.value(u"stackedBars"_s, false).toBool());
    m_topN->setValue(settings.value(u"topN"_s, 8).toInt());
    m_chart->setPinnedLicences(settings.value(u"pinnedLicences"_s).toStringList());
    m_sortBy = settings.value(u"sortBy"_s, u"licence"_s).toString();
    m_sortOrder = settings.value(u"sortDescending"_s, false).toBool() ? Qt::DescendingOrder : Qt::AscendingOrder;
    settings.endGroup();
}

} // namespace bd
