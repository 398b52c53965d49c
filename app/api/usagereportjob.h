#pragma once

#include "api/apijob.h"
#include "api/retrypolicy.h"
#include "domain/billingusagereport.h"

#include <QDateTime>
#include <QElapsedTimer>

class QTimer;

namespace bd {

/// Fetches one billable-usage report. While Genesys answers InProgress it repeats the identical GET after a
/// growing delay, up to the poll policy's total time; the body is parsed off the GUI thread.
class UsageReportJob final : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageReportJob)

public:
    UsageReportJob(ApiClient* client, const QDateTime& start, const QDateTime& end, const PollPolicy& policy,
        QObject* parent);
    ~UsageReportJob() override;

    /// What the report keeps of each licence's resources (all by default); the rest is dropped once checked.
    void setResources(BillingUsageReport::Resources resources) { m_resources = resources; }
    /// Sends the first request.
    void start();
    QDateTime startDate() const { return m_start; }
    QDateTime endDate() const { return m_end; }
    /// The body of the complete report as Genesys sent it, for the local store; empty before reportReady().
    QByteArray body() const { return m_body; }

Q_SIGNALS:
    /// Genesys answered InProgress; the job will ask again.
    void generating(int attempt);
    void reportReady(const bd::BillingUsageReport& report);

private:
    void request();
    void onResponse(const ApiResponse& response);
    void onParsed(const BillingUsageReport& report);

    QDateTime m_start;
    QDateTime m_end;
    PollPolicy m_policy;
    QElapsedTimer m_age; ///< since Genesys' first answer
    qint64 m_queuedMs = 0; ///< of that, time later polls waited in the client's queue
    QTimer* m_pollTimer;
    QByteArray m_body;
    int m_inProgress = 0;
    BillingUsageReport::Resources m_resources = BillingUsageReport::Resources::Keep;

    BillingUsageReport::Resources resources() const { return m_resources; }
};

} // namespace bd
