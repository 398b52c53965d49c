#include "store/reportstore.h"

#include "domain/datacutoff.h"
#include "domain/utc.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QTimeZone>
#include <QVariant>
#include <QWaitCondition>

#include <deque>
#include <functional>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

// Marks the file as this product's store ("BDst"), so that another SQLite file picked by mistake is refused.
constexpr qint64 ApplicationId = 0x42447374;

// Each migration runs in one transaction with the user_version it brings the file to.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> steps {
        // 1: usage reports by window, overviews by period start.
        {
            u"CREATE TABLE usage_report (region TEXT NOT NULL, org_id TEXT NOT NULL, start_ms INTEGER NOT "
            u"NULL,"
            " end_ms INTEGER NOT NULL, fetched_ms INTEGER NOT NULL, final INTEGER NOT NULL,"
            " parser INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (region, org_id, start_ms, end_ms))"_s,
            u"CREATE TABLE overview (region TEXT NOT NULL, org_id TEXT NOT NULL, trustor_id TEXT NOT NULL,"
            " start_ms INTEGER NOT NULL, end_ms INTEGER, fetched_index INTEGER NOT NULL,"
            " fetched_ms INTEGER NOT NULL, parser INTEGER NOT NULL, body BLOB NOT NULL,"
            " PRIMARY KEY (region, org_id, trustor_id, start_ms))"_s,
            u"CREATE TABLE org (region TEXT NOT NULL, org_id TEXT NOT NULL, name TEXT NOT NULL,"
            " PRIMARY KEY (region, org_id))"_s,
            u"CREATE TABLE history (region TEXT NOT NULL, org_id TEXT NOT NULL, trustor_id TEXT NOT NULL,"
            " first_start_ms INTEGER NOT NULL, PRIMARY KEY (region, org_id, trustor_id))"_s,
        },
        // 2: licence commitments an org's admin entered; what alerts have told, and when.
        {
            u"CREATE TABLE commitment (region TEXT NOT NULL, org_id TEXT NOT NULL, licence TEXT NOT NULL,"
            " from_day TEXT NOT NULL, quantity TEXT NOT NULL, PRIMARY KEY (region, org_id, licence, from_day))"_s,
            u"CREATE TABLE alert_mark (region TEXT NOT NULL, org_id TEXT NOT NULL, subject TEXT NOT NULL,"
            " period_start TEXT NOT NULL, state TEXT NOT NULL, band INTEGER NOT NULL,"
            " PRIMARY KEY (region, org_id, subject, period_start))"_s,
            u"CREATE TABLE alert_log (region TEXT NOT NULL, org_id TEXT NOT NULL, at_ms INTEGER NOT NULL,"
            " subject TEXT NOT NULL, name TEXT NOT NULL, period_start TEXT NOT NULL, state TEXT NOT NULL,"
            " band INTEGER NOT NULL, text TEXT NOT NULL)"_s,
            u"CREATE INDEX alert_log_by_org ON alert_log (region, org_id, at_ms)"_s,
        },
        // 3: a licence's own near share (NULL: the org's).
        {
            u"ALTER TABLE commitment ADD COLUMN near_percent INTEGER"_s,
        },
    };
    return steps;
}

qint64 msOf(const QDateTime& time)
{
    return time.toMSecsSinceEpoch();
}

QDateTime timeOf(const QVariant& ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), UtcZone);
}

// SQLite's primary result code (the extended codes carry it in their low byte).
int sqliteCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

QString problemText(const QString& path, const QSqlError& error)
{
    switch (sqliteCode(error)) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return ReportStore::tr("The local store %1 is locked by another program.").arg(path);
    case 8: // SQLITE_READONLY
    case 14: // SQLITE_CANTOPEN
        return ReportStore::tr("The local store %1 cannot be written.").arg(path);
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return ReportStore::tr(
            "The local store %1 is damaged or is not a Billing Dashboard store; it was left "
            "as it is.")
            .arg(path);
    case 13: // SQLITE_FULL
        return ReportStore::tr("The disk holding the local store %1 is full.").arg(path);
    case 10: // SQLITE_IOERR: a write the system refused (a file size limit, a failing disk)
        return ReportStore::tr("Writing the local store %1 failed: the disk is full, limited or failing.")
            .arg(path);
    default:
        return ReportStore::tr("The local store %1 cannot be used: %2").arg(path, error.text());
    }
}

