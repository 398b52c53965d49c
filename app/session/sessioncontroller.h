#pragma once

#include "api/apierror.h"

#include <QObject>

#include <memory>

namespace bd {

class ApiSession;
class DemoBackend;

/// The window's org connections, without widgets: starts billing-sim's demo org (once, on a thread of its own)
/// and opens sessions on it, and names the org (organizations/me) and the person signed in (users/me). Every
/// answer names the session it is about, so that an answer for an org the window has left can be ignored.
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    explicit SessionController(QObject* parent = nullptr);
    ~SessionController() override;

    /// A session on the demo org; nullptr with *error set when the simulator cannot start.
    std::unique_ptr<ApiSession> openDemo(QString* error);
    /// Asks for the org's name: organizationNamed() or organizationFailed() follows.
    void nameOrganization(ApiSession* session);
    /// Asks who is signed in (a browser sign-in acts as a person): personNamed() follows when Genesys says.
    void namePerson(ApiSession* session);

Q_SIGNALS:
    void organizationNamed(bd::ApiSession* session, const QString& name);
    void organizationFailed(bd::ApiSession* session, const bd::ApiError& error);
    void personNamed(bd::ApiSession* session, const QString& name);

private:
    std::unique_ptr<DemoBackend> m_demo;
};

} // namespace bd
