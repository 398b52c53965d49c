#include "ui/usagepage.h"

#include "api/apierror.h"
#include "api/apisession.h"
#include "csv/csvwriter.h"
#include "csv/exportfooter.h"
#include "csv/exportname.h"
#include "csv/tablecsv.h"
#include "csv/usagecsv.h"
#include "domain/datacutoff.h"
#include "load/usageseriescontroller.h"
#include "models/alertsubjects.h"
#include "models/resourcemodel.h"
#include "models/sortproxymodel.h"
#include "models/usageseriesmodel.h"
#include "store/alertledger.h"
#include "store/partnerview.h"
#include "store/reportstore.h"
#include "ui/charts/rampchartview.h"
#include "ui/charts/usagechartview.h"
#include "ui/commitmentsdialog.h"
#include "ui/exportchooser.h"
#include "ui/loadbanner.h"
#include "ui/messagebanner.h"
#include "ui/notelabel.h"
#include "ui/rangebar.h"
#include "ui/resourcepanel.h"
#include "ui/tonedelegate.h"
#include "ui/usagechartpanel.h"

#include <QAbstractButton>
#include <QDir>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// Where the billing-cycle day the user set for one org is kept.
QString cycleDayKey(const StoreScope& scope)
{
    return u"usage/cycleDayOf/%1/%2"_s.arg(scope.region, scope.orgId);
}

} // namespace

