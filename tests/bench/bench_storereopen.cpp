// Benchmark: reopening what was seen before, with the local store. billing-sim (its own thread, 100 ms
// latency) serves the demo org; the usage page (real widgets, offscreen) loads 12 months by month, and a
// partner walk reads one customer's 13 billing periods, first into an empty store (cold), then again from it
// (warm, as a restarted dashboard does). Prints, for each, the requests sent and the time from the load's
// start until the chart is painted or the walk is done, with the warm/cold ratio. It measures; it does not
// fail on timing.

#include "api/billingapi.h"
#include "benchserver.h"
#include "load/periodwalker.h"
#include "load/usageseriescontroller.h"
#include "sim/demodata.h"
#include "store/reportstore.h"
#include "ui/charts/usagechartview.h"
#include "ui/usagepage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

struct Opened
{
    double ms = 0;
    int requests = 0;
    int fromStore = 0;
};

/// A fresh usage page loads the 12 months; the time runs until the projection's same-day history is in and
/// the chart has been painted once.
Opened openUsage(ApiSession* session, ReportStore* store, const StoreScope& scope)
{
    UsagePage page(session);
    page.setToday(bench::fixedNow().date());
    page.setStore(store, scope);
    page.resize(1280, 800);
    page.show();
    const int before = session->client()->sentCount();
    QEventLoop loop;
    QObject::connect(&page, &UsagePage::loadSettled, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    page.load({ QDate(2025, 12, 1), QDate(2026, 11, 19) }, Granularity::Month);
    loop.exec();
    const double settled = double(clock.nsecsElapsed()) / 1e6;
    if (page.controller()->isProjecting()) {
        QObject::connect(
            page.controller(), &UsageSeriesController::projectionHistoryLoaded, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const double projected = double(clock.nsecsElapsed()) / 1e6;
    page.findChild<UsageChartView*>()->rebuildNow();
    const double rebuilt = double(clock.nsecsElapsed()) / 1e6;
    page.grab(); // paints every widget, the chart included
    std::fprintf(stderr, "settled %.1f projected %.1f rebuilt %.1f painted %.1f\n", settled, projected,
        rebuilt, double(clock.nsecsElapsed()) / 1e6);
    return { double(clock.nsecsElapsed()) / 1e6, session->client()->sentCount() - before,
        page.controller()->servedFromStore() };
}

/// One customer's 13 periods through a fresh walker.
Opened walkPeriods(ApiSession* session, ReportStore* store, const StoreScope& scope, const QString& trustor)
{
    PeriodWalker walker(session->billing());
    walker.setClock([] { return bench::fixedNow(); });
    walker.setStore(store, scope);
    const int before = session->client()->sentCount();
    QEventLoop loop;
    QObject::connect(&walker, &PeriodWalker::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    walker.walk(trustor, 0, 12);
    loop.exec();
    return { double(clock.nsecsElapsed()) / 1e6, session->client()->sentCount() - before,
        walker.servedFromStore() };
}

void print(const char* what, const Opened& cold, const Opened& warm)
{
    std::printf("  %-22s cold %7.1f ms, %2d requests · warm %7.1f ms, %2d requests, %2d from the store · "
                "warm/cold %.3f ×\n",
        what, cold.ms, cold.requests, warm.ms, warm.requests, warm.fromStore, warm.ms / cold.ms);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    sim::SimOptions options;
    options.latencyMs = 100;
    options.now = bench::fixedNow();
    bench::BenchServer bench(options, 300);
    if (!bench.ok())
        return 1;
    const sim::DemoData data(options.seed, options.now);
    const QString trustor = data.trustorIds().first();
    QTemporaryDir dir;
    QString error;
    auto store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
    if (!store) {
        std::fprintf(stderr, "bench_storereopen: %s\n", qPrintable(error));
        return 1;
    }
    const StoreScope scope { u"demo"_s, bench.demo->orgId() };

    const Opened usageCold = openUsage(bench.session.get(), store.get(), scope);
    const Opened usageWarm = openUsage(bench.session.get(), store.get(), scope);
    const Opened walkCold = walkPeriods(bench.session.get(), store.get(), scope, trustor);
    const Opened walkWarm = walkPeriods(bench.session.get(), store.get(), scope, trustor);
    std::printf(
        "bench_storereopen: reopen with the local store (billing-sim latency %d ms)\n", options.latencyMs);
    print("usage, 12 months", usageCold, usageWarm);
    print("partner, 13 periods", walkCold, walkWarm);
    std::printf("  the warm walk asks only for the active period, which can still change\n");
    return usageWarm.requests == 0 && walkWarm.requests == 1 ? 0 : 1;
}
