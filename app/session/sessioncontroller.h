#pragma once

#include "api/apierror.h"
#include "auth/profile.h"

#include <QObject>

#include <functional>
#include <memory>

namespace bd {

class ApiSession;
class TokenProvider;
class DemoBackend;
class ProfileStore;
class SecretStore;
struct Secrets;

/// The window's org connections, without widgets: starts billing-sim's demo org (once, on a thread of its
/// own) and opens sessions on it, opens saved profiles with their keychain secrets (or says why a sign-in is
/// needed), keeps what a sign-in gives, and names the org (organizations/me) and the person signed in
/// (users/me). Every answer names the session it is about, so that an answer for an org the window has left
/// can be ignored.
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    /// What opening a profile gives: the session, or the reason a sign-in is needed first.
    using Opened = std::function<void(std::unique_ptr<ApiSession> session, const Profile& profile)>;
    using SignInNeeded = std::function<void(const Profile& profile, const QString& notice)>;

    SessionController(ProfileStore* profiles, SecretStore* secrets, QObject* parent = nullptr);
    ~SessionController() override;

    /// Opens a saved profile with its secret from the keychain; `opened` or `signInNeeded` follows, unless
    /// `context` is gone by then. The profile becomes the last used one once it opens.
    void openProfile(const Profile& profile, QObject* context, Opened opened, SignInNeeded signInNeeded);
    /// Keeps what a sign-in gave (the profile, and its secret in the keychain); `saved` follows.
    void keepSignIn(
        const Profile& profile, const Secrets& secrets, QObject* context, std::function<void()> saved);
    /// A browser sign-in renewed: the new token goes to the keychain and to the session's sign-in.
    void keepRenewedToken(const Profile& profile, const Secrets& secrets, TokenProvider* auth);
    /// Remembers the org's name and id with a saved profile, so that the profile menu can show the name and
    /// the stored data can be found next time before Genesys answers.
    void rememberOrg(const QString& profileName, const QString& orgName, const QString& orgId);

    /// A session on the demo org; nullptr with *error set when the simulator cannot start.
    std::unique_ptr<ApiSession> openDemo(QString* error);
    /// The demo org's id once openDemo() has started it; empty before.
    QString demoOrgId() const;
    /// Asks for the org's name: organizationNamed() or organizationFailed() follows.
    void nameOrganization(ApiSession* session);
    /// Asks who is signed in (a browser sign-in acts as a person): personNamed() follows when Genesys says.
    void namePerson(ApiSession* session);

Q_SIGNALS:
    void organizationNamed(bd::ApiSession* session, const QString& name, const QString& orgId);
    void organizationFailed(bd::ApiSession* session, const bd::ApiError& error);
    void personNamed(bd::ApiSession* session, const QString& name);

private:
    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    std::unique_ptr<DemoBackend> m_demo;
};

} // namespace bd
