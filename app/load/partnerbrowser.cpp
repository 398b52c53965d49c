#include "load/partnerbrowser.h"

#include "api/orgapi.h"
#include "api/trustorsjob.h"
#include "domain/orgid.h"
#include "load/periodwalker.h"
#include "models/periodlistmodel.h"
#include "store/reportstore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

PartnerBrowser::PartnerBrowser(OrgApi* orgs, BillingApi* billing, QObject* parent)
    : QObject(parent)
    , m_orgs(orgs)
    , m_periods(new PeriodListModel(this))
    , m_walker(new PeriodWalker(billing, this))
    , m_stepper(new PeriodWalker(billing, this))
{
    connectWalker(m_walker);
    connectWalker(m_stepper);
    connect(m_walker, &PeriodWalker::periodFailed, this, [this] { ++m_walkFailures; });
    connect(m_walker, &PeriodWalker::progressChanged, this, &PartnerBrowser::walkProgress);
    connect(m_walker, &PeriodWalker::finished, this, [this] {
        if (m_wantedIndex >= 0) {
            // The period asked for by openAt() never came (past the history, or it failed): the oldest
            // loaded one, the nearest to it, is shown instead.
            m_wantedIndex = -1;
            if (m_currentIndex < 0 && m_periods->periodCount() > 0)
                showRow(m_periods->periodCount() - 1);
        }
        Q_EMIT walkFinished();
        Q_EMIT stateChanged();
    });
    connect(m_stepper, &PeriodWalker::finished, this, [this] {
        m_pendingIndex = -1;
        Q_EMIT stateChanged();
    });
}

PartnerBrowser::~PartnerBrowser() = default;

void PartnerBrowser::connectWalker(PeriodWalker* walker)
{
    connect(walker, &PeriodWalker::periodLoaded, this,
        [this, walker](int index, const TrusteeBillingOverview& overview) {
            const QDateTime storedAt = walker->storedAt(index);
            onPeriodLoaded(index, overview, storedAt.isValid() ? storedAt : QDateTime::currentDateTimeUtc());
        });
    connect(walker, &PeriodWalker::storeFailed, this, &PartnerBrowser::storeFailed);
    connect(walker, &PeriodWalker::periodFailed, this, &PartnerBrowser::periodFailed);
    connect(walker, &PeriodWalker::historyEnded, this, &PartnerBrowser::onHistoryEnded);
}

void PartnerBrowser::setStore(ReportStore* store, const StoreScope& scope)
{
    m_walker->setStore(store, scope);
    m_stepper->setStore(store, scope);
}

void PartnerBrowser::setOffline(bool offline)
{
    const auto refetch = offline ? PeriodWalker::Refetch::Nothing : PeriodWalker::Refetch::Changing;
    m_walker->setRefetch(refetch);
    m_stepper->setRefetch(refetch);
}

int PartnerBrowser::walkServedFromStore() const
{
    return m_walker->servedFromStore();
}

void PartnerBrowser::listTrustors()
{
    if (m_trustorsJob)
        return;
    m_trustorsJob = m_orgs->fetchTrustors();
    connect(m_trustorsJob, &TrustorsJob::trustorsReady, this, &PartnerBrowser::setTrustors);
    connect(m_trustorsJob, &ApiJob::failed, this, &PartnerBrowser::trustorsFailed);
    connect(m_trustorsJob, &ApiJob::finished, this, [this] {
        m_trustorsJob.clear();
        Q_EMIT stateChanged();
    });
    Q_EMIT stateChanged();
}

void PartnerBrowser::setTrustors(const QList<Trustor>& trustors)
{
    m_disabledTrusts.clear();
    for (const Trustor& t : trustors) {
        if (!t.enabled)
            m_disabledTrusts.insert(OrgId::canonical(t.id));
    }
    Q_EMIT trustorsReady(trustors);
}

void PartnerBrowser::open(const QString& orgId, const QString& name)
{
    openAt(orgId, name, 0);
}

void PartnerBrowser::openAt(const QString& orgId, const QString& name, int billingPeriodIndex)
{
    stopPeriods();
    m_wantedIndex = -1;
    m_orgId = orgId;
    m_orgName = name.isEmpty() ? orgId : name;
    m_periods->clear();
    m_historyEnd.reset();
    m_currentIndex = -1;
    m_currentStart = {};
    m_walkFailures = 0;
    m_fetchedAt = {};
    Q_EMIT opened(orgId);
    if (m_disabledTrusts.contains(OrgId::canonical(orgId))) {
        // Listed as disabled: every request would be refused, so none is sent.
        Q_EMIT periodFailed(0,
            ApiError(ApiError::Kind::Config,
                tr("%1 has disabled its trust in your org, so its billing cannot be read. It can be read "
                   "again once the customer enables the trust in its organization authorization settings.")
                    .arg(m_orgName)));
        Q_EMIT stateChanged();
        return;
    }
    if (billingPeriodIndex <= 0) {
        fetchOne(0);
        return;
    }
    m_wantedIndex = billingPeriodIndex;
    walk(billingPeriodIndex + 1);
}

void PartnerBrowser::walk(int count)
{
    if (m_orgId.isEmpty() || count < 1)
        return;
    m_walkFailures = 0;
    m_walker->walk(m_orgId, 0, count - 1);
    Q_EMIT stateChanged();
}

