#include "load/portfoliosweep.h"

#include "api/orgapi.h"
#include "api/trustorsjob.h"
#include "domain/datacutoff.h"
#include "domain/trusteebillingoverview.h"
#include "load/periodwalker.h"
#include "models/portfoliomodel.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// What a file says went wrong: Genesys' code, else the HTTP status, else the kind of failure.
QString errorCode(const ApiError& error)
{
    if (!error.code().isEmpty())
        return error.code();
    if (error.httpStatus() > 0)
        return u"http.%1"_s.arg(error.httpStatus());
    switch (error.kind()) {
    case ApiError::Kind::Network:
        return u"network"_s;
    case ApiError::Kind::Timeout:
        return u"timeout"_s;
    case ApiError::Kind::Parse:
        return u"unreadable.answer"_s;
    default:
        return u"error"_s;
    }
}

} // namespace

PortfolioSweep::PortfolioSweep(OrgApi* orgs, BillingApi* billing, QObject* parent)
    : QObject(parent)
    , m_orgs(orgs)
    , m_billing(billing)
    , m_model(new PortfolioModel(this))
{
    // A view lays its header out again, and repaints every cell, for each header change: the columns'
    // months are told once, when the sweep ends.
    connect(this, &PortfolioSweep::finished, m_model, [this] { m_model->holdHeaderChanges(false); });
    connect(this, &PortfolioSweep::periodLoaded, m_model,
        [this](const QString& orgId, int index, const TrusteeBillingOverview& overview, const QDateTime& at) {
            m_model->setPeriod(orgId, index, overview, at);
        });
    connect(this, &PortfolioSweep::periodFailed, m_model,
        [this](const QString& orgId, int index, const ApiError& error) {
            if (error.affectsWholeOrg()) {
                const PortfolioModel::Customer* customer = m_model->customer(orgId);
                const QString name = customer && !customer->name.isEmpty() ? customer->name : orgId;
                m_model->setRefused(orgId, PeriodWalker::refusalText(name, error), errorCode(error));
            } else {
                m_model->setFailed(orgId, index, error.userMessage(), errorCode(error));
            }
        });
    connect(
        this, &PortfolioSweep::customerRefused, m_model, [this](const QString& orgId, const QString& why) {
            m_model->setRefused(orgId, why, QString::fromUtf16(DisabledTrustCode));
        });
    connect(this, &PortfolioSweep::historyEnded, m_model, &PortfolioModel::setHistoryEnd);
}

PortfolioSweep::~PortfolioSweep()
{
    // The walkers are children: they cancel their requests as they go. Nothing is said while they do.
    for (const auto& customer : m_customers)
        customer->walker->disconnect(this);
}

void PortfolioSweep::setStore(ReportStore* store, const StoreScope& scope)
{
    m_store = store;
    m_scope = scope;
}

QDateTime PortfolioSweep::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

void PortfolioSweep::start(int closedPeriods)
{
    cancel();
    for (const auto& customer : m_customers) {
        customer->walker->disconnect(this);
        customer->walker->deleteLater();
    }
    m_customers.clear();
    m_closedPeriods = std::max(0, closedPeriods);
    m_done = m_total = m_fromStore = m_refused = m_failed = m_fetched = m_walking = m_activeSettled = 0;
    m_storeProblems.clear();
    m_model->holdHeaderChanges(true);
    m_running = true;
    m_clock.start();
    m_listing = m_orgs->fetchTrustors();
    connect(m_listing, &TrustorsJob::trustorsReady, this, &PortfolioSweep::onListed);
    connect(m_listing, &ApiJob::failed, this, [this](const ApiError& error) {
        m_running = false;
        Q_EMIT listingFailed(error);
        Q_EMIT finished();
    });
    Q_EMIT progressChanged();
}