/// A map by period start as a list, newest first.
template <typename T> QList<T> newestFirst(const QMap<qint64, T>& byStart)
{
    QList<T> list;
    list.reserve(byStart.size());
    for (auto it = byStart.cend(); it != byStart.cbegin();)
        list.append(*--it);
    return list;
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return u"bd-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

/// The store's writer: a thread with a connection of its own that runs the writes handed to it in order, so
/// that the GUI thread neither compresses a body nor waits for the disk.
class ReportStore::Writer final : public QThread
{
public:
    /// Runs on the writer's thread; returns the failure's sentence, or an empty string.
    using Write = std::function<QString(QSqlDatabase&)>;
    /// Runs on the thread that made the store, with a failure's sentence.
    using Failed = std::function<void(const QString&)>;

    Writer(const QString& path, const QString& connection)
        : m_path(path)
        , m_connection(connection)
    {
        start();
    }

    /// Writes what is queued, then stops.
    ~Writer() override
    {
        {
            QMutexLocker lock(&m_lock);
            m_stopping = true;
            m_wake.wakeAll();
        }
        wait();
    }

    void post(Write write, Failed failed)
    {
        QMutexLocker lock(&m_lock);
        m_queue.push_back({ std::move(write), std::move(failed) });
        m_wake.wakeAll();
    }

    /// Waits for every write queued; on the thread that made the store, its failures are told before this
    /// returns.
    void flush()
    {
        {
            QMutexLocker lock(&m_lock);
            while (!m_queue.empty() || m_busy)
                m_idle.wait(&m_lock);
        }
        if (QThread::currentThread() == m_replies.thread())
            QCoreApplication::sendPostedEvents(&m_replies, QEvent::MetaCall);
    }

protected:
    void run() override
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
            db.setDatabaseName(m_path);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
            if (db.open())
                QSqlQuery(db).exec(u"PRAGMA synchronous=NORMAL"_s); // as the store's own connection
            for (;;) {
                Job job;
                {
                    QMutexLocker lock(&m_lock);
                    m_busy = false;
                    if (m_queue.empty())
                        m_idle.wakeAll();
                    while (m_queue.empty() && !m_stopping)
                        m_wake.wait(&m_lock);
                    if (m_queue.empty())
                        break; // stopping, with everything written
                    job = std::move(m_queue.front());
                    m_queue.pop_front();
                    m_busy = true;
                }
                const QString problem = job.write(db); // a connection that did not open says so
                if (!problem.isEmpty() && job.failed) {
                    QMetaObject::invokeMethod(
                        &m_replies, [failed = std::move(job.failed), problem] { failed(problem); },
                        Qt::QueuedConnection);
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }

private:
    struct Job
    {
        Write write;
        Failed failed;
    };

    const QString m_path;
    const QString m_connection;
    QObject m_replies; // lives on the thread that made the store: failures are told there
    QMutex m_lock;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    std::deque<Job> m_queue;
    bool m_busy = false;
    bool m_stopping = false;
};

QString ReportStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/store.sqlite"_s;
}

ReportStore::ReportStore(const QString& path, const QString& connection)
    : m_path(path)
    , m_connection(connection)
{ }

ReportStore::~ReportStore()
{
    m_writer.reset(); // what was handed to it is written first
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<ReportStore> ReportStore::open(const QString& path, QString* error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = tr("The folder of the local store %1 cannot be created.").arg(path);
        return nullptr;
    }
    if (QFileInfo(path).exists() && !QFileInfo(path).isFile()) {
        if (error)
            *error = tr("The local store %1 is not a file.").arg(path);
        return nullptr;
    }
    const QString connection = nextConnectionName();
    std::unique_ptr<ReportStore> store(new ReportStore(path, connection));
    const QString problem = prepare(path, connection);
    if (problem.isEmpty()) {
        store->m_writer = std::make_unique<Writer>(path, connection + u"-writer"_s);
        return store;
    }
    if (error)
        *error = problem;
    return nullptr;
}

QString ReportStore::useWriteAheadLog(QSqlQuery& query, const QString& path)
{
    // WAL lets readers and a writer (a second window, a cron export) work at once. It stays set in the file,
    // so only the first open switches; SQLite answers that switch with "busy" at once, without waiting,
    // while another process has the file open, so it is tried again for up to a second.
    if (!query.exec(u"PRAGMA journal_mode"_s) || !query.next())
        return problemText(path, query.lastError());
    if (query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0)
        return {};
    for (int attempt = 1;; ++attempt) {
        if (query.exec(u"PRAGMA journal_mode=WAL"_s) && query.next())
            return {};
        const int code = sqliteCode(query.lastError());
        if ((code != 5 && code != 6) || attempt == 100)
            return problemText(path, query.lastError());
        QThread::msleep(10);
    }
}

QString ReportStore::prepare(const QString& path, const QString& connection)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db.setDatabaseName(path);
    // A second window or a cron export writing at the same moment waits its turn instead of failing.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return problemText(path, db.lastError());

    QSqlQuery query(db);
    // The first read tells a store from a damaged file or another kind of file. One statement reads all three
    // from one snapshot: read one by one, another process's first migration could commit in between, and
    // a store would look like someone else's file (tables, but no application id yet).
    if (!query.exec(u"SELECT (SELECT application_id FROM pragma_application_id),"
                    " (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)"_s)
        || !query.next())
        return problemText(path, query.lastError());
    const qint64 applicationId = query.value(0).toLongLong();
    const int version = query.value(1).toInt();
    const bool empty = query.value(2).toInt() == 0;
    if (!empty && applicationId != ApplicationId)
        return tr("%1 is not a Billing Dashboard store; it was left as it is.").arg(path);
    if (version > SchemaVersion)
        return tr(
            "The local store %1 was written by a newer Billing Dashboard (store version %2; this version "
            "reads up to %3). It was left as it is.")
            .arg(path)
            .arg(version)
            .arg(SchemaVersion);

    for (int next = version + 1; next <= SchemaVersion; ++next) {
        // Another process may be migrating the same file: take the write lock first, then look again.
        if (!query.exec(u"BEGIN IMMEDIATE"_s))
            return problemText(path, query.lastError());
        bool ok = query.exec(u"PRAGMA user_version"_s) && query.next();
        const bool done = ok && query.value(0).toInt() >= next;
        if (ok && !done) {
            for (const QString& statement : migrations().at(next - 1))
                ok = ok && query.exec(statement);
            ok = ok && query.exec(u"PRAGMA application_id=%1"_s.arg(ApplicationId));
            ok = ok && query.exec(u"PRAGMA user_version=%1"_s.arg(next));
        }
        if (!ok) {
            const QSqlError failure = query.lastError();
            query.exec(u"ROLLBACK"_s);
            return problemText(path, failure);
        }
        if (!query.exec(u"COMMIT"_s))
            return problemText(path, query.lastError());
    }
    if (const QString problem = useWriteAheadLog(query, path); !problem.isEmpty())
        return problem;
    // Per connection: with the write-ahead log, NORMAL syncs at checkpoints rather than at every commit. The
    // file cannot be corrupted by a crash either way; a power cut may lose the last reports kept, which are
    // fetched again. Every fetch then costs the window no disk flush.
    if (!query.exec(u"PRAGMA synchronous=NORMAL"_s))
        return problemText(path, query.lastError());
    return {};
}

