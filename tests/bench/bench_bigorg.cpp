// Benchmark: memory of the headless usage export for a large org. billing-sim runs as its own process with
// 400,000 bulk users on every report (a body of about 27 MB), and the export fetches 1, then 12 monthly
// reports. Prints the peak resident memory after start-up, after one report and after twelve, and the ratio
// of the last two: flat memory keeps it near 1 (the goal is under 300 MB for twelve). It measures; it does
// not fail on size.

#include "cli/exportcommand.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

int exportMonths(const QUrl& base, const QString& end, const QString& out)
{
    QString error;
    const auto options = ExportOptions::parse(
        { u"usage"_s, u"--start"_s, u"2025-12-01"_s, u"--end"_s, end, u"--granularity"_s, u"month"_s,
            u"--out"_s, out, u"--base-url"_s, base.toString(), u"--client-id"_s, u"demo"_s,
            u"--client-secret"_s, u"demo"_s, u"--no-store"_s },
        QProcessEnvironment(), QDate(2026, 11, 20), &error);
    if (!options) {
        std::fprintf(stderr, "bench_bigorg: %s\n", qPrintable(error));
        return -1;
    }
    ExportCommand command;
    command.setMessageSink([](const QString& text) { std::fprintf(stderr, "  %s\n", qPrintable(text)); });
    QEventLoop loop;
    int code = -1;
    QObject::connect(&command, &ExportCommand::finished, &loop, [&](int exitCode) {
        code = exitCode;
        loop.quit();
    });
    command.start(*options);
    if (code < 0)
        loop.exec();
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    constexpr int BulkUsers = 400'000;
    QProcess sim;
    sim.start(QStringLiteral(BD_BILLING_SIM_EXE),
        { u"--port"_s, u"0"_s, u"--seed"_s, u"42"_s, u"--now"_s, u"2026-11-20T12:00:00Z"_s,
            u"--bulk-resources"_s, QString::number(BulkUsers) });
    if (!sim.waitForReadyRead(30'000)) {
        std::fprintf(stderr, "bench_bigorg: billing-sim did not start\n");
        return 1;
    }
    const auto match = QRegularExpression(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s)
                           .match(QString::fromUtf8(sim.readLine()));
    if (!match.hasMatch()) {
        std::fprintf(stderr, "bench_bigorg: billing-sim said something unexpected\n");
        return 1;
    }
    const QUrl base(match.captured(1));
    QTemporaryDir dir;
    const double startup = peakRssMb();
    const int one = exportMonths(base, u"2025-12-31"_s, dir.filePath(u"one.csv"_s));
    const double afterOne = peakRssMb();
    const int twelve = exportMonths(base, u"2026-11-30"_s, dir.filePath(u"twelve.csv"_s));
    const double afterTwelve = peakRssMb();
    sim.kill();
    sim.waitForFinished();
    std::printf("bench_bigorg: usage export of an org with %d users on every report (billing-sim in its own "
                "process)\n"
                "  peak RSS: start-up %.0f MB · 1 report %.0f MB · 12 reports %.0f MB · ratio 12/1 %.2f ×\n",
        BulkUsers, startup, afterOne, afterTwelve, afterTwelve / afterOne);
    return one == 0 && twelve == 0 ? 0 : 1;
}
