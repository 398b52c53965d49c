#include "session/sessioncontroller.h"

#include "api/apisession.h"
#include "api/organizationjob.h"
#include "api/orgapi.h"
#include "auth/userme.h"
#include "auth/usermejob.h"
#include "demo/demobackend.h"
#include "domain/organization.h"

#include <QPointer>

namespace bd {

SessionController::SessionController(QObject* parent)
    : QObject(parent)
{
}

SessionController::~SessionController() = default;

std::unique_ptr<ApiSession> SessionController::openDemo(QString* error)
{
    if (!m_demo) {
        m_demo = DemoBackend::start(DemoBackend::Threading::OwnThread, error);
        if (!m_demo)
            return nullptr;
    }
    return ApiSession::create(m_demo->connectionSettings(), error);
}

void SessionController::nameOrganization(ApiSession* session)
{
    OrganizationJob* job = session->orgs()->fetchOrganization();
    const QPointer<ApiSession> about = session;
    connect(job, &OrganizationJob::organizationReady, this, [this, about](const Organization& organization) {
        if (about)
            Q_EMIT organizationNamed(about, organization.name);
    });
    connect(job, &ApiJob::failed, this, [this, about](const ApiError& error) {
        if (about)
            Q_EMIT organizationFailed(about, error);
    });
}

void SessionController::namePerson(ApiSession* session)
{
    UserMeJob* job = UserMeJob::fetch(session->client(), session);
    const QPointer<ApiSession> about = session;
    connect(job, &UserMeJob::userReady, this, [this, about](const UserMe& user) {
        if (about)
            Q_EMIT personNamed(about, user.name);
    });
}

} // namespace bd
