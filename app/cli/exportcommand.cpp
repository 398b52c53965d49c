#include "cli/exportcommand.h"

#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/apisession.h"
#include "api/billingapi.h"
#include "api/organizationjob.h"
#include "api/orgapi.h"
#include "auth/profileopener.h"
#include "auth/profilestore.h"
#include "auth/secretstore.h"
#include "cli/checkreport.h"
#include "csv/csvwriter.h"
#include "csv/filewriter.h"
#include "csv/overviewcsv.h"
#include "csv/portfoliocsv.h"
#include "csv/usagecsv.h"
#include "demo/demobackend.h"
#include "domain/billingusagereport.h"
#include "domain/datacutoff.h"
#include "domain/datebuckets.h"
#include "domain/projection.h"
#include "domain/subscriptionoverviewusage.h"
#include "domain/trusteebillingoverview.h"
#include "domain/utc.h"
#include "load/periodwalker.h"
#include "load/portfoliosweep.h"
#include "load/usageseriescontroller.h"
#include "load/usageseriesloader.h"
#include "models/alertsubjects.h"
#include "models/licencestanding.h"
#include "models/portfoliomodel.h"
#include "models/usageseriesmodel.h"
#include "store/alertledger.h"
#include "store/reportstore.h"

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

ExportCommand::ExportCommand(QObject* parent)
    : QObject(parent)
    , m_say([](const QString& text) {
        std::fputs(qPrintable(text + u'\n'), stderr);
        std::fflush(stderr);
    })
{ }

ExportCommand::~ExportCommand() = default;

