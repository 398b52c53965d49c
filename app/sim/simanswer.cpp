#include "sim/simanswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

} // namespace

SimAnswer SimAnswer::json(int status, const QJsonObject& body)
{
    SimAnswer a;
    a.status = status;
    a.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return a;
}

SimAnswer SimAnswer::error(int status, const QString& code, const QString& message, const QString& contextId)
{
    return json(status,
        { { u"message"_s, message }, { u"code"_s, code }, { u"status"_s, status },
            { u"contextId"_s, contextId }, { u"details"_s, QJsonArray() }, { u"errors"_s, QJsonArray() } });
}

SimAnswer SimAnswer::oauthError(int status, const QString& code, const QString& description)
{
    return json(status,
        { { u"error"_s, code }, { u"description"_s, description }, { u"error_description"_s, description } });
}

SimAnswer SimAnswer::dropped()
{
    SimAnswer a;
    a.status = 0;
    a.mode = Mode::Drop;
    return a;
}

bool SimAnswer::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [name](const auto& header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

int SimAnswer::write(QTcpSocket& socket, const QByteArray& correlationId, bool closeAfter) const
{
    if (mode == Mode::Drop) {
        socket.abort();
        return 0;
    }
    int written = status;
    QByteArray sent = body;
    qsizetype contentLength = body.size();
    if (mode == Mode::Malformed) {
        // A prefix of a JSON object is never valid JSON, e.g. {"endDate":"2026-
        sent = body.left(std::max<qsizetype>(1, body.size() / 2));
        contentLength = sent.size();
        written = 200;
    } else if (mode == Mode::Truncate) {
        sent = body.left(body.size() / 2); // Content-Length keeps announcing the whole body
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(written) + ' ' + reasonPhrase(written)
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(contentLength)
        + "\r\nININ-Correlation-Id: " + correlationId + "\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (closeAfter)
        head += "Connection: close\r\n";
    head += "\r\n";
    socket.write(head + sent);
    if (closeAfter || mode == Mode::Truncate)
        socket.disconnectFromHost();
    return written;
}

} // namespace bd::sim
