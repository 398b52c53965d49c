#pragma once

#include "domain/alertrule.h"
#include "domain/billingusagereport.h"
#include "domain/licencecommitment.h"
#include "domain/trusteebillingoverview.h"
#include "store/storescope.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QObject;
class QSqlQuery;

namespace bd {

/// Every billable-usage report and trustee overview fetched, kept in one SQLite file: closed data never
/// changes, so what is in here is never asked for again, and the window can open without Genesys.
///
/// Reports are kept as Genesys sent them (compressed), keyed by org, region and their exact window or period
/// start, with the fetch time and the version of the parser that read them. A usage report is *final* when
/// its window had ended before the data cut-off at its fetch time; an overview is *closed* when it was
/// fetched as a past period (index ≥ 1). Writes are single transactions in WAL mode, so a second window or a
/// cron export can use the same file at once, and a failed write (a full disk) leaves what was stored as it
/// was. Overviews, which a portfolio sweep writes by the thousand, are written on a thread of the store's
/// own; every read sees them at once. A store written by a newer version is refused, never migrated down. No
/// secret or token is ever written here.
class ReportStore final
{
    Q_DECLARE_TR_FUNCTIONS(bd::ReportStore)
    Q_DISABLE_COPY_MOVE(ReportStore)

public:
    /// The schema this version writes; a file with a higher one is refused.
    static constexpr int SchemaVersion = 3;
    /// The version of the wire parsers whose reading each report passed.
    static constexpr int ParserVersion = 1;

    /// store.sqlite under QStandardPaths::AppDataLocation: history worth keeping, not a cache.
    static QString defaultPath();
    /// Opens the store at `path`, creating it (and its folder) when missing; nullptr with *error set to one
    /// clear sentence when it cannot be used: not a store, damaged, written by a newer version, locked, or
    /// not writable. A file that cannot be used is left exactly as it was.
    static std::unique_ptr<ReportStore> open(const QString& path, QString* error);
    ~ReportStore();

    QString path() const { return m_path; }

    struct UsageEntry
    {
        BillingUsageReport report;
        QDateTime fetchedAt;
        bool isFinal = false; ///< the window had ended before the data cut-off when it was fetched
    };
    /// The stored report for exactly this window, parsed again; nullopt when none is stored or it no longer
    /// parses.
    std::optional<UsageEntry> usageReport(const StoreScope& scope, const QDateTime& start,
        const QDateTime& end,
        BillingUsageReport::Resources resources = BillingUsageReport::Resources::Keep) const;
    struct UsageBody
    {
        QByteArray compressed; ///< the body as Genesys sent it, compressed as stored
        QDateTime fetchedAt;
        bool isFinal = false;
        /// The body itself (a large org's is a megabyte or more: uncompress it where it is parsed).
        QByteArray body() const { return qUncompress(compressed); }
    };
    /// The stored body for exactly this window, unparsed (a large org's is parsed off the GUI thread).
    std::optional<UsageBody> usageBody(
        const StoreScope& scope, const QDateTime& start, const QDateTime& end) const;
    /// Keeps a report's body as Genesys sent it, replacing an earlier fetch of the same window.
    bool putUsageReport(const StoreScope& scope, const QDateTime& start, const QDateTime& end,
        const QByteArray& body, const QDateTime& fetchedAt, QString* error = nullptr);

    struct OverviewEntry
    {
        TrusteeBillingOverview overview;
        QDateTime fetchedAt;
        int fetchedIndex = 0; ///< its billingPeriodIndex when fetched (indexes shift at every rotation)
        bool isClosed() const { return fetchedIndex >= 1; }
    };
    /// Every stored period of one customer org, newest period first.
    QList<OverviewEntry> overviews(const StoreScope& scope, const QString& trustorOrgId) const;
    /// What is known of a stored period without reading its body.
    struct StoredPeriod
    {
        QDateTime start;
        std::optional<QDateTime> end;
        QDateTime fetchedAt;
        int fetchedIndex = 0; ///< as in OverviewEntry
        bool isClosed() const { return fetchedIndex >= 1; }
    };
    /// Every stored period of one customer org, newest first, with no body parsed: a walk parses only the
    /// periods it hands out.
    QList<StoredPeriod> overviewPeriods(const StoreScope& scope, const QString& trustorOrgId) const;
    /// The stored period that starts at `start`, parsed; nullopt when none is or it no longer parses.
    std::optional<OverviewEntry> overview(
        const StoreScope& scope, const QString& trustorOrgId, const QDateTime& start) const;
    /// The partner orgs (in `region`) whose stored overviews include `trustorOrgId`, the one that fetched
    /// most recently first: what partners know of an org that is also one of their customers.
    QList<StoreScope> partnersOf(const QString& region, const QString& trustorOrgId) const;
    /// Keeps an overview's body under its period start (an overview without one cannot be told apart from
    /// other periods and is not kept), replacing an earlier fetch of the same period. The write (its
    /// compression included) runs on the store's own thread, so the caller never waits for the disk;
    /// overviews() includes it at once. When it fails, `failed` is called later, on the thread that opened
    /// the store, with one sentence, unless `context` is gone by then.
    void putOverview(const StoreScope& scope, const QString& trustorOrgId, int billingPeriodIndex,
        const TrusteeBillingOverview& overview, const QByteArray& body, const QDateTime& fetchedAt,
        QObject* context = nullptr, std::function<void(const QString&)> failed = {});
    /// Waits until every write handed to the store's thread is in the file; called on the thread that opened
    /// the store, the failures among them are told before it returns.
    void flush() const;

