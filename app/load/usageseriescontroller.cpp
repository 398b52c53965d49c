#include "load/usageseriescontroller.h"

#include "domain/datacutoff.h"
#include "domain/datebuckets.h"
#include "load/usageseriesloader.h"
#include "models/usageseriesmodel.h"

#include <QSignalBlocker>

namespace bd {

UsageSeriesController::UsageSeriesController(BillingApi* api, QObject* parent)
    : QObject(parent)
    , m_loader(new UsageSeriesLoader(api, this))
    , m_model(new UsageSeriesModel(this))
{
    connect(m_loader, &UsageSeriesLoader::bucketLoaded, this,
        [this](int bucket, const BillingUsageReport& report) {
            m_model->setReport(bucket, report);
            m_failures.remove(bucket);
            m_updatedAt = QDateTime::currentDateTimeUtc();
            Q_EMIT bucketLoaded(bucket);
        });
    connect(m_loader, &UsageSeriesLoader::bucketGenerating, this,
        [this](int bucket) { m_model->setBucketState(bucket, BucketState::Generating); });
    connect(m_loader, &UsageSeriesLoader::bucketFailed, this, &UsageSeriesController::onBucketFailed);
    connect(m_loader, &UsageSeriesLoader::progressChanged, this, &UsageSeriesController::progressChanged);
    connect(m_loader, &UsageSeriesLoader::finished, this, &UsageSeriesController::onFinished);
}

UsageSeriesController::~UsageSeriesController() = default;

void UsageSeriesController::load(const DateRange& range, Granularity granularity, int cycleDay)
{
    {
        // The load being replaced does not settle in anyone's eyes: the new one will.
        const QSignalBlocker quiet(m_loader);
        m_loader->cancel();
    }
    m_failures.clear();
    m_accessDenied = false;
    m_range = range;
    const QList<DateBucket> buckets = DateBuckets::tile(range.first, range.last, granularity, cycleDay);
    m_model->setBuckets(buckets, granularity, cycleDay);
    m_model->setDataThrough(DataCutoff::lastCompleteDay(today()));
    m_loader->load(buckets);
    Q_EMIT progressChanged();
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
    if (!m_loader->isRunning())
        return false;
    m_loader->cancel(); // onFinished() follows and marks the buckets it stopped
    return true;
}

bool UsageSeriesController::isRunning() const
{
    return m_loader->isRunning();
}

LoadSummary UsageSeriesController::summary() const
{
    QList<BucketState> states;
    for (int bucket = 0; bucket < m_model->buckets().size(); ++bucket)
        states << m_model->bucketState(bucket);
    return LoadSummary::of(states, m_failures, m_model->licenceCount() > 0);
}

void UsageSeriesController::onBucketFailed(int bucket, const ApiError& error)
{
    if (error.kind() == ApiError::Kind::Cancelled) {
        m_model->setBucketState(bucket, BucketState::Cancelled);
        return;
    }
    m_model->setBucketFailed(bucket, error.userMessage());
    m_failures.insert(bucket, error);
    if (error.affectsWholeOrg() && !m_accessDenied) {
        m_accessDenied = true;
        Q_EMIT accessDenied(error);
        m_loader->cancel();
    }
}

void UsageSeriesController::onFinished()
{
    for (int bucket = 0; bucket < m_model->buckets().size(); ++bucket) {
        if (m_loader->state(bucket) == BucketState::Cancelled)
            m_model->setBucketState(bucket, BucketState::Cancelled);
    }
    Q_EMIT progressChanged();
    Q_EMIT settled();
}

} // namespace bd