std::optional<ReportStore::UsageBody> ReportStore::usageBody(
    const StoreScope& scope, const QDateTime& start, const QDateTime& end) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT body, fetched_ms, final FROM usage_report"
                  " WHERE region = ? AND org_id = ? AND start_ms = ? AND end_ms = ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(msOf(start));
    query.addBindValue(msOf(end));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return UsageBody { query.value(0).toByteArray(), timeOf(query.value(1)), query.value(2).toBool() };
}

std::optional<ReportStore::UsageEntry> ReportStore::usageReport(const StoreScope& scope,
    const QDateTime& start, const QDateTime& end, BillingUsageReport::Resources resources) const
{
    const auto stored = usageBody(scope, start, end);
    if (!stored)
        return std::nullopt;
    auto parsed = BillingUsageReport::fromJson(stored->body(), resources);
    if (!parsed.ok())
        return std::nullopt;
    return UsageEntry { parsed.value(), stored->fetchedAt, stored->isFinal };
}

bool ReportStore::putUsageReport(const StoreScope& scope, const QDateTime& start, const QDateTime& end,
    const QByteArray& body, const QDateTime& fetchedAt, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"INSERT OR REPLACE INTO usage_report"
                  " (region, org_id, start_ms, end_ms, fetched_ms, final, parser, body)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(msOf(start));
    query.addBindValue(msOf(end));
    query.addBindValue(msOf(fetchedAt));
    query.addBindValue(end <= DataCutoff::horizon(fetchedAt));
    query.addBindValue(ParserVersion);
    query.addBindValue(qCompress(body));
    return execWrite(query, error);
}

