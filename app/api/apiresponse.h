#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QUrlQuery>

namespace bd {

/// One API request as the endpoint functions describe it; ApiClient adds everything else.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;          ///< "/api/v2/billing/reports/billableusage"
    QUrlQuery query;
};

/// The final outcome of an API request after retries: a body or an error.
struct ApiResponse
{
    int httpStatus = 0;
    QByteArray body;
    QString correlationId;
    ApiError error;
    int attempts = 0;

    bool ok() const { return !error.isError(); }
};

} // namespace bd

Q_DECLARE_METATYPE(bd::ApiResponse)
