#pragma once

#include "api/apiendpoint.h"
#include "api/ratelimiter.h"
#include "api/retrypolicy.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

namespace bd {

class ApiError;
class ApiReply;
class TokenProvider;
struct ApiRequest;
struct ApiResponse;

/// The one request factory of a session: base URL, bearer token, Accept, User-Agent and transfer timeout are
/// set here and nowhere else. It queues requests behind a rate limiter and a concurrency cap, signs in when
/// needed (once more after a 401), retries what is worth retrying, and lets a request or all of them be
/// cancelled.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    ApiClient(const ApiEndpoint& endpoint, TokenProvider* auth, QObject* parent = nullptr);
    ~ApiClient() override;

    /// Queues a request; the reply is owned by this client and deletes itself after finished().
    ApiReply* send(const ApiRequest& request);
    /// Cancels every queued, waiting and running request.
    void cancelAll();

    const ApiEndpoint& endpoint() const { return m_endpoint; }
    TokenProvider* auth() const { return m_auth; }
    QNetworkAccessManager* network() const { return m_network; }

    void setRetryPolicy(const RetryPolicy& policy) { m_retry = policy; }
    const RetryPolicy& retryPolicy() const { return m_retry; }
    /// Requests per minute for everything this session sends (default 300); 0 = unlimited.
    void setRateLimit(int perMinute);
    /// Requests on the wire at once (default 8). For a path whose answers have not yet come back under 8 MiB,
    /// or have passed it, at most 2.
    void setMaxConcurrent(int count);
    /// The largest answer accepted (default 256 MiB, ten times a 400,000-user org's report); a larger one is
    /// cut off and fails with a clear error instead of filling the memory.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }

    int queuedCount() const { return int(m_queue.size()); }
    int runningCount() const { return m_running; }
    /// Requests put on the wire so far, retries and replays included.
    int sentCount() const { return m_sent; }
    /// 429 answers seen so far.
    int throttledCount() const { return m_throttled; }
    /// How long the rate limit (or a 429's Retry-After) still holds back the next queued request, in ms; 0
    /// when nothing waits for it (an empty queue, or requests waiting only for a free connection).
    qint64 heldBackMs() const;
    /// heldBackMs() for a status line: "Rate limit: next request in 12 s" ("Genesys asked to slow down" after
    /// a 429); empty when nothing is held back.
    QString heldBackText() const;
    /// True while a 429's Retry-After (or the server's exhausted budget) holds every request of this client.
    bool isPaused() const { return m_limiter.isPaused(nowMs()); }

    /// The User-Agent every request carries.
    static QByteArray userAgent();

Q_SIGNALS:
    /// Something in the queue changed (for status lines).
    void activityChanged();
    /// cancelAll() was called: jobs waiting between two requests stop too.
    void allCancelled();

private:
    friend class ApiReply;

    qint64 nowMs() const { return m_clock.elapsed(); }
    void schedulePump(qint64 delayMs = 0);
    void pump();
    void start(ApiReply* reply);
    int concurrencyFor(const QString& path) const;
    QNetworkRequest makeRequest(const ApiReply* reply) const;
    void onNetworkFinished(ApiReply* reply, QNetworkReply* network);
    void retryLater(ApiReply* reply, const ApiError& cause, qint64 delayMs);
    void requeue(ApiReply* reply);
    void finish(ApiReply* reply, ApiResponse response);
    void cancel(ApiReply* reply);
    qint64 backoffMs(int attempt) const;

    ApiEndpoint m_endpoint;
    TokenProvider* m_auth;
    QNetworkAccessManager* m_network;
    qint64 m_maxBodyBytes = 256 * 1024 * 1024;
    static constexpr qsizetype BigBodyBytes = 8 * 1024 * 1024; ///< an answer this large…
    static constexpr int BigBodyConcurrency = 2; ///< …caps its path's requests on the wire at once
    enum class BodySize { Unknown, Small, Big };
    QHash<QString, BodySize> m_bodySizes; ///< per request path, what its last answer was like
    QTimer* m_pumpTimer;
    QElapsedTimer m_clock;
    RateLimiter m_limiter;
    RetryPolicy m_retry;
    QList<ApiReply*> m_queue;
    int m_running = 0;
    int m_maxConcurrent = 8;
    int m_transferTimeoutMs = 60'000;
    int m_sent = 0;
    int m_throttled = 0;
};

} // namespace bd
