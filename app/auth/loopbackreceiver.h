#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace bd {

/// The redirect target of a browser sign-in (RFC 8252 §7.3): a tiny HTTP listener on 127.0.0.1 that waits for
/// the one GET to its callback path, hands over the query, and answers the browser when told what to say.
/// Any local process can connect, so it holds out: a callback without the sign-in's state is answered with an
/// error page and ignored, a connection that sends nothing is dropped after a few seconds, only a few
/// connections are held at once, and a request ending its lines with a bare LF is read like one with CRLF.
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReceiver)

public:
    explicit LoopbackReceiver(QObject* parent = nullptr);
    ~LoopbackReceiver() override;

    /// The state the sign-in sent; a callback carrying another one is answered with an error page and
    /// ignored.
    void setExpectedState(const QString& state) { m_expectedState = state; }
    /// How long a connection may take to send its request (default 10 s).
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }

    /// Listens on 127.0.0.1 (never on other interfaces); port 0 picks a free one. False with *error on
    /// failure.
    bool listen(quint16 port, QString* error);
    /// http://127.0.0.1:PORT/callback once listening.
    QUrl redirectUri() const;
    bool isListening() const;

    /// Answers the browser's pending callback request with an HTML page, then stops listening.
    void respond(int status, const QByteArray& html);
    /// Stops listening and drops every connection that has not been answered.
    void close();

Q_SIGNALS:
    /// The browser arrived at the callback path with this query (code/state or error/error_description).
    void callbackReceived(const QUrlQuery& query);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    static void writeAnswer(
        QTcpSocket* socket, int status, const QByteArray& contentType, const QByteArray& body);

    static constexpr int MaxConnections = 16;

    QTcpServer* m_server;
    QPointer<QTcpSocket> m_pending;
    QString m_expectedState;
    int m_idleTimeoutMs = 10'000;
    bool m_answered = false;
};

} // namespace bd
