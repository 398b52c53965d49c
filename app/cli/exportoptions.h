#pragma once

#include "api/connectionsettings.h"
#include "auth/profile.h"
#include "domain/granularity.h"
#include "domain/licencecommitment.h"

#include <QDate>

#include <optional>

class QProcessEnvironment;

namespace bd {

class ProfileStore;

/// What `billing-dashboard export …` or `billing-dashboard check …` was asked to do.
struct ExportOptions
{
    enum class What { Usage, Overview, Portfolio, Check };
    What what = What::Usage;
    QDate start;
    QDate end; ///< clipped to today
    QDate lastCompleteDay; ///< the data cut-off: DataCutoff::lastCompleteDay(today)
    Granularity granularity = Granularity::Month;
    QString trustorOrgId;
    int firstPeriod = 0;
    int lastPeriod = 12;
    int thresholdPercent = 90; ///< portfolio: a line at or above this share of its commitment is a warning
    QString outPath;
    // check
    bool portfolio = false; ///< --portfolio: every customer's active period, not the org's own licences
    int cycleDay = 1; ///< the day the org's billing cycle starts on
    QList<LicenceCommitment> commitments; ///< --commitment: replaces the ones the store keeps
    QString stateFilePath; ///< --state-file: where what was told is remembered, instead of the store
    bool changesOnly = false; ///< --changes-only: print nothing when nothing is news
    ConnectionSettings connection;
    std::optional<Profile> profile; ///< --profile NAME: a saved profile; its secret is read from the keychain
    bool secretGiven = false; ///< the secret or token came from the command line or the environment
    bool demo = false;
    int rateLimitPerMinute = 300;
    QString storePath; ///< the local store (--store, or the default); empty with --no-store
    bool offline = false; ///< --offline: the store alone answers

    /// Reads the words after "export" (with the Genesys CLI's environment variables under the options).
    /// nullopt with *error set when they do not make a valid export; `today` (UTC) bounds the usage range and
    /// sets the cut-off.
    /// With --profile, `profiles` says where saved profiles live (nullptr: the dashboard's own settings); the
    /// profile's place and client id sit under the command-line options and over the environment.
    static std::optional<ExportOptions> parse(const QStringList& arguments,
        const QProcessEnvironment& environment, const QDate& today, QString* error,
        const ProfileStore* profiles = nullptr);
    /// The --help text.
    static QString helpText();
    /// Reads the words after "check": What::Check, with the same connection options as the exports.
    static std::optional<ExportOptions> parseCheck(const QStringList& arguments,
        const QProcessEnvironment& environment, const QDate& today, QString* error,
        const ProfileStore* profiles = nullptr);
    /// The check's --help text.
    static QString checkHelpText();
};

} // namespace bd
