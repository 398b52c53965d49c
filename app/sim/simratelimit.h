#pragma once

#include "sim/simanswer.h"

#include <QHash>
#include <QString>

#include <deque>

namespace bd::sim {

/// The simulated API's request budget: per token, a sliding window of 60 s, as Genesys counts.
class SimRateLimit final
{
public:
    /// What one request did to its token's window.
    struct Verdict
    {
        /// False over the limit: answer 429 (the request was not counted).
        bool allowed = true;
        /// Requests in the window, this one included when allowed.
        int count = 0;
        /// Seconds until the oldest of them leaves the window: at least 1, 0 when the window is empty.
        qint64 resetSecs = 0;
    };

    /// Counts a request made at nowMs with token against a limit of `limit` requests per window.
    Verdict admit(const QString& token, int limit, qint64 nowMs);

    /// Adds the inin-ratelimit-allowed, -count and -reset headers to an answer.
    static void addHeaders(SimAnswer& answer, int limit, int count, qint64 resetSecs);
    /// The 429 too.many.requests ErrorBody with its Retry-After.
    static SimAnswer tooManyRequests(int limit, qint64 retryAfterSecs, const QString& contextId);

private:
    QHash<QString, std::deque<qint64>> m_windows; // per token: times of the requests in the window
};

} // namespace bd::sim
