#include "auth/loopbackreceiver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
constexpr qsizetype MaxRequestHead = 16 * 1024; // a browser's GET with a long code fits many times over
const QString CallbackPath = u"/callback"_s;

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK"_ba;
    case 400:
        return "Bad Request"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 409:
        return "Conflict"_ba;
    default:
        return "Error"_ba;
    }
}
} // namespace

LoopbackReceiver::LoopbackReceiver(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen(quint16 port, QString* error)
{
    // 127.0.0.1 rather than "localhost": no name resolution, and nothing reachable from another machine.
    if (m_server->listen(QHostAddress::LocalHost, port))
        return true;
    if (error)
        *error = tr("Could not listen on 127.0.0.1:%1 for the browser's answer: %2")
                     .arg(port)
                     .arg(m_server->errorString());
    return false;
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server->serverPort());
    url.setPath(CallbackPath);
    return url;
}

bool LoopbackReceiver::isListening() const
{
    return m_server->isListening();
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        const qsizetype open = findChildren<QTcpSocket*>(Qt::FindDirectChildrenOnly).size();
        socket->setParent(this);
        if (open >= MaxConnections) {
            socket->abort(); // a browser needs one or two; this many is someone holding sockets open
            socket->deleteLater();
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A connection that has not sent its request in time is dropped (an answered one is closing anyway).
        QTimer::singleShot(m_idleTimeoutMs, socket, [socket] {
            if (!socket->property("bd_head_done").toBool())
                socket->abort();
        });
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket* socket)
{
    if (socket->property("bd_head_done").toBool())
        return;
    QByteArray head = socket->property("bd_head").toByteArray() + socket->readAll();
    if (head.size() > MaxRequestHead) {
        writeAnswer(socket, 400, "text/plain"_ba, "Request too large"_ba);
        return;
    }
    // The head ends at an empty line; some clients end their lines with a bare LF.
    if (!head.contains("\r\n\r\n") && !head.contains("\n\n")) {
        socket->setProperty("bd_head", head);
        return;
    }
    socket->setProperty("bd_head_done", true);
    const QList<QByteArray> requestLine = head.left(head.indexOf('\n')).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        writeAnswer(socket, 400, "text/plain"_ba, "Bad request"_ba);
        return;
    }
    if (requestLine.at(0) != "GET") {
        writeAnswer(socket, 405, "text/plain"_ba, "Only GET is expected here"_ba);
        return;
    }
    const QUrl target = QUrl::fromEncoded(requestLine.at(1));
    if (target.path() != CallbackPath) {
        writeAnswer(socket, 404, "text/plain"_ba, "Not found"_ba); // e.g. the browser asking for /favicon.ico
        return;
    }
    const QUrlQuery query(target);
    if (query.queryItemValue(u"state"_s, QUrl::FullyDecoded) != m_expectedState) {
        // Not the answer to this sign-in (another local process, an old tab): it is told so and changes
        // nothing.
        writeAnswer(socket, 400, "text/html; charset=utf-8"_ba,
            "<!DOCTYPE html><html><body><p>"
                + tr("This answer does not belong to the sign-in under way in Billing "
                     "Dashboard, so it was ignored.")
                      .toHtmlEscaped()
                      .toUtf8()
                + "</p></body></html>");
        return;
    }
    if (m_pending || m_answered) {
        // Only the first answer counts: a second one (a reload, another tab) must not start another exchange.
        writeAnswer(socket, 409, "text/html; charset=utf-8"_ba,
            "<!DOCTYPE html><html><body><p>"
                + tr("This sign-in has already been answered. Return to Billing "
                     "Dashboard.")
                      .toHtmlEscaped()
                      .toUtf8()
                + "</p></body></html>");
        return;
    }
    m_pending = socket;
    Q_EMIT callbackReceived(query);
}

void LoopbackReceiver::respond(int status, const QByteArray& html)
{
    m_answered = true;
    if (m_pending)
        writeAnswer(m_pending, status, "text/html; charset=utf-8"_ba, html);
    m_pending = nullptr;
    m_server->close();
}

void LoopbackReceiver::close()
{
    m_server->close();
    const QList<QTcpSocket*> sockets = findChildren<QTcpSocket*>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket* socket : sockets) {
        // An answered socket is closing gracefully; aborting it would cut the page off before the browser has
        // it.
        if (!socket->property("bd_answered").toBool())
            socket->abort();
    }
}

void LoopbackReceiver::writeAnswer(
    QTcpSocket* socket, int status, const QByteArray& contentType, const QByteArray& body)
{
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status)
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n" + body;
    socket->setProperty("bd_answered", true);
    socket->write(answer);
    socket->disconnectFromHost();
}

} // namespace bd
