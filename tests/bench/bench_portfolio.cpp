// Benchmark: the partner portfolio of a large partner — 100 customers × 13 billing periods (1,300 periods)
// against billing-sim limited to 300 requests per minute with 100 ms latency, swept by PortfolioSweep into
// the portfolio view shown offscreen. Prints the cold sweep's wall time against the bound the rate limit and
// the concurrency cap allow, the 429 answers (which must be 0: the client's limiter keeps the sweep under the
// server's budget), the longest stall of the GUI thread while the matrix fills (a 5 ms timer that is late
// by that much) with the longest single event it delivered and what received it, and a second sweep over the
// local store the first one filled, which asks only for the active periods. It measures; it fails only when
// the sweep does.
#include "api/apiclient.h"
#include "benchserver.h"
#include "dispatchwatch.h"
#include "load/portfoliosweep.h"
#include "models/portfoliomodel.h"
#include "store/reportstore.h"
#include "ui/partner/portfolioview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

struct Swept
{
    double wallMs = 0;
    int sent = 0;
    int periodRequests = 0;
    qint64 longestStallMs = 0;
    qint64 longestStallAtMs = 0; ///< when it ended, from the start of the sweep
    bench::DispatchWatchApplication::Longest longestDispatch;
    PortfolioSweep::Progress progress;
};

/// One sweep of every customer × `closed` + 1 periods, with a 5 ms timer watching the GUI thread.
Swept sweepAll(bench::DispatchWatchApplication& app, ApiSession* session, PortfolioSweep& sweep, int closed)
{
    Swept s;
    const int sentBefore = session->client()->sentCount();
    QEventLoop loop;
    QObject::connect(&sweep, &PortfolioSweep::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock, tick;
    QTimer watch;
    watch.setTimerType(Qt::PreciseTimer);
    watch.setInterval(5);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        const qint64 late = tick.restart() - 5;
        if (late > s.longestStallMs) {
            s.longestStallMs = late;
            s.longestStallAtMs = clock.elapsed();
        }
    });
    QTimer::singleShot(0, &loop, [&] {
        clock.start();
        tick.start();
        watch.start();
        app.resetLongest();
        sweep.start(closed);
    });
    loop.exec();
    watch.stop();
    s.longestDispatch = app.longest();
    s.wallMs = double(clock.elapsed());
    s.sent = session->client()->sentCount() - sentBefore;
    s.periodRequests = sweep.fetched();
    s.progress = sweep.progress();
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    bench::DispatchWatchApplication app(argc, argv);
    constexpr int Customers = 100;
    constexpr int LatencyMs = 100;
    constexpr int RatePerMinute = 300;
    constexpr int Closed = 12;
    constexpr int MaxConcurrent = 8; // ApiClient's default

    sim::SimOptions options;
    options.latencyMs = LatencyMs;
    options.rateLimitPerMinute = RatePerMinute;
    options.trustorCount = Customers;
    options.now = bench::fixedNow();
    bench::BenchServer server(options, RatePerMinute);
    if (!server.ok())
        return 1;
    ApiSession* session = server.session.get();
    QTemporaryDir dir;
    QString error;
    auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
    if (!store) {
        std::fprintf(stderr, "bench_portfolio: %s\n", qPrintable(error));
        return 1;
    }
    PortfolioSweep sweep(session->orgs(), session->billing());
    sweep.setStore(store.get(), { u"demo"_s, server.demo->orgId() });
    sweep.setClock([] { return bench::fixedNow(); });
    PortfolioView view(&sweep);
    view.resize(1280, 800);
    view.show();

    // The window's own first paint, and the repaint that follows a sweep's end, are not the matrix filling.
    const auto settle = [] {
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents();
    };
    settle();
    const Swept cold = sweepAll(app, session, sweep, Closed);
    const int enabled = Customers - cold.progress.refused;
    settle();
    const Swept warm = sweepAll(app, session, sweep, Closed);
    const int throttled = session->client()->throttledCount();

    // Lower bounds: the limiter lets RatePerMinute requests through per rolling window (61 s, a little longer
    // than the server's minute), so request k cannot leave before window floor((k − 1) / limit); at most 8
    // round trips are on the wire at once.
    const double rateMs = 61'000.0 * double((cold.sent - 1) / RatePerMinute) + LatencyMs;
    const double concurrencyMs = double(cold.sent) * LatencyMs / MaxConcurrent;
    const double boundMs = std::max(rateMs, concurrencyMs);
    std::printf("bench_portfolio: %d customers × %d periods = %d periods (latency %d ms, limit %d/min, "
                "%d concurrent)\n",
        Customers, Closed + 1, Customers * (Closed + 1), LatencyMs, RatePerMinute, MaxConcurrent);
    std::printf("  cold sweep       %8.0f ms  (%d requests: %d periods fetched, the rest the listing)\n",
        cold.wallMs, cold.sent, cold.periodRequests);
    std::printf("  lower bound      %8.0f ms  (rate limit %.0f ms, concurrency %.0f ms)\n", boundMs, rateMs,
        concurrencyMs);
    std::printf("  ratio            %8.3f ×  (goal ≤ 1.05)\n", cold.wallMs / boundMs);
    std::printf("  429 answers      %8d     (goal 0)\n", throttled);
    std::printf("  progress         %s\n", qPrintable(PortfolioSweep::progressText(cold.progress)));
    std::printf("  longest GUI-thread stall while the matrix fills: %lld ms (goal ≤ 16) at %.1f s; longest "
                "dispatch %.1f ms, %s\n",
        static_cast<long long>(cold.longestStallMs), double(cold.longestStallAtMs) / 1000,
        double(cold.longestDispatch.ns) / 1e6, qPrintable(cold.longestDispatch.what));
    std::printf("  warm sweep       %8.0f ms  %d periods fetched (goal: the %d active ones), %d from the "
                "store; requests %.3f × the cold sweep's\n",
        warm.wallMs, warm.periodRequests, enabled, warm.progress.fromStore,
        double(warm.sent) / double(cold.sent));
    std::printf(
        "  longest GUI-thread stall in the warm sweep: %lld ms at %.1f s; longest dispatch %.1f ms, %s\n",
        static_cast<long long>(warm.longestStallMs), double(warm.longestStallAtMs) / 1000,
        double(warm.longestDispatch.ns) / 1e6, qPrintable(warm.longestDispatch.what));
    const bool complete = cold.progress.done == cold.progress.total
        && warm.progress.done == warm.progress.total && cold.progress.failed == 0
        && warm.progress.failed == 0;
    return complete && throttled == 0 ? 0 : 1;
}
