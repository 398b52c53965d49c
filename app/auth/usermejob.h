#pragma once

#include "api/apijob.h"
#include "auth/userme.h"

namespace bd {

/// Fetches the signed-in person (users/me); only a user token (browser sign-in) has one.
class UserMeJob final : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserMeJob)

public:
    /// Creates and starts the job; it deletes itself after finished().
    static UserMeJob* fetch(ApiClient* client, QObject* parent);

Q_SIGNALS:
    void userReady(const bd::UserMe& user);

private:
    UserMeJob(ApiClient* client, QObject* parent);
    void start();
};

} // namespace bd
