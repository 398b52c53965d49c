#include "api/orgapi.h"

#include "api/organizationjob.h"
#include "api/trustorsjob.h"

namespace bd {

OrgApi::OrgApi(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

OrganizationJob* OrgApi::fetchOrganization()
{
    auto* job = new OrganizationJob(m_client, this);
    job->start();
    return job;
}

TrustorsJob* OrgApi::fetchTrustors(int pageSize)
{
    auto* job = new TrustorsJob(m_client, pageSize, this);
    job->start();
    return job;
}

} // namespace bd
