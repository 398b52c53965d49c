#pragma once

#include "api/apierror.h"
#include "domain/billingusagereport.h"
#include "domain/bucketstate.h"
#include "domain/datebucket.h"
#include "store/storescope.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace bd {

class BillingApi;
class ReportStore;
class UsageReportJob;

/// Loads one billable-usage report per date bucket through the API layer (its rate limiter, concurrency cap
/// and InProgress polling) and streams each report out as it completes. A failed bucket can be retried alone;
/// cancel() stops every outstanding request.
///
/// With a local store, every report fetched is kept, and a bucket whose stored report is final (fetched after
/// its window had passed the data cut-off) is served from the store with no request. A stored report that was
/// not final yet is handed out at once, marked with its fetch time (storedAt()), and fetched again.
class UsageSeriesLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageSeriesLoader)

public:
    using BucketState = bd::BucketState;

    explicit UsageSeriesLoader(BillingApi* api, QObject* parent = nullptr);
    ~UsageSeriesLoader() override;

    /// Which stored reports are asked for again.
    enum class Refetch {
        Changing, ///< only what can still change: reports that were not final when stored
        Everything, ///< every bucket, stored or not
        Nothing, ///< none: offline, the store alone answers and a bucket it lacks fails
    };
    /// Keeps and serves reports in `store` for `scope`; nullptr (or an invalid scope) uses none.
    void setStore(ReportStore* store, const StoreScope& scope);
    void setRefetch(Refetch refetch) { m_refetch = refetch; }
    /// What reports handed out keep of their resources (all by default). With less, the rest stays in the
    /// store, for UsageSeriesModel::setResourceSource().
    void setResources(BillingUsageReport::Resources resources) { m_resources = resources; }
    /// The clock that stamps each fetch (UTC); the system clock when unset.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    /// Starts loading these buckets; a load under way is cancelled first.
    void load(const QList<DateBucket>& buckets);
    /// Asks again for one bucket that failed or was cancelled.
    void retry(int index);
    /// Stops every outstanding request; their buckets become Cancelled.
    void cancel();

    const QList<DateBucket>& buckets() const { return m_buckets; }
    BucketState state(int index) const { return m_states.value(index, BucketState::Pending); }
    bool isRunning() const { return count(BucketState::Pending) + count(BucketState::Generating) > 0; }
    int count(BucketState state) const;
    /// When the report handed out for this bucket was fetched, if it came from the store; invalid when it
    /// came from the network in this load (or has not come).
    QDateTime storedAt(int index) const { return m_storedAt.value(index); }
    /// Buckets answered by the store without a request, and reports fetched from the network, in this load.
    int servedFromStore() const { return m_servedFromStore; }
    int fetched() const { return m_fetched; }

Q_SIGNALS:
    void bucketLoaded(int index, const bd::BillingUsageReport& report);
    void bucketFailed(int index, const bd::ApiError& error);
    /// Genesys answered InProgress for this bucket; it will be asked again.
    void bucketGenerating(int index, int attempt);
    /// Counts changed (for progress bars and status lines).
    void progressChanged();
    /// Nothing is outstanding any more: every bucket loaded, failed or was cancelled.
    void finished();
    /// A report could not be kept in the store (the load goes on without it).
    void storeFailed(const QString& message);

private:
    /// Hands out the stored report of a bucket, if any; true when no request is needed for it.
    bool serveFromStore(int index);
    void startBucket(int index);
    /// Offline, a bucket the store lacks fails with that reason.
    void failNotStored(int index);
    void settle(int index, BucketState state, const std::function<void()>& announce);
    /// Announces a refresh failure that came while the bucket's stored copy was still being read.
    void settleHeldFailure(int index);

    BillingApi* m_api;
    QList<DateBucket> m_buckets;
    QList<BucketState> m_states;
    QList<QPointer<UsageReportJob>> m_jobs;
    QList<QDateTime> m_storedAt;
    QList<bool> m_copyPending; ///< a stored copy is being read for this bucket and has not been handed out
    QHash<int, ApiError> m_heldFailures; ///< refresh failures that wait for their bucket's stored copy
    ReportStore* m_store = nullptr;
    StoreScope m_scope;
    Refetch m_refetch = Refetch::Changing;
    BillingUsageReport::Resources m_resources = BillingUsageReport::Resources::Keep;
    std::function<QDateTime()> m_now;
    int m_servedFromStore = 0;
    int m_fetched = 0;
    quint64 m_generation = 0; ///< bumped by load() and cancel(); handlers of an older one stay silent
};

} // namespace bd