void PortfolioSweep::onListed(const QList<Trustor>& trustors)
{
    // The listing is over (its job goes away later): a partner with no customer to walk is done at once.
    m_listing->disconnect(this);
    m_listing.clear();
    const int perCustomer = m_closedPeriods + 1;
    m_model->reset(trustors, perCustomer, now());
    m_model->setLastCompleteDay(DataCutoff::lastCompleteDay(now()));
    Q_EMIT customersListed(trustors);
    if (trustors.isEmpty())
        Q_EMIT activeSettled(); // nothing to wait for
    m_total = int(trustors.size()) * perCustomer;
    for (const Trustor& trustor : trustors) {
        auto customer = std::make_unique<Customer>();
        customer->trustor = trustor;
        customer->walker = new PeriodWalker(m_billing, this);
        customer->walker->setStore(m_store, m_scope);
        customer->walker->setClock([this] { return now(); });
        m_customers.push_back(std::move(customer));
    }
    m_started = 0;
    // On a turn of its own: the listing's answer has already laid out every row.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            startSome();
    });
}

void PortfolioSweep::startSome()
{
    // A few customers per turn of the event loop: each start reads the customer's stored periods, and a
    // hundred of them at once would hold up the window. Every active period is still asked for before any
    // history: histories wait until every customer has started.
    const int perCustomer = m_closedPeriods + 1;
    QElapsedTimer slice;
    slice.start();
    while (m_started < int(m_customers.size()) && slice.elapsed() < StartSliceMs) {
        Customer* customer = m_customers.at(size_t(m_started++)).get();
        if (!customer->trustor.enabled) {
            m_done += perCustomer;
            ++m_refused;
            Q_EMIT customerRefused(customer->trustor.id,
                tr("%1 has disabled its trust in your org, so its billing cannot be read.")
                    .arg(customer->trustor.organization.name.isEmpty()
                            ? customer->trustor.id
                            : customer->trustor.organization.name));
            settleActive(); // after the model has its refusal
            continue;
        }
        connectWalker(customer);
        ++m_walking;
        customer->walker->walk(customer->trustor.id, 0, 0);
    }
    Q_EMIT progressChanged();
    if (m_started < int(m_customers.size())) {
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                startSome();
        });
        return;
    }
    const QList<Customer*> waiting = std::exchange(m_historyWaiting, {});
    for (Customer* customer : waiting)
        startHistory(customer);
    finishIfDone();
}

void PortfolioSweep::startHistory(Customer* customer)
{
    customer->history = true;
    customer->walker->continueTo(m_closedPeriods);
}

void PortfolioSweep::connectWalker(Customer* customer)
{
    PeriodWalker* walker = customer->walker;
    const QString orgId = customer->trustor.id;
    connect(walker, &PeriodWalker::periodLoaded, this,
        [this, walker, orgId](int index, const TrusteeBillingOverview& overview) {
            Q_EMIT periodLoaded(orgId, index, overview, walker->storedAt(index));
        });
    connect(walker, &PeriodWalker::periodFailed, this, [this, customer, orgId](int index, const ApiError& e) {
        if (e.affectsWholeOrg())
            ++m_refused;
        else
            ++m_failed;
        // A refusal or an unknown org would fail the history the same way; a period that failed for its own
        // reason (a timeout, a bad answer) does not stop the closed ones, which the store may well have.
        const bool unknownOrg = e.httpStatus() == 404 && index == 0;
        if (!customer->history && (e.affectsWholeOrg() || unknownOrg))
            customer->stopped = true;
        Q_EMIT periodFailed(orgId, index, e);
        if (unknownOrg && !e.affectsWholeOrg()) {
            // Nothing of an org Genesys does not know can be read: every period says so.
            for (int older = 1; older <= m_closedPeriods; ++older)
                Q_EMIT periodFailed(orgId, older, e);
        }
    });
    connect(walker, &PeriodWalker::storeFailed, this, [this](const QString& message) {
        // A full disk fails every customer's writes alike: one warning says it.
        if (m_storeProblems.contains(message))
            return;
        m_storeProblems << message;
        Q_EMIT storeFailed(message);
    });
    connect(walker, &PeriodWalker::historyEnded, this,
        [this, orgId](int firstMissing) { Q_EMIT historyEnded(orgId, firstMissing); });
    connect(walker, &PeriodWalker::progressChanged, this, [this, customer, walker](int done, int) {
        m_done += done - customer->walkDone;
        customer->walkDone = done;
        m_fromStore += walker->servedFromStore() - customer->walkServed;
        customer->walkServed = walker->servedFromStore();
        Q_EMIT progressChanged();
    });
    connect(walker, &PeriodWalker::finished, this, [this, customer] { onWalkFinished(customer); });
}

