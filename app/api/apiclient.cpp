#include "api/apiclient.h"

#include "api/apireply.h"
#include "api/networkaccess.h"
#include "api/responseclassifier.h"
#include "api/tokenprovider.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

int headerInt(const QNetworkReply* reply, const QByteArray& name, int fallback = -1)
{
    bool ok = false;
    const int value = reply->rawHeader(name).trimmed().toInt(&ok);
    return ok ? value : fallback;
}

} // namespace

ApiReply::ApiReply(ApiClient* client, ApiRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
{
    m_age.start();
}

void ApiReply::cancel()
{
    m_client->cancel(this);
}

ApiClient::ApiClient(const ApiEndpoint& endpoint, TokenProvider* auth, QObject* parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_auth(auth)
    , m_network(NetworkAccess::create().release())
    , m_pumpTimer(new QTimer(this))
{
    m_clock.start();
    // Redirects stay within the origin: the bearer token and the sign-in's Basic credentials never go
    // elsewhere.
    m_network->setParent(this);
    m_pumpTimer->setSingleShot(true);
    connect(m_pumpTimer, &QTimer::timeout, this, &ApiClient::pump);
    if (m_auth) {
        m_auth->setNetwork(m_network);
        connect(m_auth, &TokenProvider::signedIn, this, [this] { schedulePump(); });
        connect(m_auth, &TokenProvider::signInFailed, this, [this](const ApiError& error) {
            // A renewal that failed while the old token still works: the queue goes on with that token.
            if (m_auth->hasUsableToken()) {
                schedulePump();
                return;
            }
            // Requests waiting for a token cannot go anywhere: they fail with the sign-in's reason.
            const QPointer<ApiClient> self(this);
            const QList<QPointer<ApiReply>> waiting(m_queue.cbegin(), m_queue.cend());
            for (const QPointer<ApiReply>& reply : waiting) {
                if (!self)
                    return;
                if (!reply)
                    continue;
                ApiResponse response;
                response.error = error;
                finish(reply, response);
            }
        });
    }
}

ApiClient::~ApiClient()
{
    // Replies are children; make sure none emits into a half-destroyed client.
    const QList<ApiReply*> replies = findChildren<ApiReply*>(Qt::FindDirectChildrenOnly);
    for (ApiReply* reply : replies) {
        reply->m_finished = true;
        if (reply->m_network)
            reply->m_network->abort();
    }
}

QByteArray ApiClient::userAgent()
{
    return "BillingDashboard/" BD_VERSION " (Qt " QT_VERSION_STR ")"_ba;
}

void ApiClient::setRateLimit(int perMinute)
{
    m_limiter.setLimit(perMinute);
    schedulePump();
}

void ApiClient::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    schedulePump();
}

ApiReply* ApiClient::send(const ApiRequest& request)
{
    auto* reply = new ApiReply(this, request);
    reply->m_queuedSince.start();
    if (request.followUp) {
        // After the follow-ups already waiting, before every new request.
        const auto firstNew = std::find_if(m_queue.begin(), m_queue.end(),
            [](const ApiReply* queued) { return !queued->m_request.followUp; });
        m_queue.insert(firstNew, reply);
    } else {
        m_queue.append(reply);
    }
    schedulePump();
    Q_EMIT activityChanged();
    return reply;
}

void ApiClient::cancelAll()
{
    const QPointer<ApiClient> self(this);
    const QList<QPointer<ApiReply>> replies = [this] {
        QList<QPointer<ApiReply>> all;
        for (ApiReply* reply : findChildren<ApiReply*>(Qt::FindDirectChildrenOnly))
            all << reply;
        return all;
    }();
    for (const QPointer<ApiReply>& reply : replies) {
        if (!self)
            return; // a slot deleted the client
        if (reply)
            cancel(reply);
    }
    Q_EMIT allCancelled();
}

void ApiClient::schedulePump(qint64 delayMs)
{
    // Never pump re-entrantly from a signal handler: requests leave from the event loop.
    if (m_pumpTimer->isActive() && m_pumpTimer->remainingTime() <= delayMs)
        return;
    m_pumpTimer->start(int(std::clamp<qint64>(delayMs, 0, 24 * 3600 * 1000)));
}

void ApiClient::pump()
{
    if (m_queue.isEmpty())
        return;
    if (m_auth && m_auth->needsSignIn()) {
        m_auth->signIn(); // signedIn() pumps again
        return;
    }
    // One request per turn of the event loop: setting one off costs a millisecond or two, and a window of
    // the rate limit that opens on a full queue would otherwise start them all in one go and hold up the
    // window. The next ones leave on the following turns, as soon.
    if (m_running < concurrencyFor(m_queue.constFirst()->m_request.path)) {
        const qint64 wait = m_limiter.delayBeforeNext(nowMs());
        if (wait > 0) {
            schedulePump(wait);
        } else {
            start(m_queue.takeFirst());
            if (!m_queue.isEmpty() && m_running < concurrencyFor(m_queue.constFirst()->m_request.path))
                schedulePump(0);
        }
    }
    Q_EMIT activityChanged();
}

qint64 ApiClient::heldBackMs() const
{
    if (m_queue.isEmpty() || m_running >= concurrencyFor(m_queue.constFirst()->m_request.path))
        return 0;
    return std::max<qint64>(0, m_limiter.delayBeforeNext(nowMs()));
}

QString ApiClient::heldBackText() const
{
    const qint64 held = heldBackMs();
    if (held <= 0)
        return {};
    const int seconds = int((held + 999) / 1000);
    return isPaused() ? tr("Genesys asked to slow down: next request in %n s", nullptr, seconds)
                      : tr("Rate limit: next request in %n s", nullptr, seconds);
}

int ApiClient::concurrencyFor(const QString& path) const
{
    // Each answer in flight is buffered whole, so an endpoint whose answers run to many megabytes (a large
    // org's reports) is asked a few at a time: until a first answer of it has come back small, and for good
    // once one has come back big. The rate limit, not the concurrency, bounds a long sweep anyway.
    return m_bodySizes.value(path, BodySize::Unknown) == BodySize::Small
        ? m_maxConcurrent
        : std::min(m_maxConcurrent, BigBodyConcurrency);
}

QNetworkRequest ApiClient::makeRequest(const ApiReply* reply) const
{
    QUrl url = m_endpoint.apiBase();
    url.setPath(m_endpoint.apiBase().path() + reply->m_request.path);
    if (!reply->m_request.query.isEmpty())
        url.setQuery(reply->m_request.query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (!reply->m_tokenUsed.isEmpty())
        request.setRawHeader("Authorization"_ba, "Bearer "_ba + reply->m_tokenUsed.toUtf8());
    request.setTransferTimeout(m_transferTimeoutMs);
    return request;
}

void ApiClient::start(ApiReply* reply)
{
    // The retry budget runs from the first try, not from the queue: a big sweep waits its turn for minutes.
    if (reply->m_attempts == 0 && reply->m_signIns == 0)
        reply->m_age.restart();
    ++reply->m_attempts;
    if (reply->m_queuedSince.isValid()) {
        reply->m_queuedMs += reply->m_queuedSince.elapsed();
        reply->m_queuedSince.invalidate();
    }
    ++m_running;
    ++m_sent;
    m_limiter.recordSent(nowMs());
    reply->m_tokenUsed = m_auth ? m_auth->accessToken() : QString();
    const QNetworkRequest request = makeRequest(reply);
    QNetworkReply* network = reply->m_request.method == "GET"
        ? m_network->get(request)
        : m_network->sendCustomRequest(request, reply->m_request.method);
    network->setParent(reply);
    reply->m_network = network;
    connect(network, &QNetworkReply::downloadProgress, reply,
        [this, reply, network](qint64 received, qint64 total) {
            if (received > m_maxBodyBytes || total > m_maxBodyBytes) {
                reply->m_tooLarge = true;
                network->abort(); // its finished() follows
            }
        });
    connect(network, &QNetworkReply::finished, reply,
        [this, reply, network] { onNetworkFinished(reply, network); });
}

void ApiClient::onNetworkFinished(ApiReply* reply, QNetworkReply* network)
{
    --m_running;
    network->deleteLater();
    reply->m_network = nullptr;
    schedulePump();
    if (reply->m_finished)
        return;

    const qint64 now = nowMs();
    m_limiter.observeServer(headerInt(network, "inin-ratelimit-allowed"_ba),
        headerInt(network, "inin-ratelimit-count"_ba), headerInt(network, "inin-ratelimit-reset"_ba), now);

    using namespace ResponseClassifier;
    Facts facts;
    facts.httpStatus = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    facts.networkError = network->error();
    facts.bodyTooLarge = reply->m_tooLarge;
    const QString elsewhere
        = facts.httpStatus >= 300 ? NetworkAccess::refusedRedirectOrigin(network) : QString();
    facts.redirectRefused = !elsewhere.isEmpty();
    facts.retryAfterSecs = headerInt(network, "Retry-After"_ba);
    facts.canSignIn = m_auth && m_auth->canSignIn() && !m_auth->recentlyRefused();
    facts.signIns = reply->m_signIns;
    facts.ageMs = reply->m_age.elapsed();
    const Decision decision = classify(facts, m_retry);

    const int status = facts.httpStatus;
    ApiResponse response;
    response.httpStatus = status;
    response.correlationId = QString::fromLatin1(network->rawHeader("ININ-Correlation-Id"_ba));
    if (status != 0 && !reply->m_tooLarge) {
        response.body = network->readAll();
        if (status >= 200 && status < 300)
            m_bodySizes[reply->m_request.path]
                = response.body.size() > BigBodyBytes ? BodySize::Big : BodySize::Small;
    }
    switch (decision.cause) {
    case Cause::None:
        break;
    case Cause::TooLarge: {
        const QString limit = m_maxBodyBytes >= 1024 * 1024 ? u"%1 MB"_s.arg(m_maxBodyBytes / (1024 * 1024))
                                                            : u"%1 bytes"_s.arg(m_maxBodyBytes);
        response.error = ApiError(
            ApiError::Kind::Network, u"the answer is larger than %1, the most this app accepts"_s.arg(limit));
        break;
    }
    case Cause::TimedOut:
        // Qt reports a transfer timeout as "Operation canceled"; a request we cancelled never gets here.
        response.error = ApiError(ApiError::Kind::Timeout,
            u"no data arrived for %1 s: the transfer stalled"_s.arg(m_transferTimeoutMs / 1000.0));
        break;
    case Cause::NoAnswer:
    case Cause::CutOff:
        response.error = ApiError(ApiError::Kind::Network, network->errorString());
        break;
    case Cause::RedirectRefused:
        response.error = ApiError(ApiError::Kind::Network,
            u"the request was redirected to another server (%1) and, to keep the sign-in "
            u"from going there, not followed"_s.arg(elsewhere));
        break;
    case Cause::Http:
        response.error = ApiError::fromHttp(status, response.body, response.correlationId);
        break;
    }

    switch (decision.action) {
    case Action::Deliver:
    case Action::Fail:
        if (decision.cause == Cause::TooLarge || status == 0)
            response.body.clear();
        finish(reply, response);
        return;
    case Action::Retry:
        retryLater(reply, response.error, backoffMs(reply->m_attempts));
        return;
    case Action::SignInAgain:
        ++reply->m_signIns;
        m_auth->invalidate(reply->m_tokenUsed);
        --reply->m_attempts; // the replay is not a retry
        requeue(reply);
        return;
    case Action::WaitTooLong:
        ++m_throttled;
        response.error.setMessage(
            u"Genesys Cloud asked to wait %1 s before the next request, longer than a request "
            u"may wait (%2 s)"_s.arg(decision.delayMs / 1000)
                .arg(m_retry.maxTotalMs / 1000));
        response.body.clear();
        finish(reply, response);
        return;
    case Action::WaitForServer:
        ++m_throttled;
        // Everything this session sends waits, not just this request.
        m_limiter.pauseUntil(now + decision.delayMs);
        retryLater(reply, response.error, decision.delayMs);
        return;
    }
}

qint64 ApiClient::backoffMs(int attempt) const
{
    qint64 delay = m_retry.backoffBaseMs;
    for (int i = 1; i < attempt && delay < m_retry.maxBackoffMs; ++i)
        delay *= m_retry.backoffFactor;
    delay = std::min<qint64>(delay, m_retry.maxBackoffMs);
    // Equal jitter: half fixed, half random, so clients that failed together do not return together.
    return delay / 2 + QRandomGenerator::global()->bounded(delay / 2 + 1);
}

void ApiClient::retryLater(ApiReply* reply, const ApiError& cause, qint64 delayMs)
{
    if (ResponseClassifier::giveUp(reply->m_attempts, reply->m_age.elapsed(), delayMs, m_retry)) {
        ApiResponse response;
        response.error = cause;
        response.error.setMessage(u"%1 (gave up after %2 tries in %3 s)"_s.arg(cause.message())
                                      .arg(reply->m_attempts)
                                      .arg(reply->m_age.elapsed() / 1000));
        response.httpStatus = cause.httpStatus();
        finish(reply, response);
        return;
    }
    if (!reply->m_retryTimer) {
        reply->m_retryTimer = new QTimer(reply);
        reply->m_retryTimer->setSingleShot(true);
        connect(reply->m_retryTimer, &QTimer::timeout, this, [this, reply] { requeue(reply); });
    }
    reply->m_retryTimer->start(int(delayMs));
    Q_EMIT activityChanged();
}

void ApiClient::requeue(ApiReply* reply)
{
    // A retried request goes first: it has waited longest.
    reply->m_queuedSince.start();
    m_queue.prepend(reply);
    schedulePump();
}

void ApiClient::finish(ApiReply* reply, ApiResponse response)
{
    if (reply->m_finished)
        return;
    reply->m_finished = true;
    m_queue.removeAll(reply);
    if (reply->m_retryTimer)
        reply->m_retryTimer->stop();
    response.attempts = reply->m_attempts;
    response.queuedMs = reply->m_queuedMs;
    reply->deleteLater(); // before the signal: a slot may delete this client, and with it the reply
    const QPointer<ApiClient> self(this);
    Q_EMIT reply->finished(response);
    if (self)
        Q_EMIT activityChanged();
}

void ApiClient::cancel(ApiReply* reply)
{
    if (reply->m_finished)
        return;
    ApiResponse response;
    response.error = ApiError::cancelled();
    QPointer<QNetworkReply> network = reply->m_network;
    finish(reply, response);
    if (network)
        network->abort(); // its finished() lands in onNetworkFinished, which sees the reply finished
}

} // namespace bd
