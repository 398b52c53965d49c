#pragma once

#include "api/apierror.h"
#include "domain/billingusagereport.h"
#include "domain/bucketstate.h"
#include "domain/datebucket.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace bd {

class BillingApi;
class UsageReportJob;

/// Loads one billable-usage report per date bucket through the API layer (its rate limiter, concurrency cap
/// and InProgress polling) and streams each report out as it completes. A failed bucket can be retried alone;
/// cancel() stops every outstanding request.
class UsageSeriesLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageSeriesLoader)

public:
    using BucketState = bd::BucketState;

    explicit UsageSeriesLoader(BillingApi* api, QObject* parent = nullptr);
    ~UsageSeriesLoader() override;

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

Q_SIGNALS:
    void bucketLoaded(int index, const bd::BillingUsageReport& report);
    void bucketFailed(int index, const bd::ApiError& error);
    /// Genesys answered InProgress for this bucket; it will be asked again.
    void bucketGenerating(int index, int attempt);
    /// Counts changed (for progress bars and status lines).
    void progressChanged();
    /// Nothing is outstanding any more: every bucket loaded, failed or was cancelled.
    void finished();

private:
    void startBucket(int index);
    void settle(int index, BucketState state, const std::function<void()>& announce);

    BillingApi* m_api;
    QList<DateBucket> m_buckets;
    QList<BucketState> m_states;
    QList<QPointer<UsageReportJob>> m_jobs;
    quint64 m_generation = 0; ///< bumped by load() and cancel(); handlers of an older one stay silent
};

} // namespace bd
