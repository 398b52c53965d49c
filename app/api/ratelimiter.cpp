#include "api/ratelimiter.h"

#include <algorithm>

namespace bd {

RateLimiter::RateLimiter(int perMinute, qint64 windowMs)
    : m_configured(perMinute)
    , m_windowMs(windowMs)
{ }

void RateLimiter::setLimit(int perMinute)
{
    m_configured = perMinute;
}

int RateLimiter::effectiveLimit() const
{
    if (m_configured <= 0)
        return m_serverAllowed;
    return m_serverAllowed > 0 ? std::min(m_configured, m_serverAllowed) : m_configured;
}

void RateLimiter::forgetBefore(qint64 nowMs) const
{
    while (!m_sent.empty() && m_sent.front() <= nowMs - m_windowMs)
        m_sent.pop_front();
}

qint64 RateLimiter::delayBeforeNext(qint64 nowMs) const
{
    const qint64 paused = std::max<qint64>(0, m_pausedUntil - nowMs);
    const int limit = effectiveLimit();
    if (limit <= 0)
        return paused;
    forgetBefore(nowMs);
    if (m_sent.size() < static_cast<size_t>(limit))
        return paused;
    // The oldest of the last `limit` sends must leave the window first.
    const qint64 oldest = m_sent[m_sent.size() - static_cast<size_t>(limit)];
    return std::max(paused, oldest + m_windowMs - nowMs + 1);
}

void RateLimiter::recordSent(qint64 nowMs)
{
    m_sent.push_back(nowMs);
    forgetBefore(nowMs);
}

void RateLimiter::pauseUntil(qint64 untilMs)
{
    m_pausedUntil = std::max(m_pausedUntil, untilMs);
}

void RateLimiter::observeServer(int allowed, int count, int resetSecs, qint64 nowMs)
{
    if (allowed > 0)
        m_serverAllowed = allowed;
    if (allowed > 0 && count >= allowed && resetSecs >= 0)
        pauseUntil(nowMs + qint64(std::max(resetSecs, 1)) * 1000);
}

} // namespace bd
