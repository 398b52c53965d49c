#pragma once

// What every benchmark starts with: billing-sim on a thread of its own (so its work never counts against the
// client being measured) and a session signed in to it with a given rate limit.

#include "api/apiclient.h"
#include "api/apisession.h"
#include "demo/demobackend.h"
#include "sim/simoptions.h"
#include "testclock.h"

#include <cstdio>
#include <memory>

namespace bd::bench {

using test::fixedNow;

/// A started billing-sim and a session on it; `ok()` is false (with the reason printed) when either failed.
struct BenchServer
{
    std::unique_ptr<DemoBackend> demo;
    std::unique_ptr<ApiSession> session;

    BenchServer(const sim::SimOptions& options, int ratePerMinute)
    {
        QString error;
        demo = DemoBackend::start(options, DemoBackend::Threading::OwnThread, &error);
        if (demo)
            session = ApiSession::create(demo->connectionSettings(), &error);
        if (!session) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return;
        }
        session->client()->setRateLimit(ratePerMinute);
    }

    bool ok() const { return session != nullptr; }
};

} // namespace bd::bench