void PartnerBrowser::refetchLoaded()
{
    if (m_orgId.isEmpty())
        return;
    const int count = std::max(1, m_periods->periodCount());
    m_walkFailures = 0;
    m_walker->refetchEverythingOnce();
    m_walker->walk(m_orgId, 0, count - 1);
    Q_EMIT stateChanged();
}

void PartnerBrowser::fetchOne(int index)
{
    m_pendingIndex = index;
    Q_EMIT fetchStarted(index);
    m_stepper->walk(m_orgId, index, index);
    Q_EMIT stateChanged();
}

bool PartnerBrowser::cancel()
{
    if (!isBusy())
        return false;
    if (m_trustorsJob) {
        m_trustorsJob->disconnect(this);
        m_trustorsJob->cancel();
        m_trustorsJob.clear(); // it deletes itself later; it no longer counts as a listing under way
    }
    stopPeriods();
    Q_EMIT stateChanged();
    return true;
}

void PartnerBrowser::stopPeriods()
{
    m_walker->cancel();
    m_stepper->cancel();
    m_pendingIndex = -1;
}

bool PartnerBrowser::isWalking() const
{
    return m_walker->isRunning();
}

void PartnerBrowser::onPeriodLoaded(
    int index, const TrusteeBillingOverview& overview, const QDateTime& fetchedAt)
{
    m_periods->setPeriod(index, overview);
    if (!m_fetchedAt.isValid() || fetchedAt > m_fetchedAt)
        m_fetchedAt = fetchedAt;
    const bool refreshesShown
        = overview.billingPeriodStartDate && *overview.billingPeriodStartDate == m_currentStart;
    const bool first = m_wantedIndex >= 0 ? index == m_wantedIndex : m_currentIndex < 0;
    const bool shown = first || index == m_pendingIndex || refreshesShown;
    if (index == m_wantedIndex)
        m_wantedIndex = -1;
    if (shown) {
        m_currentIndex = index;
        m_currentStart = overview.billingPeriodStartDate.value_or(QDateTime());
    }
    Q_EMIT periodAdded(index);
    if (shown)
        Q_EMIT currentChanged(m_currentIndex);
    Q_EMIT stateChanged();
}

void PartnerBrowser::onHistoryEnded(int firstMissingIndex)
{
    if (m_historyEnd && *m_historyEnd <= firstMissingIndex)
        return;
    m_historyEnd = firstMissingIndex;
    Q_EMIT historyEnded(firstMissingIndex);
    Q_EMIT stateChanged();
}

int PartnerBrowser::currentRow() const
{
    if (m_currentIndex < 0)
        return -1;
    return m_currentStart.isValid() ? m_periods->rowOfStart(m_currentStart)
                                    : m_periods->rowOfIndex(m_currentIndex);
}

bool PartnerBrowser::canStepOlder() const
{
    return !m_orgId.isEmpty() && m_currentIndex >= 0 && !isFetching()
        && !(m_historyEnd && m_currentIndex + 1 >= *m_historyEnd);
}

bool PartnerBrowser::canStepNewer() const
{
    return !m_orgId.isEmpty() && m_currentIndex > 0 && !isFetching();
}

bool PartnerBrowser::stepOlder()
{
    if (m_currentIndex < 0 || m_orgId.isEmpty())
        return false;
    const int target = m_currentIndex + 1;
    if (m_historyEnd && target >= *m_historyEnd)
        return false;
    if (const int row = m_periods->rowOfIndex(target); row >= 0)
        showRow(row);
    else
        fetchOne(target);
    return true;
}

bool PartnerBrowser::stepNewer()
{
    if (m_currentIndex <= 0 || m_orgId.isEmpty())
        return false;
    const int target = m_currentIndex - 1;
    if (const int row = m_periods->rowOfIndex(target); row >= 0)
        showRow(row);
    else
        fetchOne(target);
    return true;
}

void PartnerBrowser::showRow(int row)
{
    const PeriodListModel::Period* period = m_periods->period(row);
    if (!period)
        return;
    m_currentIndex = period->billingPeriodIndex;
    m_currentStart = period->overview.billingPeriodStartDate.value_or(QDateTime());
    Q_EMIT currentChanged(m_currentIndex);
    Q_EMIT stateChanged();
}

QStringList PartnerBrowser::exportSubject() const
{
    QString who = m_orgId.isEmpty() ? tr("no customer") : m_orgName;
    if (!m_orgId.isEmpty() && who != m_orgId)
        who += u" (%1)"_s.arg(m_orgId);
    QStringList subject { who };
    if (m_periods->periodCount() > 0) {
        const auto& newest = m_periods->period(0)->overview;
        const auto& oldest = m_periods->period(m_periods->periodCount() - 1)->overview;
        if (oldest.billingPeriodStartDate && newest.billingPeriodEndDate)
            subject << u"%1 – %2"_s.arg(oldest.billingPeriodStartDate->date().toString(Qt::ISODate),
                newest.billingPeriodEndDate->date().toString(Qt::ISODate));
    }
    subject << tr("costs are estimates, excluding tax");
    return subject;
}

} // namespace bd
