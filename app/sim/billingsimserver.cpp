#include "sim/billingsimserver.h"

#include "sim/faultplan.h"
#include "sim/seededrandom.h"
#include "sim/simanswer.h"
#include "sim/simhttpserver.h"
#include "sim/simoauth.h"
#include "sim/simratelimit.h"
#include "sim/simroutes.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd::sim {

struct BillingSimServer::Private
{
    explicit Private(const SimOptions& o)
        : options(o)
        , data(o.seed, o.now, o.trustorCount, o.plantAnomaly)
        , idRandom(SeededRandom::mix({ o.seed, 0x1D }))
        , oauth(options, clock)
        , faults(o.seed)
        , routes(options, data, oauth)
    {
        clock.start();
    }

    SimOptions options;
    DemoData data;
    QElapsedTimer clock;
    SeededRandom idRandom;
    SimOAuth oauth;
    SimRateLimit rateLimit;
    FaultPlan faults;
    SimRoutes routes;
    SimHttpServer* http = nullptr;
    QHostAddress address;
    quint16 port = 0;
    QList<RequestRecord> log;

    SimAnswer answer(const QHttpServerRequest& request, const QString& contextId);
    SimAnswer api(const QHttpServerRequest& request, const QString& path, const QString& contextId);
};

SimAnswer BillingSimServer::Private::answer(const QHttpServerRequest& request, const QString& contextId)
{
    // Injected faults come first, before authentication.
    const QString rawPath = request.url().path();
    const auto hit = faults.take(rawPath, request.url().query());
    if (hit && !hit->corruptsAnswer())
        return hit->answer(options.rateLimitPerMinute, contextId);

    QString path = rawPath;
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    // The login host needs no token; everything under /api/v2/ is behind the gateway's authentication.
    SimAnswer a = path.startsWith(u"/api/v2/") ? api(request, path, contextId)
                                               : routes.answer(request, path, SimCaller(), contextId);
    if (hit)
        hit->corrupt(a);
    return a;
}

SimAnswer BillingSimServer::Private::api(
    const QHttpServerRequest& request, const QString& path, const QString& contextId)
{
    const auto authenticated = oauth.authenticate(request, contextId);
    if (const auto* refusal = std::get_if<SimAnswer>(&authenticated))
        return *refusal;
    const SimCaller& caller = std::get<SimCaller>(authenticated);

    // Refused requests do not count; InProgress polls do.
    const int limit = options.rateLimitPerMinute;
    SimRateLimit::Verdict rate;
    if (limit > 0) {
        rate = rateLimit.admit(caller.token, limit, clock.elapsed());
        if (!rate.allowed) {
            SimAnswer a = SimRateLimit::tooManyRequests(limit, rate.resetSecs, contextId);
            SimRateLimit::addHeaders(a, limit, rate.count, rate.resetSecs);
            return a;
        }
    }

    const auto hit = faults.draw(options);
    SimAnswer a = hit && !hit->corruptsAnswer() ? hit->answer(limit, contextId)
                                                : routes.answer(request, path, caller, contextId);
    if (hit)
        hit->corrupt(a);
    if (limit > 0)
        SimRateLimit::addHeaders(a, limit, rate.count, rate.resetSecs);
    return a;
}

BillingSimServer::BillingSimServer(const SimOptions& options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(options))
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
    d->faults.inject(fault, count, pathContains, retryAfterSecs);
}

void BillingSimServer::injectAnswer(
    int status, const QByteArray& contentType, const QByteArray& body, int count, const QString& pathContains)
{
    d->faults.injectAnswer(status, contentType, body, count, pathContains);
}

void BillingSimServer::clearFaults()
{
    d->faults.clear();
}

void BillingSimServer::expireAllTokens()
{
    d->oauth.expireAllTokens();
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
    record.method = SimRoutes::methodName(request.method());
    record.path = request.url().path();
    record.query = request.query();
    record.authorization = QString::fromLatin1(request.value("authorization"));
    record.userAgent = QString::fromLatin1(request.value("user-agent"));
    record.accept = QString::fromLatin1(request.value("accept"));
    const bool closeAfter = request.value("connection").trimmed().compare("close", Qt::CaseInsensitive) == 0;

    // Genesys echoes its correlation id as the ErrorBody's contextId.
    const QString correlationId = d->idRandom.uuid().toString(QUuid::WithoutBraces);
    SimAnswer answer = d->answer(request, correlationId);
    // Answers that reach no token's window (401, the login host, injected faults) still carry the headers.
    if (d->options.rateLimitPerMinute > 0 && !answer.hasHeader("inin-ratelimit-allowed"))
        SimRateLimit::addHeaders(answer, d->options.rateLimitPerMinute, 0, 0);

    auto deliver = [this, socket = QPointer<QTcpSocket>(socket), answer = std::move(answer), record,
                       closeAfter, correlationId = correlationId.toLatin1()]() mutable {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            record.status = answer.write(*socket, correlationId, closeAfter);
        else
            record.status = 0; // the client went away before the answer
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
