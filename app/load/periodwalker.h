#pragma once

#include "api/apierror.h"
#include "domain/trusteebillingoverview.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

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
class PeriodWalker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodWalker)

public:
    explicit PeriodWalker(BillingApi* api, QObject* parent = nullptr);
    ~PeriodWalker() override;

    /// Starts fetching indexes first..last of one trustor org; a walk under way is cancelled first.
    void walk(const QString& trustorOrgId, int first, int last);
    void cancel();

    bool isRunning() const;
    QString trustorOrgId() const { return m_trustorOrgId; }
    /// The first index that does not exist, once known.
    std::optional<int> historyEnd() const { return m_historyEnd; }

Q_SIGNALS:
    void periodLoaded(int billingPeriodIndex, const bd::TrusteeBillingOverview& overview);
    void periodFailed(int billingPeriodIndex, const bd::ApiError& error);
    /// No period exists at this index (nor at any older one). With answers arriving out of order it may be
    /// emitted again with a smaller index; historyEnd() holds the final one.
    void historyEnded(int firstMissingIndex);
    void progressChanged(int done, int total);
    void finished();

private:
    struct PeriodDates
    {
        QDateTime start;
        std::optional<QDateTime> end;
    };

    /// Why an answer for `index` cannot be taken as that period, or an empty string.
    QString answerProblem(int index, const TrusteeBillingOverview& overview) const;
    void onHistoryEnd(int index);
    void settle(int slot, const std::function<void()>& announce);
    /// Cancels every request but the one in `keptSlot` (an error that every period would share).
    void abandonOthers(int keptSlot);

    BillingApi* m_api;
    QString m_trustorOrgId;
    int m_first = 0;
    QList<QPointer<OverviewJob>> m_jobs;
    std::optional<int> m_historyEnd;
    QMap<int, PeriodDates> m_periodDates; ///< the dates of each period loaded so far, by index
    int m_done = 0;
    quint64 m_generation = 0; ///< bumped by walk() and cancel(); handlers of an older walk stay silent
};

} // namespace bd
