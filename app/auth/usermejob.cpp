#include "auth/usermejob.h"

#include "api/apiresponse.h"

using namespace Qt::StringLiterals;

namespace bd {

UserMeJob::UserMeJob(ApiClient* client, QObject* parent)
    : ApiJob(client, parent)
{ }

UserMeJob* UserMeJob::fetch(ApiClient* client, QObject* parent)
{
    auto* job = new UserMeJob(client, parent);
    job->start();
    return job;
}

void UserMeJob::start()
{
    ApiRequest request;
    request.path = u"/api/v2/users/me"_s;
    send(request, [this](const ApiResponse& response) {
        if (!response.ok()) {
            fail(response.error);
            return;
        }
        auto parsed = UserMe::fromJson(response.body);
        if (!parsed.ok()) {
            failParse(parsed.error());
            return;
        }
        succeed([&] { Q_EMIT userReady(parsed.value()); });
    });
}

} // namespace bd
