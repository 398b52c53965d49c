#pragma once

#include <QString>

class QObject;

namespace bd {

class ApiSession;
struct Profile;
struct Secrets;

/// Opens an ApiSession for a profile and its secrets: client credentials renew themselves, a browser sign-in's
/// user token asks for a new sign-in when it runs out (AuthSession::reauthenticationNeeded()).
class ProfileSession final
{
public:
    /// True when the secrets are enough to open the profile without asking the person (a browser token that has
    /// not expired, a client secret, a pasted token); otherwise *why says what is missing.
    static bool canOpen(const Profile& profile, const Secrets& secrets, QString* why = nullptr);
    /// A session for the profile; nullptr with *error set when it cannot be opened.
    static ApiSession* open(const Profile& profile, const Secrets& secrets, QString* error,
                            QObject* parent = nullptr);
};

} // namespace bd
