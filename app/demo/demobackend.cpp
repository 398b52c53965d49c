#include "demo/demobackend.h"

#include "sim/billingsimserver.h"
#include "sim/demodata.h"
#include "sim/simthread.h"

using namespace Qt::StringLiterals;

namespace bd {

DemoBackend::DemoBackend() = default;

DemoBackend::~DemoBackend() = default;

std::unique_ptr<DemoBackend> DemoBackend::start(Threading threading, QString* error)
{
    return start(sim::SimOptions {}, threading, error);
}

std::unique_ptr<DemoBackend> DemoBackend::start(
    const sim::SimOptions& options, Threading threading, QString* error)
{
    std::unique_ptr<DemoBackend> demo(new DemoBackend);
    QUrl baseUrl;
    if (threading == Threading::OwnThread) {
        demo->m_thread = std::make_unique<sim::SimThread>(options);
        if (!demo->m_thread->start(error))
            return nullptr;
        baseUrl = demo->m_thread->baseUrl();
    } else {
        demo->m_server = std::make_unique<sim::BillingSimServer>(options);
        if (demo->m_server->listen() == 0) {
            if (error)
                *error = u"the demo server could not listen on 127.0.0.1"_s;
            return nullptr;
        }
        baseUrl = demo->m_server->baseUrl();
    }
    demo->m_settings.baseUrl = baseUrl;
    demo->m_settings.clientId = options.clientId;
    demo->m_settings.clientSecret = options.clientSecret;
    demo->m_orgId = demo->server()->data().orgId(); // built before the server listens, never changed
    return demo;
}

ConnectionSettings DemoBackend::connectionSettings() const
{
    return m_settings;
}

sim::BillingSimServer* DemoBackend::server() const
{
    return m_thread ? m_thread->server() : m_server.get();
}

} // namespace bd
