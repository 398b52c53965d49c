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
    m_trustorOrgId = trustorOrgId;
    m_first = first;
    m_historyEnd.reset();
    m_done = 0;
    m_jobs = QList<QPointer<OverviewJob>>(std::max(0, last - first + 1));
    for (int slot = 0; slot < m_jobs.size(); ++slot) {
        const int index = first + slot;
        OverviewJob* job = m_api->fetchTrusteeOverview(trustorOrgId, index);
        m_jobs[slot] = job;
        connect(job, &OverviewJob::overviewReady, this, [this, slot, index](const TrusteeBillingOverview& overview) {
            if (isEmptyPeriod(overview))
                onHistoryEnd(index);
            else
                Q_EMIT periodLoaded(index, overview);
            settle(slot);
        });
        connect(job, &ApiJob::failed, this, [this, slot, index](const ApiError& error) {
            if (error.httpStatus() == 404) {
                onHistoryEnd(index);
            } else {
                Q_EMIT periodFailed(index, error);
                // Sign-in and permission failures (a disabled trust answers 403) are about the org, not the
                // period: every other index would fail the same way, so stop asking.
                if (error.httpStatus() == 401 || error.httpStatus() == 403)
                    abandonOthers(slot);
            }
            settle(slot);
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

void PeriodWalker::settle(int slot)
{
    m_jobs[slot] = nullptr;
    ++m_done;
    Q_EMIT progressChanged(m_done, int(m_jobs.size()));
    if (!isRunning())
        Q_EMIT finished();
}

void PeriodWalker::cancel()
{
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