UsagePage::UsagePage(ApiSession* session, QWidget* parent)
    : DashboardPage(parent)
    , m_controller(new UsageSeriesController(session->billing(), this))
    , m_proxy(new SortProxyModel(this))
    , m_rangeBar(new RangeBar(this))
    , m_banner(new MessageBanner(this))
    , m_mainSplitter(new QSplitter(Qt::Vertical, this))
    , m_tableSplitter(new QSplitter(Qt::Horizontal, this))
    , m_charts(new UsageChartPanel(m_controller->model(), this))
    , m_filter(new QLineEdit(this))
    , m_commitments(new QPushButton(tr("Co&mmitments…"), this))
    , m_anomalies(new NoteLabel(this))
    , m_idle(new NoteLabel(this))
    , m_table(new QTableView(this))
    , m_resourcePanel(new ResourcePanel(this))
{
    setObjectName(u"usagePage"_s);
    m_banner->setObjectName(u"usageBanner"_s);
    UsageSeriesModel* model = m_controller->model();

    // Table panel: licences × buckets with a filter.
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(UsageSeriesModel::SortRole);
    m_proxy->setFilterKeyColumn(UsageSeriesModel::LicenceColumn);
    m_filter->setObjectName(u"licenceFilter"_s);
    m_filter->setPlaceholderText(tr("Filter licences"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table->setObjectName(u"usageTable"_s);
    m_table->setModel(m_proxy);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control; arrows move between cells
    m_table->setItemDelegate(new ToneDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsageSeriesModel::LicenceColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Licence names sit in the row header, so they stay in view while the buckets scroll sideways.
    m_table->setColumnHidden(UsageSeriesModel::LicenceColumn, true);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    connect(model, &QAbstractItemModel::rowsInserted, this, &UsagePage::fitRowHeaders);
    connect(model, &QAbstractItemModel::modelReset, this, &UsagePage::fitRowHeaders);
    connect(model, &QAbstractItemModel::modelReset, this, &UsagePage::fitColumns);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setDefaultSectionSize(96);
    m_table->horizontalHeader()->setSectionsMovable(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
        [this](int column, Qt::SortOrder order) {
            const UsageSeriesModel* model = m_controller->model();
            if (column == UsageSeriesModel::LicenceColumn || column == model->peakColumn()
                || column == model->averageColumn()) {
                m_sortKey = column == model->peakColumn() ? SortKey::Peak
                    : column == model->averageColumn()    ? SortKey::Average
                                                          : SortKey::Licence;
                m_sortOrder = order;
            }
        });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { showCell(current); });
    connect(m_table, &QTableView::customContextMenuRequested, this, &UsagePage::showTableMenu);
    // The licence names are the row headers; the corner above them sorts by them, A–Z then Z–A.
    if (auto* corner = m_table->findChild<QAbstractButton*>()) {
        corner->disconnect(m_table); // instead of selecting everything
        corner->setObjectName(u"sortByLicence"_s);
        corner->setToolTip(tr("Sort by licence name"));
        connect(corner, &QAbstractButton::clicked, this, [this] {
            const QHeaderView* header = m_table->horizontalHeader();
            const bool ascending = header->sortIndicatorSection() != UsageSeriesModel::LicenceColumn
                || header->sortIndicatorOrder() == Qt::DescendingOrder;
            m_table->sortByColumn(
                UsageSeriesModel::LicenceColumn, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
        });
    }
    auto* tablePanel = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePanel);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_commitments->setObjectName(u"commitmentsButton"_s);
    m_commitments->setToolTip(tr("Enter what your contract commits you to per licence and billing cycle: "
                                 "the table and the chart then show usage against it, and alerts warn "
                                 "before a cycle goes over"));
    connect(m_commitments, &QPushButton::clicked, this, &UsagePage::editCommitments);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_commitments);
    m_anomalies->setObjectName(u"anomalyNote"_s);
    m_idle->setObjectName(u"idleNote"_s);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(m_anomalies);
    tableLayout->addWidget(m_idle);
    tableLayout->addWidget(m_table);

    m_tableSplitter->setObjectName(u"tableSplitter"_s);
    m_tableSplitter->addWidget(tablePanel);
    m_tableSplitter->addWidget(m_resourcePanel);
    m_tableSplitter->setStretchFactor(0, 3);
    m_tableSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_charts);
    m_mainSplitter->addWidget(m_tableSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_rangeBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_mainSplitter, 1);

    connect(m_rangeBar, &RangeBar::loadRequested, this, &UsagePage::refresh);
    // The metered projections come after the load settles: what rests on them is looked at again.
    connect(m_controller, &UsageSeriesController::projectionHistoryLoaded, this, [this] {
        reviewAlerts();
        updateNotes();
        fitColumns();
        Q_EMIT statusChanged();
    });
    // A new range, or new commitments: the notes say what the model now holds.
    connect(model, &QAbstractItemModel::modelReset, this, &UsagePage::updateNotes);
    connect(m_rangeBar, &RangeBar::cycleDayEdited, this, [this](int day) {
        if (m_scope.isValid())
            QSettings().setValue(cycleDayKey(m_scope), day); // this org's, over what a partner's periods say
    });
    connect(m_charts, &UsageChartPanel::stackedBarsChanged, this, &UsagePage::stackedBarsChanged);
    connect(m_charts->chart(), &UsageChartView::bucketClicked, this,
        [this](int bucket, const QString& licence) { selectCell(licence, bucket); });
    connect(m_controller, &UsageSeriesController::bucketLoaded, this, [this](int bucket) {
        // The drill-down follows only the bucket it shows (or, for a summary column, the latest one).
        const QModelIndex current = m_table->currentIndex();
        if (!current.isValid())
            return;
        const UsageSeriesModel* model = m_controller->model();
        const int shown = model->bucketOfColumn(m_proxy->mapToSource(current).column());
        if (shown == bucket || (shown < 0 && bucket == model->buckets().size() - 1))
            showCell(current);
    });
    connect(m_controller, &UsageSeriesController::accessDenied, this, [this](const ApiError& error) {
        m_banner->showMessage(MessageBanner::Kind::Error, error.fullText());
    });
    connect(m_controller, &UsageSeriesController::progressChanged, this, &DashboardPage::statusChanged);
    connect(m_controller, &UsageSeriesController::settled, this, &UsagePage::onSettled);
    connect(m_controller, &UsageSeriesController::storeFailed, this,
        [this](const QString& message) { m_banner->showMessage(MessageBanner::Kind::Warning, message); });
}

UsagePage::~UsagePage() = default;

void UsagePage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitRowHeaders();
}

