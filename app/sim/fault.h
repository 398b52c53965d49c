#pragma once

#include <QMetaType>

namespace bd::sim {

/// A failure the simulator can be told to produce (BillingSimServer::injectFault).
enum class Fault {
    ServerError, ///< 500 internal.server.error
    BadGateway, ///< 502 bad.gateway
    ServiceUnavailable, ///< 503 service.unavailable
    GatewayTimeout, ///< 504 request.timeout
    RateLimited, ///< 429 too.many.requests with Retry-After
    DropConnection, ///< the socket is aborted without an answer
    MalformedJson, ///< 200 with a body that is not valid JSON
    TruncatedBody, ///< Content-Length larger than the body, then the connection is closed
    CannedAnswer, ///< an exact status and body, as a proxy or a broken server might give (injectAnswer)
};

} // namespace bd::sim

Q_DECLARE_METATYPE(bd::sim::Fault)
