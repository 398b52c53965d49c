#include "load/periodwalker.h"

#include "api/billingapi.h"
#include "api/overviewjob.h"
#include "domain/trusteebillingoverview.h"

#include <QElapsedTimer>
#include <QPointer>

#include <deque>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString dateText(const std::optional<QDateTime>& date)
{
    return date ? date->toUTC().toString(Qt::ISODate) : QString();
}

// A negative quantity or price is not a bill: it is reported, never exported or charted as if it were one.
QString negativeFigure(const TrusteeBillingOverview& overview)
{
    for (const SubscriptionOverviewUsage& usage : overview.usages) {
        const std::pair<const char*, std::optional<Decimal>> figures[] = {
            { "usageQuantity", usage.usageQuantity },
            { "prepayQuantity", usage.prepayQuantity },
            { "overagePrice", usage.overagePrice },
            { "prepayPrice", usage.prepayPrice },
            { "bundleQuantity", usage.bundleQuantity },
        };
        for (const auto& [field, value] : figures) {
            if (value && value->isNegative())
                return PeriodWalker::tr("a negative %1 (%2) for “%3”")
                    .arg(QLatin1StringView(field), value->toString(), usage.name);
        }
    }
    return {};
}

} // namespace

PeriodWalker::PeriodWalker(BillingApi* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{ }

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
    return m_fromStorePending > 0
        || std::any_of(
            m_jobs.cbegin(), m_jobs.cend(), [](const QPointer<OverviewJob>& job) { return !job.isNull(); });
}

void PeriodWalker::setStore(ReportStore* store, const StoreScope& scope)
{
    m_store = scope.isValid() ? store : nullptr;
    m_scope = scope;
}

QDateTime PeriodWalker::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

void PeriodWalker::walk(const QString& trustorOrgId, int first, int last)
{
    cancel();
    ++m_generation;
    m_trustorOrgId = trustorOrgId;
    m_first = first;
    m_historyEnd.reset();
    m_periodDates.clear();
    m_storedAt.clear();
    m_done = 0;
    m_fromStorePending = 0;
    m_servedFromStore = 0;
    m_fetched = 0;
    m_jobs = QList<QPointer<OverviewJob>>(std::max(0, last - first + 1));
    const QMap<int, ReportStore::StoredPeriod> stored = storedByIndex();
    m_refetchOnce = false;
    m_storedHistoryEnd.reset();
    if (const auto first = stored.isEmpty() ? std::nullopt : m_store->historyStart(m_scope, trustorOrgId)) {
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            if (it->start == *first)
                m_storedHistoryEnd = it.key() + 1;
        }
    }
    for (int slot = 0; slot < m_jobs.size(); ++slot)
        startSlot(slot, stored);
    Q_EMIT progressChanged(0, int(m_jobs.size()));
    if (m_jobs.isEmpty())
        Q_EMIT finished();
}

void PeriodWalker::continueTo(int last)
{
    const QMap<int, PeriodDates> known = m_periodDates;
    const int next = m_first + int(m_jobs.size());
    walk(m_trustorOrgId, next, last);
    m_periodDates = known; // answers arrive from the event loop, after this
}

QMap<int, ReportStore::StoredPeriod> PeriodWalker::storedByIndex() const
{
    QMap<int, ReportStore::StoredPeriod> byIndex;
    if (!m_store || m_refetch == Refetch::Everything || (m_refetchOnce && m_refetch != Refetch::Nothing))
        return byIndex;
    const QList<ReportStore::StoredPeriod> entries = m_store->overviewPeriods(m_scope, m_trustorOrgId);
    if (entries.isEmpty())
        return byIndex;
    // The newest stored period is the active one while it has not ended, as it was when fetched. Offline, an
    // ended one is taken as the period before the active one; online, nothing is served until Genesys says
    // which period is active.
    const ReportStore::StoredPeriod& newest = entries.first();
    const std::optional<QDateTime> end = newest.end;
    int index = 0;
    if (!end || *end <= now()) {
        if (m_refetch != Refetch::Nothing)
            return byIndex;
        index = 1;
    } else if (newest.fetchedIndex != 0) {
        return byIndex;
    }
    byIndex.insert(index, newest);
    for (qsizetype i = 1; i < entries.size(); ++i) {
        const auto& newer = entries.at(i - 1);
        const auto& older = entries.at(i);
        if (!older.end)
            break;
        const qint64 gap = older.end->msecsTo(newer.start);
        if (gap <= 0 || gap > 1000)
            break; // a period is missing from the store: indexes past it are not known
        byIndex.insert(++index, entries.at(i));
    }
    return byIndex;
}

