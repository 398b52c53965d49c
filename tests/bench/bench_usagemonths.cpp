// Benchmark: 12 monthly usage reports from billing-sim with 100 ms latency and 2 InProgress answers per
// report. Prints the wall time, the lower bound that latency, polling, concurrency and the rate limit allow,
// and the ratio between them. It measures; it does not fail on timing.

#include "api/billingapi.h"
#include "benchserver.h"
#include "domain/datebuckets.h"
#include "load/usageseriesloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bd;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    constexpr int LatencyMs = 100;
    constexpr int InProgressPolls = 2;
    constexpr int RatePerMinute = 300;

    sim::SimOptions options;
    options.latencyMs = LatencyMs;
    options.inProgressPolls = InProgressPolls;
    options.rateLimitPerMinute = RatePerMinute;
    options.now = bench::fixedNow();
    bench::BenchServer bench(options, RatePerMinute);
    if (!bench.ok())
        return 1;
    ApiSession* session = bench.session.get();
    const PollPolicy poll = session->billing()->pollPolicy();

    const QList<DateBucket> buckets
        = DateBuckets::tile(QDate(2025, 11, 1), QDate(2026, 10, 31), Granularity::Month);
    UsageSeriesLoader loader(session->billing());
    int failed = 0;
    QObject::connect(&loader, &UsageSeriesLoader::bucketFailed, &app, [&failed] { ++failed; });
    QElapsedTimer clock;
    QObject::connect(&loader, &UsageSeriesLoader::finished, &app, [] { QCoreApplication::quit(); });
    QTimer::singleShot(0, &app, [&] {
        clock.start();
        loader.load(buckets);
    });
    QCoreApplication::exec();
    const double wallMs = double(clock.elapsed());

    // Lower bound: one report is a chain of (polls + 1) requests, each a round trip, with the poll policy's
    // waits in between; all of them share the concurrency cap; the rate limit caps requests per minute.
    const int requests = int(buckets.size()) * (InProgressPolls + 1);
    double pollWaits = 0;
    double delay = poll.initialDelayMs;
    for (int i = 0; i < InProgressPolls; ++i) {
        pollWaits += delay;
        delay = std::min<double>(delay * poll.factor, poll.maxDelayMs);
    }
    const double chainMs = (InProgressPolls + 1) * LatencyMs + pollWaits;
    const double concurrencyMs = double(requests) * LatencyMs / 8.0;
    const double rateMs
        = requests > RatePerMinute ? (requests - RatePerMinute) * 60'000.0 / RatePerMinute : 0.0;
    const double boundMs = std::max({ chainMs + LatencyMs /* sign-in */, concurrencyMs, rateMs });

    std::printf(
        "bench_usagemonths: %d reports, %d requests (latency %d ms, %d InProgress polls, limit %d/min)\n",
        int(buckets.size()), requests, LatencyMs, InProgressPolls, RatePerMinute);
    std::printf("  wall time        %8.0f ms\n", wallMs);
    std::printf("  lower bound      %8.0f ms  (request chain %.0f ms incl. %.0f ms of poll waits, "
                "concurrency %.0f ms, "
                "rate limit %.0f ms)\n",
        boundMs, chainMs + LatencyMs, pollWaits, concurrencyMs, rateMs);
    std::printf("  ratio            %8.2f ×\n", wallMs / boundMs);
    std::printf("  sent %d requests, %d throttled (429), %d failed reports\n", session->client()->sentCount(),
        session->client()->throttledCount(), failed);
    return failed == 0 ? 0 : 1;
}