void ExportCommand::start(const ExportOptions& options)
{
    m_options = options;
    if (!m_options.profile || m_options.secretGiven || m_options.demo || m_options.offline) {
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
        if (!ProfileOpener::canOpen(profile, secrets, &why)) {
            fail(profile.method == Profile::Method::Browser
                    ? u"profile “%1” signs in through the browser and holds no valid token: open the "
                      u"dashboard "
                      "and sign in, or give --access-token"_s.arg(profile.name)
                    : u"profile “%1”: %2 (or give --client-secret / --access-token)"_s.arg(
                        profile.name, why));
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
    // Before anything is fetched: a destination that cannot be written is said at once, not after the
    // download.
    if (m_options.what != ExportOptions::What::Check && !FileWriter::canSaveTo(m_options.outPath, &error)) {
        fail(error);
        return;
    }
    if (!openSession(&error)) {
        fail(error);
        return;
    }
    openStoreThenRun();
}

void ExportCommand::openStoreThenRun()
{
    if (m_options.storePath.isEmpty()) {
        run();
        return;
    }
    QString error;
    m_store = ReportStore::open(m_options.storePath, &error);
    if (!m_store) {
        if (m_options.offline) {
            fail(error);
            return;
        }
        if (m_options.what == ExportOptions::What::Check)
            m_checkNotes << u"warning: %1"_s.arg(error);
        else
            m_say(u"warning: %1 Exporting without it."_s.arg(error));
        run();
        return;
    }
    const QString region = m_options.demo ? u"demo"_s : m_session->placeLabel();
    QString orgId = m_demo ? m_demo->orgId() : (m_options.profile ? m_options.profile->orgId : QString());
    if (!orgId.isEmpty() || m_options.offline) {
        if (orgId.isEmpty()) {
            fail(u"profile “%1” has no stored data yet: open it once in the dashboard or export without "
                 "--offline"_s.arg(m_options.profile->name));
            return;
        }
        m_scope = { region, orgId };
        run();
        return;
    }
    // Whose data it is decides where it is filed: ask Genesys once.
    progress(u"asking Genesys Cloud which org this is (organizations/me)"_s);
    OrganizationJob* job = m_session->orgs()->fetchOrganization();
    connect(job, &OrganizationJob::organizationReady, this, [this, region](const Organization& organization) {
        m_scope = { region, organization.id };
    });
    connect(job, &ApiJob::finished, this, [this] {
        if (!m_scope.isValid())
            m_store.reset(); // the export's own requests will say what is wrong
        run();
    });
}

void ExportCommand::run()
{
    switch (m_options.what) {
    case ExportOptions::What::Usage:
        runUsage();
        break;
    case ExportOptions::What::Overview:
        runOverview();
        break;
    case ExportOptions::What::Portfolio:
        runPortfolio();
        break;
    case ExportOptions::What::Check:
        runCheck();
        break;
    }
}

void ExportCommand::warnAboutStore(const QString& message)
{
    if (m_storeWarned)
        return;
    m_storeWarned = true; // one line, however many reports could not be kept
    if (m_options.what == ExportOptions::What::Check) {
        m_checkNotes << u"warning: %1"_s.arg(message); // after the plugin's first line, which is its status
        return;
    }
    m_say(u"warning: %1 The export goes on; what could not be kept will be fetched again next time."_s.arg(
        message));
}

QString ExportCommand::sourcesLine(int fromStore, int fetched) const
{
    if (!m_store)
        return u"%1 from Genesys Cloud (no local store)"_s.arg(fetched);
    return u"%1 from the local store, %2 from Genesys Cloud"_s.arg(fromStore).arg(fetched);
}

bool ExportCommand::openSession(QString* error)
{
    ConnectionSettings settings = m_options.connection;
    if (m_options.demo) {
        m_demo = DemoBackend::start(DemoBackend::Threading::CallerThread, error);
        if (!m_demo)
            return false;
        settings = m_demo->connectionSettings();
    }
    if (m_options.offline) {
        m_billing = new BillingApi(nullptr, this); // asked for nothing: the store answers
        return true;
    }
    std::unique_ptr<ApiSession> session = ApiSession::create(settings, error);
    if (!session)
        return false;
    m_session = session.release();
    m_session->setParent(this);
    m_session->client()->setRateLimit(m_options.rateLimitPerMinute);
    // A CSV holds totals, so a large org costs no more; a check projects seats from their first-seen dates.
    m_session->billing()->setKeepResources(m_options.what == ExportOptions::What::Check);
    m_billing = m_session->billing();
    return true;
}

void ExportCommand::runUsage()
{
    const QList<DateBucket> buckets
        = DateBuckets::tile(m_options.start, m_options.end, m_options.granularity);
    m_reports = QList<std::optional<BillingUsageReport>>(buckets.size());
    m_loader = new UsageSeriesLoader(m_billing, this);
    m_loader->setStore(m_store.get(), m_scope);
    m_loader->setClock([today = m_options.lastCompleteDay.addDays(DataCutoff::LagDays)] {
        return QDateTime(today, QDateTime::currentDateTimeUtc().time(), UtcZone);
    });
    m_loader->setRefetch(
        m_options.offline ? UsageSeriesLoader::Refetch::Nothing : UsageSeriesLoader::Refetch::Changing);
    connect(m_loader, &UsageSeriesLoader::storeFailed, this,
        [this](const QString& message) { warnAboutStore(message); });
    connect(m_loader, &UsageSeriesLoader::bucketLoaded, this,
        [this](int index, const BillingUsageReport& report) { m_reports[index] = report; });
    connect(m_loader, &UsageSeriesLoader::bucketFailed, this, [this](int index, const ApiError& error) {
        const DateBucket bucket = m_loader->buckets().at(index);
        if (error.reason() == ApiError::Reason::Unreachable)
            fail(unreachableText(error)); // no report in particular: nothing gets through
        else
            fail(u"the report for %1 – %2 failed: %3"_s.arg(
                bucket.first.toString(Qt::ISODate), bucket.last.toString(Qt::ISODate), error.fullText()));
        m_loader->cancel(); // the file is all or nothing: stop asking for the rest
    });
    connect(m_loader, &UsageSeriesLoader::progressChanged, this, [this] {
        const int total = int(m_loader->buckets().size());
        const int loaded = m_loader->count(UsageSeriesLoader::BucketState::Loaded);
        const int generating = m_loader->count(UsageSeriesLoader::BucketState::Generating);
        progress(tr("%1 of %n report(s)", nullptr, total).arg(loaded) + u" · "_s
            + tr("%n being generated by Genesys", nullptr, generating));
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
        const QList<DateBucket> buckets = m_loader->buckets();
        const CsvWriter csv
            = UsageCsv::build(buckets, reports, m_options.granularity, m_options.lastCompleteDay);
        QString error;
        if (!csv.save(m_options.outPath, &error)) {
            fail(error);
            return;
        }
        QString message = tr("Wrote %n row(s)", nullptr, csv.rowCount()) + u" ("_s
            + tr("%n report(s)", nullptr, int(reports.size()))
            + u", %1 – %2) to %3"_s.arg(m_options.start.toString(Qt::ISODate),
                m_options.end.toString(Qt::ISODate), m_options.outPath);
        // Only the last bucket can reach past the cut-off: the range ends today at the latest.
        const Coverage last = buckets.isEmpty()
            ? Coverage::Complete
            : coverageOf(buckets.last(), m_options.granularity, m_options.lastCompleteDay);
        if (last != Coverage::Complete)
            message += u"; data through %1, the last report %2"_s.arg(
                m_options.lastCompleteDay.toString(Qt::ISODate),
                last == Coverage::Partial ? u"is partial"_s : u"has no data yet"_s);
        message += u" · "_s + sourcesLine(m_loader->servedFromStore(), m_loader->fetched());
        const bool anyData = buckets.isEmpty()
            || coverageOf(buckets.first(), m_options.granularity, m_options.lastCompleteDay)
                != Coverage::NotYet;
        const bool anyUsage = std::any_of(reports.cbegin(), reports.cend(),
            [](const BillingUsageReport& r) { return !r.usages.isEmpty(); });
        if (anyData && !anyUsage) {
            // Written, since every row says "no usage"; but a range before the org had any usage is more
            // likely a mistake than an answer.
            finish(EmptyRange,
                message
                    + u"\nwarning: no report from %1 to %2 lists any usage: is the range before the org's "
                      "first billable usage?"_s.arg(
                          m_options.start.toString(Qt::ISODate), m_options.end.toString(Qt::ISODate)));
            return;
        }
        succeed(message);
    });
    m_loader->load(buckets);
}

void ExportCommand::runOverview()
{
    m_walker = new PeriodWalker(m_billing, this);
    m_walker->setStore(m_store.get(), m_scope);
    m_walker->setClock([today = m_options.lastCompleteDay.addDays(DataCutoff::LagDays)] {
        return QDateTime(today, QDateTime::currentDateTimeUtc().time(), UtcZone);
    });
    m_walker->setRefetch(
        m_options.offline ? PeriodWalker::Refetch::Nothing : PeriodWalker::Refetch::Changing);
    connect(m_walker, &PeriodWalker::storeFailed, this,
        [this](const QString& message) { warnAboutStore(message); });
    connect(m_walker, &PeriodWalker::periodLoaded, this,
        [this](int index, const TrusteeBillingOverview& overview) { m_periods.insert(index, overview); });
    connect(m_walker, &PeriodWalker::periodFailed, this, [this](int index, const ApiError& error) {
        if (error.reason() == ApiError::Reason::Unreachable)
            fail(unreachableText(error));
        else if (error.reason() == ApiError::Reason::Forbidden)
            fail(error.withDetails(PeriodWalker::refusalText(m_options.trustorOrgId, error)));
        else
            fail(u"billing period %1 of %2 failed: %3"_s.arg(index).arg(
                m_options.trustorOrgId, error.fullText()));
        m_walker->cancel();
    });
    connect(m_walker, &PeriodWalker::progressChanged, this, [this](int done, int total) {
        progress(tr("%1 of %n billing period(s)", nullptr, total).arg(done));
    });
    connect(m_walker, &PeriodWalker::finished, this, [this] {
        if (m_done)
            return;
        if (m_store)
            m_store->flush(); // a period that could not be kept is warned about before the summary
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
        const CsvWriter csv = OverviewCsv::build(periods, m_options.lastCompleteDay);
        QString error;
        if (!csv.save(m_options.outPath, &error)) {
            fail(error);
            return;
        }
        QString message = tr("Wrote %n row(s)", nullptr, csv.rowCount()) + u" ("_s
            + tr("%n billing period(s)", nullptr, int(periods.size()))
            + u", index %1–%2) to %3"_s.arg(periods.first().billingPeriodIndex)
                  .arg(periods.last().billingPeriodIndex)
                  .arg(m_options.outPath);
        if (end && *end <= m_options.lastPeriod)
            message += u"; the history ends there: no billing period exists at index %1 or older"_s.arg(*end);
        succeed(message + u" · "_s + sourcesLine(m_walker->servedFromStore(), m_walker->fetched()));
    });
    m_walker->walk(m_options.trustorOrgId, m_options.firstPeriod, m_options.lastPeriod);
}

void ExportCommand::runPortfolio()
{
    m_sweep = new PortfolioSweep(m_session->orgs(), m_billing, this);
    m_sweep->setStore(m_store.get(), m_scope);
    m_sweep->setClock([today = m_options.lastCompleteDay.addDays(DataCutoff::LagDays)] {
        return QDateTime(today, QDateTime::currentDateTimeUtc().time(), UtcZone);
    });
    m_sweep->model()->setThreshold(m_options.thresholdPercent);
    connect(m_sweep, &PortfolioSweep::listingFailed, this, [this](const ApiError& error) {
        fail(error.reason() == ApiError::Reason::Unreachable
                ? unreachableText(error)
                : u"the customers that trust this org cannot be listed: %1"_s.arg(error.fullText()));
    });
    connect(m_sweep, &PortfolioSweep::periodFailed, this, [this](const QString&, int, const ApiError& error) {
        if (error.reason() == ApiError::Reason::Unreachable) {
            fail(unreachableText(error)); // no customer in particular: nothing gets through
            m_sweep->cancel();
        }
    });
    connect(m_sweep, &PortfolioSweep::progressChanged, this,
        [this] { progress(PortfolioSweep::progressText(m_sweep->progress())); });
    connect(m_sweep, &PortfolioSweep::finished, this, [this] {
        if (m_options.what == ExportOptions::What::Check)
            finishPortfolioCheck();
        else
            finishPortfolio();
    });
    m_sweep->start(m_options.lastPeriod);
}

void ExportCommand::finishPortfolio()
{
    if (m_done)
        return;
    const PortfolioModel* model = m_sweep->model();
    const QList<PortfolioCustomer>& customers = model->customers();
    int read = 0, unreadable = 0;
    for (const PortfolioCustomer& c : customers) {
        const bool any = std::any_of(c.cells.cbegin(), c.cells.cend(),
            [](const PortfolioCell& cell) { return cell.overview.has_value(); });
        (any ? read : unreadable) += 1;
    }
    if (customers.isEmpty()) {
        fail(u"no customer org trusts this org: there is no portfolio to export"_s);
        return;
    }
    if (read == 0) {
        const PortfolioCell& first = customers.first().cells.first();
        fail(u"no customer's billing could be read (%1 customers; the first says: %2)"_s.arg(customers.size())
                 .arg(first.error));
        return;
    }
    const CsvWriter csv = PortfolioCsv::build(customers, m_options.firstPeriod);
    QString error;
    if (!csv.save(m_options.outPath, &error)) {
        fail(error);
        return;
    }
    // One line per currency of the active period: what each currency's customers stand at.
    QStringList lines;
    QMap<QString, QMap<CommitmentState, int>> states;
    for (const PortfolioCustomer& c : customers) {
        const PortfolioCell& active = c.cells.first();
        if (active.overview)
            ++states[active.overview->currency][active.standing.state];
    }
    const CurrencyTotals totals = model->subtotals(0);
    for (const CurrencyTotals::Total& t : totals.totals()) {
        const QMap<CommitmentState, int>& counts = states.value(t.currency);
        int customersIn = 0;
        for (int n : counts)
            customersIn += n;
        QStringList parts;
        for (CommitmentState state : { CommitmentState::Exceeded, CommitmentState::ProjectedToExceed,
                 CommitmentState::Warning, CommitmentState::OnDemand, CommitmentState::Ramp }) {
            if (counts.value(state) > 0)
                parts << u"%1 %2"_s.arg(counts.value(state)).arg(Commitments::key(state));
        }
        lines << t.currency + u": "_s + tr("%n customer(s)", nullptr, customersIn)
                + u", estimated total %1, overage %2 in the active period%3%4"_s.arg(t.total.toString(2),
                    t.overageCost.toString(2), CurrencyTotals::unpricedNote(t.unpricedLines),
                    parts.isEmpty() ? QString() : u" (%1)"_s.arg(parts.join(u", "_s)));
    }
    QString message = tr("Wrote %n row(s)", nullptr, csv.rowCount()) + u" ("_s
        + tr("%n customer(s)", nullptr, int(customers.size()))
        + u" × billing periods %1–%2, threshold %3 %) to %4"_s.arg(m_options.firstPeriod)
              .arg(m_options.lastPeriod)
              .arg(m_options.thresholdPercent)
              .arg(m_options.outPath);
    if (unreadable > 0)
        message += u"; %1 could not be read (rows with state refused or no-data)"_s.arg(unreadable);
    message += u" · "_s + sourcesLine(m_sweep->progress().fromStore, m_sweep->fetched());
    succeed(message + u'\n' + lines.join(u'\n'));
}

void ExportCommand::runCheck()
{
    if (!m_options.stateFilePath.isEmpty() && !m_stateStore) {
        QString error;
        m_stateStore = ReportStore::open(m_options.stateFilePath, &error);
        if (!m_stateStore) {
            fail(u"--state-file: "_s + error);
            return;
        }
    }
    if (m_stateStore && !m_scope.isValid()) {
        // What was told is kept per org: one state file shared by checks of two orgs keeps them apart.
        const QString region = m_options.demo ? u"demo"_s : m_session ? m_session->placeLabel() : QString();
        const QString orgId
            = m_demo ? m_demo->orgId() : (m_options.profile ? m_options.profile->orgId : QString());
        if (!orgId.isEmpty()) {
            m_scope = { region, orgId };
        } else if (m_session) {
            OrganizationJob* job = m_session->orgs()->fetchOrganization();
            connect(job, &OrganizationJob::organizationReady, this, [this, region](const Organization& org) {
                m_scope = { region, org.id };
            });
            connect(job, &ApiJob::finished, this, [this] {
                if (m_scope.isValid())
                    runCheck();
                else
                    fail(u"cannot tell which org this is (organizations/me), so --state-file cannot keep its "
                         "alerts apart from other orgs'"_s);
            });
            return;
        }
    }
    if (m_options.portfolio) {
        // The active period, with enough closed ones to project it (and the store keeps them for next time).
        m_options.lastPeriod = Projections::MinimumHistory + 3;
        runPortfolio();
        return;
    }
    // The cycle the data cut-off falls in (on its first day: the one just ended, which is complete), and the
    // six before it, whose ramps project the open one.
    const QDate through = m_options.lastCompleteDay;
    const int day = m_options.cycleDay;
    QDate first = DateBuckets::bucketStart(through, Granularity::Month, day);
    for (int i = 0; i < 6; ++i)
        first = DateBuckets::bucketStart(first.addDays(-1), Granularity::Month, day);
    m_usage = new UsageSeriesController(m_billing, this);
    m_usage->setStore(m_store.get(), m_scope);
    m_usage->setOffline(m_options.offline);
    m_usage->setToday(through.addDays(DataCutoff::LagDays));
    connect(m_usage, &UsageSeriesController::accessDenied, this, [this](const ApiError& error) {
        fail(u"the billable usage cannot be read: %1"_s.arg(error.fullText()));
    });
    connect(m_usage, &UsageSeriesController::storeFailed, this,
        [this](const QString& message) { warnAboutStore(message); });
    connect(m_usage, &UsageSeriesController::progressChanged, this, [this] {
        const UsageSeriesModel* model = m_usage->model();
        progress(tr("%1 of %n report(s)", nullptr, int(model->buckets().size()))
                     .arg(model->count(BucketState::Loaded)));
    });
    connect(m_usage, &UsageSeriesController::settled, this, &ExportCommand::finishUsageCheck);
    m_usage->load({ first, through }, Granularity::Month, day);
}

void ExportCommand::finishUsageCheck()
{
    if (m_done)
        return;
    const UsageSeriesModel* model = m_usage->model();
    const int last = int(model->buckets().size()) - 1;
    if (last < 0 || model->bucketState(last) != BucketState::Loaded) {
        const QString why = model->bucketError(last);
        fail(u"the billable usage of the current billing cycle could not be read%1"_s.arg(
            why.isEmpty() ? QString() : u": "_s + why));
        return;
    }
    const QList<LicenceCommitment> commitments = !m_options.commitments.isEmpty() || !m_store
        ? m_options.commitments
        : m_store->commitments(m_scope);
    m_usage->model()->setCommitments(commitments, m_options.thresholdPercent);
    const DateBucket& cycle = model->buckets().at(last);
    const QDate end = DateBuckets::bucketEnd(cycle.first, Granularity::Month, m_options.cycleDay);
    const QList<AlertSubject> subjects = AlertSubjects::ofUsage(*model, m_options.lastCompleteDay);
    QString context
        = u"(cycle %1 to %2, %3)"_s.arg(cycle.first.toString(Qt::ISODate), end.toString(Qt::ISODate),
            model->coverage(last) == Coverage::Partial
                ? u"data through %1"_s.arg(m_options.lastCompleteDay.toString(Qt::ISODate))
                : u"complete"_s);
    if (commitments.isEmpty())
        context += m_store
            ? u"; no commitments are set: give --commitment or enter them in the dashboard"_s
            : u"; no commitments are set: give --commitment (the dashboard's are kept in the local "
              "store, which is off)"_s;
    finishCheck(subjects, u"licence"_s, context);
}

void ExportCommand::finishPortfolioCheck()
{
    const QList<PortfolioCustomer>& customers = m_sweep->model()->customers();
    int unreadable = 0;
    const QList<AlertSubject> subjects = AlertSubjects::ofPortfolio(customers, &unreadable);
    if (subjects.isEmpty()) {
        fail(customers.isEmpty() ? u"no customer org trusts this org: there is no portfolio to check"_s
                                 : u"no customer's active billing period could be read (%1 customers)"_s.arg(
                                     customers.size()));
        return;
    }
    QString context
        = u"(active billing periods, data through %1)"_s.arg(m_options.lastCompleteDay.toString(Qt::ISODate));
    if (unreadable > 0)
        context += u"; %1 could not be read"_s.arg(unreadable);
    finishCheck(subjects, u"customer"_s, context);
}

void ExportCommand::finishCheck(
    const QList<AlertSubject>& subjects, const QString& noun, const QString& context)
{
    if (m_done)
        return;
    // What was told is kept under the org checked: in a state file of its own, or the local store.
    ReportStore* told = m_stateStore ? m_stateStore.get() : m_store.get();
    AlertLedger ledger(m_scope.isValid() ? told : nullptr, m_scope);
    QString error;
    const QList<AlertLedger::Review> reviews
        = ledger.review(subjects, QDateTime::currentDateTimeUtc(), &error);
    if (!error.isEmpty())
        warnAboutStore(error);
    QList<CheckItem> items;
    bool anyNews = false;
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        // Without a memory every state that is not quiet is news each time: that is not worth a "new".
        items.append({ subjects.at(i), reviews.at(i).last, reviews.at(i).isNews && ledger.remembers() });
        anyNews = anyNews || reviews.at(i).isNews;
    }
    m_done = true;
    if (!m_options.changesOnly || anyNews) {
        QStringList out { CheckReport::summary(items, noun, m_options.thresholdPercent, context) };
        out << CheckReport::lines(items);
        if (!ledger.remembers())
            out << u"(nothing is remembered between checks: the local store is off and no --state-file is given)"_s;
        out << m_checkNotes;
        m_say(out.join(u'\n'));
    }
    Q_EMIT finished(int(CheckReport::status(items)));
}

void ExportCommand::progress(const QString& text)
{
    if (m_showProgress && !m_done)
        m_say(text);
}

void ExportCommand::succeed(const QString& message)
{
    finish(Written, message);
}

void ExportCommand::finish(ExitCode code, const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    m_say(message);
    Q_EMIT finished(code);
}

QString ExportCommand::unreachableText(const ApiError& error) const
{
    const QString outcome
        = m_options.what == ExportOptions::What::Check ? QString() : u"; nothing was written"_s;
    return u"Genesys Cloud at %1 cannot be reached: %2%3"_s.arg(m_options.connection.baseUrl.isEmpty()
            ? m_session->placeLabel()
            : m_options.connection.baseUrl.host(),
        error.message(), outcome);
}

void ExportCommand::fail(const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    if (m_options.what == ExportOptions::What::Check) {
        // A monitoring system reads one line on standard output and the exit status.
        m_say(u"BILLING UNKNOWN - "_s + message);
        Q_EMIT finished(int(CheckReport::Status::Unknown));
        return;
    }
    m_say(u"error: "_s + message);
    Q_EMIT finished(Failed);
}

} // namespace bd
