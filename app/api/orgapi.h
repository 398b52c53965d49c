#pragma once

#include <QObject>

namespace bd {

class ApiClient;
class OrganizationJob;
class TrustorsJob;

/// Org lookups: the signed-in org and the orgs that trust it.
class OrgApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgApi)

public:
    explicit OrgApi(ApiClient* client, QObject* parent = nullptr);

    /// GET /api/v2/organizations/me
    OrganizationJob* fetchOrganization();
    /// GET /api/v2/orgauthorization/trustors, every page.
    TrustorsJob* fetchTrustors(int pageSize = 100);

private:
    ApiClient* m_client;
};

} // namespace bd
