#pragma once

#include "api/connectionsettings.h"

#include <QCommandLineOption>

class QCommandLineParser;

namespace bd {

/// The options that say where and as whom to connect, shared by the dashboard and the headless export so that
/// the two option lists cannot drift: --region, --base-url, --login-url, --client-id, --client-secret,
/// --access-token, --profile and --demo.
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

private:
    QCommandLineOption m_region;
    QCommandLineOption m_baseUrl;
    QCommandLineOption m_loginUrl;
    QCommandLineOption m_clientId;
    QCommandLineOption m_clientSecret;
    QCommandLineOption m_accessToken;
    QCommandLineOption m_profile;
    QCommandLineOption m_demo;
};

} // namespace bd
