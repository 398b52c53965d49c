#include "cli/exportoptions.h"

#include "auth/profilestore.h"
#include "cli/connectionoptions.h"
#include "domain/datacutoff.h"
#include "domain/licencecommitment.h"
#include "domain/orgid.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

std::optional<std::pair<int, int>> parsePeriods(const QString& text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+)\\s*(?:-\\s*(\\d+))?\\s*$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int first = match.captured(1).toInt();
    const int last = match.captured(2).isEmpty() ? first : match.captured(2).toInt();
    if (last < first || last > 240)
        return std::nullopt;
    return std::make_pair(first, last);
}

/// The export's own options beside the shared connection options.
struct ExportParser
{
    QCommandLineParser parser;
    ConnectionOptions connection;
    QCommandLineOption start { u"start"_s, u"First day of a usage export (YYYY-MM-DD)."_s, u"date"_s };
    QCommandLineOption end { u"end"_s, u"Last day of a usage export (YYYY-MM-DD)."_s, u"date"_s };
    QCommandLineOption granularity { u"granularity"_s, u"day, week, month (default) or quarter."_s,
        u"size"_s };
    QCommandLineOption trustor { u"trustor"_s, u"The customer org of an overview export."_s, u"org-id"_s };
    QCommandLineOption periods { u"periods"_s,
        u"Billing periods of an overview or portfolio export, N or FIRST-LAST "
        "(default 0-12; 0 is the active period)."_s,
        u"range"_s };
    QCommandLineOption threshold { u"threshold"_s,
        u"Portfolio: the share of a commitment, in %, from which a line is near it (default 90)."_s,
        u"percent"_s };
    QCommandLineOption out { u"out"_s, u"The CSV file to write, or - for standard output."_s, u"file"_s };
    QCommandLineOption rateLimit { u"rate-limit"_s, u"Requests per minute (default 300)."_s, u"n"_s };

    ExportParser()
    {
        parser.addPositionalArgument(u"what"_s, u"usage, overview or portfolio"_s);
        parser.addOptions({ start, end, granularity, trustor, periods, threshold, out, rateLimit });
        connection.addTo(parser);
    }
};

/// Reads the connection options (with the environment under them, and a saved profile's place and client
/// id between the two) into `options`; the reason they do not go together, or an empty string.
QString readConnection(const QCommandLineParser& parser, const ConnectionOptions& connection,
    const QProcessEnvironment& environment, const ProfileStore* profiles, ExportOptions& options)
{
    options.demo = connection.demo(parser);
    if (const QString conflict = connection.storeConflict(parser); !conflict.isEmpty())
        return conflict;
    options.storePath = connection.storePath(parser);
    options.offline = connection.offline(parser);

    ConnectionSettings base = ConnectionSettings::fromEnvironment(environment);
    if (const QString profileName = connection.profileName(parser); !profileName.isEmpty()) {
        std::unique_ptr<ProfileStore> own;
        if (!profiles) {
            own = std::make_unique<ProfileStore>();
            profiles = own.get();
        }
        const auto profile = profiles->profile(profileName);
        if (!profile) {
            const QStringList known = profiles->names();
            return known.isEmpty()
                ? u"no profile “%1”: no profiles are saved yet (sign in from the dashboard)"_s.arg(
                    profileName)
                : u"no profile “%1”; saved profiles: %2"_s.arg(profileName, known.join(u", "_s));
        }
        // The profile says where and as whom; the environment's secrets belong to whatever it pointed at.
        base = profile->connectionSettings();
        options.profile = profile;
    }
    options.connection = base.overriddenBy(connection.given(parser));
    options.secretGiven
        = !options.connection.clientSecret.isEmpty() || !options.connection.accessToken.isEmpty();

    return {};
}

QString readRateLimit(
    const QCommandLineParser& parser, const QCommandLineOption& option, ExportOptions& options)
{
    if (!parser.isSet(option))
        return {};
    const QString value = parser.value(option);
    bool ok = false;
    options.rateLimitPerMinute = value.toInt(&ok);
    return ok && options.rateLimitPerMinute >= 1 ? QString()
                                                 : u"--rate-limit “%1” is not a positive number"_s.arg(value);
}

QString readThreshold(
    const QCommandLineParser& parser, const QCommandLineOption& option, ExportOptions& options)
{
    if (!parser.isSet(option))
        return {};
    const QString value = parser.value(option);
    bool ok = false;
    options.thresholdPercent = value.toInt(&ok);
    return ok && options.thresholdPercent >= 1 && options.thresholdPercent <= 100
        ? QString()
        : u"--threshold “%1”: use a percentage from 1 to 100"_s.arg(value);
}

