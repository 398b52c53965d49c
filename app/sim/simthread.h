#pragma once

#include "sim/simoptions.h"

#include <QThread>
#include <QUrl>

namespace bd::sim {

class BillingSimServer;

/// Runs a BillingSimServer on a thread of its own, so that generating reports never stalls the event loop of
/// the program that embeds it (the dashboard's demo mode, benchmarks that measure the GUI thread).
class SimThread final
{
    Q_DISABLE_COPY_MOVE(SimThread)

public:
    explicit SimThread(const SimOptions& options = {});
    /// Stops the server and joins the thread.
    ~SimThread();

    /// Starts the thread and listens on 127.0.0.1 (options.port, 0 = any free port); blocks until it does.
    bool start(QString* error);
    /// http://127.0.0.1:PORT once started.
    QUrl baseUrl() const { return m_baseUrl; }
    const SimOptions& options() const { return m_options; }
    /// The server, for calls made through QMetaObject::invokeMethod on its thread.
    BillingSimServer* server() const { return m_server; }

private:
    SimOptions m_options;
    QThread m_thread;
    BillingSimServer* m_server = nullptr;
    QUrl m_baseUrl;
};

} // namespace bd::sim
