#pragma once

#include <QString>

#include <memory>

namespace bd {

class ApiSession;
struct Profile;
struct Secrets;

/// Opens an ApiSession for a profile and its secrets: client credentials renew themselves, a browser
/// sign-in's user token asks for a new sign-in when it runs out (TokenProvider::reauthenticationNeeded()).
namespace ProfileOpener {

/// True when the secrets are enough to open the profile without asking the person (a browser token that has
/// not expired, a client secret, a pasted token); otherwise *why says what is missing.
bool canOpen(const Profile& profile, const Secrets& secrets, QString* why = nullptr);
/// A session for the profile; nullptr with *error set when it cannot be opened.
std::unique_ptr<ApiSession> open(const Profile& profile, const Secrets& secrets, QString* error);

} // namespace ProfileOpener

} // namespace bd
