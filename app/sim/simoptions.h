#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace bd::sim {

/// Everything that shapes the simulator's behaviour; the defaults give a well-behaved, instant server.
struct SimOptions
{
    quint32 seed = 42; ///< seeds the data and every random decision (faults, tokens, ids)
    QString clientId = QStringLiteral("demo"); ///< the only OAuth client id accepted
    QString clientSecret = QStringLiteral("demo"); ///< its secret
    int tokenLifetimeSecs = 86399; ///< expires_in of issued tokens; enforced on the real clock
    /// The authorization-code (PKCE) client id; it has no secret.
    QString browserClientId = QStringLiteral("demo-browser");
    int authCodeLifetimeSecs = 300; ///< how long an authorization code can be exchanged (real clock)
    bool denyConsent = false; ///< /oauth/authorize redirects with error=access_denied
    int inProgressPolls = 0; ///< answer InProgress to the first K requests of each (startDate, endDate)
    /// Answer InProgress until this long after the first request of each (startDate, endDate): a report that
    /// takes time to generate, whatever the client's poll schedule.
    int inProgressMs = 0;
    int latencyMs = 0; ///< delay before every answer
    int rateLimitPerMinute = 0; ///< 0 = unlimited; else a per-token sliding 60 s window, over it → 429
    double serverErrorRate = 0; ///< fraction of API requests answered 503 (seeded RNG → deterministic)
    double dropRate = 0; ///< fraction of API connections aborted without an answer
    double malformedRate = 0; ///< fraction of API answers with a malformed JSON body
    bool denyBillingPermission = false; ///< 403 missing.any.permissions on billing endpoints
    int bulkResources = 0; ///< a large org: every complete report also bills this many bulk users
    /// Customer (trustor) orgs of the partner; past the 25 named ones, the catalogue's shapes repeat with new
    /// names, seeds and ids (a large partner).
    int trustorCount = 25;
    /// The demo org's last complete month bills a wave of contractors on one licence: an anomaly to find.
    bool plantAnomaly = false;
    QDateTime now; ///< fixed clock for deterministic data; invalid = system clock (UTC)
    quint16 port = 0; ///< CLI only: the port billing-sim listens on (0 = any free port)

    /// Parses the billing-sim command line (args[0] is the program name); nullopt and *error on bad input.
    static std::optional<SimOptions> fromArguments(const QStringList& args, QString* error);
    /// The --help text of billing-sim.
    static QString helpText();
};

} // namespace bd::sim
