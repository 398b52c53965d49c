#include "export/exportcommand.h"

#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/apisession.h"
#include "api/billingapi.h"
#include "auth/profilesession.h"
#include "auth/profilestore.h"
#include "auth/secretstore.h"
#include "domain/billingusagereport.h"
#include "domain/datebuckets.h"
#include "domain/trusteebillingoverview.h"
#include "export/csvwriter.h"
#include "export/overviewcsv.h"
#include "export/usagecsv.h"
#include "load/periodwalker.h"
#include "load/usageseriesloader.h"
#include "sim/billingsimserver.h"

#include <QProcessEnvironment>
#include <QRegularExpression>

#include <cstdio>
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

} // namespace

QString ExportOptions::helpText()
{
    return uR"(Usage:
  billing-dashboard export usage --start YYYY-MM-DD --end YYYY-MM-DD [--granularity day|week|month|quarter] --out FILE.csv
  billing-dashboard export overview --trustor ORG_ID [--periods 0-12] --out FILE.csv

Connection (the Genesys CLI's variables GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_ACCESS_TOKEN are read too; options win):
  --region KEY           e.g. us_east_1, eu_west_1, or a host such as mypurecloud.ie
  --base-url URL         an explicit API base (https, or http to this computer)
  --login-url URL        the sign-in base when it differs from --base-url
  --client-id ID --client-secret SECRET
  --access-token TOKEN   (a secret on the command line is visible to other local users in the process
                         list; prefer the environment variables or --profile)
  --profile NAME         a profile saved in the dashboard (place, sign-in method, client id); its secret or
                         token comes from the system keychain. Options given here win over the profile, and the
                         profile over the environment variables.
  --rate-limit N         requests per minute (default 300)
  --demo                 use the built-in billing-sim demo org instead of Genesys Cloud

The CSV is RFC 4180 in UTF-8 with a header row, written atomically: a failed export leaves no file.
)"_s;
}

std::optional<ExportOptions> ExportOptions::parse(const QStringList& arguments, const QProcessEnvironment& environment,
                                                  const QDate& today, QString* error, const ProfileStore* profiles)
{
    auto refuse = [error](const QString& why) -> std::optional<ExportOptions> {
        *error = why;
        return std::nullopt;
    };
    if (arguments.isEmpty())
        return refuse(u"say what to export: usage or overview (see --help)"_s);
    ExportOptions options;
    if (arguments.first() == u"usage"_s)
        options.what = What::Usage;
    else if (arguments.first() == u"overview"_s)
        options.what = What::Overview;
    else
        return refuse(u"unknown export “%1”: use usage or overview"_s.arg(arguments.first()));

    ConnectionSettings given;
    QString periods;
    QString profileName;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        // "--name value" and "--name=value". A value is never echoed in a message: it may be a secret.
        QString name = arguments.at(i);
        std::optional<QString> inlineValue;
        if (const qsizetype equals = name.indexOf(u'='); name.startsWith(u"--"_s) && equals > 0) {
            inlineValue = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (name == u"--demo"_s && !inlineValue) {
            options.demo = true;
            continue;
        }
        if (!name.startsWith(u"--"_s))
            return refuse(u"unexpected argument in position %1 (options start with --; see --help)"_s.arg(i + 1));
        if (!inlineValue && i + 1 >= arguments.size())
            return refuse(u"%1 needs a value"_s.arg(name));
        const QString value = inlineValue ? *inlineValue : arguments.at(++i);
        if (name == u"--start"_s || name == u"--end"_s) {
            const QDate date = QDate::fromString(value, Qt::ISODate);
            if (!date.isValid())
                return refuse(u"%1 “%2” is not a date: use YYYY-MM-DD"_s.arg(name, value));
            (name == u"--start"_s ? options.start : options.end) = date;
        } else if (name == u"--granularity"_s) {
            const auto granularity = granularityFromName(value);
            if (!granularity)
                return refuse(u"--granularity “%1”: use day, week, month or quarter"_s.arg(value));
            options.granularity = *granularity;
        } else if (name == u"--out"_s) {
            options.outPath = value;
        } else if (name == u"--trustor"_s) {
            options.trustorOrgId = value.trimmed();
        } else if (name == u"--periods"_s) {
            periods = value;
        } else if (name == u"--region"_s) {
            given.region = value;
        } else if (name == u"--base-url"_s) {
            given.baseUrl = QUrl(value);
        } else if (name == u"--login-url"_s) {
            given.loginUrl = QUrl(value);
        } else if (name == u"--client-id"_s) {
            given.clientId = value;
        } else if (name == u"--client-secret"_s) {
            given.clientSecret = value;
        } else if (name == u"--access-token"_s) {
            given.accessToken = value;
        } else if (name == u"--profile"_s) {
            profileName = value.trimmed();
        } else if (name == u"--rate-limit"_s) {
            bool ok = false;
            options.rateLimitPerMinute = value.toInt(&ok);
            if (!ok || options.rateLimitPerMinute < 1)
                return refuse(u"--rate-limit “%1” is not a positive number"_s.arg(value));
        } else {
            return refuse(u"unknown option %1 (see --help)"_s.arg(name));
        }
    }
    ConnectionSettings base = ConnectionSettings::fromEnvironment(environment);
    if (!profileName.isEmpty()) {
        std::unique_ptr<ProfileStore> own;
        if (!profiles) {
            own = std::make_unique<ProfileStore>();
            profiles = own.get();
        }
        const auto profile = profiles->profile(profileName);
        if (!profile) {
            const QStringList known = profiles->names();
            return refuse(known.isEmpty()
                              ? u"no profile “%1”: no profiles are saved yet (sign in from the dashboard)"_s.arg(
                                    profileName)
                              : u"no profile “%1”; saved profiles: %2"_s.arg(profileName, known.join(u", "_s)));
        }
        // The profile says where and as whom; the environment's secrets belong to whatever it pointed at.
        base = profile->connectionSettings();
        options.profile = profile;
    }
    options.connection = base.overriddenBy(given);
    options.secretGiven = !options.connection.clientSecret.isEmpty() || !options.connection.accessToken.isEmpty();

    if (options.outPath.isEmpty())
        return refuse(u"--out FILE is required"_s);
    if (options.what == What::Usage) {
        if (!options.start.isValid() || !options.end.isValid())
            return refuse(u"--start and --end are required for a usage export"_s);
        if (options.start > options.end)
            return refuse(u"--start %1 is after --end %2"_s.arg(options.start.toString(Qt::ISODate),
                                                                  options.end.toString(Qt::ISODate)));
        if (options.start > today)
            return refuse(u"--start %1 is in the future: there is no usage yet"_s.arg(options.start.toString(Qt::ISODate)));
        if (options.end > today)
            options.end = today; // usage after today does not exist yet
    } else {
        if (options.trustorOrgId.isEmpty())
            return refuse(u"--trustor ORG_ID is required for an overview export"_s);
        if (!periods.isEmpty()) {
            const auto range = parsePeriods(periods);
            if (!range)
                return refuse(u"--periods “%1”: use N or FIRST-LAST, e.g. 0-12"_s.arg(periods));
            options.firstPeriod = range->first;
            options.lastPeriod = range->second;
        }
    }
    if (!options.demo && !options.profile && !options.connection.hasCredentials())
        return refuse(u"no credentials: give --client-id and --client-secret or --access-token, set "
                      "GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, or use --demo"_s);
    return options;
}

