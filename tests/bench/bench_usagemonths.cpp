// Benchmark: 12 monthly usage reports from billing-sim with 100 ms latency, twice: with 2 InProgress answers
// per report, and with reports that take 1.5 s to generate (time-based, as Genesys does). Prints the wall
// time, the lower bound that latency, generation, concurrency and the rate limit allow, and the ratio between
// them. The time-based bound leaves out the client's own poll waits: what is left above it is the cost of the
// poll schedule. It measures; it does not fail on timing.

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

namespace {

struct Run
{
    double wallMs = 0;
    int sent = 0;
    int throttled = 0;
    int failed = 0;
    PollPolicy poll;
};

Run loadTwelveMonths(const sim::SimOptions& options, int ratePerMinute)
{
    Run run;
    bench::BenchServer bench(options, ratePerMinute);
    if (!bench.ok()) {
        run.failed = -1;
        return run;
    }
    ApiSession* session = bench.session.get();
    run.poll = session->billing()->pollPolicy();
    const QList<DateBucket> buckets
        = DateBuckets::tile(QDate(2025, 11, 1), QDate(2026, 10, 31), Granularity::Month);
    UsageSeriesLoader loader(session->billing());
    QObject::connect(&loader, &UsageSeriesLoader::bucketFailed, qApp, [&run] { ++run.failed; });
    QElapsedTimer clock;
    QObject::connect(&loader, &UsageSeriesLoader::finished, qApp, [] { QCoreApplication::quit(); });
    QTimer::singleShot(0, qApp, [&] {
        clock.start();
        loader.load(buckets);
    });
    QCoreApplication::exec();
    run.wallMs = double(clock.elapsed());
    run.sent = session->client()->sentCount();
    run.throttled = session->client()->throttledCount();
    return run;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    constexpr int LatencyMs = 100;
    constexpr int InProgressPolls = 2;
    constexpr int RatePerMinute = 300;
    constexpr int GenerationMs = 1500;
    constexpr int Reports = 12;

    sim::SimOptions options;
    options.latencyMs = LatencyMs;
    options.inProgressPolls = InProgressPolls;
    options.rateLimitPerMinute = RatePerMinute;
    options.now = bench::fixedNow();
    const Run polls = loadTwelveMonths(options, RatePerMinute);
    if (polls.failed < 0)
        return 1;
    const PollPolicy poll = polls.poll;

    // Lower bound: one report is a chain of (polls + 1) requests, each a round trip, with the poll policy's
    // waits in between; all of them share the concurrency cap; the rate limit caps requests per minute.
    const int requests = Reports * (InProgressPolls + 1);
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
        Reports, requests, LatencyMs, InProgressPolls, RatePerMinute);
    std::printf("  wall time        %8.0f ms\n", polls.wallMs);
    std::printf("  lower bound      %8.0f ms  (request chain %.0f ms incl. %.0f ms of poll waits, "
                "concurrency %.0f ms, "
                "rate limit %.0f ms)\n",
        boundMs, chainMs + LatencyMs, pollWaits, concurrencyMs, rateMs);
    std::printf("  ratio            %8.2f ×\n", polls.wallMs / boundMs);
    std::printf("  sent %d requests, %d throttled (429), %d failed reports\n", polls.sent, polls.throttled,
        polls.failed);

    // Time-based generation: InProgress until GenerationMs after a report's first request.
    options.inProgressPolls = 0;
    options.inProgressMs = GenerationMs;
    const Run timed = loadTwelveMonths(options, RatePerMinute);
    if (timed.failed < 0)
        return 1;
    // The report can be had no sooner than its generation time after the first request reached the sim, plus
    // the first request's trip there and the last answer's trip back; the sign-in comes first. The client's
    // poll waits are not in it.
    const double timedBoundMs
        = std::max({ double(LatencyMs /* sign-in */ + LatencyMs + GenerationMs + LatencyMs),
            double(timed.sent) * LatencyMs / 8.0,
            timed.sent > RatePerMinute ? (timed.sent - RatePerMinute) * 60'000.0 / RatePerMinute : 0.0 });
    std::printf(
        "bench_usagemonths (time-based): %d reports generated in %d ms each, latency %d ms, limit %d/min\n",
        Reports, GenerationMs, LatencyMs, RatePerMinute);
    std::printf("  wall time        %8.0f ms\n", timed.wallMs);
    std::printf("  lower bound      %8.0f ms  (sign-in, first request, generation, answer; no poll waits)\n",
        timedBoundMs);
    std::printf("  ratio            %8.2f ×\n", timed.wallMs / timedBoundMs);
    std::printf("  sent %d requests (%.1f per report), %d throttled (429), %d failed reports\n", timed.sent,
        double(timed.sent) / Reports, timed.throttled, timed.failed);
    return polls.failed == 0 && timed.failed == 0 ? 0 : 1;
}