void UsagePage::fitRowHeaders()
{
    QHeaderView* header = m_table->verticalHeader();
    const QFontMetrics metrics(header->font());
    int widest = metrics.horizontalAdvance(tr("Licence")) * 2;
    const UsageSeriesModel* model = m_controller->model();
    for (int row = 0; row < model->licenceCount(); ++row)
        widest = std::max(widest, metrics.horizontalAdvance(model->licence(row)));
    // Bold for the selected row, and the section's margins.
    const int wanted = widest + metrics.averageCharWidth() * 4;
    header->setFixedWidth(std::clamp(wanted, 160, std::max(160, m_table->width() * 2 / 5)));
}

void UsagePage::fitColumns()
{
    // As wide as the longest line of a bucket's header ("23 Oct – 22 Nov 2026"), so that none is cut.
    QHeaderView* header = m_table->horizontalHeader();
    const QFontMetrics metrics(header->font());
    const UsageSeriesModel* model = m_controller->model();
    int widest = 0;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->bucketOfColumn(column) < 0)
            continue;
        const QString label = model->headerData(column, Qt::Horizontal).toString();
        for (const QString& line : label.split(u'\n'))
            widest = std::max(widest, metrics.horizontalAdvance(line));
    }
    const int padding = metrics.averageCharWidth() * 3;
    header->setDefaultSectionSize(std::clamp(widest + padding, 96, 200));
    // The projection's band ("≈ 169 (168–170)") once it is known: called again when a load settles.
    if (const int projected = model->projectedColumn(); projected >= 0) {
        const QFontMetrics cells(m_table->font());
        int band = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            band = std::max(band, cells.horizontalAdvance(model->index(row, projected).data().toString()));
        header->resizeSection(projected, std::clamp(band + padding, header->defaultSectionSize(), 240));
    }
}

void UsagePage::refresh()
{
    const QString problem = m_rangeBar->validationMessage();
    if (!problem.isEmpty()) {
        if (!m_rangeBar->noDataYet()) // that one the range bar says itself, with what to show instead
            m_banner->showMessage(MessageBanner::Kind::Warning, problem);
        return;
    }
    const DateRange range = m_rangeBar->range();
    const Granularity granularity = m_rangeBar->granularity();
    if (!RangeBar::confirmLoad(this, range, granularity))
        return;
    startLoad(range, granularity);
}

void UsagePage::setLocalTime(bool local)
{
    m_zone = local ? DisplayZone::Local : DisplayZone::Utc;
    m_resourcePanel->setDisplayZone(m_zone);
    Q_EMIT statusChanged();
}

void UsagePage::setToday(QDate today)
{
    m_controller->setToday(today);
    m_rangeBar->setToday(today);
}

void UsagePage::load(const DateRange& range, Granularity granularity)
{
    m_rangeBar->setRange(range);
    m_rangeBar->setGranularity(granularity);
    startLoad(m_rangeBar->range(), granularity);
}

void UsagePage::startLoad(const DateRange& range, Granularity granularity)
{
    m_banner->clear();
    m_resourcePanel->clear();
    m_controller->load(range, granularity, m_rangeBar->tilingCycleDay());
    m_rangeBar->setShownRange(range, granularity, m_rangeBar->tilingCycleDay());
    const UsageSeriesModel* model = m_controller->model();
    m_table->sortByColumn(m_sortKey == SortKey::Peak ? model->peakColumn()
            : m_sortKey == SortKey::Average          ? model->averageColumn()
                                                     : int(UsageSeriesModel::LicenceColumn),
        m_sortOrder);
}

void UsagePage::cancel()
{
    m_controller->cancel(); // onSettled() follows and says what was stopped
}

void UsagePage::onSettled()
{
    LoadBanner::show(m_banner, m_controller->summary(), m_controller->range(),
        m_controller->model()->dataThrough(), [this] {
            m_banner->clear();
            m_controller->retryFailed();
        });
    if (const QDateTime since = m_controller->offlineSince(); since.isValid())
        LoadBanner::showOffline(m_banner, since, m_zone, [this] { refresh(); });
    else if (const QString before = m_controller->model()->leadingEmptyText();
             m_banner->text().isEmpty() && !before.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Info, before);
    reviewAlerts();
    updateNotes();
    fitColumns();
    Q_EMIT statusChanged();
    Q_EMIT loadSettled();
}

