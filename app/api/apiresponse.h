#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QUrlQuery>

namespace bd {

/// One API request as the endpoint functions describe it; ApiClient adds everything else.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path; ///< "/api/v2/billing/reports/billableusage"
    QUrlQuery query;
    /// Continues an operation already under way (an InProgress poll): queued ahead of new requests, so that a
    /// long sweep does not starve the reports it has started.
    bool followUp = false;
};

/// The final outcome of an API request after retries: a body or an error.
struct ApiResponse
{
    int httpStatus = 0;
    QByteArray body;
    QString correlationId;
    ApiError error;
    int attempts = 0;
    qint64 queuedMs = 0; ///< time spent in this client's own queue (rate limit, concurrency cap, sign-in)

    bool ok() const { return !error.isError(); }
};

} // namespace bd

Q_DECLARE_METATYPE(bd::ApiResponse)
