#pragma once

// Shared set-up for tests that talk to billing-sim over loopback: a server on port 0 with a fixed clock,
// and an ApiSession signed in with its demo client.

#include "api/apiclient.h"
#include "api/apisession.h"
#include "api/billingapi.h"
#include "api/connectionsettings.h"
#include "demo/demobackend.h"
#include "sim/billingsimserver.h"
#include "sim/demodata.h"
#include "testclock.h"

#include <QTest>

#include <memory>

namespace bd::test {

/// A billing-sim on a free loopback port and a session signed in to it with fast retry and poll policies.
/// Start it with BD_SIM_FIXTURE (or start() and a check), so that a server that cannot start fails the test.
struct SimFixture
{
    std::unique_ptr<DemoBackend> demo;
    sim::BillingSimServer* server = nullptr;
    std::unique_ptr<ApiSession> session;

    /// A started fixture, or nullptr with *error set.
    static std::unique_ptr<SimFixture> start(QString* error, sim::SimOptions options = {})
    {
        if (!options.now.isValid())
            options.now = fixedNow();
        auto fixture = std::make_unique<SimFixture>();
        fixture->demo = DemoBackend::start(options, DemoBackend::Threading::CallerThread, error);
        if (!fixture->demo)
            return nullptr;
        fixture->server = fixture->demo->server();
        fixture->session = ApiSession::create(fixture->demo->connectionSettings(), error);
        if (!fixture->session)
            return nullptr;
        RetryPolicy retry;
        retry.backoffBaseMs = 20;
        retry.maxBackoffMs = 100;
        retry.maxTotalMs = 20'000;
        fixture->session->client()->setRetryPolicy(retry);
        PollPolicy poll;
        poll.initialDelayMs = 10;
        poll.maxDelayMs = 40;
        poll.maxTotalMs = 20'000;
        fixture->session->billing()->setPollPolicy(poll);
        return fixture;
    }

    /// Replaces the session with one that signs in with these credentials (or this token) instead; false with
    /// *error set when the settings cannot make a session.
    [[nodiscard]] bool reconnect(const QString& clientId, const QString& clientSecret,
        const QString& accessToken = {}, QString* error = nullptr)
    {
        ConnectionSettings settings;
        settings.baseUrl = server->baseUrl();
        settings.clientId = clientId;
        settings.clientSecret = clientSecret;
        settings.accessToken = accessToken;
        session = ApiSession::create(settings, error);
        return session != nullptr;
    }

    /// The org id of the demo trustor with this name, or an empty string.
    QString trustorNamed(const QString& name) const
    {
        const sim::DemoData& data = server->data();
        const QStringList ids = data.trustorIds();
        for (const QString& id : ids) {
            if (data.trustorName(id) == name)
                return id;
        }
        return {};
    }

    /// The requests the sim saw whose path contains `fragment`.
    QList<sim::RequestRecord> requests(const QString& fragment) const
    {
        QList<sim::RequestRecord> matching;
        const QList<sim::RequestRecord> log = server->requestLog();
        for (const sim::RequestRecord& record : log) {
            if (record.path.contains(fragment))
                matching.append(record);
        }
        return matching;
    }
};

} // namespace bd::test

/// Declares `name`, a started `Type` from Type::start(QString* error, …); the test fails, not crashes, when
/// it cannot start.
#define BD_START(Type, name, ...)                                                                            \
    QString name##StartError;                                                                                \
    const std::unique_ptr<Type> name##Owner = Type::start(&name##StartError __VA_OPT__(, ) __VA_ARGS__);     \
    QVERIFY2(name##Owner, qPrintable(name##StartError));                                                     \
    Type& name = *name##Owner

/// Declares `name`, a started SimFixture (with optional sim::SimOptions).
#define BD_SIM_FIXTURE(name, ...) BD_START(bd::test::SimFixture, name __VA_OPT__(, ) __VA_ARGS__)
