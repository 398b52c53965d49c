#include "sim/simoptions.h"

#include "sim/wiredate.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

struct Flags
{
    QCommandLineOption port { u"port"_s, u"TCP port to listen on (0 = any free port; printed on stdout)."_s,
        u"N"_s, u"0"_s };
    QCommandLineOption seed { u"seed"_s, u"Seed of the demo data and of every random decision."_s, u"S"_s,
        u"42"_s };
    QCommandLineOption clientId { u"client-id"_s, u"OAuth client id accepted by /oauth/token."_s, u"ID"_s,
        u"demo"_s };
    QCommandLineOption clientSecret { u"client-secret"_s, u"OAuth client secret."_s, u"SECRET"_s, u"demo"_s };
    QCommandLineOption browserClientId { u"browser-client-id"_s,
        u"OAuth client id of the browser sign-in (authorization code with PKCE)."_s, u"ID"_s,
        u"demo-browser"_s };
    QCommandLineOption denyConsent { u"deny-consent"_s,
        u"Answer every browser sign-in with error=access_denied (the person declined)."_s };
    QCommandLineOption inProgressPolls { u"in-progress-polls"_s,
        u"Answer InProgress to the first K polls of each billable-usage report."_s, u"K"_s, u"0"_s };
    QCommandLineOption inProgressSeconds { u"in-progress-seconds"_s,
        u"Answer InProgress until S seconds after the first request of each billable-usage report."_s, u"S"_s,
        u"0"_s };
    QCommandLineOption latency { u"latency-ms"_s, u"Delay every answer by MS milliseconds."_s, u"MS"_s,
        u"0"_s };
    QCommandLineOption rateLimit { u"rate-limit"_s,
        u"Requests per token per sliding minute before 429 (0 = unlimited)."_s, u"PER_MIN"_s, u"0"_s };
    QCommandLineOption errorRate { u"error-rate"_s, u"Fraction of API requests answered 503."_s, u"F"_s,
        u"0"_s };
    QCommandLineOption dropRate { u"drop-rate"_s, u"Fraction of API connections aborted without an answer."_s,
        u"F"_s, u"0"_s };
    QCommandLineOption malformedRate { u"malformed-rate"_s,
        u"Fraction of API answers with a malformed JSON body."_s, u"F"_s, u"0"_s };
    QCommandLineOption tokenLifetime { u"token-lifetime"_s, u"Lifetime of issued tokens in seconds."_s,
        u"SECS"_s, u"86399"_s };
    QCommandLineOption bulkResources { u"bulk-resources"_s,
        u"A large org: every complete report also bills N bulk users of one licence."_s, u"N"_s, u"0"_s };
    QCommandLineOption trustors { u"trustors"_s,
        u"Customer orgs that trust the partner (a large partner: the 25 demo shapes repeat with new names)."_s,
        u"N"_s, u"25"_s };
    QCommandLineOption plantAnomaly { u"plant-anomaly"_s,
        u"The demo org's last complete month also bills 25 contractors on Genesys Cloud CX 1, and the first "
        u"customer's last closed period 25 more seats on its first seat line: anomalies."_s };
    QCommandLineOption deny { u"deny-billing-permission"_s,
        u"Answer 403 missing.any.permissions on the billing endpoints."_s };
    QCommandLineOption now { u"now"_s,
        u"Fixed clock for the demo data, e.g. 2026-11-26T12:00:00Z (default: the system clock)."_s,
        u"ISO"_s };

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({ port, seed, clientId, clientSecret, browserClientId, denyConsent, inProgressPolls,
            inProgressSeconds, latency, rateLimit, errorRate, dropRate, malformedRate, tokenLifetime,
            bulkResources, trustors, plantAnomaly, deny, now });
    }
};