ExportCommand::ExportCommand(QObject* parent)
    : QObject(parent)
    , m_say([](const QString& text) {
        std::fputs(qPrintable(text + u'\n'), stderr);
        std::fflush(stderr);
    })
{
}

ExportCommand::~ExportCommand() = default;

void ExportCommand::start(const ExportOptions& options)
{
    m_options = options;
    if (!m_options.profile || m_options.secretGiven || m_options.demo) {
        startWithSecrets();
        return;
    }
    if (!m_secrets)
        m_secrets = new SecretStore(this);
    const Profile profile = *m_options.profile;
    progress(u"reading the secret of profile “%1” from the keychain"_s.arg(profile.name));
    m_secrets->read(profile.name, this, [this, profile](const Secrets& secrets) {
        if (m_secrets->isSessionOnly() && secrets.clientSecret.isEmpty() && secrets.accessToken.isEmpty()) {
            fail(u"no keychain is available here, so the secret of profile “%1” cannot be read: give "
                 "--client-secret or --access-token"_s.arg(profile.name));
            return;
        }
        QString why;
        if (!ProfileSession::canOpen(profile, secrets, &why)) {
            fail(profile.method == Profile::Method::Browser
                     ? u"profile “%1” signs in through the browser and holds no valid token: open the dashboard "
                       "and sign in, or give --access-token"_s.arg(profile.name)
                     : u"profile “%1”: %2 (or give --client-secret / --access-token)"_s.arg(profile.name, why));
            return;
        }
        if (profile.method == Profile::Method::ClientCredentials)
            m_options.connection.clientSecret = secrets.clientSecret;
        else
            m_options.connection.accessToken = secrets.accessToken;
        startWithSecrets();
    });
}

void ExportCommand::startWithSecrets()
{
    QString error;
    // Before anything is fetched: a destination that cannot be written is said at once, not after the download.
    if (!CsvWriter::canSaveTo(m_options.outPath, &error)) {
        fail(error);
        return;
    }
    if (!openSession(&error)) {
        fail(error);
        return;
    }
    if (m_options.what == ExportOptions::What::Usage)
        runUsage();
    else
        runOverview();
}

bool ExportCommand::openSession(QString* error)
{
    ConnectionSettings settings = m_options.connection;
    if (m_options.demo) {
        m_sim = new sim::BillingSimServer(sim::SimOptions {}, this);
        if (m_sim->listen() == 0) {
            *error = u"the demo server could not listen on 127.0.0.1"_s;
            return false;
        }
        const sim::SimOptions& simOptions = m_sim->options();
        settings = ConnectionSettings {};
        settings.baseUrl = m_sim->baseUrl();
        settings.clientId = simOptions.clientId;
        settings.clientSecret = simOptions.clientSecret;
    }
    m_session = ApiSession::create(settings, error, this);
    if (!m_session)
        return false;
    m_session->client()->setRateLimit(m_options.rateLimitPerMinute);
    m_session->billing()->setKeepResources(false); // the CSV holds totals: a large org costs no more
    return true;
}