void PortfolioSweep::onWalkFinished(Customer* customer)
{
    PeriodWalker* walker = customer->walker;
    m_fetched += walker->fetched();
    // The walk's slots are all settled; what it did not reach (a cut-short history) is done too.
    const int perWalk = customer->history ? m_closedPeriods : 1;
    m_done += perWalk - customer->walkDone;
    customer->walkDone = 0;
    customer->walkServed = 0;
    if (!customer->history)
        settleActive();
    if (!customer->history && !customer->stopped && !walker->historyEnd() && m_closedPeriods > 0) {
        if (m_started < int(m_customers.size()))
            m_historyWaiting.append(customer); // after every active period
        else
            startHistory(customer);
        return;
    }
    if (!customer->history)
        m_done += m_closedPeriods; // no history is asked for
    --m_walking;
    Q_EMIT progressChanged();
    finishIfDone();
}

bool PortfolioSweep::isActiveSettled() const
{
    return !m_running || (!m_listing && m_activeSettled == int(m_customers.size()));
}

void PortfolioSweep::settleActive()
{
    if (++m_activeSettled == int(m_customers.size()))
        Q_EMIT activeSettled();
}

void PortfolioSweep::finishIfDone()
{
    if (!m_running || m_walking > 0 || m_listing || m_started < int(m_customers.size()))
        return;
    m_running = false;
    Q_EMIT finished();
}

bool PortfolioSweep::cancel()
{
    if (!m_running)
        return false;
    if (m_listing) {
        m_listing->disconnect(this);
        m_listing->cancel();
        m_listing.clear();
    }
    for (const auto& customer : m_customers) {
        customer->walker->disconnect(this);
        customer->walker->cancel();
    }
    ++m_generation;
    m_historyWaiting.clear();
    m_started = int(m_customers.size());
    m_walking = 0;
    m_running = false;
    Q_EMIT progressChanged();
    Q_EMIT finished();
    return true;
}

PortfolioSweep::Progress PortfolioSweep::progress() const
{
    Progress p;
    p.done = std::min(m_done, m_total);
    p.total = m_total;
    p.fromStore = m_fromStore;
    p.refused = m_refused;
    p.failed = m_failed;
    // From the pace so far, once a twentieth has arrived and some seconds have passed: the rate limit makes
    // the pace uneven at first.
    const qint64 elapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_running && p.total > 0 && p.done * 20 >= p.total && elapsed >= 2000)
        p.msLeft = elapsed * (p.total - p.done) / std::max(1, p.done);
    return p;
}

QString PortfolioSweep::progressText(const Progress& progress)
{
    QString text = tr("%1 of %2").arg(progress.done).arg(progress.total);
    if (progress.fromStore > 0)
        text += u" · "_s + tr("%n from the store", nullptr, progress.fromStore);
    if (progress.refused > 0)
        text += u" · "_s + tr("%n refused", nullptr, progress.refused);
    if (progress.failed > 0)
        text += u" · "_s + tr("%n failed", nullptr, progress.failed);
    if (progress.msLeft) {
        const qint64 secs = (*progress.msLeft + 999) / 1000;
        if (secs >= 120)
            text += u" · "_s + tr("about %n min left", nullptr, int((secs + 30) / 60));
        else
            text += u" · "_s + tr("about %n s left", nullptr, int(std::max<qint64>(5, (secs + 4) / 5 * 5)));
    }
    return text;
}

} // namespace bd
