#pragma once

#include "api/connectionsettings.h"
#include "auth/profile.h"
#include "domain/granularity.h"

#include <QDate>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QProcessEnvironment;

namespace bd {

class ApiError;
class ApiSession;
class ProfileStore;
class SecretStore;
class PeriodWalker;
class UsageSeriesLoader;
struct BillingUsageReport;
struct TrusteeBillingOverview;
namespace sim { class BillingSimServer; }

/// What `billing-dashboard export …` was asked to do.
struct ExportOptions
{
    enum class What { Usage, Overview };
    What what = What::Usage;
    QDate start;
    QDate end;
    Granularity granularity = Granularity::Month;
    QString trustorOrgId;
    int firstPeriod = 0;
    int lastPeriod = 12;
    QString outPath;
    ConnectionSettings connection;
    std::optional<Profile> profile; ///< --profile NAME: a saved profile; its secret is read from the keychain
    bool secretGiven = false; ///< the secret or token came from the command line or the environment
    bool demo = false;
    int rateLimitPerMinute = 300;

    /// Reads the words after "export" (with the Genesys CLI's environment variables under the options).
    /// nullopt with *error set when they do not make a valid export; `today` bounds the usage range.
    /// With --profile, `profiles` says where saved profiles live (nullptr: the dashboard's own settings); the
    /// profile's place and client id sit under the command-line options and over the environment.
    static std::optional<ExportOptions> parse(const QStringList& arguments, const QProcessEnvironment& environment,
                                              const QDate& today, QString* error,
                                              const ProfileStore* profiles = nullptr);
    /// The --help text.
    static QString helpText();
};

/// The headless export: signs in, loads, writes one CSV atomically, and reports one clear line on failure.
class ExportCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportCommand)

public:
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
    void runUsage();
    void runOverview();
    void progress(const QString& text);
    void succeed(const QString& message);
    void fail(const QString& message);

    ExportOptions m_options;
    std::function<void(const QString&)> m_say;
    bool m_showProgress = false;
    bool m_done = false;
    SecretStore* m_secrets = nullptr;
    sim::BillingSimServer* m_sim = nullptr;
    ApiSession* m_session = nullptr;
    UsageSeriesLoader* m_loader = nullptr;
    PeriodWalker* m_walker = nullptr;
    QList<std::optional<BillingUsageReport>> m_reports;
    QMap<int, TrusteeBillingOverview> m_periods;
};

} // namespace bd
