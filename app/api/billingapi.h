#pragma once

#include "api/retrypolicy.h"

#include <QObject>

class QDateTime;

namespace bd {

class ApiClient;
class OverviewJob;
class UsageReportJob;

/// The two billing endpoints, one function each. Jobs are started before they are returned; connect to them
/// right away (signals are delivered from the event loop, never from inside these calls).
class BillingApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BillingApi)

public:
    explicit BillingApi(ApiClient* client, QObject* parent = nullptr);

    /// GET /api/v2/billing/reports/billableusage, polled while InProgress.
    UsageReportJob* fetchUsageReport(const QDateTime& start, const QDateTime& end);
    /// GET /api/v2/billing/trusteebillingoverview/{trustorOrgId}?billingPeriodIndex=N
    OverviewJob* fetchTrusteeOverview(const QString& trustorOrgId, int billingPeriodIndex);

    void setPollPolicy(const PollPolicy& policy) { m_poll = policy; }
    const PollPolicy& pollPolicy() const { return m_poll; }
    /// Whether usage reports keep each licence's resources (users, devices) or only its total, for consumers
    /// that need no more (the CSV export): a large org's reports then cost their totals, not their users.
    void setKeepResources(bool keep) { m_keepResources = keep; }
    ApiClient* client() const { return m_client; }

private:
    ApiClient* m_client;
    PollPolicy m_poll;
    bool m_keepResources = true;
};

} // namespace bd