void PeriodWalker::startSlot(int slot, const QMap<int, ReportStore::StoredPeriod>& stored)
{
    const int index = m_first + slot;
    const auto entry = stored.constFind(index);
    const bool have = entry != stored.cend();
    if (m_storedHistoryEnd && index >= *m_storedHistoryEnd) {
        // Nothing is older than the first period: the store knows where the history ends.
        announceFromStore([this, slot, index] { settle(slot, [&] { onHistoryEnd(index); }); });
        return;
    }
    const auto notStored = [this, slot, index] {
        settle(slot, [&] {
            Q_EMIT periodFailed(index,
                ApiError(ApiError::Kind::Config,
                    tr("The local store has no billing period %1 of org %2.")
                        .arg(index)
                        .arg(m_trustorOrgId)));
        });
    };
    if (have && (entry->isClosed() || m_refetch == Refetch::Nothing)) {
        m_storedAt.insert(index, entry->fetchedAt);
        announceFromStore(
            [this, slot, index, start = entry->start, notStored, store = m_store, scope = m_scope] {
                // Read from the store the period was listed in (setStore() may have moved on since).
                const auto stored = m_store == store && m_scope == scope
                    ? m_store->overview(m_scope, m_trustorOrgId, start)
                    : std::nullopt;
                if (stored) {
                    ++m_servedFromStore;
                    accept(slot, index, stored->overview);
                    return;
                }
                // The stored body no longer reads: as if it had not been stored.
                m_storedAt.remove(index);
                if (m_refetch == Refetch::Nothing)
                    notStored();
                else
                    fetchSlot(slot, index);
            });
        return;
    }
    if (m_refetch == Refetch::Nothing) {
        announceFromStore(notStored);
        return;
    }
    fetchSlot(slot, index);
    if (have) {
        // The active period can still change: its stored copy is shown until Genesys answers.
        m_storedAt.insert(index, entry->fetchedAt);
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation, job = m_jobs.at(slot).data(), index, start = entry->start, store = m_store,
                scope = m_scope] {
                if (generation != m_generation || !job || !m_jobs.contains(job) || m_store != store
                    || m_scope != scope)
                    return;
                if (const auto stored = m_store->overview(m_scope, m_trustorOrgId, start))
                    Q_EMIT periodLoaded(index, stored->overview);
            },
            Qt::QueuedConnection);
    }
}

void PeriodWalker::fetchSlot(int slot, int index)
{
    OverviewJob* job = m_api->fetchTrusteeOverview(m_trustorOrgId, index);
    m_jobs[slot] = job;
    // Each handler checks that the job is still the slot's (not cancelled, not replaced by a new walk).
    connect(job, &OverviewJob::overviewReady, this,
        [this, slot, index, job](const TrusteeBillingOverview& overview) {
            if (m_jobs.value(slot) != job)
                return;
            ++m_fetched;
            m_storedAt.remove(index);
            if (m_store && answerProblem(index, overview).isEmpty()) {
                m_store->putOverview(m_scope, m_trustorOrgId, index, overview, job->body(), now(), this,
                    [this](const QString& problem) { Q_EMIT storeFailed(problem); });
            }
            accept(slot, index, overview);
        });
    connect(job, &ApiJob::failed, this, [this, slot, index, job](const ApiError& error) {
        if (m_jobs.value(slot) != job)
            return;
        // Only Genesys' own not.found past the active period ends the history. A 404 at index 0 says the
        // org is unknown (or does not trust this one), and a proxy's 404 page is an error like any other.
        const bool notFound = error.httpStatus() == 404 && error.code() == u"not.found"_s;
        if (notFound && index > 0) {
            settle(slot, [&] { onHistoryEnd(index); });
            return;
        }
        // Sign-in and permission failures (a disabled trust answers 403) and an unknown org are about the
        // org, not the period: every other index would fail the same way, so stop asking.
        if (notFound || error.affectsWholeOrg())
            abandonOthers(slot);
        settle(slot, [&] { Q_EMIT periodFailed(index, error); });
    });
}

QString PeriodWalker::refusalText(const QString& customer, const ApiError& error)
{
    if (error.reason() != ApiError::Reason::Forbidden)
        return error.userMessage();
    // Genesys answers 403 when the customer's trust in this org is disabled or grants no billing, and when
    // the role lacks a permission the answer does not name: both are said, then Genesys' own words.
    const QString sentence
        = tr("Genesys refused the billing of %1: its trust in your org may be disabled or may "
             "not grant billing, or your role may not allow it. The customer's admin can check "
             "the trust in its organization authorization settings.")
              .arg(customer);
    return error.message().isEmpty() ? sentence : tr("%1 Genesys says: “%2”").arg(sentence, error.message());
}

namespace {

/// The stored answers still to be handed out, across every walker of the thread: a few milliseconds of them
/// per turn of the event loop, the walkers taking turns. Each parses a stored body, and the hundred walkers
/// of a sweep handing out one each in the same turn would hold up the window.
class AnnouncementPacer final
{
public:
    static AnnouncementPacer& ofThisThread()
    {
        thread_local AnnouncementPacer pacer;
        return pacer;
    }

    /// Runs `next` on a later turn, after the walkers queued before it.
    void enqueue(QObject* walker, std::function<void()> next)
    {
        m_waiting.push_back({ walker, std::move(next) });
        if (!m_posted)
            post();
    }

private:
    static constexpr qint64 SliceNs = 3'000'000;

    void post()
    {
        m_posted = true;
        QMetaObject::invokeMethod(
            &m_context, [this] { runSome(); }, Qt::QueuedConnection);
    }

