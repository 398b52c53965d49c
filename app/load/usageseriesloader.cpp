#include "load/usageseriesloader.h"

#include "api/billingapi.h"
#include "api/usagereportjob.h"
#include "domain/billingusagereport.h"
#include "store/reportstore.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>

namespace bd {

namespace {

// Stored reports are parsed one at a time, as big answers are (UsageReportJob): a parse holds a whole
// document tree.
QThreadPool& storedBodyParser()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(1);
    return pool;
}

} // namespace

UsageSeriesLoader::UsageSeriesLoader(BillingApi* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{ }

UsageSeriesLoader::~UsageSeriesLoader()
{
    for (const auto& job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

int UsageSeriesLoader::count(BucketState state) const
{
    return int(std::count(m_states.cbegin(), m_states.cend(), state));
}

void UsageSeriesLoader::setStore(ReportStore* store, const StoreScope& scope)
{
    m_store = scope.isValid() ? store : nullptr;
    m_scope = scope;
}

void UsageSeriesLoader::load(const QList<DateBucket>& buckets)
{
    cancel();
    ++m_generation;
    m_buckets = buckets;
    m_states = QList<BucketState>(buckets.size(), BucketState::Pending);
    m_jobs = QList<QPointer<UsageReportJob>>(buckets.size());
    m_storedAt = QList<QDateTime>(buckets.size());
    m_copyPending = QList<bool>(buckets.size(), false);
    m_heldFailures.clear();
    m_servedFromStore = 0;
    m_fetched = 0;
    for (int i = 0; i < buckets.size(); ++i) {
        if (!serveFromStore(i))
            startBucket(i);
    }
    Q_EMIT progressChanged();
    if (!isRunning())
        Q_EMIT finished();
}

bool UsageSeriesLoader::serveFromStore(int index)
{
    if (!m_store || m_refetch == Refetch::Everything)
        return false;
    const DateBucket& bucket = m_buckets.at(index);
    const auto stored = m_store->usageBody(m_scope, bucket.start(), bucket.end());
    if (!stored && m_refetch != Refetch::Nothing)
        return false;
    const quint64 generation = m_generation;
    if (!stored) {
        // Announced from the event loop, like an answer: the caller connects after load() returns.
        QMetaObject::invokeMethod(
            this,
            [this, generation, index] {
                if (generation == m_generation)
                    failNotStored(index);
            },
            Qt::QueuedConnection);
        return true;
    }
    const bool final = stored->isFinal || m_refetch == Refetch::Nothing;
    m_copyPending[index] = true;
    // Parsed off the GUI thread, one at a time (a large org's year is hundreds of megabytes of JSON); the
    // bucket stays Pending until its report is handed out. storedAt() is set when it is, so a cancel before
    // then leaves nothing that looks shown.
    using Result = Parsed<BillingUsageReport>;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this,
        [this, watcher, generation, index, final, fetchedAt = stored->fetchedAt] {
            watcher->deleteLater();
            if (generation != m_generation || !m_copyPending.value(index))
                return; // a new load, a cancel, or the fresh report came first
            m_copyPending[index] = false;
            const Result parsed = watcher->result();
            if (!parsed.ok()) {
                // Written by a parser that read it differently: as good as not stored.
                if (m_refetch == Refetch::Nothing)
                    failNotStored(index);
                else if (final)
                    startBucket(index);
                else
                    settleHeldFailure(index);
                return;
            }
            m_storedAt[index] = fetchedAt;
            if (final) {
                ++m_servedFromStore;
                settle(index, BucketState::Loaded, [&] { Q_EMIT bucketLoaded(index, parsed.value()); });
                return;
            }
            // Shown until the fresh report arrives.
            Q_EMIT bucketLoaded(index, parsed.value());
            if (generation == m_generation)
                settleHeldFailure(index);
        });
    // Queued compressed: a year of a large org waits in the queue at the size it has on disk.
    watcher->setFuture(QtConcurrent::run(&storedBodyParser(), [stored = *stored, resources = m_resources] {
        return BillingUsageReport::fromJson(stored.body(), resources);
    }));
    return final;
}

void UsageSeriesLoader::failNotStored(int index)
{
    const DateBucket& bucket = m_buckets.at(index);
    settle(index, BucketState::Failed, [&] {
        Q_EMIT bucketFailed(index,
            ApiError(ApiError::Kind::Config,
                tr("The local store has no report for %1 – %2.")
                    .arg(bucket.start().date().toString(Qt::ISODate),
                        bucket.end().addMSecs(-1).date().toString(Qt::ISODate))));
    });
}

void UsageSeriesLoader::retry(int index)
{
    if (index < 0 || index >= m_buckets.size())
        return;
    const BucketState state = m_states.at(index);
    if (state != BucketState::Failed && state != BucketState::Cancelled)
        return;
    m_states[index] = BucketState::Pending;
    if (!serveFromStore(index))
        startBucket(index);
    Q_EMIT progressChanged();
}

void UsageSeriesLoader::cancel()
{
    ++m_generation;
    m_heldFailures.clear();
    bool changed = false;
    for (int i = 0; i < m_copyPending.size(); ++i)
        m_copyPending[i] = false;
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (UsageReportJob* job = m_jobs.at(i)) {
            job->disconnect(this);
            job->cancel();
            m_jobs[i] = nullptr;
        }
        if (m_states.at(i) == BucketState::Pending || m_states.at(i) == BucketState::Generating) {
            m_states[i] = BucketState::Cancelled;
            changed = true;
        }
    }
    if (changed) {
        Q_EMIT progressChanged();
        Q_EMIT finished();
    }
}

void UsageSeriesLoader::startBucket(int index)
{
    const DateBucket& bucket = m_buckets.at(index);
    UsageReportJob* job = m_api->fetchUsageReport(bucket.start(), bucket.end());
    job->setResources(m_resources); // parsed when the answer comes, after this
    m_jobs[index] = job;
    // Each handler checks that the job is still the bucket's (not cancelled, not replaced by a new load).
    connect(job, &UsageReportJob::generating, this, [this, index, job](int attempt) {
        if (m_jobs.value(index) != job)
            return;
        m_states[index] = BucketState::Generating;
        const quint64 generation = m_generation;
        Q_EMIT bucketGenerating(index, attempt);
        if (generation == m_generation)
            Q_EMIT progressChanged();
    });
    connect(job, &UsageReportJob::reportReady, this, [this, index, job](const BillingUsageReport& report) {
        if (m_jobs.value(index) != job)
            return;
        ++m_fetched;
        m_storedAt[index] = QDateTime();
        m_copyPending[index] = false;
        m_heldFailures.remove(index);
        if (m_store) {
            QString problem;
            const QDateTime now = m_now ? m_now() : QDateTime::currentDateTimeUtc();
            if (!m_store->putUsageReport(
                    m_scope, job->startDate(), job->endDate(), job->body(), now, &problem))
                Q_EMIT storeFailed(problem);
        }
        settle(index, BucketState::Loaded, [&] { Q_EMIT bucketLoaded(index, report); });
    });
    connect(job, &ApiJob::failed, this, [this, index, job](const ApiError& error) {
        if (m_jobs.value(index) != job)
            return;
        if (m_copyPending.value(index)) {
            // The stored copy is still being read: it is handed out first, then the failure of its refresh.
            m_jobs[index] = nullptr;
            m_heldFailures.insert(index, error);
            return;
        }
        settle(index, BucketState::Failed, [&] { Q_EMIT bucketFailed(index, error); });
    });
}

void UsageSeriesLoader::settleHeldFailure(int index)
{
    const auto held = m_heldFailures.constFind(index);
    if (held == m_heldFailures.cend())
        return;
    const ApiError error = held.value();
    m_heldFailures.erase(held);
    settle(index, BucketState::Failed, [&] { Q_EMIT bucketFailed(index, error); });
}

void UsageSeriesLoader::settle(int index, BucketState state, const std::function<void()>& announce)
{
    // The state is final before anyone hears of it, and a slot that cancels or restarts the load (a new
    // generation) has already said everything: nothing more is emitted for the old one.
    m_states[index] = state;
    m_jobs[index] = nullptr;
    const quint64 generation = m_generation;
    announce();
    if (generation != m_generation)
        return;
    Q_EMIT progressChanged();
    if (!isRunning())
        Q_EMIT finished();
}

} // namespace bd
