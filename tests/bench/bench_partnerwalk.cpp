// Benchmark: the partner walk over every demo customer — 25 trustors × 13 billing periods (325 requests asked
// for) against billing-sim limited to 300 requests per minute with 100 ms latency. Prints the wall time
// against the bound the rate limit and the concurrency cap allow, and the number of 429 answers, which must
// be 0 (the client's limiter must keep the walk under the server's budget). A second walk then reads the
// closed periods from the local store the first one filled: it asks only for each customer's active period.
// It measures; it does not fail on timing.
#include "api/billingapi.h"
#include "benchserver.h"
#include "load/periodwalker.h"
#include "sim/demodata.h"
#include "store/reportstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

struct Walked
{
    double wallMs = 0;
    int sent = 0;
    int loaded = 0;
    int fromStore = 0;
    int forbidden = 0;
    int otherFailures = 0;
    int historyEnds = 0;
};

/// One walker per customer, all at once, sharing the session's limiter and concurrency cap.
Walked walkAll(ApiSession* session, const QStringList& trustors, int periods, ReportStore* store,
    const StoreScope& scope)
{
    Walked w;
    std::vector<std::unique_ptr<PeriodWalker>> walkers;
    int running = 0;
    const int sentBefore = session->client()->sentCount();
    QEventLoop loop;
    QElapsedTimer clock;
    for (qsizetype i = 0; i < trustors.size(); ++i) {
        auto walker = std::make_unique<PeriodWalker>(session->billing());
        walker->setClock([] { return bench::fixedNow(); });
        walker->setStore(store, scope);
        QObject::connect(walker.get(), &PeriodWalker::periodLoaded, &loop, [&w] { ++w.loaded; });
        QObject::connect(walker.get(), &PeriodWalker::periodFailed, &loop, [&w](int, const ApiError& e) {
            if (e.httpStatus() == 403)
                ++w.forbidden; // the disabled trust
            else
                ++w.otherFailures;
        });
        QObject::connect(walker.get(), &PeriodWalker::finished, &loop, [&, walker = walker.get()] {
            w.historyEnds += walker->historyEnd() ? 1 : 0;
            w.fromStore += walker->servedFromStore();
            if (--running == 0)
                loop.quit();
        });
        walkers.push_back(std::move(walker));
    }
    QTimer::singleShot(0, &loop, [&] {
        clock.start();
        running = int(walkers.size());
        for (int i = 0; i < int(walkers.size()); ++i)
            walkers.at(size_t(i))->walk(trustors.at(i), 0, periods - 1);
    });
    loop.exec();
    w.wallMs = double(clock.elapsed());
    w.sent = session->client()->sentCount() - sentBefore;
    return w;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    constexpr int LatencyMs = 100;
    constexpr int RatePerMinute = 300;
    constexpr int Periods = 13;
    constexpr int MaxConcurrent = 8; // ApiClient's default

    sim::SimOptions options;
    options.latencyMs = LatencyMs;
    options.rateLimitPerMinute = RatePerMinute;
    options.now = bench::fixedNow();
    const sim::DemoData data(options.seed, options.now); // same seed and clock as the server: the same orgs
    const QStringList trustors = data.trustorIds();
    bench::BenchServer bench(options, RatePerMinute);
    if (!bench.ok())
        return 1;
    ApiSession* session = bench.session.get();

    QTemporaryDir dir;
    QString error;
    auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
    if (!store) {
        std::fprintf(stderr, "bench_partnerwalk: %s\n", qPrintable(error));
        return 1;
    }
    const StoreScope scope { u"demo"_s, bench.demo->orgId() };
    const Walked cold = walkAll(session, trustors, Periods, store.get(), scope);
    const Walked warm = walkAll(session, trustors, Periods, store.get(), scope);
    const double wallMs = cold.wallMs;
    const int sent = cold.sent;
    const int loaded = cold.loaded;
    const int historyEnds = cold.historyEnds;
    const int forbidden = cold.forbidden;
    const int otherFailures = cold.otherFailures + warm.otherFailures;
    const int throttled = session->client()->throttledCount();
    // Lower bounds: the rate limit lets `RatePerMinute` requests through per rolling minute, so request k
    // (k > limit) cannot leave before minute floor((k-1)/limit); the concurrency cap puts at most 8 round
    // trips on the wire at once.
    const double rateMs = sent > 0 ? 60'000.0 * double((sent - 1) / RatePerMinute) + LatencyMs : 0.0;
    const double concurrencyMs = double(sent) * LatencyMs / MaxConcurrent;
    const double boundMs = std::max(rateMs, concurrencyMs);
    std::printf("bench_partnerwalk: %lld trustors × %d periods = %lld requests asked for (latency %d ms, "
                "limit %d/min)\n",
        static_cast<long long>(trustors.size()), Periods, static_cast<long long>(trustors.size()) * Periods,
        LatencyMs, RatePerMinute);
    std::printf("  wall time        %8.0f ms\n", wallMs);
    std::printf("  lower bound      %8.0f ms  (rate limit %.0f ms, concurrency %.0f ms)\n", boundMs, rateMs,
        concurrencyMs);
    std::printf("  ratio            %8.2f ×\n", wallMs / boundMs);
    std::printf("  sent %d requests (sign-in excluded), %d periods loaded, %d histories ended early, "
                "%d refused (disabled trust), %d other failures\n",
        sent, loaded, historyEnds, forbidden, otherFailures);
    std::printf("  429 answers      %8d\n", throttled);
    std::printf("  second walk, from the local store: %d requests (%d periods from the store), %.0f ms · "
                "requests %.2f ×, wall time %.2f × the first walk's\n",
        warm.sent, warm.fromStore, warm.wallMs, double(warm.sent) / double(sent), warm.wallMs / wallMs);
    return throttled == 0 && otherFailures == 0 ? 0 : 1;
}
