#include "load/usageseriescontroller.h"

#include "domain/datacutoff.h"
#include "domain/datebuckets.h"
#include "domain/projection.h"
#include "domain/utc.h"
#include "load/usageseriesloader.h"
#include "models/usageseriesmodel.h"
#include "store/reportstore.h"

#include <QSignalBlocker>

namespace bd {

UsageSeriesController::UsageSeriesController(BillingApi* api, QObject* parent)
    : QObject(parent)
    , m_loader(new UsageSeriesLoader(api, this))
    , m_sameDayLoader(new UsageSeriesLoader(api, this))
    , m_model(new UsageSeriesModel(this))
{
    m_sameDayLoader->setResources(BillingUsageReport::Resources::Drop); // totals are all a projection needs
    connect(m_sameDayLoader, &UsageSeriesLoader::bucketLoaded, this,
        [this](int index, const BillingUsageReport& report) {
            m_model->setSameDayReport(m_sameDayAsked.value(index), report);
        });
    connect(m_sameDayLoader, &UsageSeriesLoader::finished, this, [this] {
        m_model->setSameDayLoading(false);
        Q_EMIT projectionHistoryLoaded();
    });
    connect(m_loader, &UsageSeriesLoader::bucketLoaded, this,
        [this](int bucket, const BillingUsageReport& report) {
            m_model->setReport(bucket, report);
            m_failures.remove(bucket);
            m_staleFailures.remove(bucket);
            const QDateTime fetchedAt = m_loader->storedAt(bucket);
            const QDateTime at = fetchedAt.isValid() ? fetchedAt : QDateTime::currentDateTimeUtc();
            if (!m_updatedAt.isValid() || at > m_updatedAt)
                m_updatedAt = at;
            Q_EMIT bucketLoaded(bucket);
        });
    connect(m_loader, &UsageSeriesLoader::bucketGenerating, this, [this](int bucket) {
        if (m_model->bucketState(bucket) != BucketState::Loaded) // a refresh keeps the figures shown
            m_model->setBucketState(bucket, BucketState::Generating);
    });
    connect(m_loader, &UsageSeriesLoader::bucketFailed, this, &UsageSeriesController::onBucketFailed);
    connect(m_loader, &UsageSeriesLoader::progressChanged, this, &UsageSeriesController::progressChanged);
    connect(m_loader, &UsageSeriesLoader::finished, this, &UsageSeriesController::onFinished);
    connect(m_loader, &UsageSeriesLoader::storeFailed, this, &UsageSeriesController::storeFailed);
}

UsageSeriesController::~UsageSeriesController() = default;

void UsageSeriesController::load(const DateRange& range, Granularity granularity, int cycleDay)
{
    {
        // The load being replaced does not settle in anyone's eyes: the new one will.
        const QSignalBlocker quiet(m_loader);
        const QSignalBlocker quietToo(m_sameDayLoader);
        m_loader->cancel();
        m_sameDayLoader->cancel();
    }
    m_model->setSameDayLoading(false);
    m_failures.clear();
    m_staleFailures.clear();
    const QDateTime keptUpdatedAt = m_updatedAt; // what F5 keeps on screen was fetched then
    m_updatedAt = QDateTime();
    m_accessDenied = false;
    m_range = range;
    m_loader->setRefetch(m_offline ? UsageSeriesLoader::Refetch::Nothing
            : m_refetchEverything  ? UsageSeriesLoader::Refetch::Everything
                                   : UsageSeriesLoader::Refetch::Changing);
    m_refetchEverything = false;
    const QList<DateBucket> buckets = DateBuckets::tile(range.first, range.last, granularity, cycleDay);
    // The same buckets again (F5): what is shown stays until each fresh report replaces it.
    const bool again = buckets == m_model->buckets() && granularity == m_model->granularity()
        && cycleDay == m_model->cycleDay();
    if (!again)
        m_model->setBuckets(buckets, granularity, cycleDay);
    m_keptUpdatedAt = again ? keptUpdatedAt : QDateTime();
    m_model->setDataThrough(DataCutoff::lastCompleteDay(today()));
    m_loader->load(buckets);
    Q_EMIT progressChanged();
}

void UsageSeriesController::setStore(ReportStore* store, const StoreScope& scope)
{
    m_loader->setStore(store, scope);
    m_sameDayLoader->setStore(store, scope);
    // With a store, the model holds totals and first-seen dates; a cell's users and devices are read when it
    // is shown.
    const bool onDemand = store && scope.isValid();
    m_loader->setResources(
        onDemand ? BillingUsageReport::Resources::Dates : BillingUsageReport::Resources::Keep);
    if (!onDemand) {
        m_model->setResourceSource({});
    } else {
        m_model->setResourceSource([this, store, scope](int bucket, const QString& licence) {
            QList<BillingUsageResource> resources;
            const DateBucket window = m_model->buckets().value(bucket);
            const auto entry = store->usageReport(scope, window.start(), window.end());
            if (!entry)
                return resources;
            for (const BillingUsage& usage : entry->report.usages) {
                if (usage.name == licence)
                    resources += usage.resources;
            }
            return resources;
        });
    }
    const auto clock = [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return m_today.isValid() ? QDateTime(m_today, now.time(), UtcZone) : now;
    };
    m_loader->setClock(clock);
    m_sameDayLoader->setClock(clock);
}

int UsageSeriesController::servedFromStore() const
{
    return m_loader->servedFromStore();
}

int UsageSeriesController::fetched() const
{
    return m_loader->fetched();
}

QDateTime UsageSeriesController::storedAt(int bucket) const
{
    return m_loader->storedAt(bucket);
}

QDateTime UsageSeriesController::offlineSince() const
{
    QDateTime oldest;
    for (auto it = m_staleFailures.cbegin(); it != m_staleFailures.cend(); ++it) {
        const ApiError::Reason reason = it.value().reason();
        if (reason != ApiError::Reason::Unreachable && reason != ApiError::Reason::TimedOut)
            continue;
        const QDateTime at = m_loader->storedAt(it.key());
        if (!oldest.isValid() || at < oldest)
            oldest = at;
    }
    return oldest;
}

QDate UsageSeriesController::today() const
{
    return m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().date();
}

bool UsageSeriesController::retry(int bucket)
{
    const BucketState state = m_model->bucketState(bucket);
    if (state != BucketState::Failed && state != BucketState::Cancelled)
        return false;
    m_failures.remove(bucket);
    m_accessDenied = false;
    m_model->setBucketState(bucket, BucketState::Pending);
    m_loader->retry(bucket);
    Q_EMIT progressChanged();
    return true;
}

void UsageSeriesController::retryFailed()
{
    for (int bucket = 0; bucket < m_model->buckets().size(); ++bucket)
        retry(bucket);
}

bool UsageSeriesController::cancel()
{
    m_sameDayLoader->cancel();
    if (!m_loader->isRunning())
        return false;
    m_loader->cancel(); // onFinished() follows and marks the buckets it stopped
    return true;
}

bool UsageSeriesController::isRunning() const
{
    return m_loader->isRunning();
}

bool UsageSeriesController::isProjecting() const
{
    return m_sameDayLoader->isRunning();
}

LoadSummary UsageSeriesController::summary() const
{
    QList<BucketState> states;
    for (int bucket = 0; bucket < m_model->buckets().size(); ++bucket) {
        // A bucket being fetched again counts as under way, though its earlier figures stay on screen.
        const BucketState loading = m_loader->state(bucket);
        states << (loading == BucketState::Pending || loading == BucketState::Generating
                ? loading
                : m_model->bucketState(bucket));
    }
    return LoadSummary::of(states, m_failures, m_model->licenceCount() > 0);
}

void UsageSeriesController::onBucketFailed(int bucket, const ApiError& error)
{
    if (m_loader->storedAt(bucket).isValid()) {
        // The stored report stays on screen, marked with its fetch time; only its refresh failed.
        m_model->setBucketState(bucket, BucketState::Loaded);
        if (error.kind() != ApiError::Kind::Cancelled)
            m_staleFailures.insert(bucket, error);
    } else if (error.kind() == ApiError::Kind::Cancelled) {
        if (m_model->bucketState(bucket) != BucketState::Loaded) // a cancelled refresh keeps its figures
            m_model->setBucketState(bucket, BucketState::Cancelled);
        return;
    } else {
        m_model->setBucketFailed(bucket, error.userMessage());
        m_failures.insert(bucket, error);
    }
    if (error.affectsWholeOrg() && !m_accessDenied) {
        m_accessDenied = true;
        Q_EMIT accessDenied(error);
        m_loader->cancel();
    }
}

void UsageSeriesController::onFinished()
{
    // A refresh that brought nothing new (cancelled, say) leaves the figures it kept, with their time.
    if (!m_updatedAt.isValid())
        m_updatedAt = m_keptUpdatedAt;
    for (int bucket = 0; bucket < m_model->buckets().size(); ++bucket) {
        // A cancelled refresh keeps the figures it was refreshing.
        if (m_loader->state(bucket) == BucketState::Cancelled && !m_loader->storedAt(bucket).isValid()
            && m_model->bucketState(bucket) != BucketState::Loaded)
            m_model->setBucketState(bucket, BucketState::Cancelled);
    }
    // Stopped (a cancel, a refusal for the whole org): nothing more is asked for.
    const bool stopped = m_accessDenied || m_loader->count(BucketState::Cancelled) > 0;
    if (!stopped)
        loadSameDayWindows(); // before settled(), so that what settles already says the figures are coming
    Q_EMIT progressChanged();
    Q_EMIT settled();
}

void UsageSeriesController::loadSameDayWindows()
{
    {
        const QSignalBlocker quiet(m_sameDayLoader); // a fetch under way is replaced, not finished
        m_sameDayLoader->cancel();
    }
    m_sameDayAsked.clear();
    QList<DateBucket> windows;
    const QList<UsageSeriesModel::SameDayWindow> wanted = m_model->sameDayWindows();
    if (wanted.size() < Projections::MinimumHistory) {
        m_model->setSameDayLoading(false);
        return; // too few earlier periods in the range to make a band of
    }
    for (const UsageSeriesModel::SameDayWindow& w : wanted) {
        if (m_model->bucketState(w.bucket) != BucketState::Loaded || m_model->hasSameDay(w))
            continue;
        m_sameDayAsked << w;
        windows << w.window;
    }
    bool metered = false;
    for (int row = 0; row < m_model->licenceCount() && !metered; ++row)
        metered = m_model->isMetered(row);
    if (windows.isEmpty() || !metered) {
        m_model->setSameDayLoading(false);
        return;
    }
    m_model->setSameDayLoading(true);
    m_sameDayLoader->setRefetch(
        m_offline ? UsageSeriesLoader::Refetch::Nothing : UsageSeriesLoader::Refetch::Changing);
    m_sameDayLoader->load(windows);
}

} // namespace bd
