#pragma once

// What every benchmark starts with: billing-sim on a thread of its own (so its work never counts against the
// client being measured) and a session signed in to it with a given rate limit.

#include "api/apiclient.h"
#include "api/apisession.h"
#include "api/connectionsettings.h"
#include "sim/simthread.h"

#include <cstdio>
#include <memory>

namespace bd::bench {

/// The clock the benchmarks' demo data is generated for, so every run loads the same reports.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
}

/// A started billing-sim and a session on it; `ok()` is false (with the reason printed) when either failed.
struct BenchServer
{
    sim::SimThread server;
    std::unique_ptr<ApiSession> session;

    BenchServer(const sim::SimOptions& options, int ratePerMinute)
        : server(options)
    {
        QString error;
        if (!server.start(&error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return;
        }
        ConnectionSettings settings;
        settings.baseUrl = server.baseUrl();
        settings.clientId = options.clientId;
        settings.clientSecret = options.clientSecret;
        session.reset(ApiSession::create(settings, &error));
        if (!session) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return;
        }
        session->client()->setRateLimit(ratePerMinute);
    }

    bool ok() const { return session != nullptr; }
};

} // namespace bd::bench
