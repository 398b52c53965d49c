#include "sim/billingsimserver.h"

#include "sim/seededrandom.h"
#include "sim/simhttpserver.h"
#include "sim/wiredate.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtHttpServer/QHttpServerRequest>
#include <QtNetwork/QTcpSocket>

#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

constexpr qint64 kWindowMs = 60'000; // the rate limit's sliding window

const QString kBillableUsagePath = u"/api/v2/billing/reports/billableusage"_s;
const QString kTrusteeOverviewPrefix = u"/api/v2/billing/trusteebillingoverview/"_s;
const QString kTrustorsPath = u"/api/v2/orgauthorization/trustors"_s;
const QString kOrganizationsMePath = u"/api/v2/organizations/me"_s;
const QString kTokenPath = u"/oauth/token"_s;
const QString kAuthorizePath = u"/oauth/authorize"_s;
const QString kUsersMePath = u"/api/v2/users/me"_s;

enum class Route { Unknown, BillableUsage, TrusteeOverview, Trustors, OrganizationsMe, UsersMe };

/// One answer, decided when the request arrives and written after the configured latency.
struct Answer
{
    enum class Mode { Normal, Drop, Truncate, Malformed };
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Mode mode = Mode::Normal;
    bool hasRateHeaders = false;
    QByteArray contentType = "application/json";
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Answer json(int status, const QJsonObject& body)
{
    Answer a;
    a.status = status;
    a.body = compact(body);
    return a;
}

/// The Genesys ErrorBody; contextId is the request's correlation id, as Genesys does.
Answer error(int status, const QString& code, const QString& message, const QString& contextId)
{
    return json(status, {{u"message"_s, message},
                         {u"code"_s, code},
                         {u"status"_s, status},
                         {u"contextId"_s, contextId},
                         {u"details"_s, QJsonArray()},
                         {u"errors"_s, QJsonArray()}});
}

/// The OAuth error shape of the login host.
Answer oauthError(int status, const QString& code, const QString& description)
{
    return json(status, {{u"error"_s, code}, {u"description"_s, description}, {u"error_description"_s, description}});
}

/// A plain page for the browser, for authorize requests that cannot be redirected (RFC 6749 §4.1.2.1).
Answer htmlPage(int status, const QString& title, const QString& text)
{
    Answer a;
    a.status = status;
    a.contentType = "text/html; charset=utf-8";
    a.body = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body><h1>%1</h1>"
             u"<p>%2</p></body></html>"_s.arg(title.toHtmlEscaped(), text.toHtmlEscaped()).toUtf8();
    return a;
}

/// A 302 to the client's redirect URI with the given query items added (and the state echoed).
Answer redirectTo(QUrl target, const QList<QPair<QString, QString>>& items, const QString& state)
{
    QUrlQuery query(target);
    for (const auto& [name, value] : items)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    if (!state.isEmpty())
        query.addQueryItem(u"state"_s, QString::fromLatin1(QUrl::toPercentEncoding(state)));
    target.setQuery(query);
    Answer a;
    a.status = 302;
    a.contentType = "text/html; charset=utf-8";
    a.headers.append({"Location", target.toEncoded()});
    return a;
}

/// RFC 7636 §4.1: 43–128 characters of [A-Za-z0-9-._~].
bool isValidVerifier(const QString& verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    return std::all_of(verifier.cbegin(), verifier.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'.' || c == u'_' || c == u'~';
    });
}

/// RFC 8252 §7.3: a loopback redirect URI over plain http, any port.
bool isLoopbackRedirect(const QUrl& uri)
{
    if (!uri.isValid() || uri.scheme() != u"http"_s || uri.port() <= 0 || uri.hasFragment())
        return false;
    const QString host = uri.host();
    return host == u"127.0.0.1"_s || host == u"localhost"_s || host == u"::1"_s;
}

QString missingPermissions(const QString& permissions)
{
    return u"Unable to perform the requested action. You must have at least one of the following permissions "
           u"assigned: [%1]"_s.arg(permissions);
}

/// Reads an optional non-negative integer query parameter: absent or empty → fallback.
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