void ExportCommand::runUsage()
{
    const QList<DateBucket> buckets = DateBuckets::tile(m_options.start, m_options.end, m_options.granularity);
    m_reports = QList<std::optional<BillingUsageReport>>(buckets.size());
    m_loader = new UsageSeriesLoader(m_session->billing(), this);
    connect(m_loader, &UsageSeriesLoader::bucketLoaded, this, [this](int index, const BillingUsageReport& report) {
        m_reports[index] = report;
    });
    connect(m_loader, &UsageSeriesLoader::bucketFailed, this, [this](int index, const ApiError& error) {
        const DateBucket bucket = m_loader->buckets().at(index);
        fail(u"the report for %1 – %2 failed: %3"_s.arg(bucket.first.toString(Qt::ISODate),
                                                        bucket.last.toString(Qt::ISODate), error.fullText()));
        m_loader->cancel(); // the file is all or nothing: stop asking for the rest
    });
    connect(m_loader, &UsageSeriesLoader::progressChanged, this, [this] {
        const int total = int(m_loader->buckets().size());
        const int loaded = m_loader->count(UsageSeriesLoader::BucketState::Loaded);
        const int generating = m_loader->count(UsageSeriesLoader::BucketState::Generating);
        progress(u"%1 of %2 reports · %3 being generated by Genesys"_s.arg(loaded).arg(total).arg(generating));
    });
    connect(m_loader, &UsageSeriesLoader::finished, this, [this] {
        if (m_done)
            return;
        QList<BillingUsageReport> reports;
        for (const auto& report : std::as_const(m_reports)) {
            if (!report) {
                fail(u"the load stopped before every report arrived"_s);
                return;
            }
            reports.append(*report);
        }
        const CsvWriter csv = UsageCsv::build(m_loader->buckets(), reports);
        QString error;
        if (!csv.save(m_options.outPath, &error)) {
            fail(error);
            return;
        }
        succeed(u"Wrote %1 rows (%2 reports, %3 – %4) to %5"_s.arg(csv.rowCount())
                    .arg(reports.size())
                    .arg(m_options.start.toString(Qt::ISODate), m_options.end.toString(Qt::ISODate), m_options.outPath));
    });
    m_loader->load(buckets);
}

void ExportCommand::runOverview()
{
    m_walker = new PeriodWalker(m_session->billing(), this);
    connect(m_walker, &PeriodWalker::periodLoaded, this, [this](int index, const TrusteeBillingOverview& overview) {
        m_periods.insert(index, overview);
    });
    connect(m_walker, &PeriodWalker::periodFailed, this, [this](int index, const ApiError& error) {
        fail(u"billing period %1 of %2 failed: %3"_s.arg(index).arg(m_options.trustorOrgId, error.fullText()));
        m_walker->cancel();
    });
    connect(m_walker, &PeriodWalker::progressChanged, this, [this](int done, int total) {
        progress(u"%1 of %2 billing periods"_s.arg(done).arg(total));
    });
    connect(m_walker, &PeriodWalker::finished, this, [this] {
        if (m_done)
            return;
        const std::optional<int> end = m_walker->historyEnd();
        QList<IndexedOverview> periods;
        for (auto it = m_periods.cbegin(); it != m_periods.cend(); ++it) {
            if (!end || it.key() < *end)
                periods.append({ it.key(), &it.value() });
        }
        if (periods.isEmpty()) {
            fail(end ? u"org %1 has no billing period at index %2"_s.arg(m_options.trustorOrgId).arg(*end)
                     : u"no billing periods were returned for org %1"_s.arg(m_options.trustorOrgId));
            return;
        }
        const CsvWriter csv = OverviewCsv::build(periods);
        QString error;
        if (!csv.save(m_options.outPath, &error)) {
            fail(error);
            return;
        }
        QString message = u"Wrote %1 rows (%2 billing periods, index %3–%4) to %5"_s.arg(csv.rowCount())
                              .arg(periods.size())
                              .arg(periods.first().billingPeriodIndex)
                              .arg(periods.last().billingPeriodIndex)
                              .arg(m_options.outPath);
        if (end && *end <= m_options.lastPeriod)
            message += u"; the history ends there: no billing period exists at index %1 or older"_s.arg(*end);
        succeed(message);
    });
    m_walker->walk(m_options.trustorOrgId, m_options.firstPeriod, m_options.lastPeriod);
}

void ExportCommand::progress(const QString& text)
{
    if (m_showProgress && !m_done)
        m_say(text);
}

void ExportCommand::succeed(const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    m_say(message);
    Q_EMIT finished(0);
}

void ExportCommand::fail(const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    m_say(u"error: "_s + message);
    Q_EMIT finished(1);
}

} // namespace bd
