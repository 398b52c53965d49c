#pragma once

#include "api/apijob.h"
#include "domain/organization.h"

namespace bd {

/// Fetches the signed-in org (organizations/me).
class OrganizationJob final : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrganizationJob)

public:
    OrganizationJob(ApiClient* client, QObject* parent);
    void start();

Q_SIGNALS:
    void organizationReady(const bd::Organization& organization);
};

} // namespace bd