/// The check's own options beside the shared connection options.
struct CheckParser
{
    QCommandLineParser parser;
    ConnectionOptions connection;
    QCommandLineOption threshold { u"threshold"_s,
        u"The share of a commitment, in %, from which a licence or customer is near it (default 90)."_s,
        u"percent"_s };
    QCommandLineOption portfolio {
        u"portfolio"_s,
        u"Check every customer org that trusts yours (a partner's portfolio) instead of your own licences."_s
    };
    QCommandLineOption commitment { u"commitment"_s,
        u"A licence's commitment per billing cycle, LICENCE=QUANTITY or LICENCE=QUANTITY@FIRST-DAY; repeat "
        u"it "
        "for each licence. Given ones replace those entered in the dashboard."_s,
        u"licence=quantity"_s };
    QCommandLineOption cycleDay { u"cycle-day"_s,
        u"The day your billing cycle starts on (default 1: calendar months)."_s, u"day"_s };
    QCommandLineOption stateFile { u"state-file"_s,
        u"Where to remember what was told, instead of the local store (a file of its own)."_s, u"file"_s };
    QCommandLineOption changesOnly {
        u"changes-only"_s,
        u"Print nothing when no state changed since the last check (for a cron job that mails its output)."_s
    };
    QCommandLineOption rateLimit { u"rate-limit"_s, u"Requests per minute (default 300)."_s, u"n"_s };

    CheckParser()
    {
        parser.addOptions({ threshold, portfolio, commitment, cycleDay, stateFile, changesOnly, rateLimit });
        connection.addTo(parser);
    }
};

/// Why the options cannot reach anyone's data (nothing to sign in with, or --offline without an org), or
/// an empty string.
QString credentialProblem(const ExportOptions& options)
{
    if (options.offline && !options.demo && !options.profile)
        return u"--offline needs to know whose stored data to read: give --profile of a profile the "
               "dashboard has opened, or --demo"_s;
    if (!options.demo && !options.profile && !options.connection.hasCredentials())
        return u"no credentials: give --client-id and --client-secret or --access-token, set "
               "GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, or use --demo"_s;
    return {};
}

} // namespace

QString ExportOptions::checkHelpText()
{
    CheckParser options;
    QString optionList = options.parser.helpText();
    optionList = optionList.mid(optionList.indexOf(u"Options:"_s)).trimmed();
    return uR"(Usage:
  billing-dashboard check [--threshold 90] [--commitment "LICENCE=QUANTITY"]… [--cycle-day N] [connection]
  billing-dashboard check --portfolio [--threshold 90] [connection]

Checks where your licences stand against their commitments in the current billing cycle (or, with
--portfolio, where every customer org that trusts yours stands in its active billing period), for Nagios,
Icinga and other monitoring systems, or a cron job:

  BILLING WARNING - 1 licence at or above 90 %: Genesys Cloud CX 3 94 %

then one line for each licence or customer that is not ok. A state is ok, on-demand (usage with no
commitment), warning (at or above the threshold), projected (projected to pass the commitment before the
cycle ends), exceeded, or ramp (a partner period in its ramp, when usage is not billed).

What each check told is remembered (in the local store, or --state-file), per licence or customer and billing
period: a line is marked "new" when its state changed since the last check, or an exceeded one has gone a
further 25 % past its commitment. With --changes-only nothing is printed when nothing is new.

)"_s + optionList
        + u"\n\nExit status: 0 OK; 1 WARNING (at or above the threshold); 2 CRITICAL (exceeded, or projected "
          u"to "
          u"exceed\nbefore the period ends); 3 UNKNOWN (bad options, cannot sign in, or nothing could be read).\n"_s;
}