QString ReportStore::overviewKey(const StoreScope& scope, const QString& trustorOrgId)
{
    return scope.region + u'\n' + scope.orgId + u'\n' + trustorOrgId;
}

QMap<qint64, ReportStore::PendingOverview> ReportStore::pendingOverviews(
    const StoreScope& scope, const QString& trustorOrgId) const
{
    QMutexLocker lock(&m_pendingLock);
    return m_pending.value(overviewKey(scope, trustorOrgId));
}

QList<ReportStore::OverviewEntry> ReportStore::overviews(
    const StoreScope& scope, const QString& trustorOrgId) const
{
    // The writes still queued are read first: one committed after this copy is in the file read next.
    const QMap<qint64, PendingOverview> pending = pendingOverviews(scope, trustorOrgId);
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT start_ms, body, fetched_ms, fetched_index FROM overview"
                  " WHERE region = ? AND org_id = ? AND trustor_id = ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(trustorOrgId);
    QMap<qint64, OverviewEntry> byStart;
    if (query.exec()) {
        while (query.next()) {
            const qint64 start = query.value(0).toLongLong();
            if (pending.contains(start))
                continue; // fetched again since
            auto parsed = TrusteeBillingOverview::fromJson(qUncompress(query.value(1).toByteArray()));
            if (parsed.ok())
                byStart.insert(start, { parsed.value(), timeOf(query.value(2)), query.value(3).toInt() });
        }
    }
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        byStart.insert(it.key(), it->entry);
    return newestFirst(byStart);
}

QList<ReportStore::StoredPeriod> ReportStore::overviewPeriods(
    const StoreScope& scope, const QString& trustorOrgId) const
{
    const QMap<qint64, PendingOverview> pending = pendingOverviews(scope, trustorOrgId); // as overviews()
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT start_ms, end_ms, fetched_ms, fetched_index FROM overview"
                  " WHERE region = ? AND org_id = ? AND trustor_id = ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(trustorOrgId);
    QMap<qint64, StoredPeriod> byStart;
    if (query.exec()) {
        while (query.next()) {
            const qint64 start = query.value(0).toLongLong();
            byStart.insert(start,
                { timeOf(start),
                    query.value(1).isNull() ? std::nullopt : std::optional(timeOf(query.value(1))),
                    timeOf(query.value(2)), query.value(3).toInt() });
        }
    }
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const OverviewEntry& e = it->entry;
        byStart.insert(
            it.key(), { timeOf(it.key()), e.overview.billingPeriodEndDate, e.fetchedAt, e.fetchedIndex });
    }
    return newestFirst(byStart);
}

std::optional<ReportStore::OverviewEntry> ReportStore::overview(
    const StoreScope& scope, const QString& trustorOrgId, const QDateTime& start) const
{
    const QMap<qint64, PendingOverview> pending = pendingOverviews(scope, trustorOrgId);
    if (const auto queued = pending.constFind(msOf(start)); queued != pending.cend())
        return queued->entry;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT body, fetched_ms, fetched_index FROM overview"
                  " WHERE region = ? AND org_id = ? AND trustor_id = ? AND start_ms = ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(trustorOrgId);
    query.addBindValue(msOf(start));
    if (!query.exec() || !query.next())
        return std::nullopt;
    auto parsed = TrusteeBillingOverview::fromJson(qUncompress(query.value(0).toByteArray()));
    if (!parsed.ok())
        return std::nullopt;
    return OverviewEntry { parsed.value(), timeOf(query.value(1)), query.value(2).toInt() };
}

