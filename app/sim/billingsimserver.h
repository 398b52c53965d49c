#pragma once

#include "sim/demodata.h"
#include "sim/fault.h"
#include "sim/requestrecord.h"
#include "sim/simoptions.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

class QHttpServerRequest;
class QTcpSocket;

namespace bd::sim {

/// A local Genesys Cloud speaking the billing wire contract, with latency, rate limits and injectable faults.
class BillingSimServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BillingSimServer)

public:
    /// Creates the simulator and generates its data; call listen() to serve.
    explicit BillingSimServer(const SimOptions& options = {}, QObject* parent = nullptr);
    ~BillingSimServer() override;

    /// Starts listening; returns the bound port (port 0 = any free port), or 0 on failure.
    quint16 listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    /// http://127.0.0.1:PORT (the address listened on); empty before listen().
    QUrl baseUrl() const;
    /// The options in force (setters below change them live).
    const SimOptions& options() const;

    /// Answer InProgress to the first k requests of each distinct report (counts already made are kept).
    void setInProgressPolls(int k);
    /// Delays every answer by ms milliseconds.
    void setLatencyMs(int ms);
    /// Per-token requests per sliding minute; 0 = unlimited.
    void setRateLimitPerMinute(int n);
    /// Answers 403 missing.any.permissions on the billing endpoints.
    void setDenyBillingPermission(bool deny);
    /// Fraction of API connections aborted without an answer.
    void setDropRate(double f);
    /// Fraction of API answers with a malformed JSON body.
    void setMalformedRate(double f);
    /// Makes /oauth/authorize answer error=access_denied, as when the person declines consent.
    void setDenyConsent(bool deny);
    /// How long a new authorization code can be exchanged; 0 = it is expired at once.
    void setAuthCodeLifetimeSecs(int secs);

    /// The next `count` requests whose path and query ("/api/v2/…?billingPeriodIndex=3") contain pathContains
    /// get `fault` (an empty pathContains matches every request except OAuth token requests; "/oauth" targets
    /// those).
    void injectFault(Fault fault, int count = 1, const QString& pathContains = {}, int retryAfterSecs = 1);
    /// The next `count` requests whose path contains pathContains get exactly this answer (matching as for
    /// injectFault), e.g. a proxy's HTML 404 or another org's overview.
    void injectAnswer(int status, const QByteArray& contentType, const QByteArray& body, int count = 1,
        const QString& pathContains = {});
    /// Forgets faults injected but not yet served.
    void clearFaults();
    /// Every token issued so far now answers 401 credentials.expired.
    void expireAllTokens();
    /// Every request handled so far, in the order they were answered.
    QList<RequestRecord> requestLog() const;
    /// Empties the request log.
    void clearRequestLog();
    /// The demo data served.
    const DemoData& data() const;

Q_SIGNALS:
    /// Emitted after each request has been answered (or dropped).
    void requestHandled(const bd::sim::RequestRecord& record);

private:
    struct Private;
    void handle(const QHttpServerRequest& request, QTcpSocket* socket);
    std::unique_ptr<Private> d;
};

} // namespace bd::sim