std::optional<ExportOptions> ExportOptions::parseCheck(const QStringList& arguments,
    const QProcessEnvironment& environment, const QDate& today, QString* error, const ProfileStore* profiles)
{
    auto refuse = [error](const QString& why) -> std::optional<ExportOptions> {
        *error = why;
        return std::nullopt;
    };
    CheckParser p;
    if (!p.parser.parse(QStringList { u"billing-dashboard check"_s } + arguments))
        return refuse(p.parser.errorText() + u" (see --help)"_s);
    // A stray word is not echoed: it may be a secret that lost its option name.
    if (!p.parser.positionalArguments().isEmpty())
        return refuse(u"unexpected argument in position %1 (options start with --; see --help)"_s.arg(
            arguments.indexOf(p.parser.positionalArguments().first()) + 1));
    ExportOptions options;
    options.what = What::Check;
    options.lastCompleteDay = DataCutoff::lastCompleteDay(today);
    options.portfolio = p.parser.isSet(p.portfolio);
    options.stateFilePath = p.parser.value(p.stateFile);
    options.changesOnly = p.parser.isSet(p.changesOnly);
    if (const QString problem = readThreshold(p.parser, p.threshold, options); !problem.isEmpty())
        return refuse(problem);
    if (const QString problem = readRateLimit(p.parser, p.rateLimit, options); !problem.isEmpty())
        return refuse(problem);
    if (p.parser.isSet(p.cycleDay)) {
        bool ok = false;
        options.cycleDay = p.parser.value(p.cycleDay).toInt(&ok);
        if (!ok || options.cycleDay < 1 || options.cycleDay > 31)
            return refuse(u"--cycle-day “%1”: use a day from 1 to 31"_s.arg(p.parser.value(p.cycleDay)));
    }
    for (const QString& text : p.parser.values(p.commitment)) {
        QString why;
        const auto commitment = LicenceCommitments::parse(text, &why);
        if (!commitment)
            return refuse(u"--commitment "_s + why);
        options.commitments.append(*commitment);
    }
    if (options.portfolio) {
        for (const QCommandLineOption* option : { &p.commitment, &p.cycleDay }) {
            if (p.parser.isSet(*option))
                return refuse(u"--%1 does not apply with --portfolio: each customer's commitments come from "
                              "its billing periods"_s.arg(option->names().first()));
        }
    }
    if (const QString problem = readConnection(p.parser, p.connection, environment, profiles, options);
        !problem.isEmpty())
        return refuse(problem);
    if (options.portfolio && options.offline)
        return refuse(u"--offline cannot check a portfolio: the list of customers is read from Genesys Cloud "
                      "each time"_s);
    if (const QString problem = credentialProblem(options); !problem.isEmpty())
        return refuse(problem);
    return options;
}

QString ExportOptions::helpText()
{
    ExportParser options;
    QString optionList = options.parser.helpText();
    optionList = optionList.mid(optionList.indexOf(u"Options:"_s));
    optionList = optionList.left(optionList.indexOf(u"Arguments:"_s)).trimmed();
    return uR"(Usage:
  billing-dashboard export usage --start YYYY-MM-DD --end YYYY-MM-DD [--granularity day|week|month|quarter] --out FILE.csv
  billing-dashboard export overview --trustor ORG_ID [--periods 0-12] --out FILE.csv
  billing-dashboard export portfolio [--periods 0-12] [--threshold 90] --out FILE.csv

A portfolio export reads every customer org that trusts yours and writes one row per customer, billing period
and part number, with its commitment state (ok, on-demand, warning, projected, exceeded, ramp); a customer that
cannot be read is a row with its state and error code. It prints one summary line per currency.

The connection options are read from the Genesys CLI's variables GENESYSCLOUD_REGION,
GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_ACCESS_TOKEN too; options win.

Every report fetched is kept in the local store, which the dashboard shares: windows that had ended and closed
billing periods found there are not fetched again. --no-store bypasses it; --offline asks Genesys for nothing.

)"_s + optionList
        + u"\n\nThe CSV is RFC 4180 in UTF-8 with a header row, written atomically: a failed export leaves "
          u"no file.\n"
          "Exit status: 0 written; 1 failed, nothing written; 2 bad options; 3 written, but no report in the "
          "range\n"
          "lists any usage (a range before the org's first usage is more likely a mistake than an answer).\n"
          "A portfolio export fails (1) only when no customer's billing could be read.\n"_s;
}

