#pragma once

// Shared set-up for tests that talk to billing-sim over loopback: a server on port 0 with a fixed clock,
// and an ApiSession signed in with its demo client.

#include "api/apiclient.h"
#include "api/apisession.h"
#include "api/billingapi.h"
#include "api/connectionsettings.h"
#include "sim/billingsimserver.h"

#include <QTest>

#include <memory>

namespace bd::test {

/// The clock every simulated test shares, so that the sim's data is the same on every run.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
}

/// A billing-sim on a free loopback port and a session signed in to it with fast retry and poll policies.
struct SimFixture
{
    std::unique_ptr<sim::BillingSimServer> server;
    std::unique_ptr<ApiSession> session;

    explicit SimFixture(sim::SimOptions options = {})
    {
        if (!options.now.isValid())
            options.now = fixedNow();
        server = std::make_unique<sim::BillingSimServer>(options);
        QVERIFY(server->listen() != 0);
        ConnectionSettings settings;
        settings.baseUrl = server->baseUrl();
        settings.clientId = options.clientId;
        settings.clientSecret = options.clientSecret;
        QString error;
        session.reset(ApiSession::create(settings, &error));
        QVERIFY2(session, qPrintable(error));
        RetryPolicy retry;
        retry.backoffBaseMs = 20;
        retry.maxBackoffMs = 100;
        retry.maxTotalMs = 20'000;
        session->client()->setRetryPolicy(retry);
        PollPolicy poll;
        poll.initialDelayMs = 10;
        poll.maxDelayMs = 40;
        poll.maxTotalMs = 20'000;
        session->billing()->setPollPolicy(poll);
    }

    /// Replaces the session with one that signs in with these credentials (or this token) instead.
    void reconnect(const QString& clientId, const QString& clientSecret, const QString& accessToken = {})
    {
        ConnectionSettings settings;
        settings.baseUrl = server->baseUrl();
        settings.clientId = clientId;
        settings.clientSecret = clientSecret;
        settings.accessToken = accessToken;
        QString error;
        session.reset(ApiSession::create(settings, &error));
        QVERIFY2(session, qPrintable(error));
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
