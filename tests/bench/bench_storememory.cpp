// Benchmark: memory of a year of daily usage for a large org, with and without the local store. billing-sim
// runs as its own process with 20,000 bulk users on every report; the usage controller (the usage page's,
// without widgets) loads 365 daily reports in a child process per case, so that each peak is its own:
// without a store (every user of every day held in memory), into an empty store, and again from the full
// store. Prints each peak resident memory, the requests sent, the store's size on disk and the ratios. The
// goal is under 300 MB with the store. It measures; it does not fail on size.

#include "api/apiclient.h"
#include "api/apisession.h"
#include "api/billingapi.h"
#include "api/connectionsettings.h"
#include "load/usageseriescontroller.h"
#include "models/usageseriesmodel.h"
#include "store/reportstore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

constexpr int BulkUsers = 20'000;
const QDate First(2025, 11, 20);
const QDate Last(2026, 11, 19); // 365 days, through the cut-off of the sim's clock

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

/// One case in this process: load the year and print what it cost.
int runCase(const QUrl& base, const QString& storePath)
{
    ConnectionSettings settings;
    settings.baseUrl = base;
    settings.clientId = u"demo"_s;
    settings.clientSecret = u"demo"_s;
    QString error;
    auto session = ApiSession::create(settings, &error);
    std::unique_ptr<ReportStore> store;
    if (session && !storePath.isEmpty())
        store = ReportStore::open(storePath, &error);
    if (!session || (!storePath.isEmpty() && !store)) {
        std::fprintf(stderr, "bench_storememory: %s\n", qPrintable(error));
        return 1;
    }
    session->client()->setRateLimit(100'000);
    UsageSeriesController controller(session->billing());
    controller.setToday(Last.addDays(1));
    controller.setStore(store.get(), { u"bench"_s, u"big-org"_s });
    QEventLoop loop;
    QObject::connect(&controller, &UsageSeriesController::settled, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    controller.load({ First, Last }, Granularity::Day);
    loop.exec();
    const LoadSummary summary = controller.summary();
    std::printf("case rss=%.0f requests=%d fromStore=%d loaded=%d ms=%lld\n", peakRssMb(),
        session->client()->sentCount(), controller.servedFromStore(), summary.loaded,
        static_cast<long long>(clock.elapsed()));
    return summary.loaded == 365 ? 0 : 1;
}

struct Case
{
    double rssMb = 0;
    int requests = 0;
    int fromStore = 0;
    qint64 ms = 0;
    bool ok = false;
};

Case runChild(const QString& self, const QUrl& base, const QString& storePath)
{
    QProcess child;
    QStringList arguments { u"--case"_s, u"--base-url"_s, base.toString() };
    if (!storePath.isEmpty())
        arguments << u"--store"_s << storePath;
    child.start(self, arguments);
    Case result;
    if (!child.waitForFinished(900'000))
        return result;
    const QString said = QString::fromUtf8(child.readAllStandardOutput());
    const auto m = QRegularExpression(u"rss=(\\d+) requests=(\\d+) fromStore=(\\d+) loaded=365 ms=(\\d+)"_s)
                       .match(said);
    if (child.exitCode() != 0 || !m.hasMatch()) {
        std::fprintf(stderr, "bench_storememory: a case failed: %s %s\n", qPrintable(said),
            child.readAllStandardError().constData());
        return result;
    }
    return { m.captured(1).toDouble(), m.captured(2).toInt(), m.captured(3).toInt(),
        m.captured(4).toLongLong(), true };
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption caseOption(u"case"_s);
    const QCommandLineOption baseOption(u"base-url"_s, {}, u"url"_s);
    const QCommandLineOption storeOption(u"store"_s, {}, u"file"_s);
    parser.addOptions({ caseOption, baseOption, storeOption });
    parser.process(app);
    if (parser.isSet(caseOption))
        return runCase(QUrl(parser.value(baseOption)), parser.value(storeOption));

    QProcess sim;
    sim.setStandardErrorFile(QProcess::nullDevice()); // a line per request: unread, the pipe would fill
    sim.start(QStringLiteral(BD_BILLING_SIM_EXE),
        { u"--port"_s, u"0"_s, u"--seed"_s, u"42"_s, u"--now"_s, u"2026-11-20T12:00:00Z"_s,
            u"--bulk-resources"_s, QString::number(BulkUsers) });
    if (!sim.waitForReadyRead(30'000)) {
        std::fprintf(stderr, "bench_storememory: billing-sim did not start\n");
        return 1;
    }
    const auto match = QRegularExpression(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s)
                           .match(QString::fromUtf8(sim.readLine()));
    if (!match.hasMatch()) {
        std::fprintf(stderr, "bench_storememory: billing-sim said something unexpected\n");
        return 1;
    }
    const QUrl base(match.captured(1));
    QTemporaryDir dir;
    const QString storePath = dir.filePath(u"store.sqlite"_s);
    const QString self = QCoreApplication::applicationFilePath();
    const Case memory = runChild(self, base, {});
    const Case cold = runChild(self, base, storePath);
    const Case warm = runChild(self, base, storePath);
    sim.kill();
    sim.waitForFinished();
    const qint64 storeBytes = QFileInfo(storePath).size() + QFileInfo(storePath + u"-wal"_s).size();
    std::printf(
        "bench_storememory: 365 daily reports of an org with %d users on every report (billing-sim in "
        "its own process)\n",
        BulkUsers);
    const auto line = [](const char* what, const Case& c) {
        std::printf("  %-28s peak RSS %6.0f MB · %3d requests · %3d from the store · %6lld ms\n", what,
            c.rssMb, c.requests, c.fromStore, static_cast<long long>(c.ms));
    };
    line("without a store", memory);
    line("with the store, first load", cold);
    line("with the store, reopened", warm);
    std::printf(
        "  store on disk %.1f MB · peak RSS with the store / without: first load %.2f ×, reopened %.2f ×\n",
        double(storeBytes) / (1024.0 * 1024.0), cold.rssMb / memory.rssMb, warm.rssMb / memory.rssMb);
    return memory.ok && cold.ok && warm.ok && warm.requests == 0 ? 0 : 1;
}