    void runSome()
    {
        m_posted = false;
        QElapsedTimer slice;
        slice.start();
        while (!m_waiting.empty() && slice.nsecsElapsed() < SliceNs) {
            Waiting w = std::move(m_waiting.front());
            m_waiting.pop_front();
            if (w.walker)
                w.next();
        }
        if (!m_waiting.empty() && !m_posted)
            post();
    }

    struct Waiting
    {
        QPointer<QObject> walker;
        std::function<void()> next;
    };
    QObject m_context;
    std::deque<Waiting> m_waiting;
    bool m_posted = false;
};

} // namespace

void PeriodWalker::announceFromStore(std::function<void()> announce)
{
    // From the event loop, like an answer: the caller connects after walk() returns.
    ++m_fromStorePending;
    m_announcements.push_back(std::move(announce));
    if (m_announcements.size() == 1)
        AnnouncementPacer::ofThisThread().enqueue(this, [this] { announceNext(); });
}

void PeriodWalker::announceNext()
{
    // A walk cancelled or started again since has cleared what was queued.
    if (m_announcements.empty())
        return;
    const std::function<void()> announce = std::move(m_announcements.front());
    m_announcements.pop_front();
    --m_fromStorePending;
    if (!m_announcements.empty())
        AnnouncementPacer::ofThisThread().enqueue(this, [this] { announceNext(); });
    announce();
}

void PeriodWalker::accept(int slot, int index, const TrusteeBillingOverview& overview)
{
    const QString problem = answerProblem(index, overview);
    if (!problem.isEmpty()) {
        settle(slot, [&] { Q_EMIT periodFailed(index, ApiError(ApiError::Kind::Parse, problem)); });
        return;
    }
    if (overview.billingPeriodStartDate)
        m_periodDates.insert(index, { *overview.billingPeriodStartDate, overview.billingPeriodEndDate });
    rememberHistoryStart();
    settle(slot, [&] { Q_EMIT periodLoaded(index, overview); });
}

QString PeriodWalker::answerProblem(int index, const TrusteeBillingOverview& overview) const
{
    if (overview.organization.id.compare(m_trustorOrgId, Qt::CaseInsensitive) != 0)
        return tr("Genesys answered billing period %1 of org %2 with the billing of another org (%3).")
            .arg(index)
            .arg(m_trustorOrgId, overview.organization.id);
    const QString negative = negativeFigure(overview);
    if (!negative.isEmpty())
        return tr("Genesys reported %1 in billing period %2.").arg(negative).arg(index);
    // Periods are told apart by their dates: a closed period without them cannot be placed.
    if (!overview.billingPeriodStartDate) {
        if (index == 0)
            return {};
        return tr("Genesys answered billing period %1 without its dates, so it cannot be told apart from the "
                  "others.")
            .arg(index);
    }
    const QDateTime start = *overview.billingPeriodStartDate;
    for (auto it = m_periodDates.cbegin(); it != m_periodDates.cend(); ++it) {
        if (it.key() != index && it.value().start == start)
            return tr("Billing periods %1 and %2 are the same period (from %3): the index shifted while the "
                      "periods "
                      "were read, as it does when a period closes. Load them again.")
                .arg(std::min(index, it.key()))
                .arg(std::max(index, it.key()))
                .arg(dateText(start));
    }
    // The next older period ends just before this one starts, and the next newer one starts just after it
    // ends.
    const auto touches = [](const PeriodDates& older, const QDateTime& newerStart) {
        if (!older.end)
            return older.start < newerStart;
        const qint64 gap = older.end->msecsTo(newerStart);
        return gap > 0 && gap <= 1000;
    };
    const auto older = m_periodDates.constFind(index + 1);
    if (older != m_periodDates.cend() && !touches(*older, start))
        return tr("Billing period %1 (from %2) does not follow period %3 (%4 – %5).")
            .arg(index)
            .arg(dateText(start))
            .arg(index + 1)
            .arg(dateText(older->start), dateText(older->end));
    const auto newer = m_periodDates.constFind(index - 1);
    if (newer != m_periodDates.cend() && !touches({ start, overview.billingPeriodEndDate }, newer->start))
        return tr("Billing period %1 (%2 – %3) is not followed by period %4 (from %5).")
            .arg(index)
            .arg(dateText(start), dateText(overview.billingPeriodEndDate))
            .arg(index - 1)
            .arg(dateText(newer->start));
    return {};
}

void PeriodWalker::onHistoryEnd(int index)
{
    if (m_historyEnd && *m_historyEnd <= index)
        return;
    m_historyEnd = index;
    rememberHistoryStart();
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

void PeriodWalker::rememberHistoryStart()
{
    if (!m_store || !m_historyEnd || m_storedHistoryEnd)
        return;
    const auto oldest = m_periodDates.constFind(*m_historyEnd - 1);
    if (oldest != m_periodDates.cend())
        m_store->putHistoryStart(m_scope, m_trustorOrgId, oldest->start);
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
    m_fromStorePending = 0;
    m_announcements.clear();
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