void setUp(QCommandLineParser& parser, const Flags& flags)
{
    parser.setApplicationDescription(
        u"billing-sim: a local simulator of the Genesys Cloud billing API (OAuth client credentials and "
        u"authorization code with PKCE, billable usage, trustee billing overview, trustors, organizations/me, users/me)."_s);
    parser.addHelpOption();
    flags.addTo(parser);
}

bool readInt(const QCommandLineParser& p, const QCommandLineOption& o, qint64 min, qint64 max, qint64* out,
    QString* error)
{
    bool ok = false;
    const QString text = p.value(o);
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = u"--%1: expected an integer in [%2, %3], got '%4'"_s.arg(o.names().constFirst())
                     .arg(min)
                     .arg(max)
                     .arg(text);
        return false;
    }
    *out = v;
    return true;
}

bool readRate(const QCommandLineParser& p, const QCommandLineOption& o, double* out, QString* error)
{
    bool ok = false;
    const QString text = p.value(o);
    const double v = text.toDouble(&ok);
    if (!ok || !(v >= 0.0 && v <= 1.0)) {
        *error = u"--%1: expected a fraction in [0, 1], got '%2'"_s.arg(o.names().constFirst(), text);
        return false;
    }
    *out = v;
    return true;
}

} // namespace

QString SimOptions::helpText()
{
    QCommandLineParser parser;
    const Flags flags;
    setUp(parser, flags);
    return parser.helpText();
}

std::optional<SimOptions> SimOptions::fromArguments(const QStringList& args, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QCommandLineParser parser;
    const Flags flags;
    setUp(parser, flags);
    if (!parser.parse(args)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    SimOptions o;
    qint64 v = 0;
    if (!readInt(parser, flags.port, 0, 65535, &v, error))
        return std::nullopt;
    o.port = quint16(v);
    if (!readInt(parser, flags.seed, 0, 0xFFFFFFFFLL, &v, error))
        return std::nullopt;
    o.seed = quint32(v);
    o.clientId = parser.value(flags.clientId);
    o.clientSecret = parser.value(flags.clientSecret);
    o.browserClientId = parser.value(flags.browserClientId);
    o.denyConsent = parser.isSet(flags.denyConsent);
    if (!readInt(parser, flags.inProgressPolls, 0, 1'000'000, &v, error))
        return std::nullopt;
    o.inProgressPolls = int(v);
    if (!readInt(parser, flags.inProgressSeconds, 0, 86'400, &v, error))
        return std::nullopt;
    o.inProgressMs = int(v) * 1000;
    if (!readInt(parser, flags.latency, 0, 600'000, &v, error))
        return std::nullopt;
    o.latencyMs = int(v);
    if (!readInt(parser, flags.rateLimit, 0, 1'000'000, &v, error))
        return std::nullopt;
    o.rateLimitPerMinute = int(v);
    if (!readInt(parser, flags.tokenLifetime, 1, 100'000'000, &v, error))
        return std::nullopt;
    o.tokenLifetimeSecs = int(v);
    if (!readInt(parser, flags.bulkResources, 0, 10'000'000, &v, error))
        return std::nullopt;
    o.bulkResources = int(v);
    if (!readInt(parser, flags.trustors, 0, 5000, &v, error))
        return std::nullopt;
    o.trustorCount = int(v);
    o.plantAnomaly = parser.isSet(flags.plantAnomaly);
    if (!readRate(parser, flags.errorRate, &o.serverErrorRate, error)
        || !readRate(parser, flags.dropRate, &o.dropRate, error)
        || !readRate(parser, flags.malformedRate, &o.malformedRate, error))
        return std::nullopt;
    o.denyBillingPermission = parser.isSet(flags.deny);
    if (parser.isSet(flags.now)) {
        const auto now = WireDate::parse(parser.value(flags.now));
        if (!now) {
            *error = u"--now: expected an ISO-8601 UTC date such as 2026-11-26T12:00:00Z, got '%1'"_s.arg(
                parser.value(flags.now));
            return std::nullopt;
        }
        o.now = *now;
    }
    return o;
}

} // namespace bd::sim
