#pragma once

#include "api/apierror.h"
#include "domain/granularity.h"
#include "domain/rangepreset.h"
#include "load/loadsummary.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace bd {

class BillingApi;
class UsageSeriesLoader;
class UsageSeriesModel;

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
    UsageSeriesModel* model() const { return m_model; }
    /// The range of the last load.
    DateRange range() const { return m_range; }
    /// When the last report arrived (invalid before the first).
    QDateTime updatedAt() const { return m_updatedAt; }
    LoadSummary summary() const;

Q_SIGNALS:
    /// A bucket's report arrived and is in the model.
    void bucketLoaded(int bucket);
    /// A sign-in or permission failure stopped the load.
    void accessDenied(const bd::ApiError& error);
    /// Counts changed.
    void progressChanged();
    /// Nothing is loading any more (every bucket loaded, failed or was cancelled).
    void settled();

private:
    void onBucketFailed(int bucket, const ApiError& error);
    void onFinished();

    UsageSeriesLoader* m_loader;
    UsageSeriesModel* m_model;
    DateRange m_range;
    QDate m_today;
    QHash<int, ApiError> m_failures;
    QDateTime m_updatedAt;
    bool m_accessDenied = false;
};

} // namespace bd
