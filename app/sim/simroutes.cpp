#include "sim/simroutes.h"

#include "sim/demodata.h"
#include "sim/simoauth.h"
#include "sim/simoptions.h"
#include "sim/wiredate.h"

#include <QJsonArray>
#include <QStringView>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

/// Matches path against pattern segment by segment; "{name}" takes one non-empty segment into *parameter.
bool matches(QStringView pattern, QStringView path, QString* parameter)
{
    const QList<QStringView> wanted = pattern.split(u'/');
    const QList<QStringView> given = path.split(u'/');
    if (wanted.size() != given.size())
        return false;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        if (wanted.at(i).startsWith(u'{') && wanted.at(i).endsWith(u'}')) {
            if (given.at(i).isEmpty())
                return false;
            *parameter = given.at(i).toString();
        } else if (wanted.at(i) != given.at(i)) {
            return false;
        }
    }
    return true;
}

QString missingPermissions(QStringView permissions)
{
    return u"Unable to perform the requested action. You must have at least one of the following permissions "
           u"assigned: [%1]"_s.arg(permissions);
}

/// Reads an optional integer query parameter of at least `minimum`: absent or empty → fallback.
std::optional<int> intParam(const QUrlQuery& query, const QString& name, int fallback, int minimum)
{
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < minimum)
        return std::nullopt;
    return v;
}

} // namespace

/// One request as an endpoint sees it.
struct SimRoutes::Call
{
    const QHttpServerRequest& request;
    QUrlQuery query;
    QString parameter; ///< the path segment that matched the pattern's {placeholder}
    const SimCaller& caller;
    const QString& contextId;
};

/// One endpoint: where it is and who answers it.
struct SimRoutes::Route
{
    QHttpServerRequest::Method method;
    QStringView pattern; ///< path segments; "{name}" matches any one non-empty segment
    QStringView permissions; ///< non-empty: answered 403 naming them while billing permission is denied
    SimAnswer (SimRoutes::*handler)(const Call&);
};

SimRoutes::SimRoutes(const SimOptions& options, const DemoData& data, SimOAuth& oauth)
    : m_options(options)
    , m_data(data)
    , m_oauth(oauth)
{ }

SimAnswer SimRoutes::answer(
    const QHttpServerRequest& request, const QString& path, const SimCaller& caller, const QString& contextId)
{
    using Method = QHttpServerRequest::Method;
    static constexpr Route Routes[] = {
        { Method::Post, u"/oauth/token", {}, &SimRoutes::token },
        { Method::Get, u"/oauth/authorize", {}, &SimRoutes::authorize },
        { Method::Get, u"/api/v2/billing/reports/billableusage",
            u"billing:subscription:read, billing:subscription:view", &SimRoutes::billableUsage },
        { Method::Get, u"/api/v2/billing/trusteebillingoverview/{trustorId}",
            u"affiliateOrganization:clientBilling:view", &SimRoutes::trusteeOverview },
        { Method::Get, u"/api/v2/orgauthorization/trustors", {}, &SimRoutes::trustors },
        { Method::Get, u"/api/v2/organizations/me", {}, &SimRoutes::organizationsMe },
        { Method::Get, u"/api/v2/users/me", {}, &SimRoutes::usersMe },
    };

    QByteArray allowed;
    for (const Route& route : Routes) {
        QString parameter;
        if (!matches(route.pattern, path, &parameter))
            continue;
        if (route.method != request.method()) {
            if (!allowed.isEmpty())
                allowed += ", ";
            allowed += methodName(route.method);
            continue;
        }
        if (!route.permissions.isEmpty() && m_options.denyBillingPermission) {
            return SimAnswer::error(
                403, u"missing.any.permissions"_s, missingPermissions(route.permissions), contextId);
        }
        return (this->*route.handler)({ request, request.query(), parameter, caller, contextId });
    }
    if (allowed.isEmpty()) {
        return SimAnswer::error(
            404, u"not.found"_s, u"The requested resource was not found: %1"_s.arg(path), contextId);
    }
    // Unknown in the real API; the simulator answers 405 with an ErrorBody and an Allow header.
    SimAnswer a = SimAnswer::error(405, u"method.not.allowed"_s,
        u"Method %1 is not allowed on %2."_s.arg(QString::fromLatin1(methodName(request.method())), path),
        contextId);
    a.headers.append({ "Allow", allowed });
    return a;
}

QByteArray SimRoutes::methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

SimAnswer SimRoutes::token(const Call& call)
{
    return m_oauth.token(call.request);
}

SimAnswer SimRoutes::authorize(const Call& call)
{
    return m_oauth.authorize(call.request);
}

