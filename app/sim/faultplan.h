#pragma once

#include "sim/fault.h"
#include "sim/seededrandom.h"
#include "sim/simanswer.h"

#include <QList>
#include <QString>

#include <optional>

namespace bd::sim {

struct SimOptions;

/// The simulator's failures: faults queued by injectFault() and injectAnswer(), and the seeded random rates.
class FaultPlan final
{
public:
    /// The fault one request meets.
    struct Hit
    {
        Fault fault = Fault::ServerError;
        int retryAfterSecs = 1; ///< the Retry-After of RateLimited
        SimAnswer canned; ///< the answer of CannedAnswer

        /// True for MalformedJson and TruncatedBody, which corrupt the answer the request would have had.
        bool corruptsAnswer() const;
        /// The answer of every other fault; rateLimitPerMinute (0 = none) is named in a 429's message.
        SimAnswer answer(int rateLimitPerMinute, const QString& contextId) const;
        /// Garbles (MalformedJson) or cuts (TruncatedBody) the regular answer; other faults leave it alone.
        void corrupt(SimAnswer& regular) const;
    };

    /// Starts the probabilistic draws from the simulator's seed.
    explicit FaultPlan(quint32 seed);

    /// Queues `count` hits of fault for requests whose path and query contain pathContains.
    void inject(Fault fault, int count, const QString& pathContains, int retryAfterSecs);
    /// Queues `count` hits of an exact answer for requests whose path and query contain pathContains.
    void injectAnswer(int status, const QByteArray& contentType, const QByteArray& body, int count,
        const QString& pathContains);
    /// Forgets every queued fault.
    void clear();
    /// Spends the first queued fault matching the request (an empty pathContains spares /oauth requests).
    std::optional<Hit> take(const QString& path, const QString& query);
    /// The probabilistic fault of one authenticated API request: a dropped connection, a 503 or a malformed
    /// body. Always three draws per request, so a given seed and request sequence always fails the same way.
    std::optional<Hit> draw(const SimOptions& options);

private:
    struct Queued
    {
        Hit hit;
        int remaining = 0;
        QString pathContains;
    };

    QList<Queued> m_queued;
    SeededRandom m_random;
};

} // namespace bd::sim
