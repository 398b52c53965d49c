// billing-dashboard: the desktop dashboard; with "export …" the headless exporter, and with "check …" a
// monitoring plugin.

#include "api/apisession.h"
#include "api/connectionsettings.h"
#include "auth/profilestore.h"
#include "cli/connectionoptions.h"
#include "cli/exportcommand.h"
#include "csv/filewriter.h"
#include "i18n/translations.h"
#include "ui/charts/usagechartview.h"
#include "ui/mainwindow.h"
#include "ui/usagepage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QImageWriter>
#include <QProcessEnvironment>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// The translation context of this file's texts.
struct MainText
{
    Q_DECLARE_TR_FUNCTIONS(bd::Main)
};

int runExport(int argc, char** argv)
{
    // Past a file-size limit (ulimit -f) a write then fails with EFBIG and the export says so in one line,
    // instead of the process dying silently of SIGXFSZ.
    std::signal(SIGXFSZ, SIG_IGN);
    // The export speaks in its own lines (progress, then one result line). Qt's own debug output and warnings
    // (such as its network stack's notes on replies aborted once the history has ended) would follow that
    // line, so they are dropped unless BD_EXPORT_QT_LOG is set; critical and fatal messages still go through.
    if (!qEnvironmentVariableIsSet("BD_EXPORT_QT_LOG")) {
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "%s\n", qPrintable(message));
        });
    }
    QCoreApplication app(argc, argv);
    bd::installTranslations(&app);
    QCoreApplication::setApplicationName(u"billing-dashboard"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BD_VERSION));
    const QStringList words = QCoreApplication::arguments().mid(2);
    const bool check = qstrcmp(argv[1], "check") == 0;
    if (words.contains(u"--help"_s) || words.contains(u"-h"_s)) {
        std::fputs(
            qPrintable(check ? bd::ExportOptions::checkHelpText() : bd::ExportOptions::helpText()), stdout);
        return 0;
    }
    if (words.contains(u"--version"_s)) {
        std::printf("billing-dashboard %s\n", BD_VERSION);
        return 0;
    }
    QString error;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const auto options = check
        ? bd::ExportOptions::parseCheck(words, QProcessEnvironment::systemEnvironment(), today, &error)
        : bd::ExportOptions::parse(words, QProcessEnvironment::systemEnvironment(), today, &error);
    if (!options) {
        // A monitoring plugin says UNKNOWN (3) on standard output for options it cannot use.
        if (check)
            std::printf("BILLING UNKNOWN - %s\n", qPrintable(error));
        else
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return check ? 3 : 2;
    }
    bd::ExportCommand command;
    if (check) {
        command.setMessageSink([](const QString& text) {
            std::fputs(qPrintable(text + u'\n'), stdout);
            std::fflush(stdout);
        });
    } else {
        command.setShowProgress(isatty(STDERR_FILENO));
    }
    QObject::connect(
        &command, &bd::ExportCommand::finished, &app, [](int code) { QCoreApplication::exit(code); });
    QTimer::singleShot(0, &command, [&command, &options] { command.start(*options); });
    return QCoreApplication::exec();
}

