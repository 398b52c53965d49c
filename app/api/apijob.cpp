#include "api/apijob.h"

#include "api/apiclient.h"
#include "api/apireply.h"
#include "api/apiresponse.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace bd {

ApiJob::ApiJob(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    // ApiClient::cancelAll() also reaches jobs between two requests (an InProgress poll wait, a parse).
    connect(client, &ApiClient::allCancelled, this, &ApiJob::cancel);
}

ApiJob::~ApiJob()
{
    m_finished = true;
    if (m_reply)
        m_reply->cancel();
}

void ApiJob::cancel()
{
    if (m_finished)
        return;
    if (m_reply)
        m_reply->cancel();
    fail(ApiError::cancelled());
}

void ApiJob::send(const ApiRequest& request, std::function<void(const ApiResponse&)> onResponse)
{
    if (m_finished)
        return;
    m_lastRequest = std::make_unique<ApiRequest>(request);
    m_lastHandler = onResponse;
    ApiReply* reply = m_client->send(request);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this,
        [this, reply, onResponse = std::move(onResponse)](const ApiResponse& response) {
            if (m_reply == reply)
                m_reply = nullptr;
            if (!m_finished)
                onResponse(response);
        });
}

void ApiJob::failParse(const JsonError& error)
{
    if (m_finished)
        return;
    if (!error.isMalformedJson() || m_garbledTries >= MaxGarbledTries || !m_lastRequest) {
        ApiError failure(ApiError::Kind::Parse, error.toString());
        if (error.isMalformedJson() && m_garbledTries > 1)
            failure.setMessage(u"%1 (gave up after %2 tries)"_s.arg(error.toString()).arg(m_garbledTries));
        fail(failure);
        return;
    }
    // 1 s, then 3 s: long enough for a passing fault to pass, short next to a report's generating time.
    const int delayMs = m_garbledTries == 1 ? 1'000 : 3'000;
    ++m_garbledTries;
    QTimer::singleShot(delayMs, this, [this] {
        if (m_finished)
            return;
        const ApiRequest again = *m_lastRequest; // send() replaces m_lastRequest
        send(again, m_lastHandler);
    });
}

void ApiJob::succeed(const std::function<void()>& emitResult)
{
    if (m_finished)
        return;
    m_finished = true;
    emitResult();
    Q_EMIT finished();
    deleteLater();
}

void ApiJob::fail(const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT failed(error);
    Q_EMIT finished();
    deleteLater();
}

} // namespace bd