struct BillingSimServer::Private
{
    struct Token
    {
        qint64 expiresMs = 0;
        bool revoked = false;
        bool user = false;  ///< issued through the browser sign-in (a person), not client credentials
        QString fromCode;   ///< the authorization code it was issued for, so reusing the code revokes it
    };
    struct AuthCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        qint64 expiresMs = 0;
        bool used = false;
    };
    struct Injected
    {
        Fault fault;
        int remaining;
        QString pathContains;
        int retryAfterSecs;
        int cannedStatus = 0;
        QByteArray cannedContentType;
        QByteArray cannedBody;
    };

    Private(const SimOptions& o)
        : options(o),
          data(o.seed, o.now),
          faultRng(SeededRandom::mix({o.seed, 0xFA17})),
          idRng(SeededRandom::mix({o.seed, 0x1D})),
          tokenRng(SeededRandom::mix({o.seed, 0x70CE}))
    {
        clock.start();
    }

    SimOptions options;
    DemoData data;
    QElapsedTimer clock;
    SimHttpServer* http = nullptr;
    QHostAddress address;
    quint16 port = 0;
    SeededRandom faultRng;
    SeededRandom idRng;
    SeededRandom tokenRng;
    QHash<QString, Token> tokens;
    QHash<QString, AuthCode> codes;
    QHash<QString, std::deque<qint64>> windows; // per token: times of the requests in the last minute
    QHash<QString, int> polls;                   // per "startMs/endMs": report requests seen
    QList<Injected> injected;
    QList<RequestRecord> log;

    std::optional<Injected> takeFault(const QString& path, const QString& query);
    Answer faultAnswer(const Injected& fault, const QString& contextId) const;
    Answer answer(const QHttpServerRequest& request, const QString& path, const QString& contextId);
    Answer token(const QHttpServerRequest& request, const QString& contextId);
    Answer authorize(const QHttpServerRequest& request, const QString& contextId);
    Answer exchangeCode(const QUrlQuery& fields);
    QString issueToken(bool user, const QString& fromCode);
    Answer api(const QHttpServerRequest& request, QString path, const QString& contextId);
    Answer billableUsage(const QUrlQuery& query, const QString& contextId);
    Answer trusteeOverview(const QString& trustorId, const QUrlQuery& query, const QString& contextId) const;
    Answer trustors(const QUrlQuery& query, const QString& contextId) const;
    void addRateHeaders(Answer& a, int count, qint64 resetSecs) const;
};