    /// Remembers that a customer org's first billing period starts here: Genesys answered not.found for the
    /// one before it. History does not grow backwards, so older indexes need not be asked for again.
    bool putHistoryStart(
        const StoreScope& scope, const QString& trustorOrgId, const QDateTime& firstPeriodStart);
    std::optional<QDateTime> historyStart(const StoreScope& scope, const QString& trustorOrgId) const;

    /// What is stored for one org, for the "Stored data" view.
    struct OrgSummary
    {
        StoreScope scope;
        QString orgName; ///< as organizations/me last named it; empty when never named
        int usageReports = 0;
        int overviews = 0;
        qint64 bytes = 0; ///< compressed bodies
        QDateTime oldestData; ///< the earliest window or period start
        QDateTime newestData; ///< the latest window or period end
        QDateTime lastFetched;
    };
    QList<OrgSummary> summary() const;
    /// Remembers the org's name, for the "Stored data" view.
    bool nameOrg(const StoreScope& scope, const QString& name);
    /// The org's name as last remembered; empty when never named.
    QString orgName(const StoreScope& scope) const;
    /// Deletes everything stored for one org.
    bool forget(const StoreScope& scope, QString* error = nullptr);
    /// The licence commitments entered for an org, by licence and first day. They are the user's own
    /// figures: forget() leaves them.
    QList<LicenceCommitment> commitments(const StoreScope& scope) const;
    /// Replaces an org's licence commitments, in one transaction.
    bool putCommitments(
        const StoreScope& scope, const QList<LicenceCommitment>& commitments, QString* error = nullptr);

    /// What was last told about `subject` (AlertSubject::key) in the period that starts on `periodStart`;
    /// nullopt when nothing was.
    std::optional<AlertMark> alertMark(
        const StoreScope& scope, const QString& subject, QDate periodStart) const;
    /// Records an alert as told: the subject's mark, and `text` in the alert log, in one transaction.
    bool putAlert(const StoreScope& scope, const AlertSubject& subject, const QString& text,
        const QDateTime& at, QString* error = nullptr);
    struct LoggedAlert
    {
        QDateTime at;
        AlertSubject subject;
        QString text;
    };
    /// The org's alerts, newest first.
    QList<LoggedAlert> alerts(const StoreScope& scope, int limit = 500) const;

    /// The file's size on disk, with its write-ahead log.
    qint64 fileSize() const;

private:
    explicit ReportStore(const QString& path, const QString& connection);
    /// Opens the connection, checks the file is a store this version can read, and migrates it; the reason
    /// it cannot be used, or an empty string.
    static QString prepare(const QString& path, const QString& connection);
    /// Runs `steps` on one query in one transaction: committed when they return true, rolled back (with
    /// *error set, if they did not set it) otherwise.
    bool transact(QString* error, const std::function<bool(QSqlQuery&)>& steps) const;
    /// Runs a prepared write; false with *error set to one sentence when it fails.
    bool execWrite(QSqlQuery& query, QString* error) const;
    /// Switches the file to write-ahead logging; the reason it cannot, or an empty string.
    static QString useWriteAheadLog(QSqlQuery& query, const QString& path);

    class Writer;
    struct PendingOverview
    {
        OverviewEntry entry;
        quint64 sequence = 0; ///< which write: a later one of the same period replaces it
    };
    static QString overviewKey(const StoreScope& scope, const QString& trustorOrgId);
    /// The org's overviews still queued for the writer, by period start.
    QMap<qint64, PendingOverview> pendingOverviews(
        const StoreScope& scope, const QString& trustorOrgId) const;

    QString m_path;
    QString m_connection;
    std::unique_ptr<Writer> m_writer;
    /// Overviews handed to the writer and not yet committed, by overviewKey() and period start (ms).
    QHash<QString, QMap<qint64, PendingOverview>> m_pending;
    quint64 m_pendingSequence = 0;
    mutable QMutex m_pendingLock;
};

} // namespace bd
