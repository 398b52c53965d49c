#include "sim/simthread.h"

#include "sim/billingsimserver.h"

using namespace Qt::StringLiterals;

namespace bd::sim {

SimThread::SimThread(const SimOptions& options)
    : m_options(options)
{
    m_thread.setObjectName(u"billing-sim"_s);
}

SimThread::~SimThread()
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, &QObject::deleteLater, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SimThread::start(QString* error)
{
    m_server = new BillingSimServer(m_options);
    m_server->moveToThread(&m_thread);
    m_thread.start();
    quint16 port = 0;
    BillingSimServer* server = m_server;
    const quint16 wanted = m_options.port;
    QMetaObject::invokeMethod(
        server, [server, wanted, &port] { port = server->listen(QHostAddress::LocalHost, wanted); },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        if (error)
            *error = u"billing-sim could not listen on 127.0.0.1"_s;
        return false;
    }
    m_baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    return true;
}

} // namespace bd::sim