QList<StoreScope> ReportStore::partnersOf(const QString& region, const QString& trustorOrgId) const
{
    flush();
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT org_id FROM overview WHERE region = ? AND trustor_id = ? AND org_id <> ?"
                  " GROUP BY org_id ORDER BY MAX(fetched_ms) DESC"_s);
    query.addBindValue(region);
    query.addBindValue(trustorOrgId);
    query.addBindValue(trustorOrgId);
    QList<StoreScope> partners;
    if (!query.exec())
        return partners;
    while (query.next())
        partners.append({ region, query.value(0).toString() });
    return partners;
}

void ReportStore::putOverview(const StoreScope& scope, const QString& trustorOrgId, int billingPeriodIndex,
    const TrusteeBillingOverview& overview, const QByteArray& body, const QDateTime& fetchedAt,
    QObject* context, std::function<void(const QString&)> failed)
{
    if (!overview.billingPeriodStartDate)
        return;
    const QString key = overviewKey(scope, trustorOrgId);
    const qint64 start = msOf(*overview.billingPeriodStartDate);
    quint64 sequence = 0;
    {
        QMutexLocker lock(&m_pendingLock);
        sequence = ++m_pendingSequence;
        m_pending[key].insert(start, { { overview, fetchedAt, billingPeriodIndex }, sequence });
    }
    const QVariant end
        = overview.billingPeriodEndDate ? QVariant(msOf(*overview.billingPeriodEndDate)) : QVariant();
    auto write = [this, scope, trustorOrgId, billingPeriodIndex, start, end, body,
                     fetchedMs = msOf(fetchedAt), key, sequence](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(
            u"INSERT OR REPLACE INTO overview"
            " (region, org_id, trustor_id, start_ms, end_ms, fetched_index, fetched_ms, parser, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        query.addBindValue(scope.region);
        query.addBindValue(scope.orgId);
        query.addBindValue(trustorOrgId);
        query.addBindValue(start);
        query.addBindValue(end);
        query.addBindValue(billingPeriodIndex);
        query.addBindValue(fetchedMs);
        query.addBindValue(ParserVersion);
        query.addBindValue(qCompress(body));
        QString problem;
        if (!db.isOpen())
            problem = problemText(m_path, db.lastError());
        else
            execWrite(query, &problem);
        // Written or not, it is no longer pending (unless fetched again since).
        QMutexLocker lock(&m_pendingLock);
        const auto periods = m_pending.find(key);
        if (periods != m_pending.end() && periods->value(start).sequence == sequence) {
            periods->remove(start);
            if (periods->isEmpty())
                m_pending.erase(periods);
        }
        return problem;
    };
    Writer::Failed told;
    if (failed) {
        told = [watched = context != nullptr, guard = QPointer<QObject>(context), failed](
                   const QString& problem) {
            if (!watched || guard)
                failed(problem);
        };
    }
    m_writer->post(std::move(write), std::move(told));
}

void ReportStore::flush() const
{
    m_writer->flush();
}

bool ReportStore::execWrite(QSqlQuery& query, QString* error) const
{
    if (query.exec())
        return true;
    if (error)
        *error = problemText(m_path, query.lastError());
    return false;
}

QList<ReportStore::OrgSummary> ReportStore::summary() const
{
    flush();
    QSqlQuery query(QSqlDatabase::database(m_connection));
    QList<OrgSummary> orgs;
    const bool ok = query.exec(
        u"SELECT region, org_id, sum(usage), sum(overviews), sum(bytes), min(first_ms), max(last_ms),"
        " max(fetched_ms) FROM ("
        "  SELECT region, org_id, 1 AS usage, 0 AS overviews, length(body) AS bytes, start_ms AS first_ms,"
        "   end_ms AS last_ms, fetched_ms FROM usage_report"
        "  UNION ALL"
        "  SELECT region, org_id, 0, 1, length(body), start_ms, coalesce(end_ms, start_ms), fetched_ms"
        "   FROM overview)"
        " GROUP BY region, org_id ORDER BY region, org_id"_s);
    QSqlQuery names(QSqlDatabase::database(m_connection));
    QHash<QString, QString> nameOf;
    if (names.exec(u"SELECT region, org_id, name FROM org"_s)) {
        while (names.next())
            nameOf.insert(
                names.value(0).toString() + u'\n' + names.value(1).toString(), names.value(2).toString());
    }
    if (!ok)
        return orgs;
    while (query.next()) {
        OrgSummary org;
        org.scope = { query.value(0).toString(), query.value(1).toString() };
        org.orgName = nameOf.value(org.scope.region + u'\n' + org.scope.orgId);
        org.usageReports = query.value(2).toInt();
        org.overviews = query.value(3).toInt();
        org.bytes = query.value(4).toLongLong();
        org.oldestData = timeOf(query.value(5));
        org.newestData = timeOf(query.value(6));
        org.lastFetched = timeOf(query.value(7));
        orgs.append(org);
    }
    return orgs;
}

bool ReportStore::forget(const StoreScope& scope, QString* error)
{
    flush();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    bool ok = db.transaction();
    // Fetched data and what alerts told about it; the commitments the user entered stay.
    for (const QString& table :
        { u"usage_report"_s, u"overview"_s, u"org"_s, u"history"_s, u"alert_mark"_s, u"alert_log"_s }) {
        ok = ok && query.prepare(u"DELETE FROM %1 WHERE region = ? AND org_id = ?"_s.arg(table));
        query.addBindValue(scope.region);
        query.addBindValue(scope.orgId);
        ok = ok && query.exec();
    }
    if (ok && db.commit())
        return true;
    const QSqlError failure = query.lastError().isValid() ? query.lastError() : db.lastError();
    db.rollback();
    if (error)
        *error = problemText(m_path, failure);
    return false;
}

bool ReportStore::putHistoryStart(
    const StoreScope& scope, const QString& trustorOrgId, const QDateTime& firstPeriodStart)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"INSERT OR REPLACE INTO history (region, org_id, trustor_id, first_start_ms)"
                  " VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(trustorOrgId);
    query.addBindValue(msOf(firstPeriodStart));
    return query.exec();
}

