#include "api/billingapi.h"

#include "api/overviewjob.h"
#include "api/usagereportjob.h"

namespace bd {

BillingApi::BillingApi(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

UsageReportJob* BillingApi::fetchUsageReport(const QDateTime& start, const QDateTime& end)
{
    auto* job = new UsageReportJob(m_client, start, end, m_poll, this);
    job->setResources(
        m_keepResources ? BillingUsageReport::Resources::Keep : BillingUsageReport::Resources::Drop);
    job->start();
    return job;
}

OverviewJob* BillingApi::fetchTrusteeOverview(const QString& trustorOrgId, int billingPeriodIndex)
{
    auto* job = new OverviewJob(m_client, trustorOrgId, billingPeriodIndex, this);
    job->start();
    return job;
}

} // namespace bd
