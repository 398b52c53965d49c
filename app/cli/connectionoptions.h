#pragma once

#include "api/connectionsettings.h"

#include <QCommandLineOption>

class QCommandLineParser;

namespace bd {

/// The options that say where and as whom to connect, shared by the dashboard and the headless export so that
/// the two option lists cannot drift: --region, --base-url, --login-url, --client-id, --client-secret,
/// --access-token, --profile and --demo; and where fetched reports are kept: --store, --no-store and
/// --offline.
class ConnectionOptions final
{
public:
    ConnectionOptions();

    /// Adds the options to a parser.
    void addTo(QCommandLineParser& parser) const;

    /// What the command line gave (the environment is read by ConnectionSettings::fromEnvironment()).
    ConnectionSettings given(const QCommandLineParser& parser) const;
    /// --profile NAME, trimmed; empty when not given.
    QString profileName(const QCommandLineParser& parser) const;
    /// --demo: billing-sim's demo org instead of Genesys Cloud.
    bool demo(const QCommandLineParser& parser) const;
    /// The local store's file: --store PATH, else the default one; empty with --no-store.
    QString storePath(const QCommandLineParser& parser) const;
    /// --offline: the store alone answers, and nothing is asked of Genesys.
    bool offline(const QCommandLineParser& parser) const;
    /// Why the store options given do not go together (--no-store with --store or --offline), or empty.
    QString storeConflict(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_region;
    QCommandLineOption m_baseUrl;
    QCommandLineOption m_loginUrl;
    QCommandLineOption m_clientId;
    QCommandLineOption m_clientSecret;
    QCommandLineOption m_accessToken;
    QCommandLineOption m_profile;
    QCommandLineOption m_demo;
    QCommandLineOption m_store;
    QCommandLineOption m_noStore;
    QCommandLineOption m_offline;
};

} // namespace bd
