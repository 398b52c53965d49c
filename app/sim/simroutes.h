#pragma once

#include "sim/simanswer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerRequest>
#include <QString>

namespace bd::sim {

class DemoData;
class SimOAuth;
struct SimCaller;
struct SimOptions;

/// The simulator's endpoints as a route table {method, pattern, handler}: login host and billing API.
class SimRoutes final
{
    Q_DISABLE_COPY_MOVE(SimRoutes)

public:
    /// Serves data, signs in through oauth, and reads the live options (permissions, polls, bulk resources).
    SimRoutes(const SimOptions& options, const DemoData& data, SimOAuth& oauth);

    /// The answer of the endpoint at path for a caller already authenticated (an empty caller for the login
    /// host): 404 not.found for an unknown path, 405 method.not.allowed with an Allow header for a wrong
    /// method, 403 missing.any.permissions when billing permission is denied, else the endpoint's own.
    SimAnswer answer(const QHttpServerRequest& request, const QString& path, const SimCaller& caller,
        const QString& contextId);

    /// "GET", "POST", …
    static QByteArray methodName(QHttpServerRequest::Method method);

private:
    struct Call;
    struct Route;

    SimAnswer token(const Call& call);
    SimAnswer authorize(const Call& call);
    SimAnswer billableUsage(const Call& call);
    SimAnswer trusteeOverview(const Call& call);
    SimAnswer trustors(const Call& call);
    SimAnswer organizationsMe(const Call& call);
    SimAnswer usersMe(const Call& call);

    const SimOptions& m_options;
    const DemoData& m_data;
    SimOAuth& m_oauth;
    QHash<QString, int> m_polls; // per "startMs/endMs": billable-usage requests seen
    QHash<QString, qint64> m_firstAskedMs; // per "startMs/endMs": when it was first asked for (m_clock)
    QElapsedTimer m_clock;
};

} // namespace bd::sim
