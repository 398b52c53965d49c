#pragma once

#include "api/apierror.h"
#include "domain/granularity.h"
#include "domain/rangepreset.h"
#include "load/loadsummary.h"
#include "models/usageseriesmodel.h"
#include "store/storescope.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace bd {

class BillingApi;
class ReportStore;
class UsageSeriesLoader;

/// The usage page's controller: tiles a range into buckets, loads one report per bucket through the
/// UsageSeriesLoader into a UsageSeriesModel, keeps why each failed bucket failed, stops the load at the
/// first sign-in or permission failure (every other bucket would fail the same way), and summarises the load.
class UsageSeriesController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageSeriesController)

public:
    explicit UsageSeriesController(BillingApi* api, QObject* parent = nullptr);
    ~UsageSeriesController() override;

    /// Loads a range; a load under way is replaced without settling. Buckets past the data cut-off of
    /// today() are partial or have no data yet (UsageSeriesModel::coverage()). Monthly buckets start on
    /// `cycleDay`: 1 for calendar months, else the billing cycle's day.
    void load(const DateRange& range, Granularity granularity, int cycleDay = 1);
    /// Keeps every report in `store` and serves closed ones from it (UsageSeriesLoader); nullptr: no store.
    void setStore(ReportStore* store, const StoreScope& scope);
    /// Offline: the store alone answers, and a bucket it lacks is missing. Takes effect at the next load().
    void setOffline(bool offline) { m_offline = offline; }
    /// The next load() asks Genesys for every bucket again, stored or not ("Refetch everything").
    void refetchEverythingOnce() { m_refetchEverything = true; }
    /// Pins "today" (UTC) for the data cut-off; invalid follows the clock.
    void setToday(QDate today) { m_today = today; }
    /// The current UTC day: the pinned one, or the clock's.
    QDate today() const;
    /// Asks again for one bucket that failed or was cancelled; false when it did neither.
    bool retry(int bucket);
    /// Asks again for every failed or cancelled bucket.
    void retryFailed();
    /// Stops every request; false when nothing was under way. settled() follows.
    bool cancel();

    bool isRunning() const;
    /// True while the same-day figures of earlier periods are being fetched for the metered projections
    /// (projectionHistoryLoaded() follows).
    bool isProjecting() const;
    UsageSeriesModel* model() const { return m_model; }
    /// The range of the last load.
    DateRange range() const { return m_range; }
    /// When the last report arrived (invalid before the first).
    QDateTime updatedAt() const { return m_updatedAt; }
    LoadSummary summary() const;
    /// Buckets of the last load answered by the store without a request, and reports fetched.
    int servedFromStore() const;
    int fetched() const;
    /// When the bucket's report shown was fetched, if it came from the store; invalid when fresh.
    QDateTime storedAt(int bucket) const;
    /// Genesys could not be reached and stored reports are shown instead of fresh ones: the oldest fetch
    /// time among them; invalid otherwise.
    QDateTime offlineSince() const;

Q_SIGNALS:
    /// A bucket's report arrived and is in the model.
    void bucketLoaded(int bucket);
    /// A sign-in or permission failure stopped the load.
    void accessDenied(const bd::ApiError& error);
    /// Counts changed.
    void progressChanged();
    /// A report could not be kept in the store.
    void storeFailed(const QString& message);
    /// Nothing is loading any more (every bucket loaded, failed or was cancelled).
    void settled();
    /// The earlier periods' same-day figures that metered projections rest on have all arrived or failed
    /// (after settled(), when the range has a partial period to project).
    void projectionHistoryLoaded();

private:
    void onBucketFailed(int bucket, const ApiError& error);
    void onFinished();
    /// Fetches the earlier periods' figures for the same days as the partial period has
    /// (UsageSeriesModel::sameDayWindows) that the model lacks; through the store, they are fetched once.
    void loadSameDayWindows();

    UsageSeriesLoader* m_loader;
    UsageSeriesLoader* m_sameDayLoader; ///< the same-day windows of earlier periods, for metered projections
    QList<UsageSeriesModel::SameDayWindow> m_sameDayAsked; ///< by the same-day loader's bucket index
    UsageSeriesModel* m_model;
    DateRange m_range;
    QDate m_today;
    QHash<int, ApiError> m_failures;
    QHash<int, ApiError>
        m_staleFailures; ///< buckets that still show their stored report: why it is not fresh
    QDateTime m_updatedAt;
    QDateTime m_keptUpdatedAt; ///< the update time of the figures a refresh of the same buckets keeps
    bool m_accessDenied = false;
    bool m_offline = false;
    bool m_refetchEverything = false;
};

} // namespace bd
