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
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReceiver)

public:
    explicit LoopbackReceiver(QObject* parent = nullptr);
    ~LoopbackReceiver() override;

    /// Listens on 127.0.0.1 (never on other interfaces); port 0 picks a free one. False with *error on failure.
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
    static void writeAnswer(QTcpSocket* socket, int status, const QByteArray& contentType, const QByteArray& body);

    QTcpServer* m_server;
    QPointer<QTcpSocket> m_pending;
    bool m_answered = false;
};

} // namespace bd
