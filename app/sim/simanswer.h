#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

class QTcpSocket;

namespace bd::sim {

/// One HTTP answer, decided on arrival and written by hand after the latency, so it can be dropped or cut.
struct SimAnswer
{
    /// How the answer reaches the client.
    enum class Mode {
        Normal, ///< as it is
        Drop, ///< the connection is aborted and nothing is written
        Truncate, ///< Content-Length of the whole body, half of the body sent, then the connection is closed
        Malformed, ///< status 200 and the first half of the body, which is then not valid JSON
    };

    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    /// Every header besides Content-Type, Content-Length and ININ-Correlation-Id.
    QList<QPair<QByteArray, QByteArray>> headers;
    Mode mode = Mode::Normal;

    /// A JSON answer.
    static SimAnswer json(int status, const QJsonObject& body);
    /// The Genesys ErrorBody; contextId is the request's correlation id, as Genesys does.
    static SimAnswer error(int status, const QString& code, const QString& message, const QString& contextId);
    /// The OAuth error of the login host: {"error", "description", "error_description"}.
    static SimAnswer oauthError(int status, const QString& code, const QString& description);
    /// No answer: the connection is aborted.
    static SimAnswer dropped();

    /// True when a header of that name (any case) is set.
    bool hasHeader(QByteArrayView name) const;
    /// Writes the answer on the socket as its mode says; returns the status written, 0 when dropped.
    int write(QTcpSocket& socket, const QByteArray& correlationId, bool closeAfter) const;
};

} // namespace bd::sim