std::optional<BillingSimServer::Private::Injected> BillingSimServer::Private::takeFault(const QString& path,
                                                                                      const QString& query)
{
    const bool isToken = path.startsWith(u"/oauth");
    const QString target = query.isEmpty() ? path : path + u'?' + query;
    for (qsizetype i = 0; i < injected.size(); ++i) {
        Injected& f = injected[i];
        const bool matches = f.pathContains.isEmpty() ? !isToken : target.contains(f.pathContains);
        if (!matches)
            continue;
        Injected taken = f;
        if (--f.remaining <= 0)
            injected.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

Answer BillingSimServer::Private::faultAnswer(const Injected& fault, const QString& contextId) const
{
    switch (fault.fault) {
    case Fault::ServerError:
        return error(500, u"internal.server.error"_s, u"The server encountered an internal error."_s, contextId);
    case Fault::BadGateway:
        return error(502, u"bad.gateway"_s, u"The gateway received an invalid response from the service."_s,
                     contextId);
    case Fault::ServiceUnavailable:
        return error(503, u"service.unavailable"_s, u"The service is currently unavailable."_s, contextId);
    case Fault::GatewayTimeout:
        return error(504, u"request.timeout"_s, u"The request timed out."_s, contextId);
    case Fault::RateLimited: {
        const int limit = options.rateLimitPerMinute > 0 ? options.rateLimitPerMinute : 300;
        Answer a = error(429, u"too.many.requests"_s,
                         u"Rate limit exceeded the maximum. [%1] requests for [60] seconds"_s.arg(limit), contextId);
        a.headers.append({"Retry-After", QByteArray::number(std::max(0, fault.retryAfterSecs))});
        return a;
    }
    case Fault::DropConnection: {
        Answer a;
        a.status = 0;
        a.mode = Answer::Mode::Drop;
        return a;
    }
    case Fault::CannedAnswer: {
        Answer a;
        a.status = fault.cannedStatus;
        a.contentType = fault.cannedContentType;
        a.body = fault.cannedBody;
        return a;
    }
    case Fault::MalformedJson:
    case Fault::TruncatedBody:
        break; // these corrupt the regular answer (see answer())
    }
    return {};
}

Answer BillingSimServer::Private::answer(const QHttpServerRequest& request, const QString& path,
                                         const QString& contextId)
{
    if (const auto fault = takeFault(path, request.url().query())) {
        if (fault->fault != Fault::MalformedJson && fault->fault != Fault::TruncatedBody)
            return faultAnswer(*fault, contextId);
        Answer a = path == kTokenPath ? token(request, contextId) : api(request, path, contextId);
        if (a.mode == Answer::Mode::Normal)
            a.mode = fault->fault == Fault::MalformedJson ? Answer::Mode::Malformed : Answer::Mode::Truncate;
        return a;
    }
    if (path == kTokenPath)
        return token(request, contextId);
    if (path == kAuthorizePath)
        return authorize(request, contextId);
    return api(request, path, contextId);
}

Answer BillingSimServer::Private::token(const QHttpServerRequest& request, const QString& contextId)
{
    if (request.method() != QHttpServerRequest::Method::Post) {
        Answer a = error(405, u"method.not.allowed"_s, u"The token endpoint only accepts POST."_s, contextId);
        a.headers.append({QByteArray("Allow"), QByteArray("POST")});
        return a;
    }
    // application/x-www-form-urlencoded: '+' means a space.
    QString form = QString::fromUtf8(request.body());
    form.replace(u'+', u"%20"_s);
    const QUrlQuery fields(form);
    const QString grant = fields.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
    if (grant.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"Missing grant_type parameter."_s);
    if (grant == u"authorization_code")
        return exchangeCode(fields);
    if (grant != u"client_credentials")
        return oauthError(400, u"unsupported_grant_type"_s,
                          u"Unsupported grant type '%1': this simulator grants client_credentials and "
                          u"authorization_code."_s.arg(grant));

    const QByteArray authorization = request.value("authorization").trimmed();
    if (!authorization.toLower().startsWith("basic "))
        return oauthError(401, u"invalid_client"_s, u"client authentication required"_s);
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    const QString id = QString::fromUtf8(decoded.left(colon));
    const QString secret = colon < 0 ? QString() : QString::fromUtf8(decoded.mid(colon + 1));
    if (colon < 0 || id != options.clientId)
        return oauthError(401, u"invalid_client"_s, u"client not found"_s);
    if (secret != options.clientSecret)
        return oauthError(401, u"invalid_client"_s, u"bad credentials"_s);

    return json(200, {{u"access_token"_s, issueToken(false, {})},
                      {u"token_type"_s, u"bearer"_s},
                      {u"expires_in"_s, options.tokenLifetimeSecs}});
}

QString BillingSimServer::Private::issueToken(bool user, const QString& fromCode)
{
    const QString access = QString::fromLatin1(
        tokenRng.bytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    tokens.insert(access, {clock.elapsed() + qint64(options.tokenLifetimeSecs) * 1000, false, user, fromCode});
    return access;
}

Answer BillingSimServer::Private::authorize(const QHttpServerRequest& request, const QString& contextId)
{
    if (request.method() != QHttpServerRequest::Method::Get) {
        Answer a = error(405, u"method.not.allowed"_s, u"The authorize endpoint only accepts GET."_s, contextId);
        a.headers.append({QByteArray("Allow"), QByteArray("GET")});
        return a;
    }
    const QUrlQuery query = request.query();
    const auto value = [&query](const QString& name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    // Without a known client and a loopback redirect URI there is nowhere safe to send the browser: say so on a
    // page (RFC 6749 §4.1.2.1). Everything else is reported to the client through the redirect.
    const QString clientId = value(u"client_id"_s);
    if (clientId.isEmpty() || clientId != options.browserClientId) {
        return htmlPage(400, u"Unknown OAuth client"_s,
                        u"The client_id '%1' is not an authorization-code client of this organization."_s.arg(
                            clientId));
    }
    const QUrl redirect(value(u"redirect_uri"_s), QUrl::StrictMode);
    if (!isLoopbackRedirect(redirect)) {
        return htmlPage(400, u"Invalid redirect URI"_s,
                        u"The redirect_uri '%1' is not allowed: use http://127.0.0.1:PORT/… (a loopback address)."_s
                            .arg(value(u"redirect_uri"_s)));
    }
    const QString state = value(u"state"_s);
    const auto fail = [&](const QString& code, const QString& description) {
        return redirectTo(redirect, {{u"error"_s, code}, {u"error_description"_s, description}}, state);
    };
    if (value(u"response_type"_s) != u"code"_s)
        return fail(u"unsupported_response_type"_s, u"response_type must be 'code'."_s);
    const QString challenge = value(u"code_challenge"_s);
    if (challenge.isEmpty())
        return fail(u"invalid_request"_s, u"code_challenge is required (PKCE)."_s);
    if (value(u"code_challenge_method"_s) != u"S256"_s)
        return fail(u"invalid_request"_s, u"code_challenge_method must be S256."_s);
    if (options.denyConsent)
        return fail(u"access_denied"_s, u"The user denied the authorization request."_s);

    // The person is taken as signed in and consenting (no login form): the simulator issues the code at once.
    const QString code = QString::fromLatin1(
        tokenRng.bytes(24).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    codes.insert(code, {clientId, redirect.toString(QUrl::FullyEncoded), challenge,
                        clock.elapsed() + qint64(options.authCodeLifetimeSecs) * 1000, false});
    return redirectTo(redirect, {{u"code"_s, code}}, state);
}

Answer BillingSimServer::Private::exchangeCode(const QUrlQuery& fields)
{
    const auto value = [&fields](const QString& name) { return fields.queryItemValue(name, QUrl::FullyDecoded); };
    const QString codeText = value(u"code"_s);
    if (codeText.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"Missing code parameter."_s);
    const auto code = codes.find(codeText);
    if (code == codes.end())
        return oauthError(400, u"invalid_grant"_s, u"The authorization code is not valid."_s);
    if (code->used) {
        // RFC 6749 §4.1.2: a code presented twice may have been stolen; revoke what it bought.
        for (auto it = tokens.begin(); it != tokens.end(); ++it) {
            if (it->fromCode == codeText)
                it->revoked = true;
        }
        return oauthError(400, u"invalid_grant"_s,
                          u"The authorization code has already been used; sign in again."_s);
    }
    code->used = true; // one attempt per code, successful or not
    if (clock.elapsed() >= code->expiresMs)
        return oauthError(400, u"invalid_grant"_s, u"The authorization code has expired; sign in again."_s);
    if (value(u"client_id"_s) != code->clientId)
        return oauthError(400, u"invalid_grant"_s, u"The authorization code was issued to another client."_s);
    if (QUrl(value(u"redirect_uri"_s)).toString(QUrl::FullyEncoded) != code->redirectUri)
        return oauthError(400, u"invalid_grant"_s,
                          u"The redirect_uri does not match the one of the authorization request."_s);
    const QString verifier = value(u"code_verifier"_s);
    if (!isValidVerifier(verifier))
        return oauthError(400, u"invalid_request"_s,
                          u"code_verifier is missing or malformed: 43 to 128 characters of A-Z a-z 0-9 - . _ ~."_s);
    const QByteArray challenge = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (QString::fromLatin1(challenge) != code->challenge)
        return oauthError(400, u"invalid_grant"_s, u"The code_verifier does not match the code_challenge."_s);
    return json(200, {{u"access_token"_s, issueToken(true, codeText)},
                      {u"token_type"_s, u"bearer"_s},
                      {u"expires_in"_s, options.tokenLifetimeSecs}});
}

void BillingSimServer::Private::addRateHeaders(Answer& a, int count, qint64 resetSecs) const
{
    a.headers.append({"inin-ratelimit-allowed", QByteArray::number(options.rateLimitPerMinute)});
    a.headers.append({"inin-ratelimit-count", QByteArray::number(count)});
    a.headers.append({"inin-ratelimit-reset", QByteArray::number(resetSecs)});
    a.hasRateHeaders = true;
}

Answer BillingSimServer::Private::api(const QHttpServerRequest& request, QString path, const QString& contextId)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    if (!path.startsWith(u"/api/v2/"))
        return error(404, u"not.found"_s, u"The requested resource was not found: %1"_s.arg(path), contextId);

    // Authentication: a bearer token this server issued and that has not expired.
    const QByteArray authorization = request.value("authorization").trimmed();
    if (!authorization.toLower().startsWith("bearer "))
        return error(401, u"authentication.required"_s,
                     u"No authentication bearer token specified in authorization header."_s, contextId);
    const QString bearer = QString::fromLatin1(authorization.mid(7).trimmed());
    const auto token = tokens.constFind(bearer);
    if (token == tokens.cend())
        return error(401, u"authentication.required"_s, u"Invalid login credentials."_s, contextId);
    const qint64 now = clock.elapsed();
    if (token->revoked || now >= token->expiresMs)
        return error(401, u"credentials.expired"_s, u"The supplied access token has expired."_s, contextId);

    // Rate limit: a sliding 60 s window per token; refused requests do not count.
    int rateCount = 0;
    qint64 rateReset = 0;
    if (options.rateLimitPerMinute > 0) {
        std::deque<qint64>& window = windows[bearer];
        while (!window.empty() && window.front() <= now - kWindowMs)
            window.pop_front();
        const auto secsUntilOldestLeaves = [&]() {
            return window.empty() ? qint64(0)
                                  : std::max<qint64>(1, (window.front() + kWindowMs - now + 999) / 1000);
        };
        if (int(window.size()) >= options.rateLimitPerMinute) {
            const qint64 retryAfter = secsUntilOldestLeaves();
            Answer a = error(429, u"too.many.requests"_s,
                             u"Rate limit exceeded the maximum. [%1] requests for [60] seconds"_s.arg(
                                 options.rateLimitPerMinute),
                             contextId);
            a.headers.append({"Retry-After", QByteArray::number(retryAfter)});
            addRateHeaders(a, int(window.size()), retryAfter);
            return a;
        }
        window.push_back(now);
        rateCount = int(window.size());
        rateReset = secsUntilOldestLeaves();
    }

    // Probabilistic faults: always three draws per request so the sequence depends only on the seed.
    const double dropDraw = faultRng.real();
    const double errorDraw = faultRng.real();
    const double malformedDraw = faultRng.real();

    Answer a;
    if (dropDraw < options.dropRate) {
        a.mode = Answer::Mode::Drop;
        a.status = 0;
        return a;
    }
    if (errorDraw < options.serverErrorRate) {
        a = error(503, u"service.unavailable"_s, u"The service is currently unavailable."_s, contextId);
    } else {
        Route route = Route::Unknown;
        QString trustorId;
        if (path == kBillableUsagePath) {
            route = Route::BillableUsage;
        } else if (path.startsWith(kTrusteeOverviewPrefix)) {
            trustorId = path.mid(kTrusteeOverviewPrefix.size());
            if (!trustorId.isEmpty() && !trustorId.contains(u'/'))
                route = Route::TrusteeOverview;
        } else if (path == kTrustorsPath) {
            route = Route::Trustors;
        } else if (path == kOrganizationsMePath) {
            route = Route::OrganizationsMe;
        } else if (path == kUsersMePath) {
            route = Route::UsersMe;
        }
        const QUrlQuery query = request.query();
        if (route == Route::Unknown) {
            a = error(404, u"not.found"_s, u"The requested resource was not found: %1"_s.arg(path), contextId);
        } else if (request.method() != QHttpServerRequest::Method::Get) {
            // Unknown in the real API; the simulator answers 405 with an ErrorBody and an Allow header.
            a = error(405, u"method.not.allowed"_s,
                      u"Method %1 is not allowed on %2."_s.arg(QString::fromLatin1(methodName(request.method())),
                                                               path),
                      contextId);
            a.headers.append({QByteArray("Allow"), QByteArray("GET")});
        } else if (route == Route::BillableUsage && options.denyBillingPermission) {
            a = error(403, u"missing.any.permissions"_s,
                      missingPermissions(u"billing:subscription:read, billing:subscription:view"_s), contextId);
        } else if (route == Route::TrusteeOverview && options.denyBillingPermission) {
            a = error(403, u"missing.any.permissions"_s,
                      missingPermissions(u"affiliateOrganization:clientBilling:view"_s), contextId);
        } else if (route == Route::BillableUsage) {
            a = billableUsage(query, contextId);
        } else if (route == Route::TrusteeOverview) {
            a = trusteeOverview(trustorId, query, contextId);
        } else if (route == Route::Trustors) {
            a = trustors(query, contextId);
        } else if (route == Route::UsersMe && !token->user) {
            // Genesys answers 400 bad.request: users/me needs a person behind the token.
            a = error(400, u"bad.request"_s,
                      u"This request requires a user context. Client credentials cannot be used for requests to "
                      u"this resource."_s,
                      contextId);
        } else if (route == Route::UsersMe) {
            a = json(200, {{u"id"_s, u"5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f"_s},
                           {u"name"_s, u"Avery Quinn"_s},
                           {u"email"_s, u"avery.quinn@northwind.example"_s},
                           {u"username"_s, u"avery.quinn@northwind.example"_s},
                           {u"state"_s, u"active"_s},
                           {u"title"_s, u"Billing Administrator"_s},
                           {u"selfUri"_s, u"/api/v2/users/5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f"_s}});
        } else {
            a = json(200, data.organizationMe());
        }
        if (malformedDraw < options.malformedRate)
            a.mode = Answer::Mode::Malformed;
    }
    if (options.rateLimitPerMinute > 0)
        addRateHeaders(a, rateCount, rateReset);
    return a;
}

Answer BillingSimServer::Private::billableUsage(const QUrlQuery& query, const QString& contextId)
{
    QDateTime dates[2];
    const QString names[2] = {u"startDate"_s, u"endDate"_s};
    for (int i = 0; i < 2; ++i) {
        // A '+' offset sent unencoded may arrive as a space.
        const QString text = query.queryItemValue(names[i], QUrl::FullyDecoded).replace(u' ', u'+');
        if (text.isEmpty()) {
            return error(400, u"invalid.date"_s, u"The %1 query parameter is required."_s.arg(names[i]),
                         contextId);
        }
        const auto parsed = WireDate::parse(text);
        if (!parsed) {
            return error(400, u"invalid.date"_s,
                         u"Invalid %1 '%2': expected an ISO-8601 date such as 2026-10-01T00:00:00Z."_s.arg(
                             names[i], text),
                         contextId);
        }
        dates[i] = *parsed;
    }
    if (dates[0] > dates[1]) {
        return error(400, u"invalid.date"_s,
                     u"Invalid startDate '%1': it is after endDate '%2'."_s.arg(WireDate::format(dates[0]),
                                                                             WireDate::format(dates[1])),
                     contextId);
    }
    const QString key = u"%1/%2"_s.arg(dates[0].toMSecsSinceEpoch()).arg(dates[1].toMSecsSinceEpoch());
    const int seen = ++polls[key];
    if (seen <= options.inProgressPolls) {
        return json(200, {{u"startDate"_s, WireDate::format(dates[0])},
                          {u"endDate"_s, WireDate::format(dates[1])},
                          {u"status"_s, u"InProgress"_s},
                          {u"usages"_s, QJsonArray()}});
    }
    QJsonObject report = data.billableUsage(dates[0], dates[1]);
    if (options.bulkResources > 0) {
        // A large org for memory and speed tests: one more licence with that many users, first seen at the start.
        QJsonArray bulk;
        const QString seenAt = WireDate::format(dates[0]);
        for (int i = 0; i < options.bulkResources; ++i)
            bulk.append(QJsonObject{{u"name"_s, u"bulk-%1@bulk.example"_s.arg(i, 7, 10, QChar(u'0'))},
                                    {u"date"_s, seenAt}});
        QJsonArray usages = report.value(u"usages"_s).toArray();
        usages.append(QJsonObject{{u"name"_s, u"Genesys Cloud Bulk User"_s},
                                  {u"totalUsage"_s, QString::number(options.bulkResources)},
                                  {u"resources"_s, bulk}});
        report.insert(u"usages"_s, usages);
    }
    return json(200, report);
}

Answer BillingSimServer::Private::trusteeOverview(const QString& trustorId, const QUrlQuery& query,
                                                  const QString& contextId) const
{
    // The SDK's legacy mode sends index 0 as an empty value; absent and empty both mean the active period.
    const auto index = intParam(query, u"billingPeriodIndex"_s, 0, 0);
    if (!index) {
        return error(400, u"invalid.value"_s,
                     u"Invalid billingPeriodIndex '%1': expected a non-negative integer."_s.arg(
                         query.queryItemValue(u"billingPeriodIndex"_s, QUrl::FullyDecoded)),
                     contextId);
    }
    if (!data.hasTrustor(trustorId)) {
        return error(404, u"not.found"_s,
                     u"Organization %1 was not found or does not trust this organization."_s.arg(trustorId),
                     contextId);
    }
    if (!data.isTrustEnabled(trustorId)) {
        // Unknown in the real API: the simulator treats a disabled trust as not authorized.
        return error(403, u"not.authorized"_s,
                     u"The trust from organization %1 is disabled."_s.arg(trustorId), contextId);
    }
    // Unknown in the real API: an index past the org's history answers 404 not.found (documented in README.md).
    const auto overview = data.trusteeOverview(trustorId, *index);
    if (!overview) {
        const int length = data.historyLength(trustorId);
        return error(404, u"not.found"_s,
                     u"No billing period exists at billingPeriodIndex %1 for organization %2: its history holds "
                     u"%3 periods (indexes 0 to %4)."_s.arg(*index)
                         .arg(trustorId)
                         .arg(length)
                         .arg(length - 1),
                     contextId);
    }
    return json(200, *overview);
}

Answer BillingSimServer::Private::trustors(const QUrlQuery& query, const QString& contextId) const
{
    const auto pageSize = intParam(query, u"pageSize"_s, DemoData::defaultPageSize, 1);
    if (!pageSize) {
        return error(400, u"invalid.value"_s, u"Invalid pageSize: expected a positive integer."_s, contextId);
    }
    const auto pageNumber = intParam(query, u"pageNumber"_s, 1, 1);
    if (!pageNumber) {
        return error(400, u"invalid.value"_s, u"Invalid pageNumber: expected a positive integer."_s, contextId);
    }
    return json(200, data.trustorsPage(*pageSize, *pageNumber));
}

// -------------------------------------------------------------------------------------------------------------

BillingSimServer::BillingSimServer(const SimOptions& options, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>(options))
{
    d->http = new SimHttpServer(
        [this](const QHttpServerRequest& request, QTcpSocket* socket) { handle(request, socket); }, this);
}

BillingSimServer::~BillingSimServer() = default;

quint16 BillingSimServer::listen(const QHostAddress& address, quint16 port)
{
    const quint16 bound = d->http->listen(address, port);
    if (bound != 0) {
        d->address = address;
        d->port = bound;
    }
    return bound;
}

QUrl BillingSimServer::baseUrl() const
{
    if (d->port == 0)
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    const bool any = d->address == QHostAddress::Any || d->address == QHostAddress::AnyIPv4
        || d->address == QHostAddress::AnyIPv6;
    url.setHost(any ? u"127.0.0.1"_s : d->address.toString());
    url.setPort(d->port);
    return url;
}

const SimOptions& BillingSimServer::options() const
{
    return d->options;
}

void BillingSimServer::setInProgressPolls(int k)
{
    d->options.inProgressPolls = std::max(0, k);
}

void BillingSimServer::setLatencyMs(int ms)
{
    d->options.latencyMs = std::max(0, ms);
}

void BillingSimServer::setRateLimitPerMinute(int n)
{
    d->options.rateLimitPerMinute = std::max(0, n);
}

void BillingSimServer::setDenyBillingPermission(bool deny)
{
    d->options.denyBillingPermission = deny;
}

void BillingSimServer::setServerErrorRate(double f)
{
    d->options.serverErrorRate = std::clamp(f, 0.0, 1.0);
}

void BillingSimServer::setDropRate(double f)
{
    d->options.dropRate = std::clamp(f, 0.0, 1.0);
}

void BillingSimServer::setDenyConsent(bool deny)
{
    d->options.denyConsent = deny;
}

void BillingSimServer::setAuthCodeLifetimeSecs(int secs)
{
    d->options.authCodeLifetimeSecs = std::max(0, secs);
}

void BillingSimServer::setMalformedRate(double f)
{
    d->options.malformedRate = std::clamp(f, 0.0, 1.0);
}

void BillingSimServer::injectFault(Fault fault, int count, const QString& pathContains, int retryAfterSecs)
{
    if (count > 0)
        d->injected.append({fault, count, pathContains, retryAfterSecs, 0, {}, {}});
}

void BillingSimServer::injectAnswer(int status, const QByteArray& contentType, const QByteArray& body, int count,
                                    const QString& pathContains)
{
    if (count > 0)
        d->injected.append({Fault::CannedAnswer, count, pathContains, 0, status, contentType, body});
}

void BillingSimServer::clearFaults()
{
    d->injected.clear();
}

void BillingSimServer::expireAllTokens()
{
    for (auto it = d->tokens.begin(); it != d->tokens.end(); ++it)
        it->revoked = true;
}

QList<RequestRecord> BillingSimServer::requestLog() const
{
    return d->log;
}

void BillingSimServer::clearRequestLog()
{
    d->log.clear();
}

const DemoData& BillingSimServer::data() const
{
    return d->data;
}

void BillingSimServer::handle(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // Everything needed from the request is copied now: the request object is reused for the next one.
    RequestRecord record;
    record.receivedMs = d->clock.elapsed();
    record.method = methodName(request.method());
    record.path = request.url().path();
    record.query = request.query();
    record.authorization = QString::fromLatin1(request.value("authorization"));
    record.userAgent = QString::fromLatin1(request.value("user-agent"));
    record.accept = QString::fromLatin1(request.value("accept"));
    const bool closeAfter = request.value("connection").trimmed().compare("close", Qt::CaseInsensitive) == 0;

    // Genesys echoes its correlation id as the ErrorBody's contextId.
    const QString correlationId = d->idRng.uuid().toString(QUuid::WithoutBraces);
    Answer answer = d->answer(request, record.path, correlationId);
    if (d->options.rateLimitPerMinute > 0 && !answer.hasRateHeaders)
        d->addRateHeaders(answer, 0, 0);

    auto deliver = [this, socket = QPointer<QTcpSocket>(socket), answer = std::move(answer), record, closeAfter,
                    correlationId]() mutable {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
            record.status = 0; // the client went away before the answer
        } else if (answer.mode == Answer::Mode::Drop) {
            socket->abort();
            record.status = 0;
        } else {
            QByteArray body = answer.body;
            qsizetype contentLength = body.size();
            if (answer.mode == Answer::Mode::Malformed) {
                // A prefix of a JSON object is never valid JSON, e.g. {"endDate":"2026-
                body = body.left(std::max<qsizetype>(1, body.size() / 2));
                contentLength = body.size();
                answer.status = 200;
            } else if (answer.mode == Answer::Mode::Truncate) {
                body = body.left(body.size() / 2); // Content-Length keeps announcing the whole body
            }
            QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status)
                + "\r\nContent-Type: " + answer.contentType + "\r\nContent-Length: " + QByteArray::number(contentLength)
                + "\r\nININ-Correlation-Id: " + correlationId.toLatin1() + "\r\n";
            for (const auto& [name, value] : std::as_const(answer.headers))
                head += name + ": " + value + "\r\n";
            if (closeAfter)
                head += "Connection: close\r\n";
            head += "\r\n";
            socket->write(head + body);
            if (closeAfter || answer.mode == Answer::Mode::Truncate)
                socket->disconnectFromHost();
            record.status = answer.status;
        }
        record.answeredMs = d->clock.elapsed();
        d->log.append(record);
        Q_EMIT requestHandled(record);
    };

    if (d->options.latencyMs > 0)
        QTimer::singleShot(d->options.latencyMs, Qt::PreciseTimer, this, std::move(deliver));
    else
        deliver();
}

} // namespace bd::sim