SimAnswer SimRoutes::billableUsage(const Call& call)
{
    QDateTime dates[2];
    const QString names[2] = { u"startDate"_s, u"endDate"_s };
    for (int i = 0; i < 2; ++i) {
        // A '+' offset sent unencoded may arrive as a space.
        const QString text = call.query.queryItemValue(names[i], QUrl::FullyDecoded).replace(u' ', u'+');
        if (text.isEmpty()) {
            return SimAnswer::error(400, u"invalid.date"_s,
                u"The %1 query parameter is required."_s.arg(names[i]), call.contextId);
        }
        const auto parsed = WireDate::parse(text);
        if (!parsed) {
            return SimAnswer::error(400, u"invalid.date"_s,
                u"Invalid %1 '%2': expected an ISO-8601 date such as 2026-10-01T00:00:00Z."_s.arg(
                    names[i], text),
                call.contextId);
        }
        dates[i] = *parsed;
    }
    if (dates[0] > dates[1]) {
        return SimAnswer::error(400, u"invalid.date"_s,
            u"Invalid startDate '%1': it is after endDate '%2'."_s.arg(
                WireDate::format(dates[0]), WireDate::format(dates[1])),
            call.contextId);
    }
    const QString key = u"%1/%2"_s.arg(dates[0].toMSecsSinceEpoch()).arg(dates[1].toMSecsSinceEpoch());
    // A report takes a number of polls, or a time since it was first asked for, to generate.
    if (!m_clock.isValid())
        m_clock.start();
    if (!m_firstAskedMs.contains(key))
        m_firstAskedMs.insert(key, m_clock.elapsed());
    const qint64 askedMs = m_firstAskedMs.value(key);
    const bool generating = m_clock.elapsed() - askedMs < m_options.inProgressMs;
    if (++m_polls[key] <= m_options.inProgressPolls || generating) {
        return SimAnswer::json(200,
            { { u"startDate"_s, WireDate::format(dates[0]) }, { u"endDate"_s, WireDate::format(dates[1]) },
                { u"status"_s, u"InProgress"_s }, { u"usages"_s, QJsonArray() } });
    }
    QJsonObject report = m_data.billableUsage(dates[0], dates[1]);
    if (m_options.bulkResources > 0) {
        // A large org for memory and speed tests: one more licence with that many users, first seen at the
        // start.
        QJsonArray bulk;
        const QString seenAt = WireDate::format(dates[0]);
        for (int i = 0; i < m_options.bulkResources; ++i)
            bulk.append(QJsonObject {
                { u"name"_s, u"bulk-%1@bulk.example"_s.arg(i, 7, 10, QChar(u'0')) }, { u"date"_s, seenAt } });
        QJsonArray usages = report.value(u"usages"_s).toArray();
        usages.append(QJsonObject { { u"name"_s, u"Genesys Cloud Bulk User"_s },
            { u"totalUsage"_s, QString::number(m_options.bulkResources) }, { u"resources"_s, bulk } });
        report.insert(u"usages"_s, usages);
    }
    return SimAnswer::json(200, report);
}

SimAnswer SimRoutes::trusteeOverview(const Call& call)
{
    const QString& trustorId = call.parameter;
    // The SDK's legacy mode sends index 0 as an empty value; absent and empty both mean the active period.
    const auto index = intParam(call.query, u"billingPeriodIndex"_s, 0, 0);
    if (!index) {
        return SimAnswer::error(400, u"invalid.value"_s,
            u"Invalid billingPeriodIndex '%1': expected a non-negative integer."_s.arg(
                call.query.queryItemValue(u"billingPeriodIndex"_s, QUrl::FullyDecoded)),
            call.contextId);
    }
    if (!m_data.hasTrustor(trustorId)) {
        return SimAnswer::error(404, u"not.found"_s,
            u"Organization %1 was not found or does not trust this organization."_s.arg(trustorId),
            call.contextId);
    }
    if (!m_data.isTrustEnabled(trustorId)) {
        // Unknown in the real API: the simulator treats a disabled trust as not authorized.
        return SimAnswer::error(403, u"not.authorized"_s,
            u"The trust from organization %1 is disabled."_s.arg(trustorId), call.contextId);
    }
    // Unknown in the real API: an index past the org's history answers 404 not.found (documented in
    // README.md).
    const auto overview = m_data.trusteeOverview(trustorId, *index);
    if (!overview) {
        const int length = m_data.historyLength(trustorId);
        return SimAnswer::error(404, u"not.found"_s,
            u"No billing period exists at billingPeriodIndex %1 for organization %2: its "
            u"history holds %3 periods (indexes 0 to %4)."_s.arg(*index)
                .arg(trustorId)
                .arg(length)
                .arg(length - 1),
            call.contextId);
    }
    return SimAnswer::json(200, *overview);
}

SimAnswer SimRoutes::trustors(const Call& call)
{
    const auto pageSize = intParam(call.query, u"pageSize"_s, DemoData::defaultPageSize, 1);
    if (!pageSize) {
        return SimAnswer::error(
            400, u"invalid.value"_s, u"Invalid pageSize: expected a positive integer."_s, call.contextId);
    }
    const auto pageNumber = intParam(call.query, u"pageNumber"_s, 1, 1);
    if (!pageNumber) {
        return SimAnswer::error(
            400, u"invalid.value"_s, u"Invalid pageNumber: expected a positive integer."_s, call.contextId);
    }
    return SimAnswer::json(200, m_data.trustorsPage(*pageSize, *pageNumber));
}

SimAnswer SimRoutes::organizationsMe(const Call&)
{
    return SimAnswer::json(200, m_data.organizationMe());
}

SimAnswer SimRoutes::usersMe(const Call& call)
{
    if (!call.caller.isUser) {
        // Genesys answers 400 bad.request: users/me needs a person behind the token.
        return SimAnswer::error(400, u"bad.request"_s,
            u"This request requires a user context. Client credentials cannot be used for "
            u"requests to this resource."_s,
            call.contextId);
    }
    return SimAnswer::json(200,
        { { u"id"_s, u"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f"_s }, { u"name"_s, u"Avery Quinn"_s },
            { u"email"_s, u"avery.quinn@northwind.example"_s },
            { u"username"_s, u"avery.quinn@northwind.example"_s }, { u"state"_s, u"active"_s },
            { u"title"_s, u"Billing Administrator"_s },
            { u"selfUri"_s, u"/api/v2/users/5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f"_s } });
}

} // namespace bd::sim
