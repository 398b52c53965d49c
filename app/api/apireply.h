#pragma once

#include "api/apiresponse.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

class QTimer;

namespace bd {

class ApiClient;

/// One logical API request, retries included. ApiClient owns it; it emits finished() exactly once and then
/// deletes itself. cancel() aborts whatever is under way and finishes with a Cancelled error.
class ApiReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiReply)

public:
    const ApiRequest& request() const { return m_request; }
    int attempts() const { return m_attempts; }
    bool isFinished() const { return m_finished; }
    /// Stops the request; finished() follows with ApiError::Kind::Cancelled.
    void cancel();

Q_SIGNALS:
    /// The outcome, once.
    void finished(const bd::ApiResponse& response);

private:
    friend class ApiClient;
    ApiReply(ApiClient* client, ApiRequest request);

    ApiClient* m_client;
    ApiRequest m_request;
    QPointer<QNetworkReply> m_network;
    QTimer* m_retryTimer = nullptr;
    QElapsedTimer m_age;
    QElapsedTimer m_queuedSince; ///< valid while the request waits in the client's queue
    qint64 m_queuedMs = 0;
    QString m_tokenUsed;
    int m_attempts = 0;
    int m_signIns = 0; ///< fresh sign-ins this request caused after a 401
    bool m_tooLarge = false; ///< the answer passed ApiClient's body size limit and was cut off
    bool m_finished = false;
};

} // namespace bd
