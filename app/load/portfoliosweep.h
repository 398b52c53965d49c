#pragma once

#include "api/apierror.h"
#include "domain/trustor.h"
#include "store/storescope.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace bd {

class BillingApi;
class OrgApi;
class PeriodWalker;
class PortfolioModel;
class ReportStore;
class TrustorsJob;
struct TrusteeBillingOverview;

/// Every customer × billing period of a partner in one sweep: lists the trustor orgs, then walks each one's
/// active period and the closed periods before it (a PeriodWalker per customer), through the session's one
/// rate limiter and concurrency cap. Every active period is asked for before any history, so the newest
/// column fills first. With the local store, closed periods come from it and a second sweep asks only for the
/// active ones. A disabled trust is not asked at all; a refusal, an unknown org or the end of a customer's
/// history ends that customer's row and nothing else. No widgets.
class PortfolioSweep final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortfolioSweep)

public:
    /// The error code of a customer whose trust is disabled (no request is made to learn it).
    static constexpr const char16_t* DisabledTrustCode = u"trust.disabled";

    PortfolioSweep(OrgApi* orgs, BillingApi* billing, QObject* parent = nullptr);
    ~PortfolioSweep() override;

    void setStore(ReportStore* store, const StoreScope& scope);
    /// The clock that stamps fetches and tells whether a stored active period has ended (system clock when
    /// unset).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    /// Lists the customers and sweeps billing period indexes 0..closedPeriods of each; a sweep under way is
    /// cancelled first.
    void start(int closedPeriods);
    /// Stops the sweep; what has arrived stays. False when nothing was under way.
    bool cancel();
    bool isRunning() const { return m_running; }
    /// True once every customer's active period of this sweep has been read, failed or refused (and when no
    /// sweep runs): the newest column is whole, the history may still be filling in.
    bool isActiveSettled() const;

    /// How far the sweep has got. `total` is customers × periods; a row that ends early (its history, a
    /// refusal) counts its missing periods as done.
    struct Progress
    {
        int done = 0;
        int total = 0;
        int fromStore = 0;
        int refused = 0; ///< customers whose billing cannot be read (disabled trust, 403)
        int failed = 0; ///< periods that failed for another reason
        std::optional<qint64> msLeft; ///< once enough has arrived to tell
    };
    Progress progress() const;
    /// "212 of 325 · 38 from the store · 2 refused · about 40 s left".
    static QString progressText(const Progress& progress);
    /// Periods fetched from Genesys in this sweep.
    int fetched() const { return m_fetched; }
    int closedPeriods() const { return m_closedPeriods; }
    /// Every customer × period of the last sweep.
    PortfolioModel* model() const { return m_model; }

Q_SIGNALS:
    void customersListed(const QList<bd::Trustor>& trustors);
    void listingFailed(const bd::ApiError& error);
    /// A period arrived; `storedAt` is valid when it is the store's copy (fetched then).
    void periodLoaded(const QString& orgId, int billingPeriodIndex,
        const bd::TrusteeBillingOverview& overview, const QDateTime& storedAt);
    void periodFailed(const QString& orgId, int billingPeriodIndex, const bd::ApiError& error);
    /// The customer has disabled its trust: none of its billing is asked for.
    void customerRefused(const QString& orgId, const QString& message);
    /// No period of this customer exists at this index or older.
    void historyEnded(const QString& orgId, int firstMissingIndex);
    /// The local store could not keep what arrived (said once per sweep and problem): what was read is
    /// still shown.
    void storeFailed(const QString& message);
    void progressChanged();
    /// Every customer's active period is in (isActiveSettled() became true).
    void activeSettled();
    void finished();

private:
    struct Customer
    {
        Trustor trustor;
        PeriodWalker* walker = nullptr;
        bool history = false; ///< walking the closed periods (after the active one)
        bool stopped = false; ///< the active period failed: no history is asked for
        int walkDone = 0; ///< slots of the current walk settled, as counted so far
        int walkServed = 0; ///< of them, served by the store
    };

    /// How long one turn of the event loop may spend starting customers.
    static constexpr int StartSliceMs = 4;

    void onListed(const QList<Trustor>& trustors);
    void startSome();
    void startHistory(Customer* customer);
    void connectWalker(Customer* customer);
    void onWalkFinished(Customer* customer);
    void finishIfDone();
    /// One more customer's active period is settled.
    void settleActive();
    QDateTime now() const;

    OrgApi* m_orgs;
    BillingApi* m_billing;
    PortfolioModel* m_model;
    ReportStore* m_store = nullptr;
    StoreScope m_scope;
    std::function<QDateTime()> m_now;
    QPointer<TrustorsJob> m_listing;
    std::vector<std::unique_ptr<Customer>> m_customers;
    int m_closedPeriods = 0;
    int m_done = 0;
    int m_total = 0;
    int m_fromStore = 0;
    int m_refused = 0;
    int m_failed = 0;
    int m_fetched = 0;
    int m_walking = 0;
    int m_started = 0; ///< customers started so far
    int m_activeSettled = 0; ///< customers whose active period has been read, failed or refused
    QList<Customer*> m_historyWaiting; ///< active period read, history to start once every customer has
    quint64 m_generation = 0; ///< bumped by cancel(): a start still scheduled for the old sweep does nothing
    bool m_running = false;
    QElapsedTimer m_clock;
    QStringList m_storeProblems; ///< told in this sweep
};

} // namespace bd
