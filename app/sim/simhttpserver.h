#pragma once

#include <QAbstractHttpServer>

#include <functional>

class QHttpServerRequest;
class QTcpSocket;

namespace bd::sim {

/// The raw HTTP front of the simulator: hands every parsed request and its socket to one callback, so the
/// simulator can answer late, abort, or write a deliberately broken response.
class SimHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHttpServer)

public:
    /// The callback that answers a request; it owns the decision of when and what to write on the socket.
    using Handler = std::function<void(const QHttpServerRequest&, QTcpSocket*)>;

    /// Creates a server that passes every request to handler.
    explicit SimHttpServer(Handler handler, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Handler m_handler;
};

} // namespace bd::sim