PageStatus UsagePage::status() const
{
    const LoadSummary s = m_controller->summary();
    PageStatus status;
    status.total = s.total;
    status.done = s.loaded + s.failed + s.cancelled;
    status.busy = m_controller->isRunning();
    status.text = LoadBanner::statusText(s, m_controller->servedFromStore(),
        m_controller->model()->dataThrough(), m_controller->updatedAt(), m_zone);
    return status;
}

void UsagePage::showTableMenu(const QPoint& pos)
{
    const UsageSeriesModel* model = m_controller->model();
    const QModelIndex index = m_table->indexAt(pos);
    const int bucket = index.isValid() ? model->bucketOfColumn(m_proxy->mapToSource(index).column()) : -1;
    QMenu menu(this);
    QAction* copy = menu.addAction(tr("Copy"), this, &UsagePage::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    menu.addAction(tr("Sort by licence name"), this,
        [this] { m_table->sortByColumn(UsageSeriesModel::LicenceColumn, Qt::AscendingOrder); });
    if (bucket >= 0) {
        const BucketState state = model->bucketState(bucket);
        QAction* retry
            = menu.addAction(tr("Retry this bucket"), this, [this, bucket] { m_controller->retry(bucket); });
        retry->setEnabled(state == BucketState::Failed || state == BucketState::Cancelled);
    }
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void UsagePage::showCell(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    UsageSeriesModel* model = m_controller->model();
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    int bucket = model->bucketOfColumn(source.column());
    // The licence, peak or average column: show the latest bucket that loaded.
    for (int b = int(model->buckets().size()) - 1; b >= 0 && bucket < 0; --b) {
        if (model->bucketState(b) == BucketState::Loaded)
            bucket = b;
    }
    if (bucket < 0)
        return;
    m_resourcePanel->showCell(*model, source.row(), bucket);
    m_shownRow = source.row();
    m_shownBucket = bucket;
    m_charts->ramp()->setSource(model, model->licence(source.row()), bucket);
}

void UsagePage::selectCell(const QString& licence, int bucket)
{
    const UsageSeriesModel* model = m_controller->model();
    const int row = model->rowOfLicence(licence);
    if (row < 0)
        return;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(model->index(row, model->bucketColumn(bucket)));
    if (!proxyIndex.isValid())
        return;
    m_table->setCurrentIndex(proxyIndex);
    m_table->scrollTo(proxyIndex);
}

void UsagePage::setStackedBars(bool stacked)
{
    m_charts->setStackedBars(stacked);
}

QString UsagePage::footerText() const
{
    const UsageSeriesModel* model = m_controller->model();
    const DateRange range = m_controller->range();
    QStringList subject;
    if (range.isValid())
        subject << u"%1 – %2"_s.arg(range.first.toString(Qt::ISODate), range.last.toString(Qt::ISODate));
    subject << RangeBar::granularityAdjective(model->granularity()) + tr(" UTC days");
    if (model->dataThrough().isValid())
        subject << tr("data through %1").arg(UsageSeriesModel::dayText(model->dataThrough()));
    if (const int open = model->partialBucket(); open >= 0)
        subject << tr("%1 is to date").arg(model->bucketLabel(open));
    if (const LoadSummary s = m_controller->summary(); s.loaded < s.total)
        subject << tr("only %1 of %n report(s) loaded", nullptr, s.total)
                       .arg(s.loaded); // a partial chart must say so
    return ExportFooter::build(subject, m_provenance, m_controller->updatedAt());
}

bool UsagePage::exportCsv(const QString& path, QString* error) const
{
    return TableCsv::build(*m_proxy, UsageSeriesModel::SortRole).save(path, error);
}

bool UsagePage::exportLongCsv(const QString& path, QString* error) const
{
    const UsageSeriesModel* model = m_controller->model();
    const auto reports = model->totalsAsReports();
    if (!reports || model->buckets().isEmpty()) {
        if (error)
            *error = tr("Not every report has loaded: the long table is written for a whole load only.");
        return false;
    }
    return UsageCsv::build(model->buckets(), *reports, model->granularity(), model->dataThrough())
        .save(path, error);
}

bool UsagePage::exportResourcesCsv(const QString& path, QString* error) const
{
    const UsageSeriesModel* model = m_controller->model();
    const QAbstractItemModel* resources = m_resourcePanel->table()->model();
    if (m_shownRow < 0 || m_shownRow >= model->licenceCount() || resources->rowCount() == 0) {
        if (error)
            *error = tr("Select a cell with users or devices first: the list is empty.");
        return false;
    }
    const DateBucket bucket = model->buckets().value(m_shownBucket);
    // The columns' names are the long CSV's own (UsageCsv::header()): Licence, Bucket start, Bucket end.
    const QStringList names = UsageCsv::header();
    return TableCsv::build(*resources, ResourceModel::SortRole,
        { { names.at(2), model->licence(m_shownRow) }, { names.at(0), bucket.first.toString(Qt::ISODate) },
            { names.at(1), bucket.last.toString(Qt::ISODate) } })
        .save(path, error);
}

bool UsagePage::exportChart(
    const QString& path, ChartFormat format, QSize size, qreal devicePixelRatio, QString* error) const
{
    return ChartExporter::save(*m_charts->chart(), path, format, size, devicePixelRatio, footerText(), error);
}

void UsagePage::exportInteractively()
{
    const DateRange range = m_controller->range();
    ExportChooser chooser(this, tr("Export usage"),
        ExportName::suggest(u"billable-usage"_s, m_provenance.orgName, range.first, range.last));
    chooser.addTable(
        tr("Usage table"), [this](const QString& path, QString* error) { return exportCsv(path, error); });
    chooser.addTable(tr("Usage, long format (a row per licence and bucket)"),
        [this](const QString& path, QString* error) { return exportLongCsv(path, error); });
    chooser.addTable(tr("Users and devices of the selected cell"),
        [this](const QString& path, QString* error) { return exportResourcesCsv(path, error); });
    chooser.addChart(tr("Usage chart"), m_charts->chart(), footerText());
    const int ramp = chooser.addChart(tr("Ramp chart"), m_charts->ramp(), footerText());
    if (m_charts->showsRamp())
        chooser.preselect(ramp);
    if (const QString path = chooser.exec(); !path.isEmpty())
        m_banner->showMessage(
            MessageBanner::Kind::Info, tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void UsagePage::printInteractively()
{
    // What is on screen: the ramp alone, or the chart with the table under it.
    if (m_charts->showsRamp())
        ExportChooser::print(this, *m_charts->ramp(), tr("Print ramp chart"), footerText());
    else
        ExportChooser::print(this, m_charts->chart(), ExportChooser::tableHtml(*m_table, true),
            tr("Print usage"), footerText());
}

void UsagePage::copySelection()
{
    const bool drillDown = m_resourcePanel->hasFocusInside();
    ExportChooser::copySelection(drillDown ? *m_resourcePanel->table() : *m_table, !drillDown);
}

void UsagePage::setProvenance(const Provenance& provenance)
{
    m_provenance = provenance;
}

void UsagePage::setStore(ReportStore* store, const StoreScope& scope)
{
    m_controller->setStore(store, scope);
    m_store = store;
    m_scope = scope;
    m_partnerView.reset();
    if (store && scope.isValid()) {
        if (auto view = PartnerView::of(*store, scope))
            m_partnerView = std::make_shared<const PartnerView>(std::move(*view));
    }
    UsageSeriesModel* model = m_controller->model();
    model->setPrepayPrices(m_partnerView ? m_partnerView->prepayPrices() : QHash<QString, PrepayPrice>());
    model->setCommitments(store && scope.isValid() ? store->commitments(scope) : QList<LicenceCommitment>(),
        model->threshold());
    applyCycleDay();
}

void UsagePage::applyCycleDay()
{
    if (!m_scope.isValid())
        return;
    if (const QVariant entered = QSettings().value(cycleDayKey(m_scope)); entered.isValid()) {
        m_rangeBar->setCycleDay(std::clamp(entered.toInt(), 1, 31), tr("You set it for this org."));
        return;
    }
    if (const std::optional<int> learnt = m_partnerView ? m_partnerView->cycleDay() : std::nullopt)
        m_rangeBar->setCycleDay(
            *learnt, tr("Day %1 learnt from %2.").arg(*learnt).arg(m_partnerView->sourceText()));
}

void UsagePage::updateNotes()
{
    const UsageSeriesModel* model = m_controller->model();
    m_anomalies->setNote(model->anomalyText());
    m_idle->setNote(model->idleText());
}

void UsagePage::editCommitments()
{
    UsageSeriesModel* model = m_controller->model();
    QStringList licences;
    for (int row = 0; row < model->licenceCount(); ++row)
        licences << model->licence(row);
    licences.sort(Qt::CaseInsensitive);
    CommitmentsDialog dialog(model->commitments(), licences, model->threshold(), this);
    if (m_partnerView)
        dialog.offerImport(m_partnerView->prepaidCommitments(), m_partnerView->sourceText());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!m_store || !m_scope.isValid())
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("The commitments hold until the window closes: without the local store they are not kept."));
    else if (!m_store->putCommitments(m_scope, dialog.commitments(), &error))
        m_banner->showMessage(
            MessageBanner::Kind::Error, tr("The commitments could not be kept: %1").arg(error));
    model->setCommitments(dialog.commitments(), dialog.thresholdPercent()); // the chart follows the reset
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        showCell(current); // the drill-down's "past the commitment" follows the new figures
    else
        m_resourcePanel->clear();
    reviewAlerts();
}

void UsagePage::reviewAlerts()
{
    if (!m_store || !m_scope.isValid())
        return; // nothing remembered: every look would tell the same again
    const UsageSeriesModel* model = m_controller->model();
    const QList<AlertSubject> subjects
        = AlertSubjects::ofUsage(*model, DataCutoff::lastCompleteDay(m_controller->today()));
    AlertLedger ledger(m_store, m_scope);
    QString error;
    const QStringList news = ledger.news(subjects, QDateTime::currentDateTimeUtc(), &error);
    if (!error.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Warning, error);
    if (!news.isEmpty())
        Q_EMIT alertsRaised(news);
}

void UsagePage::setOffline(bool offline)
{
    m_controller->setOffline(offline);
}

void UsagePage::refetchEverything()
{
    m_controller->refetchEverythingOnce();
    refresh();
}

void UsagePage::saveSettings(QSettings& settings) const
{
    settings.beginGroup(u"usage"_s);
    m_rangeBar->saveSettings(settings);
    settings.setValue(u"mainSplitter"_s, m_mainSplitter->saveState());
    settings.setValue(u"tableSplitter"_s, m_tableSplitter->saveState());
    m_resourcePanel->saveSettings(settings);
    settings.setValue(u"sortBy"_s,
        m_sortKey == SortKey::Peak          ? u"peak"_s
            : m_sortKey == SortKey::Average ? u"average"_s
                                            : u"licence"_s);
    settings.setValue(u"sortDescending"_s, m_sortOrder == Qt::DescendingOrder);
    settings.setValue(u"commitmentThreshold"_s, m_controller->model()->threshold());
    m_charts->saveSettings(settings);
    settings.endGroup();
}

void UsagePage::restoreSettings(QSettings& settings)
{
    settings.beginGroup(u"usage"_s);
    m_rangeBar->restoreSettings(settings);
    m_mainSplitter->restoreState(settings.value(u"mainSplitter"_s).toByteArray());
    m_tableSplitter->restoreState(settings.value(u"tableSplitter"_s).toByteArray());
    m_resourcePanel->restoreSettings(settings);
    m_charts->restoreSettings(settings);
    const QString sortBy = settings.value(u"sortBy"_s).toString();
    m_sortKey = sortBy == u"peak"_s ? SortKey::Peak
        : sortBy == u"average"_s    ? SortKey::Average
                                    : SortKey::Licence;
    m_sortOrder
        = settings.value(u"sortDescending"_s, false).toBool() ? Qt::DescendingOrder : Qt::AscendingOrder;
    UsageSeriesModel* model = m_controller->model();
    model->setCommitments(model->commitments(),
        std::clamp(
            settings.value(u"commitmentThreshold"_s, Commitments::DefaultThresholdPercent).toInt(), 1, 100));
    settings.endGroup();
}

} // namespace bd
