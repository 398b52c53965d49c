#pragma once

#include <QtGlobal>

#include <deque>

namespace bd {

/// Client-side request budget shared by everything one session sends.
///
/// Genesys counts requests per token over a rolling minute. A classic token bucket with a full burst can
/// exceed a rolling window (a full bucket spent at t=0 plus the refill by t=60 s), so this limiter keeps the
/// send times of the last window and refuses the (limit+1)-th inside it. The window is a little longer than
/// the server's so that latency differences between send and receipt cannot push a request over.
/// It adapts to the server: `inin-ratelimit-allowed` lowers the limit, an exhausted `inin-ratelimit-count`
/// or a 429's Retry-After pauses every send until the server's reset.
class RateLimiter final
{
public:
    explicit RateLimiter(int perMinute = 300, qint64 windowMs = 61'000);

    /// Changes the configured limit (requests per window); 0 or less means unlimited.
    void setLimit(int perMinute);
    /// The limit in force: the configured one, lowered by what the server announced.
    int effectiveLimit() const;

    /// Milliseconds to wait before the next request may leave; 0 when it may leave now.
    qint64 delayBeforeNext(qint64 nowMs) const;
    /// Records that a request left at nowMs.
    void recordSent(qint64 nowMs);
    /// Holds every request until untilMs (a 429's Retry-After, an exhausted server budget).
    void pauseUntil(qint64 untilMs);
    /// True while pauseUntil() holds every request.
    bool isPaused(qint64 nowMs) const { return nowMs < m_pausedUntil; }
    /// Reads the inin-ratelimit-* headers of an answer (values < 0 when absent).
    void observeServer(int allowed, int count, int resetSecs, qint64 nowMs);

private:
    void forgetBefore(qint64 nowMs) const;

    int m_configured;
    int m_serverAllowed = 0;
    qint64 m_windowMs;
    qint64 m_pausedUntil = 0;
    mutable std::deque<qint64> m_sent;
};

} // namespace bd
