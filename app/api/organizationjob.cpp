#include "api/organizationjob.h"

#include "api/apiresponse.h"
#include "domain/organization.h"

using namespace Qt::StringLiterals;

namespace bd {

OrganizationJob::OrganizationJob(ApiClient* client, QObject* parent)
    : ApiJob(client, parent)
{ }

void OrganizationJob::start()
{
    ApiRequest request;
    request.path = u"/api/v2/organizations/me"_s;
    send(request, [this](const ApiResponse& response) {
        if (!response.ok()) {
            fail(response.error);
            return;
        }
        auto parsed = Organization::fromJson(response.body);
        if (!parsed.ok()) {
            failParse(parsed.error());
            return;
        }
        succeed([&] { Q_EMIT organizationReady(parsed.value()); });
    });
}

} // namespace bd