std::optional<QDateTime> ReportStore::historyStart(const StoreScope& scope, const QString& trustorOrgId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT first_start_ms FROM history WHERE region = ? AND org_id = ? AND trustor_id = ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(trustorOrgId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return timeOf(query.value(0));
}

QString ReportStore::orgName(const StoreScope& scope) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT name FROM org WHERE region = ? AND org_id = ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

bool ReportStore::nameOrg(const StoreScope& scope, const QString& name)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"INSERT OR REPLACE INTO org (region, org_id, name) VALUES (?, ?, ?)"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(name);
    return query.exec();
}

QList<LicenceCommitment> ReportStore::commitments(const StoreScope& scope) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        u"SELECT licence, from_day, quantity, near_percent FROM commitment WHERE region = ? AND org_id = ?"
        " ORDER BY licence, from_day"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    QList<LicenceCommitment> result;
    if (!query.exec())
        return result;
    while (query.next()) {
        const auto quantity = Decimal::fromString(query.value(2).toString());
        if (!quantity)
            continue; // not written by this code: left out rather than read as 0
        LicenceCommitment c { query.value(0).toString(), *quantity,
            QDate::fromString(query.value(1).toString(), Qt::ISODate), std::nullopt };
        if (!query.value(3).isNull() && query.value(3).toInt() >= 1 && query.value(3).toInt() <= 100)
            c.nearPercent = query.value(3).toInt();
        result.append(c);
    }
    return result;
}

bool ReportStore::transact(QString* error, const std::function<bool(QSqlQuery&)>& steps) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        if (error)
            *error = problemText(m_path, db.lastError());
        return false;
    }
    QSqlQuery query(db);
    const bool ok = steps(query);
    if (ok && db.commit())
        return true;
    if (ok && error)
        *error = problemText(m_path, db.lastError());
    db.rollback();
    return false;
}

