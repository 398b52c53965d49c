// Secrets stay secret: sign in with client credentials, load, export through a saved profile, then search
// every settings file, the whole log output and the export for the client secret and every token. Also: plain
// http to a remote host is refused, and nothing in the code ignores TLS errors.

#include "api/apiclient.h"
#include "api/apiendpoint.h"
#include "api/apisession.h"
#include "api/connectionsettings.h"
#include "api/organizationjob.h"
#include "api/orgapi.h"
#include "api/tokenprovider.h"
#include "auth/profile.h"
#include "auth/profileopener.h"
#include "auth/profilestore.h"
#include "auth/secretstore.h"
#include "cli/exportcommand.h"
#include "simfixture.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// Every cell of every table of a local store file, compressed bodies uncompressed, one after another.
QByteArray storeCells(const QString& path)
{
    QByteArray cells;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"secrets-search"_s);
        db.setDatabaseName(path);
        if (!db.open())
            return cells;
        QSqlQuery tables(u"SELECT name FROM sqlite_schema WHERE type = 'table'"_s, db);
        while (tables.next()) {
            QSqlQuery rows(u"SELECT * FROM "_s + tables.value(0).toString(), db);
            while (rows.next()) {
                for (int column = 0; column < rows.record().count(); ++column) {
                    const QVariant value = rows.value(column);
                    const QByteArray bytes = value.toByteArray();
                    const QByteArray plain
                        = value.typeId() == QMetaType::QByteArray ? qUncompress(bytes) : bytes;
                    cells += (plain.isEmpty() ? bytes : plain) + '\n';
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(u"secrets-search"_s);
    return cells;
}

} // namespace

namespace {

QString g_log; // everything any part of the process logged, whatever the category or level

void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    // Qt HttpServer's own debug lines belong to billing-sim, which plays Genesys Cloud in this process: a
    // server sees tokens by nature. Everything the client side logs is kept.
    if (context.category && QByteArray(context.category).startsWith("qt.httpserver"))
        return;
    g_log += QString::fromLatin1(context.category ? context.category : "") + u": "_s + message + u'\n';
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSecrets final : public QObject
{
    Q_OBJECT

private:
    const QString m_secret = u"client-secret-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString m_service;
    QtMessageHandler m_previousHandler = nullptr;

    sim::SimOptions simOptions() const
    {
        sim::SimOptions options;
        options.now = test::fixedNow();
        options.clientId = u"partner-reporting"_s;
        options.clientSecret = m_secret;
        return options;
    }

    /// Every file under the locations a Qt app writes settings and data to (test mode: ~/.qttest/…).
    static QStringList writtenFiles()
    {
        QStringList files;
        for (auto location : { QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
                 QStandardPaths::AppDataLocation, QStandardPaths::GenericDataLocation,
                 QStandardPaths::CacheLocation, QStandardPaths::GenericCacheLocation }) {
            const QString root = QStandardPaths::writableLocation(location);
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
        }
        files.removeDuplicates();
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"BillingDashboard"_s);
        QCoreApplication::setApplicationName(u"Billing Dashboard"_s);
        // Start from nothing: what the search finds was written by this run.
        for (auto location : { QStandardPaths::GenericConfigLocation, QStandardPaths::AppDataLocation })
            QDir(QStandardPaths::writableLocation(location)).removeRecursively();
        m_service = u"Billing Dashboard test "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QLoggingCategory::setFilterRules(u"*=true"_s); // debug output included
        m_previousHandler = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(m_previousHandler); }

    void signInLoadAndExport_leaveNoSecretOrTokenInSettingsLogsOrExports()
    {
        BD_SIM_FIXTURE(fixture, simOptions());
        ProfileStore profiles;
        SecretStore secrets;
        secrets.setServiceName(m_service);
        QSignalSpy sessionOnly(&secrets, &SecretStore::sessionOnly);

        // What the sign-in dialog does on success: the profile to settings, the secret to the keychain.
        Profile profile;
        profile.name = u"Northwind partner"_s;
        profile.label = u"Northwind Contact Center"_s;
        profile.baseUrl = fixture.server->baseUrl();
        profile.method = Profile::Method::ClientCredentials;
        profile.clientId = u"partner-reporting"_s;
        profiles.save(profile);
        profiles.setLastUsed(profile.name);
        bool written = false;
        secrets.write(profile.name, Secrets { m_secret, {}, {} }, this, [&written] { written = true; });
        QTRY_VERIFY_WITH_TIMEOUT(written, 20'000);
        QVERIFY(sessionOnly.size() <= 1);
        QCOMPARE(sessionOnly.size(), secrets.isSessionOnly() ? 1 : 0);

        // Load: a session opened from the stored profile and secret signs in and fetches the org.
        Secrets stored;
        bool read = false;
        secrets.read(profile.name, this, [&](const Secrets& s) {
            stored = s;
            read = true;
        });
        QTRY_VERIFY(read);
        QCOMPARE(stored.clientSecret, m_secret);
        QString error;
        std::unique_ptr<ApiSession> session(ProfileOpener::open(profile, stored, &error));
        QVERIFY2(session, qPrintable(error));
        OrganizationJob* job = session->orgs()->fetchOrganization();
        QSignalSpy org(job, &OrganizationJob::organizationReady);
        QVERIFY(org.wait(10'000));
        const QString token = session->auth()->accessToken();
        QVERIFY(!token.isEmpty());

        // Export through the saved profile, as `billing-dashboard export usage --profile …` does.
        QTemporaryDir out;
        const QString csvPath = out.filePath(u"usage.csv"_s);
        const QString storePath = out.filePath(u"store.sqlite"_s);
        const auto options = ExportOptions::parse(
            { u"usage"_s, u"--start"_s, u"2026-09-01"_s, u"--end"_s, u"2026-10-31"_s, u"--out"_s, csvPath,
                u"--profile"_s, profile.name, u"--store"_s, storePath },
            QProcessEnvironment(), test::fixedNow().date(), &error, &profiles);
        QVERIFY2(options, qPrintable(error));
        QVERIFY(options->connection.clientSecret.isEmpty()); // parsing never reads the secret
        ExportCommand command;
        command.setSecretStore(&secrets);
        QStringList said;
        command.setMessageSink([&said](const QString& line) { said.append(line); });
        QSignalSpy finished(&command, &ExportCommand::finished);
        command.start(*options);
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QVERIFY(QFile::exists(csvPath));
        for (const QString& line : std::as_const(said))
            qInfo().noquote() << line; // the export's own messages are part of the log searched below

        // Every token the server handed out (the window's and the export's) and the secret.
        QStringList needles { m_secret, token };
        const QList<sim::RequestRecord> log = fixture.server->requestLog();
        for (const sim::RequestRecord& r : log) {
            if (r.authorization.startsWith(u"Bearer "_s))
                needles.append(r.authorization.mid(7));
        }
        needles.removeDuplicates();
        QVERIFY(needles.size() >= 3); // the fixture's, the window's and the export's tokens

        // The settings file holds the profile (so the search below looks at the right file)…
        const QByteArray settings = readAll(profiles.fileName());
        QVERIFY2(settings.contains("partner-reporting"), qPrintable(profiles.fileName()));
        QVERIFY(profiles.fileName().contains(u".qttest"_s));

        // …and no file, log line or export contains a secret or a token.
        QStringList searched = writtenFiles();
        searched.append(profiles.fileName());
        searched.append(csvPath);
        // The local store holds the reports the export fetched, and nothing else.
        QVERIFY(QFile::exists(storePath));
        searched.append(storePath);
        searched.removeDuplicates();
        QVERIFY(searched.size() >= 2);
        for (const QString& path : std::as_const(searched)) {
            const QByteArray content = readAll(path);
            for (const QString& needle : std::as_const(needles))
                QVERIFY2(
                    !content.contains(needle.toUtf8()), qPrintable(u"a secret or token is in "_s + path));
        }
        // The store's bodies are compressed: every cell is searched as it reads back.
        const QByteArray storeText = storeCells(storePath);
        QVERIFY(storeText.contains("Genesys Cloud")); // the bodies did read back
        for (const QString& needle : std::as_const(needles))
            QVERIFY2(!storeText.contains(needle.toUtf8()), "a secret or token is in the local store");
        QVERIFY(!g_log.isEmpty()); // the handler did capture output
        for (const QString& needle : std::as_const(needles))
            QVERIFY2(!g_log.contains(needle),
                qPrintable(u"a secret or token reached the log: "_s
                    + g_log.mid(std::max<qsizetype>(0, g_log.indexOf(needle) - 300), 400)));

        // Sign-out deletes the profile's secrets.
        bool removed = false;
        secrets.remove(profile.name, this, [&removed] { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20'000);
        bool reread = false;
        secrets.read(profile.name, this, [&](const Secrets& s) {
            QVERIFY(s.isEmpty());
            reread = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(reread, 20'000);
        QVERIFY(sessionOnly.size() <= 1); // said once at most, however many operations followed
    }

    void sessionOnlyStore_keepsSecretsInMemory_andSaysSoOnce()
    {
        SecretStore secrets;
        QSignalSpy sessionOnly(&secrets, &SecretStore::sessionOnly);
        secrets.setKeychainEnabled(false);
        secrets.setKeychainEnabled(false);
        QCOMPARE(sessionOnly.size(), 1);
        QVERIFY(sessionOnly.first().at(0).toString().contains(u"for this session only"_s));
        secrets.write(u"a"_s, Secrets { u"s1"_s, {}, {} });
        secrets.write(u"b"_s, Secrets { {}, u"t2"_s, {} });
        Secrets a;
        bool done = false;
        secrets.read(u"a"_s, this, [&](const Secrets& s) {
            a = s;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(a.clientSecret, u"s1"_s);
        QCOMPARE(sessionOnly.size(), 1);
        // A second store (the next session) has nothing.
        SecretStore next;
        next.setKeychainEnabled(false);
        done = false;
        next.read(u"a"_s, this, [&](const Secrets& s) {
            QVERIFY(s.isEmpty());
            done = true;
        });
        QTRY_VERIFY(done);
    }

    void plainHttpToRemoteHost_isRefused_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("remote http") << QUrl(u"http://api.mypurecloud.ie"_s);
        QTest::newRow("remote http with port") << QUrl(u"http://10.1.2.3:8080"_s);
        QTest::newRow("ftp") << QUrl(u"ftp://api.mypurecloud.ie"_s);
    }

    void plainHttpToRemoteHost_isRefused()
    {
        QFETCH(QUrl, url);
        ConnectionSettings settings;
        settings.baseUrl = url;
        settings.clientId = u"id"_s;
        settings.clientSecret = u"secret"_s;
        QString error;
        std::unique_ptr<ApiSession> session(ApiSession::create(settings, &error));
        QVERIFY(!session);
        QVERIFY(!error.isEmpty());
        Profile profile;
        profile.name = u"remote"_s;
        profile.baseUrl = url;
        profile.clientId = u"id"_s;
        QVERIFY(!profile.isValid(&error));
        // Loopback http stays allowed (billing-sim, local gateways); https anywhere.
        QVERIFY(ApiEndpoint::isAcceptableUrl(QUrl(u"http://127.0.0.1:8080"_s), nullptr));
        QVERIFY(ApiEndpoint::isAcceptableUrl(QUrl(u"https://api.mypurecloud.ie"_s), nullptr));
    }

    void sourceCode_neverIgnoresTlsErrors()
    {
        // TLS errors end a request; nothing may ignore them, in any layer.
        const QDir root(QStringLiteral(BD_SOURCE_DIR));
        int scanned = 0;
        for (const QString& folder : { u"app"_s, u"ui"_s }) {
            QDirIterator it(
                root.filePath(folder), { u"*.cpp"_s, u"*.h"_s }, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QByteArray code = readAll(path);
                ++scanned;
                QVERIFY2(!code.contains("ignoreSslErrors"), qPrintable(path));
                QVERIFY2(!code.contains("VerifyNone"), qPrintable(path));
                QVERIFY2(!code.contains("setInsecureFallback(true"), qPrintable(path));
            }
        }
        QVERIFY(scanned > 50);
    }

    void exportThroughProfile_withoutAnyKeychain_saysSo()
    {
        BD_SIM_FIXTURE(fixture, simOptions());
        ProfileStore profiles;
        Profile profile;
        profile.name = u"No keychain here"_s;
        profile.baseUrl = fixture.server->baseUrl();
        profile.method = Profile::Method::ClientCredentials;
        profile.clientId = u"partner-reporting"_s;
        profiles.save(profile);
        SecretStore secrets;
        secrets.setServiceName(m_service);
        secrets.setKeychainEnabled(false);
        QTemporaryDir out;
        QString error;
        const auto options = ExportOptions::parse(
            { u"usage"_s, u"--start"_s, u"2026-09-01"_s, u"--end"_s, u"2026-10-31"_s, u"--out"_s,
                out.filePath(u"usage.csv"_s), u"--profile"_s, profile.name, u"--no-store"_s },
            QProcessEnvironment(), test::fixedNow().date(), &error, &profiles);
        QVERIFY2(options, qPrintable(error));
        ExportCommand command;
        command.setSecretStore(&secrets);
        QStringList said;
        command.setMessageSink([&said](const QString& line) { said.append(line); });
        QSignalSpy finished(&command, &ExportCommand::finished);
        command.start(*options);
        QVERIFY(finished.size() == 1 || finished.wait(30'000));
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QVERIFY2(said.last().contains(u"no keychain is available here"_s), qPrintable(said.last()));
        QVERIFY(said.last().contains(u"--client-secret"_s));
        profiles.remove(profile.name);
    }
};

} // namespace bd

QTEST_GUILESS_MAIN(bd::TestSecrets)
#include "tst_secrets.moc"
