#include "api/usagereportjob.h"

#include "api/apiclient.h"
#include "api/apiresponse.h"
#include "domain/billingusagereport.h"
#include "domain/isodate.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
// Bodies larger than this are parsed on a worker thread so that the GUI never stalls on a big report.
constexpr qsizetype ParseInlineLimit = 16 * 1024;

// Genesys echoes the window it was asked for. Under a second apart is the same window printed another way
// (milliseconds dropped); anything else is another report, which must not be filed under this bucket.
bool sameInstant(const QDateTime& a, const QDateTime& b)
{
    return std::abs(a.msecsTo(b)) < 1000;
}

// Big bodies are parsed one at a time: a parse holds a whole document tree, so parsing a sweep's reports in
// parallel would multiply the peak memory for little gain (the network is the bottleneck, not the parse).
QThreadPool& bigBodyParser()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(1);
    return pool;
}

QString instantText(const QDateTime& date)
{
    return date.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

UsageReportJob::UsageReportJob(ApiClient* client, const QDateTime& start, const QDateTime& end,
    const PollPolicy& policy, QObject* parent)
    : ApiJob(client, parent)
    , m_start(start)
    , m_end(end)
    , m_policy(policy)
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &UsageReportJob::request);
}

UsageReportJob::~UsageReportJob() = default;

void UsageReportJob::start()
{
    request();
}

void UsageReportJob::request()
{
    ApiRequest request;
    request.path = u"/api/v2/billing/reports/billableusage"_s;
    request.query.addQueryItem(u"startDate"_s, IsoDate::formatWithMillis(m_start));
    request.query.addQueryItem(u"endDate"_s, IsoDate::formatWithMillis(m_end));
    request.followUp = m_inProgress > 0;
    send(request, [this](const ApiResponse& response) { onResponse(response); });
}

void UsageReportJob::onResponse(const ApiResponse& response)
{
    // The time limit on generating is Genesys' own time: it runs from Genesys' first answer, and the time
    // later polls spent in this client's queue (behind a long sweep's other requests) is not counted.
    if (!m_age.isValid())
        m_age.start();
    else
        m_queuedMs += response.queuedMs;
    if (!response.ok()) {
        fail(response.error);
        return;
    }
    m_body = response.body;
    if (response.body.size() <= ParseInlineLimit) {
        auto parsed = BillingUsageReport::fromJson(response.body, resources());
        if (!parsed.ok())
            failParse(parsed.error());
        else
            onParsed(parsed.value());
        return;
    }
    using Result = Parsed<BillingUsageReport>;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result parsed = watcher->result();
        if (!parsed.ok())
            failParse(parsed.error());
        else
            onParsed(parsed.value());
    });
    const QByteArray body = response.body;
    const auto resources = this->resources();
    watcher->setFuture(QtConcurrent::run(
        &bigBodyParser(), [body, resources] { return BillingUsageReport::fromJson(body, resources); }));
}

void UsageReportJob::onParsed(const BillingUsageReport& report)
{
    if (isFinished())
        return;
    if (!sameInstant(report.startDate, m_start) || !sameInstant(report.endDate, m_end)) {
        fail(ApiError(ApiError::Kind::Parse,
            tr("Genesys answered the report for %1 – %2 with one for %3 – %4.")
                .arg(instantText(m_start), instantText(m_end), instantText(report.startDate),
                    instantText(report.endDate))));
        return;
    }
    for (const BillingUsage& usage : report.usages) {
        if (usage.totalUsage.isNegative()) {
            fail(ApiError(ApiError::Kind::Parse,
                tr("Genesys reported a negative quantity (%1) for “%2” in the report for %3 – %4.")
                    .arg(usage.totalUsage.toString(), usage.name, instantText(m_start), instantText(m_end))));
            return;
        }
    }
    if (report.isComplete()) {
        succeed([&] { Q_EMIT reportReady(report); });
        return;
    }
    m_body.clear();
    ++m_inProgress;
    int delay = m_policy.initialDelayMs;
    for (int i = 1; i < m_inProgress && delay < m_policy.maxDelayMs; ++i)
        delay *= m_policy.factor;
    delay = std::min(delay, m_policy.maxDelayMs);
    const qint64 generatingMs = m_age.elapsed() - m_queuedMs;
    if (generatingMs + delay > m_policy.maxTotalMs) {
        fail(ApiError(ApiError::Kind::StillGenerating,
            tr("Genesys Cloud is still generating the report for %1 – %2 after %3 attempts over %4 s.")
                .arg(m_start.date().toString(Qt::ISODate), m_end.date().toString(Qt::ISODate))
                .arg(m_inProgress)
                .arg(generatingMs / 1000)));
        return;
    }
    Q_EMIT generating(m_inProgress);
    Q_EMIT progress(tr("Genesys is generating the report (attempt %1)").arg(m_inProgress + 1));
    m_pollTimer->start(delay);
}

} // namespace bd
