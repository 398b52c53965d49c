#pragma once

#include "cli/exportoptions.h"
#include "store/storescope.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace bd {

class ApiError;
class ApiSession;
class BillingApi;
class ReportStore;
class SecretStore;
class PeriodWalker;
class PortfolioSweep;
class UsageSeriesController;
class UsageSeriesLoader;
struct AlertSubject;
struct BillingUsageReport;
struct TrusteeBillingOverview;
class DemoBackend;
class ApiError;

/// The headless commands: an export signs in, loads, writes one CSV atomically, and reports one clear line on
/// failure; a check (What::Check) prints a monitoring plugin's status and exits with its code.
class ExportCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportCommand)

public:
    /// The process exit codes: 2 (bad options) is the caller's, before an export starts.
    enum ExitCode {
        Written = 0, ///< the file is written and tells the whole truth
        Failed = 1, ///< nothing was written
        EmptyRange = 3, ///< written, but no report in the range lists any usage: likely a wrong range
    };

    explicit ExportCommand(QObject* parent = nullptr);
    ~ExportCommand() override;

    /// Where messages go (stderr by default); progress lines are sent only when `progress` is enabled.
    void setMessageSink(std::function<void(const QString&)> sink) { m_say = std::move(sink); }
    void setShowProgress(bool show) { m_showProgress = show; }

    /// Where --profile reads secrets from (default: the system keychain, service "Billing Dashboard").
    void setSecretStore(SecretStore* secrets) { m_secrets = secrets; }

    /// Starts the export; finished() follows with the process exit code.
    void start(const ExportOptions& options);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void startWithSecrets();
    bool openSession(QString* error);
    /// Opens the local store and learns whose data it files, then runs the export.
    void openStoreThenRun();
    void run();
    /// Says once that a report could not be kept in the store.
    void warnAboutStore(const QString& message);
    /// "12 from the local store, 0 from Genesys Cloud", for the result line.
    QString sourcesLine(int fromStore, int fetched) const;
    void runUsage();
    void runOverview();
    void runPortfolio();
    /// `check`: the org's licences in the current cycle, or (--portfolio) every customer's active period.
    void runCheck();
    void finishUsageCheck();
    void finishPortfolioCheck();
    /// Marks what is news against what the last check told, remembers it, prints the plugin output and
    /// finishes with the plugin's exit status.
    void finishCheck(const QList<AlertSubject>& subjects, const QString& noun, const QString& context);
    /// The portfolio's result: the file, then one line per currency of the active period.
    void finishPortfolio();
    void progress(const QString& text);
    void succeed(const QString& message);
    void fail(const QString& message);
    void finish(ExitCode code, const QString& message);
    /// The one line for Genesys out of reach: where, and why.
    QString unreachableText(const ApiError& error) const;

    ExportOptions m_options;
    std::function<void(const QString&)> m_say;
    bool m_showProgress = false;
    bool m_done = false;
    SecretStore* m_secrets = nullptr;
    std::unique_ptr<DemoBackend> m_demo;
    ApiSession* m_session = nullptr;
    BillingApi* m_billing = nullptr; ///< the session's, or (offline) one that is never called
    std::unique_ptr<ReportStore> m_store;
    StoreScope m_scope;
    bool m_storeWarned = false;
    UsageSeriesLoader* m_loader = nullptr;
    PeriodWalker* m_walker = nullptr;
    PortfolioSweep* m_sweep = nullptr;
    UsageSeriesController* m_usage = nullptr;
    std::unique_ptr<ReportStore> m_stateStore; ///< check --state-file
    QStringList m_checkNotes; ///< warnings a check prints after its status line
    QList<std::optional<BillingUsageReport>> m_reports;
    QMap<int, TrusteeBillingOverview> m_periods;
};

} // namespace bd
