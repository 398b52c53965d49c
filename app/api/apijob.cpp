#include "api/apijob.h"

#include "api/apiclient.h"
#include "api/apireply.h"

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
    ApiReply* reply = m_client->send(request);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, onResponse = std::move(onResponse)](const ApiResponse& response) {
        if (m_reply == reply)
            m_reply = nullptr;
        if (!m_finished)
            onResponse(response);
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
