#pragma once

#include "api/connectionsettings.h"

#include <memory>

namespace bd {

namespace sim {
class BillingSimServer;
class SimThread;
struct SimOptions;
} // namespace sim

/// billing-sim's demo org started on loopback, and the connection settings that reach it. The dashboard's
/// demo mode, the headless export's --demo, the tests and the benchmarks all start the simulator through
/// here.
class DemoBackend final
{
    Q_DISABLE_COPY_MOVE(DemoBackend)

public:
    /// Where the simulator runs: on the caller's thread (its server can be called directly), or on a thread
    /// of its own, so that generating reports never stalls the caller's event loop.
    enum class Threading { CallerThread, OwnThread };

    /// Starts the simulator on 127.0.0.1 at a free port; nullptr with *error set when it cannot listen.
    static std::unique_ptr<DemoBackend> start(
        const sim::SimOptions& options, Threading threading, QString* error);
    /// The demo org with its default options.
    static std::unique_ptr<DemoBackend> start(Threading threading, QString* error);
    ~DemoBackend();

    /// Signs in with the simulator's demo client.
    ConnectionSettings connectionSettings() const;
    /// The demo org's id (what organizations/me answers), known without a request.
    QString orgId() const { return m_orgId; }
    /// The simulator. With Threading::OwnThread it lives on that thread: call it through
    /// QMetaObject::invokeMethod only.
    sim::BillingSimServer* server() const;

private:
    DemoBackend();

    std::unique_ptr<sim::BillingSimServer> m_server;
    std::unique_ptr<sim::SimThread> m_thread;
    ConnectionSettings m_settings;
    QString m_orgId;
};

} // namespace bd
