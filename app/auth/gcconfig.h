#pragma once

#include "auth/profile.h"
#include "auth/secrets.h"

#include <QList>
#include <QString>

#include <optional>

namespace bd {

/// The Genesys CLI's profiles (`~/.gc/config.toml`, written by `gc profiles new`): one TOML table per profile
/// with `environment` (a host such as "mypurecloud.ie" or a region such as "eu-west-1"), `client_credentials`
/// (the client id), `client_secret`, `access_token`, `grant_type` ("1" client credentials, "2" implicit, "3"
/// PKCE) and `redirect_uri`. `region` and `client_id` are read as synonyms. Reads a small TOML subset:
/// tables, quoted and bare keys, basic and literal strings, integers, booleans and comments.
namespace GcConfig {

/// One profile of the file, mapped to this app's terms.
struct Entry
{
    QString name; ///< the table name, e.g. "DEFAULT"
    QString environment; ///< as written
    QString regionKey; ///< resolved region key ("eu_west_1"); empty when unknown
    QString clientId;
    QString clientSecret;
    QString accessToken;
    QString grantType;
    quint16 redirectPort = 0; ///< from redirect_uri, for PKCE profiles
    Profile::Method method = Profile::Method::ClientCredentials;
    QString problem; ///< why this entry cannot become a profile; empty when it can

    /// The profile to save (no secrets).
    Profile profile() const;
    /// The secrets to keep in the SecretStore.
    Secrets secrets() const;
};

/// Parses the file's text; nullopt with *error ("line 7: …") when it is not the TOML this reads.
std::optional<QList<Entry>> parse(const QString& text, QString* error);
/// Reads and parses a file.
std::optional<QList<Entry>> readFile(const QString& path, QString* error);
/// ~/.gc/config.toml
QString defaultPath();

} // namespace GcConfig

} // namespace bd
