#pragma once

#include "api/apierror.h"
#include "domain/trusteebillingoverview.h"
#include "store/reportstore.h"
#include "store/storescope.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <optional>

namespace bd {

class BillingApi;
class OverviewJob;

/// Walks a customer org's billing periods (billingPeriodIndex first..last) concurrently through the API layer
/// and streams each period out as it arrives. When the history ends (Genesys' not.found past the active
/// period) it stops asking for older periods and says where it ended. A 401, a 403 (e.g. a disabled trust) or
/// an unknown org is reported once through periodFailed() and ends the walk: every other period would fail
/// the same way. Every answer is checked against its request: the org it is for, dates that tell it apart
/// from the other periods and follow on from its neighbours, and no negative figures; one that does not check
/// out is a periodFailed(), never a period.
///
/// With a local store, every period fetched is kept under its dates. A closed period (one fetched as index ≥
/// 1) is served from the store with no request once the walker knows which stored period is which index: the
/// stored active period anchors the chain while it has not ended, and each older one is the stored period
/// that ends where its newer neighbour starts. Indexes are never trusted alone, since they shift when a
/// period closes. The active period is fetched again every time, its stored copy shown first.
class PeriodWalker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodWalker)

public:
    /// Why a customer's billing was refused as a whole, for `customer` (a name or an id): a 403 that names no
    /// permission (ApiError::Reason::Forbidden) is said to be the trust (disabled, or not granting billing)
    /// or the role, with Genesys' own words; any other error its usual sentence. Without the details
    /// (ApiError::withDetails adds them).
    static QString refusalText(const QString& customer, const ApiError& error);

    explicit PeriodWalker(BillingApi* api, QObject* parent = nullptr);
    ~PeriodWalker() override;

    /// Which stored periods are asked for again (as UsageSeriesLoader::Refetch).
    enum class Refetch { Changing, Everything, Nothing };
    /// Keeps and serves periods in `store` for `scope`; nullptr (or an invalid scope) uses none.
    void setStore(ReportStore* store, const StoreScope& scope);
    void setRefetch(Refetch refetch) { m_refetch = refetch; }
    /// The next walk asks Genesys for every period, stored or not (unless offline).
    void refetchEverythingOnce() { m_refetchOnce = true; }
    /// The clock that stamps each fetch and tells whether a stored active period has ended; the system
    /// clock when unset.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    /// Starts fetching indexes first..last of one trustor org; a walk under way is cancelled first.
    void walk(const QString& trustorOrgId, int first, int last);
    /// After a walk of this org has finished without reaching the end of its history: fetches the indexes
    /// after it up to `last`, checking them against the periods already loaded (a period that closed in
    /// between is caught as in one walk).
    void continueTo(int last);
    void cancel();

    bool isRunning() const;
    QString trustorOrgId() const { return m_trustorOrgId; }
    /// The first index that does not exist, once known.
    std::optional<int> historyEnd() const { return m_historyEnd; }
    /// When the period handed out for this index in this walk was fetched, if it came from the store.
    QDateTime storedAt(int billingPeriodIndex) const { return m_storedAt.value(billingPeriodIndex); }
    /// Periods of this walk answered by the store without a request, and periods fetched.
    int servedFromStore() const { return m_servedFromStore; }
    int fetched() const { return m_fetched; }

Q_SIGNALS:
    void periodLoaded(int billingPeriodIndex, const bd::TrusteeBillingOverview& overview);
    void periodFailed(int billingPeriodIndex, const bd::ApiError& error);
    /// No period exists at this index (nor at any older one). With answers arriving out of order it may be
    /// emitted again with a smaller index; historyEnd() holds the final one.
    void historyEnded(int firstMissingIndex);
    void progressChanged(int done, int total);
    void finished();
    /// A period could not be kept in the store (the walk goes on without it).
    void storeFailed(const QString& message);

private:
    struct PeriodDates
    {
        QDateTime start;
        std::optional<QDateTime> end;
    };

    /// The stored periods of the trustor by the index they have now, as far as the chain can be followed.
    QMap<int, ReportStore::StoredPeriod> storedByIndex() const;
    /// Starts the slot: from the store, or a request (showing a stored copy first when there is one).
    void startSlot(int slot, const QMap<int, ReportStore::StoredPeriod>& stored);
    /// Asks Genesys for the slot's period.
    void fetchSlot(int slot, int index);
    /// Runs `announce` from the event loop, a few milliseconds of every walker's per turn of it (each parses
    /// a stored body), unless another walk has started by then; the walk runs until it has.
    void announceFromStore(std::function<void()> announce);
    /// Hands out the oldest stored answer still queued.
    void announceNext();
    /// Takes an answer for `index`, from Genesys or the store: checked, then announced.
    void accept(int slot, int index, const TrusteeBillingOverview& overview);
    QDateTime now() const;
    /// Why an answer for `index` cannot be taken as that period, or an empty string.
    QString answerProblem(int index, const TrusteeBillingOverview& overview) const;
    void onHistoryEnd(int index);
    /// Once both the end of the history and the oldest period are known, the store keeps where it starts.
    void rememberHistoryStart();
    void settle(int slot, const std::function<void()>& announce);
    /// Cancels every request but the one in `keptSlot` (an error that every period would share).
    void abandonOthers(int keptSlot);

    BillingApi* m_api;
    QString m_trustorOrgId;
    int m_first = 0;
    QList<QPointer<OverviewJob>> m_jobs;
    int m_fromStorePending = 0; ///< slots whose stored answer is still to be announced
    std::deque<std::function<void()>> m_announcements; ///< those answers, in order
    ReportStore* m_store = nullptr;
    StoreScope m_scope;
    Refetch m_refetch = Refetch::Changing;
    bool m_refetchOnce = false;
    std::function<QDateTime()> m_now;
    QMap<int, QDateTime> m_storedAt;
    int m_servedFromStore = 0;
    int m_fetched = 0;
    std::optional<int> m_historyEnd;
    std::optional<int> m_storedHistoryEnd; ///< where the store says the history ends, for this walk
    QMap<int, PeriodDates> m_periodDates; ///< the dates of each period loaded so far, by index
    int m_done = 0;
    quint64 m_generation = 0; ///< bumped by walk() and cancel(); handlers of an older walk stay silent
};

} // namespace bd