std::optional<ExportOptions> ExportOptions::parse(const QStringList& arguments,
    const QProcessEnvironment& environment, const QDate& today, QString* error, const ProfileStore* profiles)
{
    auto refuse = [error](const QString& why) -> std::optional<ExportOptions> {
        *error = why;
        return std::nullopt;
    };
    ExportParser p;
    // QCommandLineParser's messages name an option, never its value: a value may be a secret.
    if (!p.parser.parse(QStringList { u"billing-dashboard export"_s } + arguments))
        return refuse(p.parser.errorText() + u" (see --help)"_s);
    const QStringList words = p.parser.positionalArguments();
    if (words.isEmpty())
        return refuse(u"say what to export: usage, overview or portfolio (see --help)"_s);
    if (words.size() > 1)
        return refuse(u"unexpected argument in position %1 (options start with --; see --help)"_s.arg(2));
    ExportOptions options;
    options.lastCompleteDay = DataCutoff::lastCompleteDay(today);
    if (words.first() == u"usage"_s)
        options.what = What::Usage;
    else if (words.first() == u"overview"_s)
        options.what = What::Overview;
    else if (words.first() == u"portfolio"_s)
        options.what = What::Portfolio;
    else
        return refuse(u"unknown export “%1”: use usage, overview or portfolio"_s.arg(words.first()));

    // An option of another kind of export is a mistake, not something to ignore in silence.
    QList<const QCommandLineOption*> foreign;
    switch (options.what) {
    case What::Usage:
        foreign = { &p.trustor, &p.periods, &p.threshold };
        break;
    case What::Overview:
        foreign = { &p.start, &p.end, &p.granularity, &p.threshold };
        break;
    case What::Portfolio:
    case What::Check: // parseCheck() reads a check
        foreign = { &p.start, &p.end, &p.granularity, &p.trustor };
        break;
    }
    for (const QCommandLineOption* option : foreign) {
        if (p.parser.isSet(*option))
            return refuse(u"--%1 does not apply to %2 exports (see --help)"_s.arg(
                option->names().first(), words.first()));
    }

    for (const QCommandLineOption* option : { &p.start, &p.end }) {
        if (!p.parser.isSet(*option))
            continue;
        const QString value = p.parser.value(*option);
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            return refuse(u"--%1 “%2” is not a date: use YYYY-MM-DD"_s.arg(option->names().first(), value));
        (option == &p.start ? options.start : options.end) = date;
    }
    if (p.parser.isSet(p.granularity)) {
        const QString value = p.parser.value(p.granularity);
        const auto granularity = granularityFromName(value);
        if (!granularity)
            return refuse(u"--granularity “%1”: use day, week, month or quarter"_s.arg(value));
        options.granularity = *granularity;
    }
    options.outPath = p.parser.value(p.out);
    options.trustorOrgId = p.parser.value(p.trustor).trimmed();
    if (const QString problem = readRateLimit(p.parser, p.rateLimit, options); !problem.isEmpty())
        return refuse(problem);
    if (const QString problem = readConnection(p.parser, p.connection, environment, profiles, options);
        !problem.isEmpty())
        return refuse(problem);

    if (options.outPath.isEmpty())
        return refuse(u"--out FILE is required"_s);
    if (options.what == What::Usage) {
        if (!options.start.isValid() || !options.end.isValid())
            return refuse(u"--start and --end are required for a usage export"_s);
        if (options.start > options.end)
            return refuse(u"--start %1 is after --end %2"_s.arg(
                options.start.toString(Qt::ISODate), options.end.toString(Qt::ISODate)));
        if (options.start > today)
            return refuse(u"--start %1 is in the future: there is no usage yet"_s.arg(
                options.start.toString(Qt::ISODate)));
        if (options.end > today)
            options.end = today; // usage after today does not exist yet
    } else if (options.what == What::Overview) {
        if (options.trustorOrgId.isEmpty())
            return refuse(u"--trustor ORG_ID is required for an overview export"_s);
        if (const QString problem = OrgId::problem(options.trustorOrgId); !problem.isEmpty())
            return refuse(u"--trustor: "_s + problem
                + (OrgId::looksLikeName(options.trustorOrgId)
                        ? u" That looks like a name: the dashboard's Partner page lists each customer's id."_s
                        : QString()));
        options.trustorOrgId = OrgId::canonical(options.trustorOrgId);
        if (const QString periods = p.parser.value(p.periods); !periods.isEmpty()) {
            const auto range = parsePeriods(periods);
            if (!range)
                return refuse(u"--periods “%1”: use N or FIRST-LAST, e.g. 0-12"_s.arg(periods));
            options.firstPeriod = range->first;
            options.lastPeriod = range->second;
        }
    }
    if (options.what == What::Portfolio) {
        if (options.offline)
            return refuse(u"--offline cannot export a portfolio: the list of customers is read from Genesys "
                          "Cloud each time"_s);
        if (const QString periods = p.parser.value(p.periods); !periods.isEmpty()) {
            const auto range = parsePeriods(periods);
            if (!range || range->second > 60)
                return refuse(u"--periods “%1”: use N or FIRST-LAST up to 60, e.g. 0-12"_s.arg(periods));
            options.firstPeriod = range->first;
            options.lastPeriod = range->second;
        }
        if (const QString problem = readThreshold(p.parser, p.threshold, options); !problem.isEmpty())
            return refuse(problem);
    }
    if (const QString problem = credentialProblem(options); !problem.isEmpty())
        return refuse(problem);
    return options;
}

} // namespace bd
