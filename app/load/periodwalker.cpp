#include "load/periodwalker.h"

#include "api/billingapi.h"
#include "api/overviewjob.h"
#include "domain/trusteebillingoverview.h"

namespace bd {

namespace {
// Genesys does not document the answer for an index past the history; billing-sim answers 404, and an
// overview with neither period dates nor usage lines is read the same way.
bool isEmptyPeriod(const TrusteeBillingOverview& overview)
{
    return overview.usages.isEmpty() && !overview.billingPeriodStartDate && !overview.billingPeriodEndDate;
}
} // namespace

PeriodWalker::PeriodWalker(BillingApi* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{
}

PeriodWalker::~PeriodWalker()
{
    for (const auto& job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

bool PeriodWalker::isRunning() const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const QPointer<OverviewJob>& job) { return !job.isNull(); });
}

void PeriodWalker::walk(const QString& trustorOrgId, int first, int last)
{
    cancel();
    ++m_generation;
    m_trustorOrgId = trustorOrgId;
    m_first = first;
    m_historyEnd.reset();
    m_done = 0;
    m_jobs = QList<QPointer<OverviewJob>>(std::max(0, last - first + 1));
    for (int slot = 0; slot < m_jobs.size(); ++slot) {
        const int index = first + slot;
        OverviewJob* job = m_api->fetchTrusteeOverview(trustorOrgId, index);
        m_jobs[slot] = job;
        // Each handler checks that the job is still the slot's (not cancelled, not replaced by a new walk).
        connect(job, &OverviewJob::overviewReady, this, [this, slot, index, job](const TrusteeBillingOverview& overview) {
            if (m_jobs.value(slot) != job)
                return;
            // Only an older period can be "past the end": an empty active period is still the active period.
            if (index > 0 && isEmptyPeriod(overview))
                settle(slot, [&] { onHistoryEnd(index); });
            else
                settle(slot, [&] { Q_EMIT periodLoaded(index, overview); });
        });
        connect(job, &ApiJob::failed, this, [this, slot, index, job](const ApiError& error) {
            if (m_jobs.value(slot) != job)
                return;
            if (error.httpStatus() == 404) {
                settle(slot, [&] { onHistoryEnd(index); });
                return;
            }
            // Sign-in and permission failures (a disabled trust answers 403) are about the org, not the
            // period: every other index would fail the same way, so stop asking.
            if (error.httpStatus() == 401 || error.httpStatus() == 403 || error.kind() == ApiError::Kind::Auth)
                abandonOthers(slot);
            settle(slot, [&] { Q_EMIT periodFailed(index, error); });
        });
    }
    Q_EMIT progressChanged(0, int(m_jobs.size()));
    if (m_jobs.isEmpty())
        Q_EMIT finished();
}

void PeriodWalker::onHistoryEnd(int index)
{
    if (m_historyEnd && *m_historyEnd <= index)
        return;
    m_historyEnd = index;
    // Older periods cannot exist either: stop asking for them.
    for (int slot = index - m_first + 1; slot < m_jobs.size(); ++slot) {
        if (OverviewJob* job = m_jobs.at(slot)) {
            job->disconnect(this);
            job->cancel();
            m_jobs[slot] = nullptr;
            ++m_done;
        }
    }
    Q_EMIT historyEnded(index);
}

void PeriodWalker::abandonOthers(int keptSlot)
{
    for (int slot = 0; slot < m_jobs.size(); ++slot) {
        if (slot == keptSlot)
            continue;
        if (OverviewJob* job = m_jobs.at(slot)) {
            job->disconnect(this);
            job->cancel();
            m_jobs[slot] = nullptr;
            ++m_done;
        }
    }
}

void PeriodWalker::settle(int slot, const std::function<void()>& announce)
{
    // The slot is settled before anyone hears of it; a slot that cancels or restarts the walk (a new
    // generation) has already said everything, so nothing more is emitted for the old walk.
    m_jobs[slot] = nullptr;
    ++m_done;
    const quint64 generation = m_generation;
    announce();
    if (generation != m_generation)
        return;
    Q_EMIT progressChanged(m_done, int(m_jobs.size()));
    if (!isRunning())
        Q_EMIT finished();
}

void PeriodWalker::cancel()
{
    ++m_generation;
    const bool wasRunning = isRunning();
    for (auto& job : m_jobs) {
        if (job) {
            job->disconnect(this);
            job->cancel();
            job = nullptr;
        }
    }
    if (wasRunning)
        Q_EMIT finished();
}

} // namespace bd
