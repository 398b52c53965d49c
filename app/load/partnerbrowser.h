#pragma once

#include "api/apierror.h"
#include "domain/trustor.h"
#include "store/storescope.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

namespace bd {

class BillingApi;
class OrgApi;
class PeriodListModel;
class PeriodWalker;
class ReportStore;
class TrustorsJob;
struct TrusteeBillingOverview;

/// A partner's customers, one at a time: lists the trustor orgs, opens one on its active period, steps to
/// older and newer periods (fetching what is not loaded yet) and walks the last N periods. Every period is
/// fetched through a PeriodWalker, so the rules for the end of the history and for answers that do not check
/// out exist once. The period shown is identified by its dates: the index shifts when a period closes. No
/// widgets.
class PartnerBrowser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartnerBrowser)

public:
    PartnerBrowser(OrgApi* orgs, BillingApi* billing, QObject* parent = nullptr);
    ~PartnerBrowser() override;

    /// Keeps every period fetched in `store` and serves closed ones from it (PeriodWalker); nullptr: none.
    void setStore(ReportStore* store, const StoreScope& scope);
    /// Offline: periods come from the store alone. Takes effect at the next fetch.
    void setOffline(bool offline);
    /// Lists the trustor orgs (nothing happens while a listing is under way).
    void listTrustors();
    /// Takes a listing made elsewhere (the portfolio's sweep) as its own, as listTrustors() would.
    void setTrustors(const QList<bd::Trustor>& trustors);
    /// Opens a customer org on its active period (index 0); what was loaded for another org is forgotten. An
    /// org the listing gave as a disabled trust is not asked for: periodFailed() says why at once.
    void open(const QString& orgId, const QString& name = {});
    /// Opens a customer org on the period at `billingPeriodIndex`: walks 0..index (closed periods come from
    /// the store when it has them) and shows that period when it arrives.
    void openAt(const QString& orgId, const QString& name, int billingPeriodIndex);
    /// Fetches indexes 0..count-1 concurrently; they fill in as they arrive.
    void walk(int count);
    /// Fetches every period loaded for the open org again from Genesys, stored or not.
    void refetchLoaded();
    /// Shows the next older period, fetching it when needed; false when there is none.
    bool stepOlder();
    /// Shows the next newer period; false when the active one is shown.
    bool stepNewer();
    /// Shows the period at a row of periods() (newest first).
    void showRow(int row);
    /// Stops everything under way: the listing, the walk and a single fetch. False when nothing was.
    bool cancel();

    /// Every period loaded for the open org, newest first.
    PeriodListModel* periods() const { return m_periods; }
    QString orgId() const { return m_orgId; }
    /// The org's name, or its id when no name is known.
    QString orgName() const { return m_orgName; }
    /// The row of periods() shown, or -1.
    int currentRow() const;
    /// The billingPeriodIndex of the period shown (as of its fetch), or -1.
    int currentIndex() const { return m_currentIndex; }
    /// The index of a single fetch under way, or -1.
    int fetchingIndex() const { return m_pendingIndex; }
    /// The first index past the history, once known.
    std::optional<int> historyEnd() const { return m_historyEnd; }
    /// Periods of the last walk that the store answered without a request.
    int walkServedFromStore() const;
    /// When the newest answer shown was fetched (invalid before the first); a stored one's fetch time.
    QDateTime lastFetchedAt() const { return m_fetchedAt; }
    /// What an export or print of the open org is about: the org (name and id), the walked dates and the note
    /// that costs are estimates.
    QStringList exportSubject() const;
    /// Periods of the last walk that failed.
    int walkFailures() const { return m_walkFailures; }

    bool isListingTrustors() const { return !m_trustorsJob.isNull(); }
    bool isWalking() const;
    bool isFetching() const { return m_pendingIndex >= 0; }
    bool isBusy() const { return isListingTrustors() || isWalking() || isFetching(); }
    bool canStepOlder() const;
    bool canStepNewer() const;
    bool canWalk() const { return !m_orgId.isEmpty() && !isWalking(); }

Q_SIGNALS:
    void trustorsReady(const QList<bd::Trustor>& trustors);
    void trustorsFailed(const bd::ApiError& error);
    /// Another org was opened: nothing is shown until its active period arrives.
    void opened(const QString& orgId);
    /// A single period fetch started.
    void fetchStarted(int billingPeriodIndex);
    /// The period shown changed, or was fetched again.
    void currentChanged(int billingPeriodIndex);
    /// A period was added to or replaced in periods().
    void periodAdded(int billingPeriodIndex);
    void periodFailed(int billingPeriodIndex, const bd::ApiError& error);
    /// A period could not be kept in the store.
    void storeFailed(const QString& message);
    /// No period exists at this index nor at any older one.
    void historyEnded(int firstMissingIndex);
    void walkProgress(int done, int total);
    /// A walk ended: completed, cut short by the end of the history, or failed.
    void walkFinished();
    /// Busy or navigation state changed (buttons, progress, status).
    void stateChanged();

private:
    void fetchOne(int index);
    void stopPeriods();
    void onPeriodLoaded(int index, const TrusteeBillingOverview& overview, const QDateTime& fetchedAt);
    void onHistoryEnded(int firstMissingIndex);
    void connectWalker(PeriodWalker* walker);

    OrgApi* m_orgs;
    PeriodListModel* m_periods;
    PeriodWalker* m_walker; ///< walks of several periods
    PeriodWalker* m_stepper; ///< one period at a time
    QPointer<TrustorsJob> m_trustorsJob;

    QString m_orgId;
    QString m_orgName;
    QSet<QString> m_disabledTrusts; ///< org ids the listing gave as disabled trusts
    int m_currentIndex = -1;
    QDateTime m_currentStart; ///< identifies the period shown
    int m_pendingIndex = -1; ///< index of a single fetch under way, shown when it lands
    int m_wantedIndex = -1; ///< openAt(): the index shown when it lands
    std::optional<int> m_historyEnd;
    int m_walkFailures = 0;
    QDateTime m_fetchedAt;
};

} // namespace bd
