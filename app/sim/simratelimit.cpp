#include "sim/simratelimit.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

constexpr qint64 WindowMs = 60'000;

} // namespace

SimRateLimit::Verdict SimRateLimit::admit(const QString& token, int limit, qint64 nowMs)
{
    std::deque<qint64>& window = m_windows[token];
    while (!window.empty() && window.front() <= nowMs - WindowMs)
        window.pop_front();
    const auto secsUntilOldestLeaves = [&]() {
        return window.empty() ? qint64(0)
                              : std::max<qint64>(1, (window.front() + WindowMs - nowMs + 999) / 1000);
    };
    if (int(window.size()) >= limit)
        return { false, int(window.size()), secsUntilOldestLeaves() };
    window.push_back(nowMs);
    return { true, int(window.size()), secsUntilOldestLeaves() };
}

void SimRateLimit::addHeaders(SimAnswer& answer, int limit, int count, qint64 resetSecs)
{
    answer.headers.append({ "inin-ratelimit-allowed", QByteArray::number(limit) });
    answer.headers.append({ "inin-ratelimit-count", QByteArray::number(count) });
    answer.headers.append({ "inin-ratelimit-reset", QByteArray::number(resetSecs) });
}

SimAnswer SimRateLimit::tooManyRequests(int limit, qint64 retryAfterSecs, const QString& contextId)
{
    SimAnswer a = SimAnswer::error(429, u"too.many.requests"_s,
        u"Rate limit exceeded the maximum. [%1] requests for [60] seconds"_s.arg(limit), contextId);
    a.headers.append({ "Retry-After", QByteArray::number(retryAfterSecs) });
    return a;
}

} // namespace bd::sim
