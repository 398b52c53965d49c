// Benchmark: the usage page loading 12 months by day (365 reports) from billing-sim with 50 ms latency, one
// InProgress answer per report and a limit of 1200 requests a minute, with real widgets (offscreen).
// Prints the wall time against the bound that limit and latency allow, and the longest stall of the GUI
// thread's event loop during the load (a 2 ms heartbeat timer; one frame is 16 ms). It measures; it does not
// fail on timing.

#include "api/billingapi.h"
#include "benchserver.h"
#include "load/usageseriescontroller.h"
#include "models/usageseriesmodel.h"
#include "ui/usagepage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bd;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    constexpr int LatencyMs = 50;
    constexpr int InProgressPolls = 1;
    constexpr int RatePerMinute = 1200;
    constexpr int Concurrency = 8;

    sim::SimOptions options;
    options.latencyMs = LatencyMs;
    options.inProgressPolls = InProgressPolls;
    options.rateLimitPerMinute = RatePerMinute;
    options.now = bench::fixedNow();
    // The server runs on its own thread: its work must not count as a stall of the dashboard's GUI thread.
    bench::BenchServer bench(options, RatePerMinute);
    if (!bench.ok())
        return 1;
    ApiSession* session = bench.session.get();
    session->client()->setMaxConcurrent(Concurrency);
    const PollPolicy poll = session->billing()->pollPolicy();

    UsagePage page(session);
    page.resize(1280, 800);
    page.show();

    // Heartbeat: how late does a 2 ms timer fire while the load streams in?
    QElapsedTimer heartbeat;
    qint64 last = 0, worstStall = 0;
    QList<qint64> stalls;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(2);
    QObject::connect(&beat, &QTimer::timeout, &app, [&] {
        const qint64 now = heartbeat.elapsed();
        const qint64 stall = now - last - beat.interval();
        if (stall > 0)
            stalls << stall;
        worstStall = std::max(worstStall, stall);
        last = now;
    });

    QElapsedTimer clock;
    QObject::connect(&page, &UsagePage::loadSettled, &app, [] { QCoreApplication::quit(); });
    QTimer::singleShot(0, &app, [&] {
        heartbeat.start();
        beat.start();
        clock.start();
        page.load({ QDate(2025, 11, 21), QDate(2026, 11, 20) }, Granularity::Day);
    });
    QApplication::exec();
    const double wallMs = double(clock.elapsed());
    beat.stop();

    const int reports = int(page.controller()->model()->buckets().size());
    const int loaded = page.controller()->model()->count(UsageSeriesModel::BucketState::Loaded);
    const int requests = reports * (InProgressPolls + 1);
    const double chainMs = (InProgressPolls + 1) * LatencyMs + poll.initialDelayMs;
    const double concurrencyMs = double(requests) * LatencyMs / Concurrency;
    const double rateMs
        = requests > RatePerMinute ? (requests - RatePerMinute) * 60'000.0 / RatePerMinute : 0.0;
    const double boundMs = std::max({ chainMs, concurrencyMs, rateMs }) + LatencyMs; // + sign-in
    std::sort(stalls.begin(), stalls.end());
    const qint64 p99
        = stalls.isEmpty() ? 0 : stalls.at(std::min<qsizetype>(stalls.size() - 1, stalls.size() * 99 / 100));

    std::printf(
        "bench_usagedaily: %d daily reports (%d loaded), %d requests (latency %d ms, %d InProgress poll, "
        "limit %d/min, %d concurrent)\n",
        reports, loaded, requests, LatencyMs, InProgressPolls, RatePerMinute, Concurrency);
    std::printf("  wall time             %8.0f ms\n", wallMs);
    std::printf("  lower bound           %8.0f ms  (request chain %.0f ms, concurrency %.0f ms, rate limit "
                "%.0f ms)\n",
        boundMs, chainMs, concurrencyMs, rateMs);
    std::printf("  ratio                 %8.2f ×\n", wallMs / boundMs);
    std::printf("  longest GUI stall     %8lld ms  (p99 %lld ms over %lld late ticks; one frame = 16 ms, a "
                "bug > 50 ms)\n",
        static_cast<long long>(worstStall), static_cast<long long>(p99),
        static_cast<long long>(stalls.size()));
    std::printf("  sent %d requests, %d throttled (429)\n", session->client()->sentCount(),
        session->client()->throttledCount());
    return loaded == reports ? 0 : 1;
}
