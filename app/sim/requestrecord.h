#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QUrlQuery>

namespace bd::sim {

/// One request as the simulator saw it, and how it was answered.
struct RequestRecord
{
    qint64 receivedMs = 0; ///< ms since the server was constructed (QElapsedTimer)
    qint64 answeredMs = 0; ///< ms when the answer was written (after latency)
    QByteArray method; ///< "GET", "POST", …
    QString path; ///< the URL path, e.g. /api/v2/organizations/me
    QUrlQuery query; ///< the query string
    QString authorization; ///< the raw Authorization header
    QString userAgent; ///< the raw User-Agent header
    QString accept; ///< the raw Accept header
    int status = 0; ///< HTTP status written; 0 for a dropped connection
};

} // namespace bd::sim

Q_DECLARE_METATYPE(bd::sim::RequestRecord)