bool ReportStore::putCommitments(
    const StoreScope& scope, const QList<LicenceCommitment>& commitments, QString* error)
{
    return transact(error, [&](QSqlQuery& query) {
        query.prepare(u"DELETE FROM commitment WHERE region = ? AND org_id = ?"_s);
        query.addBindValue(scope.region);
        query.addBindValue(scope.orgId);
        if (!execWrite(query, error))
            return false;
        for (const LicenceCommitment& c : commitments) {
            query.prepare(
                u"INSERT OR REPLACE INTO commitment"
                " (region, org_id, licence, from_day, quantity, near_percent) VALUES (?, ?, ?, ?, ?, ?)"_s);
            query.addBindValue(scope.region);
            query.addBindValue(scope.orgId);
            query.addBindValue(c.licence.trimmed());
            query.addBindValue(c.from.isValid() ? c.from.toString(Qt::ISODate) : QString(u""_s));
            query.addBindValue(c.quantity.toString());
            query.addBindValue(
                c.nearPercent ? QVariant(*c.nearPercent) : QVariant(QMetaType::fromType<int>()));
            if (!execWrite(query, error))
                return false;
        }
        return true;
    });
}

std::optional<AlertMark> ReportStore::alertMark(
    const StoreScope& scope, const QString& subject, QDate periodStart) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT state, band FROM alert_mark WHERE region = ? AND org_id = ? AND subject = ?"
                  " AND period_start = ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(subject);
    query.addBindValue(periodStart.toString(Qt::ISODate));
    if (!query.exec() || !query.next())
        return std::nullopt;
    const auto state = Commitments::fromKey(query.value(0).toString());
    if (!state)
        return std::nullopt;
    return AlertMark { *state, query.value(1).toInt() };
}

bool ReportStore::putAlert(const StoreScope& scope, const AlertSubject& subject, const QString& text,
    const QDateTime& at, QString* error)
{
    const QString period = subject.periodStart.toString(Qt::ISODate);
    const QString state = Commitments::key(subject.mark.state);
    return transact(error, [&](QSqlQuery& query) {
        query.prepare(
            u"INSERT OR REPLACE INTO alert_mark (region, org_id, subject, period_start, state, band)"
            " VALUES (?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant& value : { QVariant(scope.region), QVariant(scope.orgId), QVariant(subject.key),
                 QVariant(period), QVariant(state), QVariant(subject.mark.band) })
            query.addBindValue(value);
        if (!execWrite(query, error))
            return false;
        query.prepare(
            u"INSERT INTO alert_log (region, org_id, at_ms, subject, name, period_start, state, band,"
            " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant& value : { QVariant(scope.region), QVariant(scope.orgId), QVariant(msOf(at)),
                 QVariant(subject.key), QVariant(subject.name), QVariant(period), QVariant(state),
                 QVariant(subject.mark.band), QVariant(text) })
            query.addBindValue(value);
        return execWrite(query, error);
    });
}

QList<ReportStore::LoggedAlert> ReportStore::alerts(const StoreScope& scope, int limit) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT at_ms, subject, name, period_start, state, band, text FROM alert_log"
                  " WHERE region = ? AND org_id = ? ORDER BY at_ms DESC, rowid DESC LIMIT ?"_s);
    query.addBindValue(scope.region);
    query.addBindValue(scope.orgId);
    query.addBindValue(limit);
    QList<LoggedAlert> result;
    if (!query.exec())
        return result;
    while (query.next()) {
        LoggedAlert a;
        a.at = timeOf(query.value(0));
        a.subject.key = query.value(1).toString();
        a.subject.name = query.value(2).toString();
        a.subject.periodStart = QDate::fromString(query.value(3).toString(), Qt::ISODate);
        a.subject.mark = { Commitments::fromKey(query.value(4).toString()).value_or(CommitmentState::Ok),
            query.value(5).toInt() };
        a.text = query.value(6).toString();
        result.append(a);
    }
    return result;
}

qint64 ReportStore::fileSize() const
{
    flush();
    return QFileInfo(m_path).size() + QFileInfo(m_path + u"-wal"_s).size();
}

} // namespace bd
