#include "sim/simhttpserver.h"

namespace bd::sim {

SimHttpServer::SimHttpServer(Handler handler, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

bool SimHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    m_handler(request, socket);
    return true; // every request is answered by the handler, even unknown routes (with a 404 ErrorBody)
}

void SimHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // Unreachable: handleRequest() always claims the request.
    Q_UNUSED(request);
    Q_UNUSED(socket);
}

} // namespace bd::sim
