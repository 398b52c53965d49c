#pragma once

#include "api/apierror.h"
#include "domain/jsonerror.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace bd {

class ApiClient;
class ApiReply;
struct ApiRequest;
struct ApiResponse;

/// One operation against the API (possibly several requests: pages, InProgress polls). It ends exactly once,
/// with its own success signal or failed(), then finished(), and deletes itself afterwards.
class ApiJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)

public:
    ~ApiJob() override;

    /// Stops the job: the request under way is aborted, failed(Cancelled) and finished() follow.
    void cancel();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// A sentence about what is happening, e.g. "Genesys is generating the report (attempt 3)".
    void progress(const QString& text);
    void failed(const bd::ApiError& error);
    /// Always the last signal.
    void finished();

protected:
    ApiJob(ApiClient* client, QObject* parent);

    /// Sends a request through the client; onResponse runs unless the job ended meanwhile.
    void send(const ApiRequest& request, std::function<void(const ApiResponse&)> onResponse);
    /// Ends the job successfully: marks it finished, then emitResult() emits the subclass's result signal,
    /// then finished(). Marking first means a slot that cancels the job from its result signal changes
    /// nothing.
    void succeed(const std::function<void()>& emitResult);
    /// Ends the job with an error.
    void fail(const ApiError& error);
    /// Ends the job with a parse error, unless the body was garbled on the way (not JSON at all): then the
    /// last request is sent again after a short backoff, up to MaxGarbledTries tries in all.
    void failParse(const JsonError& error);

    ApiClient* client() const { return m_client; }

private:
    static constexpr int MaxGarbledTries = 3;

    ApiClient* m_client;
    QPointer<ApiReply> m_reply;
    bool m_finished = false;
    std::unique_ptr<ApiRequest> m_lastRequest;
    std::function<void(const ApiResponse&)> m_lastHandler;
    int m_garbledTries = 1;
};

} // namespace bd
