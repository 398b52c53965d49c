#include "sim/faultplan.h"

#include "sim/simoptions.h"
#include "sim/simratelimit.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

constexpr int DefaultRateLimit = 300; // what a 429 names when the simulator enforces no limit of its own

} // namespace

bool FaultPlan::Hit::corruptsAnswer() const
{
    return fault == Fault::MalformedJson || fault == Fault::TruncatedBody;
}

SimAnswer FaultPlan::Hit::answer(int rateLimitPerMinute, const QString& contextId) const
{
    switch (fault) {
    case Fault::ServerError:
        return SimAnswer::error(
            500, u"internal.server.error"_s, u"The server encountered an internal error."_s, contextId);
    case Fault::BadGateway:
        return SimAnswer::error(502, u"bad.gateway"_s,
            u"The gateway received an invalid response from the service."_s, contextId);
    case Fault::ServiceUnavailable:
        return SimAnswer::error(
            503, u"service.unavailable"_s, u"The service is currently unavailable."_s, contextId);
    case Fault::GatewayTimeout:
        return SimAnswer::error(504, u"request.timeout"_s, u"The request timed out."_s, contextId);
    case Fault::RateLimited:
        return SimRateLimit::tooManyRequests(rateLimitPerMinute > 0 ? rateLimitPerMinute : DefaultRateLimit,
            std::max(0, retryAfterSecs), contextId);
    case Fault::DropConnection:
        return SimAnswer::dropped();
    case Fault::CannedAnswer:
        return canned;
    case Fault::MalformedJson:
    case Fault::TruncatedBody:
        break; // these corrupt the regular answer (corrupt())
    }
    return {};
}

void FaultPlan::Hit::corrupt(SimAnswer& regular) const
{
    if (!corruptsAnswer() || regular.mode != SimAnswer::Mode::Normal)
        return;
    regular.mode = fault == Fault::MalformedJson ? SimAnswer::Mode::Malformed : SimAnswer::Mode::Truncate;
}

FaultPlan::FaultPlan(quint32 seed)
    : m_random(SeededRandom::mix({ seed, 0xFA17 }))
{ }

void FaultPlan::inject(Fault fault, int count, const QString& pathContains, int retryAfterSecs)
{
    if (count > 0)
        m_queued.append({ { fault, retryAfterSecs, {} }, count, pathContains });
}

void FaultPlan::injectAnswer(
    int status, const QByteArray& contentType, const QByteArray& body, int count, const QString& pathContains)
{
    if (count <= 0)
        return;
    SimAnswer canned;
    canned.status = status;
    canned.contentType = contentType;
    canned.body = body;
    m_queued.append({ { Fault::CannedAnswer, 0, canned }, count, pathContains });
}

void FaultPlan::clear()
{
    m_queued.clear();
}

std::optional<FaultPlan::Hit> FaultPlan::take(const QString& path, const QString& query)
{
    const bool isOAuth = path.startsWith(u"/oauth");
    const QString target = query.isEmpty() ? path : path + u'?' + query;
    for (qsizetype i = 0; i < m_queued.size(); ++i) {
        Queued& queued = m_queued[i];
        const bool matches = queued.pathContains.isEmpty() ? !isOAuth : target.contains(queued.pathContains);
        if (!matches)
            continue;
        const Hit hit = queued.hit;
        if (--queued.remaining <= 0)
            m_queued.removeAt(i);
        return hit;
    }
    return std::nullopt;
}

std::optional<FaultPlan::Hit> FaultPlan::draw(const SimOptions& options)
{
    const double dropDraw = m_random.real();
    const double errorDraw = m_random.real();
    const double malformedDraw = m_random.real();
    if (dropDraw < options.dropRate)
        return Hit { Fault::DropConnection, 0, {} };
    if (errorDraw < options.serverErrorRate)
        return Hit { Fault::ServiceUnavailable, 0, {} };
    if (malformedDraw < options.malformedRate)
        return Hit { Fault::MalformedJson, 0, {} };
    return std::nullopt;
}

} // namespace bd::sim