// QApplication's own options (see QGuiApplication and QApplication): left for it to read.
bool areQtGuiOptions(const QStringList& unknown)
{
    static const QStringList qtOptions { u"platform"_s, u"platformpluginpath"_s, u"platformtheme"_s,
        u"plugin"_s, u"qmljsdebugger"_s, u"qwindowgeometry"_s, u"qwindowicon"_s, u"qwindowtitle"_s,
        u"reverse"_s, u"session"_s, u"style"_s, u"stylesheet"_s, u"widgetcount"_s, u"display"_s,
        u"geometry"_s };
    for (const QString& name : unknown) {
        if (!qtOptions.contains(name))
            return false;
    }
    return !unknown.isEmpty();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && (qstrcmp(argv[1], "export") == 0 || qstrcmp(argv[1], "check") == 0))
        return runExport(argc, argv);

    // Options are parsed before any QApplication exists, so --help, --version and a wrong option work with no
    // display at all.
    QCoreApplication::setApplicationName(u"billing-dashboard"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BD_VERSION));
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        MainText::tr("Genesys Cloud billing dashboard. Use “export --help” for headless exports and “check "
                     "--help” for the monitoring check."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const bd::ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, MainText::tr("Render the window to a PNG once loaded, then quit."), u"file"_s);
    parser.addOption(screenshotOption);
    // Qt's own GUI options (-platform, -style, …) are read by QApplication; they are not errors here.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments) && !areQtGuiOptions(parser.unknownOptionNames())) {
        std::fprintf(stderr, "error: %s\n%s\n", qPrintable(parser.errorText()),
            qPrintable(MainText::tr("Try “billing-dashboard --help”.")));
        return 2;
    }
    if (parser.isSet(helpOption) || parser.isSet(u"help-all"_s)) {
        std::fputs(
            qPrintable(parser.helpText().replace(u"<executable_name>"_s, u"billing-dashboard"_s)), stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("billing-dashboard %s\n", BD_VERSION);
        return 0;
    }
    if (const QString conflict = connection.storeConflict(parser); !conflict.isEmpty()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(conflict));
        return 2;
    }
    if (QString why;
        parser.isSet(screenshotOption) && !bd::FileWriter::canSaveTo(parser.value(screenshotOption), &why)) {
        std::fprintf(stderr, "error: --screenshot: %s\n", qPrintable(why));
        return 2;
    }

    QApplication app(argc, argv);
    bd::installTranslations(&app);
    QApplication::setApplicationName(u"Billing Dashboard"_s);
    QApplication::setOrganizationName(u"BillingDashboard"_s);
    QApplication::setApplicationVersion(QStringLiteral(BD_VERSION));
    QApplication::setDesktopFileName(u"billing-dashboard"_s);

    const bd::ConnectionSettings settings
        = bd::ConnectionSettings::fromEnvironment(QProcessEnvironment::systemEnvironment())
              .overriddenBy(connection.given(parser));
    const bool demo = connection.demo(parser);
    const QString profileName = connection.profileName(parser);

    bd::MainWindow window;
    if (const QString storePath = connection.storePath(parser); !storePath.isEmpty())
        window.useStore(storePath);
    window.setOffline(connection.offline(parser));
    if (parser.isSet(screenshotOption)) {
        // Once the first load settles: bring the chart up to date, render the window, quit.
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(0, &window, [&window, path] {
            if (!window.usagePage()) {
                std::fprintf(stderr, "error: --screenshot: %s\n",
                    qPrintable(MainText::tr("no org was opened to render (sign in first, or use --demo)")));
                QCoreApplication::exit(1);
                return;
            }
            QObject::connect(window.usagePage(), &bd::UsagePage::loadSettled, &window, [&window, path] {
                window.usagePage()->findChild<bd::UsageChartView*>()->rebuildNow();
                QImageWriter writer(path, "png");
                if (!writer.write(window.grab().toImage())) {
                    std::fprintf(stderr, "error: --screenshot: %s\n",
                        qPrintable(MainText::tr("could not write %1: %2").arg(path, writer.errorString())));
                    QCoreApplication::exit(1);
                    return;
                }
                QCoreApplication::exit(0);
            });
        });
    }
    window.show();

    // Credentials given on the command line or in the environment win; then the profile used last; with
    // neither (or --demo) the dashboard runs on billing-sim's demo org, through the same network code.
    // --profile NAME opens that saved profile.
    const QString lastProfile = window.profiles()->lastUsed();
    QString error;
    if (!demo && !profileName.isEmpty()) {
        if (!window.profiles()->profile(profileName)) {
            const QStringList known = window.profiles()->names();
            std::fprintf(stderr, "error: %s\n",
                qPrintable(known.isEmpty()
                        ? MainText::tr("no profile “%1”: no profiles are saved yet").arg(profileName)
                        : MainText::tr("no profile “%1”; saved profiles: %2")
                              .arg(profileName, known.join(u", "_s))));
            return 2;
        }
        window.openProfile(profileName);
    } else if (!demo && settings.hasCredentials()) {
        std::unique_ptr<bd::ApiSession> session = bd::ApiSession::create(settings, &error);
        if (!session) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 2;
        }
        bd::Provenance provenance;
        provenance.region = settings.placeLabel();
        window.adoptSession(std::move(session), provenance);
        window.start();
    } else if (!demo && !lastProfile.isEmpty()) {
        window.openProfile(lastProfile);
    } else {
        if (!window.useDemo(&error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        window.start();
    }
    return QApplication::exec();
}
