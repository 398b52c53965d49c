#include "session/sessioncontroller.h"

#include "api/apisession.h"
#include "api/organizationjob.h"
#include "api/orgapi.h"
#include "api/tokenprovider.h"
#include "auth/profileopener.h"
#include "auth/profilestore.h"
#include "auth/secrets.h"
#include "auth/secretstore.h"
#include "auth/userme.h"
#include "auth/usermejob.h"
#include "demo/demobackend.h"
#include "domain/organization.h"

#include <QPointer>

namespace bd {

SessionController::SessionController(ProfileStore* profiles, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{ }

void SessionController::openProfile(
    const Profile& profile, QObject* context, Opened opened, SignInNeeded signInNeeded)
{
    m_secrets->read(profile.name, context, [this, profile, opened, signInNeeded](const Secrets& secrets) {
        QString why;
        if (!ProfileOpener::canOpen(profile, secrets, &why)) {
            signInNeeded(profile, why);
            return;
        }
        std::unique_ptr<ApiSession> session = ProfileOpener::open(profile, secrets, &why);
        if (!session) {
            signInNeeded(profile, why);
            return;
        }
        m_profiles->setLastUsed(profile.name);
        opened(std::move(session), profile);
    });
}

void SessionController::keepSignIn(
    const Profile& profile, const Secrets& secrets, QObject* context, std::function<void()> saved)
{
    m_profiles->save(profile);
    m_profiles->setLastUsed(profile.name);
    m_secrets->write(profile.name, secrets, context, std::move(saved));
}

void SessionController::keepRenewedToken(const Profile& profile, const Secrets& secrets, TokenProvider* auth)
{
    if (m_profiles->profile(profile.name))
        m_secrets->write(profile.name, secrets);
    auth->useUserToken(secrets.accessToken, secrets.accessTokenExpiresAt);
}

void SessionController::rememberOrg(const QString& profileName, const QString& orgName, const QString& orgId)
{
    if (auto profile = m_profiles->profile(profileName);
        profile && (profile->label != orgName || profile->orgId != orgId)) {
        profile->label = orgName;
        profile->orgId = orgId;
        m_profiles->save(*profile);
    }
}

QString SessionController::demoOrgId() const
{
    return m_demo ? m_demo->orgId() : QString();
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
            Q_EMIT organizationNamed(about, organization.name, organization.id);
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
