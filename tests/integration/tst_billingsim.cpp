// The billing simulator, spoken to over loopback by a real QNetworkAccessManager: OAuth, the four endpoints,
// errors, faults, rate limits, latency, determinism of the data, and the billing-sim executable.
#include "domain/utc.h"
#include "sim/billingsimserver.h"
#include "sim/demodata.h"
#include "sim/stablehash.h"
#include "sim/wiredate.h"
#include "wirefixtures.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bd::sim;

namespace {

const QDateTime kNow(QDate(2026, 11, 26), QTime(12, 0), bd::UtcZone);

/// What came back for one request.
struct Reply
{
    int status = -1; // -1 = never finished
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    bool isJson = false;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

QSet<QString> keysOf(const QJsonObject& o)
{
    const QStringList keys = o.keys();
    return { keys.cbegin(), keys.cend() };
}

QJsonObject example(const QString& file)
{
    return QJsonDocument::fromJson(bd::test::wireFixture(file)).object();
}

bool isDecimalString(const QJsonValue& v)
{
    static const QRegularExpression decimal(u"^-?\\d+(\\.\\d+)?$"_s);
    return v.isString() && decimal.match(v.toString()).hasMatch();
}

/// Genesys prints milliseconds only when they are non-zero.
bool isWireDate(const QJsonValue& v)
{
    static const QRegularExpression form(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$"_s);
    return v.isString() && form.match(v.toString()).hasMatch() && !v.toString().endsWith(u".000Z")
        && WireDate::parse(v.toString()).has_value();
}

qint64 ms(const QJsonValue& v)
{
    return WireDate::parse(v.toString()).value_or(QDateTime()).toMSecsSinceEpoch();
}

} // namespace

class TstBillingSim : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BillingSimServer> m_server;
    QNetworkAccessManager m_nam;

    static SimOptions baseOptions()
    {
        SimOptions o;
        o.seed = 7;
        o.now = kNow;
        return o;
    }

    void restart(const SimOptions& options)
    {
        m_nam.clearConnectionCache();
        m_server = std::make_unique<BillingSimServer>(options);
        QVERIFY(m_server->listen() != 0);
    }

    QUrl url(const QString& path, const QString& query = {}) const
    {
        QUrl u = m_server->baseUrl();
        u.setPath(path);
        if (!query.isEmpty())
            u.setQuery(query);
        return u;
    }

    Reply finish(QNetworkReply* reply)
    {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(10'000);
        Reply r;
        if (reply->isFinished()) {
            r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.error = reply->error();
            r.body = reply->readAll();
            QJsonParseError parseError {};
            const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
            r.isJson = parseError.error == QJsonParseError::NoError && doc.isObject();
            r.json = doc.object();
            for (const auto& [name, value] : reply->rawHeaderPairs())
                r.headers.insert(name.toLower(), value);
        }
        reply->deleteLater();
        return r;
    }

    /// What the official JS SDK sends on a GET.
    QNetworkRequest apiRequest(const QUrl& target, const QString& token) const
    {
        QNetworkRequest request(target);
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Content-Type", "application/json");
        request.setRawHeader("User-Agent", "axios/1.7.9");
        request.setRawHeader("Accept-Encoding", "gzip, compress, deflate, br");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        return request;
    }

    Reply get(const QString& path, const QString& query, const QString& token)
    {
        return finish(m_nam.get(apiRequest(url(path, query), token)));
    }

    Reply postToken(const QString& id, const QString& secret, const QByteArray& grant = "client_credentials")
    {
        QNetworkRequest request(url(u"/oauth/token"_s));
        request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
        request.setRawHeader("Authorization", "Basic " + (id + u':' + secret).toUtf8().toBase64());
        return finish(m_nam.post(request, "grant_type=" + grant));
    }

    QString signIn()
    {
        const Reply r = postToken(u"demo"_s, u"demo"_s);
        return r.json.value(u"access_token"_s).toString();
    }

    QString firstTrustor() const { return m_server->data().trustorIds().constFirst(); }

private Q_SLOTS:
    // The demo data's per-person choices hash names with FNV-1a, the same on every run: the published test
    // vectors hold, where qHash() would differ between two processes.
    void stableHash_matchesFnv1aTestVectors()
    {
        QCOMPARE(bd::sim::stableHash(u""), 0x811c9dc5u);
        QCOMPARE(bd::sim::stableHash(u"a"), 0xe40c292cu);
        QCOMPARE(bd::sim::stableHash(u"foobar"), 0xbf9cf968u);
    }

    void initTestCase()
    {
        qRegisterMetaType<bd::sim::RequestRecord>();
        const QString problem = bd::test::wireFixtureProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void init() { restart(baseOptions()); }
    void cleanup()
    {
        m_server.reset();
        m_nam.clearConnectionCache();
    }

    // ---- OAuth
    // ------------------------------------------------------------------------------------------------

    void token_goodCredentials_returnsBearerToken()
    {
        const Reply r = postToken(u"demo"_s, u"demo"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(keysOf(r.json), keysOf(example(u"oauth-token.json"_s)));
        QCOMPARE(r.json.value(u"token_type"_s).toString(), u"bearer"_s);
        QCOMPARE(r.json.value(u"expires_in"_s).toInt(), 86399);
        QVERIFY(r.json.value(u"access_token"_s).toString().size() >= 20);
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
        QVERIFY(!QUuid::fromString(QString::fromLatin1(r.headers.value("inin-correlation-id"))).isNull());
        QVERIFY(
            postToken(u"demo"_s, u"demo"_s).json.value(u"access_token"_s) != r.json.value(u"access_token"_s));
    }

    void token_badCredentials_returns401InvalidClient()
    {
        for (const auto& [id, secret] :
            { std::pair { u"demo"_s, u"wrong"_s }, std::pair { u"nobody"_s, u"demo"_s } }) {
            const Reply r = postToken(id, secret);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json.value(u"error"_s).toString(), u"invalid_client"_s);
            QVERIFY(r.json.contains(u"description"_s));
            QVERIFY(r.json.contains(u"error_description"_s));
        }
    }

    void token_unsupportedGrant_returns400()
    {
        const Reply r = postToken(u"demo"_s, u"demo"_s, "password");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(u"error"_s).toString(), u"unsupported_grant_type"_s);
        QVERIFY(!r.json.value(u"error_description"_s).toString().isEmpty());
    }

    void api_withoutOrUnknownBearer_returns401AuthenticationRequired()
    {
        for (const QString& token : { QString(), u"not-a-token"_s }) {
            const Reply r = get(u"/api/v2/organizations/me"_s, {}, token);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json.value(u"code"_s).toString(), u"authentication.required"_s);
            QCOMPARE(r.json.value(u"status"_s).toInt(), 401);
            QCOMPARE(
                r.json.value(u"contextId"_s).toString().toLatin1(), r.headers.value("inin-correlation-id"));
        }
    }

    void api_expiredToken_returns401CredentialsExpired()
    {
        const QString token = signIn();
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, token).status, 200);
        m_server->expireAllTokens();
        const Reply r = get(u"/api/v2/organizations/me"_s, {}, token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json.value(u"code"_s).toString(), u"credentials.expired"_s);
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, signIn()).status, 200); // a new sign-in works
    }

    void api_tokenPastLifetime_returns401CredentialsExpired()
    {
        SimOptions o = baseOptions();
        o.tokenLifetimeSecs = 1;
        restart(o);
        const Reply grant = postToken(u"demo"_s, u"demo"_s);
        QCOMPARE(grant.json.value(u"expires_in"_s).toInt(), 1);
        const QString token = grant.json.value(u"access_token"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(
            get(u"/api/v2/organizations/me"_s, {}, token).json.value(u"code"_s).toString(),
            u"credentials.expired"_s, 5000);
    }

    // ---- organizations/me, routing
    // ----------------------------------------------------------------------------

    void organizationsMe_returnsDemoOrg()
    {
        const Reply r = get(u"/api/v2/organizations/me"_s, {}, signIn());
        QCOMPARE(r.status, 200);
        const QSet<QString> expected { u"id"_s, u"name"_s, u"thirdPartyOrgName"_s, u"domain"_s, u"state"_s,
            u"version"_s, u"selfUri"_s };
        QCOMPARE(keysOf(r.json), expected);
        QCOMPARE(r.json.value(u"id"_s).toString(), m_server->data().orgId());
        QCOMPARE(r.json.value(u"name"_s).toString(), m_server->data().orgName());
        QCOMPARE(r.json.value(u"state"_s).toString(), u"active"_s);
        QVERIFY(!m_server->data().trustorIds().contains(m_server->data().orgId()));
    }

    void unknownRoute_returns404NotFound_wrongMethod_returns405()
    {
        const QString token = signIn();
        const Reply missing = get(u"/api/v2/billing/nothing"_s, {}, token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json.value(u"code"_s).toString(), u"not.found"_s);
        QCOMPARE(keysOf(missing.json), keysOf(example(u"error-403.json"_s)));

        QNetworkRequest post = apiRequest(url(u"/api/v2/organizations/me"_s), token);
        const Reply wrong = finish(m_nam.post(post, QByteArray("{}")));
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.headers.value("allow"), QByteArray("GET"));
    }

    // ---- billable usage
    // ---------------------------------------------------------------------------------------

    void billableUsage_complete_hasContractShape()
    {
        const QString start = u"2026-10-01T00:00:00.000Z"_s;
        const QString end = u"2026-10-31T23:59:59.999Z"_s;
        const Reply r = get(u"/api/v2/billing/reports/billableusage"_s,
            u"startDate=%1&endDate=%2"_s.arg(start, end), signIn());
        QCOMPARE(r.status, 200);
        QCOMPARE(keysOf(r.json), keysOf(example(u"billableusage-complete.json"_s)));
        QCOMPARE(r.json.value(u"status"_s).toString(), u"Complete"_s);
        QCOMPARE(r.json.value(u"startDate"_s).toString(), u"2026-10-01T00:00:00Z"_s); // no .000
        QCOMPARE(r.json.value(u"endDate"_s).toString(), end);
        QCOMPARE(r.json.value(u"selfUri"_s).toString(), u"/api/v2/billing/reports/billableusage"_s);

        const qint64 lo = ms(QJsonValue(start)), hi = ms(QJsonValue(end));
        const QJsonArray usages = r.json.value(u"usages"_s).toArray();
        QVERIFY2(usages.size() >= 10, qPrintable(QString::number(usages.size())));
        int seatLicences = 0, decimalTotals = 0;
        for (const QJsonValue& u : usages) {
            const QJsonObject usage = u.toObject();
            QCOMPARE(keysOf(usage), (QSet<QString> { u"name"_s, u"totalUsage"_s, u"resources"_s }));
            QVERIFY(usage.value(u"name"_s).isString());
            QVERIFY2(
                isDecimalString(usage.value(u"totalUsage"_s)), qPrintable(usage.value(u"name"_s).toString()));
            const QJsonArray resources = usage.value(u"resources"_s).toArray();
            if (m_server->data().isSeatLicence(usage.value(u"name"_s).toString())) {
                ++seatLicences;
                QCOMPARE(usage.value(u"totalUsage"_s).toString(), QString::number(resources.size()));
                QSet<QString> names;
                for (const QJsonValue& res : resources) {
                    const QJsonObject resource = res.toObject();
                    QCOMPARE(keysOf(resource), (QSet<QString> { u"name"_s, u"date"_s }));
                    QVERIFY2(isWireDate(resource.value(u"date"_s)),
                        qPrintable(resource.value(u"date"_s).toString()));
                    QVERIFY(ms(resource.value(u"date"_s)) >= lo && ms(resource.value(u"date"_s)) <= hi);
                    names.insert(resource.value(u"name"_s).toString());
                }
                QCOMPARE(names.size(), resources.size()); // each resource once per licence
            } else {
                QVERIFY(resources.isEmpty());
                if (usage.value(u"totalUsage"_s).toString().contains(u'.'))
                    ++decimalTotals;
            }
        }
        QVERIFY(seatLicences >= 9);
        QVERIFY(decimalTotals >= 1);
    }

    void billableUsage_resources_areEmailsOrDeviceIds()
    {
        const QJsonObject report = m_server->data().billableUsage(kNow.addDays(-90), kNow);
        for (const QJsonValue& u : report.value(u"usages"_s).toArray()) {
            const QString licence = u.toObject().value(u"name"_s).toString();
            for (const QJsonValue& res : u.toObject().value(u"resources"_s).toArray()) {
                const QString name = res.toObject().value(u"name"_s).toString();
                if (licence.contains(u"Device"))
                    QVERIFY2(!QUuid::fromString(name).isNull(), qPrintable(name));
                else
                    QVERIFY2(name.endsWith(u"@northwind.example"_s) && name.contains(u'.'), qPrintable(name));
            }
        }
    }

    void billableUsage_dataAfterNow_doesNotExist()
    {
        const QJsonObject future = m_server->data().billableUsage(kNow.addDays(1), kNow.addDays(30));
        QVERIFY(future.value(u"usages"_s).toArray().isEmpty());
        const QJsonObject today = m_server->data().billableUsage(kNow.addSecs(-3600), kNow.addDays(3));
        QVERIFY(today.value(u"usages"_s).toArray().isEmpty()); // usage lags about a day
        const QJsonObject lastWeek = m_server->data().billableUsage(kNow.addDays(-7), kNow.addDays(7));
        const qint64 startOfToday = QDateTime(kNow.date(), QTime(0, 0), bd::UtcZone).toMSecsSinceEpoch();
        for (const QJsonValue& u : lastWeek.value(u"usages"_s).toArray()) {
            for (const QJsonValue& res : u.toObject().value(u"resources"_s).toArray())
                QVERIFY(ms(res.toObject().value(u"date"_s)) < startOfToday); // first seen by yesterday
        }
    }

    void billableUsage_todaysWindow_hasNoUsage()
    {
        // Usage is complete through the end of yesterday (UTC): today's report is Complete and empty.
        const QString token = signIn();
        const auto dayReport = [&](const QDate& day) {
            return get(u"/api/v2/billing/reports/billableusage"_s,
                u"startDate=%1T00:00:00.000Z&endDate=%1T23:59:59.999Z"_s.arg(day.toString(Qt::ISODate)),
                token);
        };
        const Reply today = dayReport(kNow.date());
        QCOMPARE(today.status, 200);
        QCOMPARE(today.json.value(u"status"_s).toString(), u"Complete"_s);
        QVERIFY(today.json.value(u"usages"_s).toArray().isEmpty());
        const Reply yesterday = dayReport(kNow.date().addDays(-1));
        QCOMPARE(yesterday.status, 200);
        QVERIFY(!yesterday.json.value(u"usages"_s).toArray().isEmpty());
        // The whole of yesterday, not a rolling 24 hours: people are first seen later in the day than now −
        // 24 h.
        qint64 lastSeen = 0;
        for (const QJsonValue& u : yesterday.json.value(u"usages"_s).toArray()) {
            for (const QJsonValue& res : u.toObject().value(u"resources"_s).toArray())
                lastSeen = std::max(lastSeen, ms(res.toObject().value(u"date"_s)));
        }
        QVERIFY(lastSeen > kNow.addDays(-1).toMSecsSinceEpoch());

        // A window reaching past the cut-off reports exactly what the window up to it does.
        const QDateTime yesterdayStart(kNow.date().addDays(-1), QTime(0, 0), bd::UtcZone);
        const QDateTime todayStart = yesterdayStart.addDays(1);
        const DemoData& data = m_server->data();
        QCOMPARE(data.billableUsage(yesterdayStart, todayStart.addDays(1).addMSecs(-1)).value(u"usages"_s),
            data.billableUsage(yesterdayStart, todayStart.addMSecs(-1)).value(u"usages"_s));
        QVERIFY(data.billableUsage(todayStart, kNow).value(u"usages"_s).toArray().isEmpty());
    }

    void billableUsage_usersGrowAndChurn()
    {
        const DemoData& data = m_server->data();
        const auto seats = [&](const QDateTime& from, const QDateTime& to) {
            int total = 0;
            for (const QJsonValue& u : data.billableUsage(from, to).value(u"usages"_s).toArray()) {
                if (data.isSeatLicence(u.toObject().value(u"name"_s).toString()))
                    total += u.toObject().value(u"totalUsage"_s).toString().toInt();
            }
            return total;
        };
        const QDateTime day(QDate(2025, 3, 10), QTime(0, 0), bd::UtcZone);
        const QDateTime recent(QDate(2026, 9, 10), QTime(0, 0), bd::UtcZone);
        QVERIFY(seats(recent, recent.addDays(1)) > seats(day, day.addDays(1))); // growth
        // Seasonal peak: more seats in early December than in early October of the same year.
        const QDateTime oct(QDate(2025, 10, 1), QTime(0, 0), bd::UtcZone),
            dec(QDate(2025, 12, 1), QTime(0, 0), bd::UtcZone);
        QVERIFY(seats(dec, dec.addDays(1)) > seats(oct, oct.addDays(1)));
    }

    void billableUsage_inProgressPolls_thenComplete()
    {
        m_server->setInProgressPolls(2);
        const QString token = signIn();
        const QJsonObject expected = example(u"billableusage-inprogress.json"_s);
        QVERIFY(!expected.isEmpty());
        const QString query = u"startDate=%1&endDate=%2"_s.arg(
            expected.value(u"startDate"_s).toString(), expected.value(u"endDate"_s).toString());
        for (int i = 0; i < 2; ++i) {
            const Reply r = get(u"/api/v2/billing/reports/billableusage"_s, query, token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json, expected);
        }
        const Reply complete = get(u"/api/v2/billing/reports/billableusage"_s, query, token);
        QCOMPARE(complete.json.value(u"status"_s).toString(), u"Complete"_s);
        QVERIFY(!complete.json.value(u"usages"_s).toArray().isEmpty());
        // Another window keeps its own count.
        const Reply other = get(u"/api/v2/billing/reports/billableusage"_s,
            u"startDate=2026-09-01T00:00:00Z&endDate=2026-09-30T23:59:59.999Z"_s, token);
        QCOMPARE(other.json.value(u"status"_s).toString(), u"InProgress"_s);
    }

    void billableUsage_offsetAndMillisecondForms_areAccepted()
    {
        const Reply r = get(u"/api/v2/billing/reports/billableusage"_s,
            u"startDate=2026-10-01T00:00:00%2B00:00&endDate=2026-10-31T23:59:59.999%2B00:00"_s, signIn());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"startDate"_s).toString(), u"2026-10-01T00:00:00Z"_s);
        QCOMPARE(r.json.value(u"endDate"_s).toString(), u"2026-10-31T23:59:59.999Z"_s);
    }

    void billableUsage_badDates_return400InvalidDate_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("garbage start")
            << u"startDate=yesterday&endDate=2026-10-31T23:59:59Z"_s << u"startDate"_s;
        QTest::newRow("bad month end")
            << u"startDate=2026-10-01T00:00:00Z&endDate=2026-13-01T00:00:00Z"_s << u"endDate"_s;
        QTest::newRow("no time") << u"startDate=2026-10-01&endDate=2026-10-31T23:59:59Z"_s << u"startDate"_s;
        QTest::newRow("missing end") << u"startDate=2026-10-01T00:00:00Z"_s << u"endDate"_s;
        QTest::newRow("inverted") << u"startDate=2026-11-01T00:00:00Z&endDate=2026-10-01T00:00:00Z"_s
                                  << u"startDate"_s;
    }

    void billableUsage_badDates_return400InvalidDate()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const Reply r = get(u"/api/v2/billing/reports/billableusage"_s, query, signIn());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(u"code"_s).toString(), u"invalid.date"_s);
        QVERIFY2(r.json.value(u"message"_s).toString().contains(parameter),
            qPrintable(r.json.value(u"message"_s).toString()));
    }

    void billableUsage_denied_returns403()
    {
        m_server->setDenyBillingPermission(true);
        const Reply r = get(u"/api/v2/billing/reports/billableusage"_s,
            u"startDate=2026-10-01T00:00:00Z&endDate=2026-10-31T23:59:59Z"_s, signIn());
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json.value(u"code"_s).toString(), u"missing.any.permissions"_s);
        QVERIFY(r.json.value(u"message"_s)
                    .toString()
                    .endsWith(u"[billing:subscription:read, billing:subscription:view]"_s));
    }

    // ---- trustee billing overview
    // -----------------------------------------------------------------------------

    void trusteeOverview_activePeriod_hasContractShape()
    {
        const QString token = signIn();
        const QString path = u"/api/v2/billing/trusteebillingoverview/"_s + firstTrustor();
        const Reply r = get(path, {}, token);
        QCOMPARE(r.status, 200);
        const QSet<QString> required { u"organization"_s, u"currency"_s, u"enabledProducts"_s,
            u"subscriptionType"_s, u"usages"_s };
        QVERIFY(keysOf(r.json).contains(required));
        QVERIFY(keysOf(example(u"trusteebillingoverview.json"_s)).contains(keysOf(r.json)));
        QCOMPARE(r.json.value(u"organization"_s).toObject().value(u"id"_s).toString(), firstTrustor());
        const qint64 start = ms(r.json.value(u"billingPeriodStartDate"_s));
        const qint64 end = ms(r.json.value(u"billingPeriodEndDate"_s));
        QVERIFY(start <= kNow.toMSecsSinceEpoch() && kNow.toMSecsSinceEpoch() <= end);
        QVERIFY(r.json.value(u"billingPeriodEndDate"_s).toString().endsWith(u"23:59:59.999Z"_s));
        for (const QJsonValue& u : r.json.value(u"usages"_s).toArray()) {
            const QJsonObject row = u.toObject();
            for (const QString& key : { u"name"_s, u"partNumber"_s, u"grouping"_s, u"unitOfMeasureType"_s })
                QVERIFY2(row.value(key).isString(), qPrintable(key));
            QVERIFY(isDecimalString(row.value(u"usageQuantity"_s)));
            QVERIFY(isDecimalString(row.value(u"prepayQuantity"_s)));
            for (const QString& key : { u"overagePrice"_s, u"prepayPrice"_s, u"bundleQuantity"_s }) {
                if (row.contains(key))
                    QVERIFY2(isDecimalString(row.value(key)), qPrintable(key));
            }
        }
        // An empty index (the SDK's legacy mode) and index 0 are the active period.
        QCOMPARE(get(path, u"billingPeriodIndex="_s, token).body, r.body);
        QCOMPARE(get(path, u"billingPeriodIndex=0"_s, token).body, r.body);
        // Index 1 is the prior period, contiguous with the active one.
        const Reply prior = get(path, u"billingPeriodIndex=1"_s, token);
        QCOMPARE(prior.status, 200);
        QCOMPARE(ms(prior.json.value(u"billingPeriodEndDate"_s)) + 1, start);
    }

    void trusteeOverview_errors_data()
    {
        QTest::addColumn<QString>("org"); // "known" = the first trustor
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("past history") << u"known"_s << u"billingPeriodIndex=400"_s << 404 << u"not.found"_s;
        QTest::newRow("unknown org") << u"11111111-2222-3333-4444-555555555555"_s << QString() << 404
                                     << u"not.found"_s;
        QTest::newRow("negative index")
            << u"known"_s << u"billingPeriodIndex=-1"_s << 400 << u"invalid.value"_s;
        QTest::newRow("text index") << u"known"_s << u"billingPeriodIndex=abc"_s << 400 << u"invalid.value"_s;
    }

    void trusteeOverview_errors()
    {
        QFETCH(QString, org);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString id = org == u"known" ? firstTrustor() : org;
        const Reply r = get(u"/api/v2/billing/trusteebillingoverview/"_s + id, query, signIn());
        QCOMPARE(r.status, status);
        QCOMPARE(r.json.value(u"code"_s).toString(), code);
        QCOMPARE(keysOf(r.json), keysOf(example(u"error-403.json"_s)));
        if (query.contains(u"400"))
            QVERIFY(r.json.value(u"message"_s).toString().contains(u"No billing period exists"_s));
    }

    void trusteeOverview_lastPeriodOfHistory_existsAndNextDoesNot()
    {
        const QString token = signIn();
        const QString id = firstTrustor();
        const int length = m_server->data().historyLength(id);
        QVERIFY(length >= 25);
        const QString path = u"/api/v2/billing/trusteebillingoverview/"_s + id;
        QCOMPARE(get(path, u"billingPeriodIndex=%1"_s.arg(length - 1), token).status, 200);
        QCOMPARE(get(path, u"billingPeriodIndex=%1"_s.arg(length), token).status, 404);
    }

    void trusteeOverview_denied_returns403LikeExample()
    {
        m_server->setDenyBillingPermission(true);
        const Reply r = get(u"/api/v2/billing/trusteebillingoverview/"_s + firstTrustor(), {}, signIn());
        QCOMPARE(r.status, 403);
        const QJsonObject expected = example(u"error-403.json"_s);
        QCOMPARE(r.json.value(u"message"_s), expected.value(u"message"_s));
        QCOMPARE(r.json.value(u"code"_s), expected.value(u"code"_s));
        QCOMPARE(keysOf(r.json), keysOf(expected));
        // Trustors are not billing endpoints.
        QCOMPARE(get(u"/api/v2/orgauthorization/trustors"_s, {}, signIn()).status, 200);
    }

    void trusteeOverview_disabledTrust_returns403NotAuthorized()
    {
        const DemoData& data = m_server->data();
        const QStringList ids = data.trustorIds();
        const auto disabled = std::find_if(
            ids.cbegin(), ids.cend(), [&](const QString& id) { return !data.isTrustEnabled(id); });
        QVERIFY(disabled != ids.cend());
        const Reply r = get(u"/api/v2/billing/trusteebillingoverview/"_s + *disabled, {}, signIn());
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json.value(u"code"_s).toString(), u"not.authorized"_s);
    }

    // ---- trustors
    // ---------------------------------------------------------------------------------------------

    void trustors_pageSize10_givesThreePagesLinkedByNextUri()
    {
        const QString token = signIn();
        QString next = u"/api/v2/orgauthorization/trustors?pageSize=10&pageNumber=1"_s;
        QStringList ids;
        int pages = 0;
        while (!next.isEmpty()) {
            const QUrl relative(next);
            const Reply r = get(relative.path(), relative.query(), token);
            QCOMPARE(r.status, 200);
            ++pages;
            QCOMPARE(r.json.value(u"total"_s).toInt(), 25);
            QCOMPARE(r.json.value(u"pageCount"_s).toInt(), 3);
            QCOMPARE(r.json.value(u"pageSize"_s).toInt(), 10);
            QCOMPARE(r.json.value(u"pageNumber"_s).toInt(), pages);
            QCOMPARE(r.json.value(u"firstUri"_s).toString(),
                u"/api/v2/orgauthorization/trustors?pageSize=10&pageNumber=1"_s);
            QCOMPARE(r.json.value(u"lastUri"_s).toString(),
                u"/api/v2/orgauthorization/trustors?pageSize=10&pageNumber=3"_s);
            QCOMPARE(r.json.contains(u"previousUri"_s), pages > 1);
            for (const QJsonValue& e : r.json.value(u"entities"_s).toArray())
                ids.append(e.toObject().value(u"id"_s).toString());
            next = r.json.value(u"nextUri"_s).toString();
        }
        QCOMPARE(pages, 3);
        QCOMPARE(ids, m_server->data().trustorIds());
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 25);
    }

    void trustors_defaultPage_matchesExampleShape()
    {
        const Reply r = get(u"/api/v2/orgauthorization/trustors"_s, {}, signIn());
        QCOMPARE(r.status, 200);
        QCOMPARE(keysOf(r.json), keysOf(example(u"trustors-page1.json"_s)));
        const QJsonArray entities = r.json.value(u"entities"_s).toArray();
        QCOMPARE(entities.size(), 25);
        const QJsonObject exampleEntity
            = example(u"trustors-page1.json"_s).value(u"entities"_s).toArray().first().toObject();
        int disabled = 0;
        for (const QJsonValue& e : entities) {
            const QJsonObject entity = e.toObject();
            QCOMPARE(keysOf(entity), keysOf(exampleEntity));
            QCOMPARE(keysOf(entity.value(u"organization"_s).toObject()),
                keysOf(exampleEntity.value(u"organization"_s).toObject()));
            QCOMPARE(entity.value(u"organization"_s).toObject().value(u"id"_s), entity.value(u"id"_s));
            QVERIFY(isWireDate(entity.value(u"dateCreated"_s)));
            disabled += entity.value(u"enabled"_s).toBool() ? 0 : 1;
        }
        QCOMPARE(disabled, 1);
    }

    void trustors_pageEdges()
    {
        const QString token = signIn();
        const Reply big = get(u"/api/v2/orgauthorization/trustors"_s, u"pageSize=500"_s, token);
        QCOMPARE(big.status, 200);
        QCOMPARE(big.json.value(u"pageSize"_s).toInt(), DemoData::maxPageSize);
        const Reply past = get(u"/api/v2/orgauthorization/trustors"_s, u"pageSize=10&pageNumber=9"_s, token);
        QCOMPARE(past.status, 200);
        QVERIFY(past.json.value(u"entities"_s).toArray().isEmpty());
        QVERIFY(!past.json.contains(u"nextUri"_s));
        QCOMPARE(get(u"/api/v2/orgauthorization/trustors"_s, u"pageNumber=0"_s, token).json.value(u"code"_s),
            QJsonValue(u"invalid.value"_s));
    }

    // ---- faults
    // -----------------------------------------------------------------------------------------------

    void injectFault_errorStatus_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("500") << Fault::ServerError << 500 << u"internal.server.error"_s;
        QTest::newRow("502") << Fault::BadGateway << 502 << u"bad.gateway"_s;
        QTest::newRow("503") << Fault::ServiceUnavailable << 503 << u"service.unavailable"_s;
        QTest::newRow("504") << Fault::GatewayTimeout << 504 << u"request.timeout"_s;
        QTest::newRow("429") << Fault::RateLimited << 429 << u"too.many.requests"_s;
    }

    void injectFault_errorStatus()
    {
        QFETCH(Fault, fault);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString token = signIn();
        m_server->injectFault(fault, 2, {}, 7);
        QCOMPARE(postToken(u"demo"_s, u"demo"_s).status, 200); // token requests are spared
        for (int i = 0; i < 2; ++i) {
            const Reply r = get(u"/api/v2/organizations/me"_s, {}, token);
            QCOMPARE(r.status, status);
            QCOMPARE(r.json.value(u"code"_s).toString(), code);
            QCOMPARE(r.json.value(u"status"_s).toInt(), status);
            QCOMPARE(keysOf(r.json), keysOf(example(u"error-429.json"_s)));
            if (fault == Fault::RateLimited)
                QCOMPARE(r.headers.value("retry-after"), QByteArray("7"));
        }
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, token).status, 200);
    }

    void injectFault_pathContains_targetsOnlyMatchingRequests()
    {
        const QString token = signIn();
        m_server->injectFault(Fault::ServiceUnavailable, 1, u"trusteebillingoverview"_s);
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, token).status, 200);
        QCOMPARE(get(u"/api/v2/billing/trusteebillingoverview/"_s + firstTrustor(), {}, token).status, 503);
        QCOMPARE(get(u"/api/v2/billing/trusteebillingoverview/"_s + firstTrustor(), {}, token).status, 200);
        m_server->injectFault(Fault::ServerError, 1, u"/oauth"_s);
        QCOMPARE(postToken(u"demo"_s, u"demo"_s).status, 500);
        QCOMPARE(postToken(u"demo"_s, u"demo"_s).status, 200);
    }

    void injectFault_dropConnection_abortsWithoutAnswer()
    {
        const QString token = signIn();
        // QNetworkAccessManager resends a request once or twice when a kept-alive connection closes before
        // any byte of the answer, so drop more than it retries.
        m_server->injectFault(Fault::DropConnection, 3);
        m_server->clearRequestLog();
        const Reply r = get(u"/api/v2/organizations/me"_s, {}, token);
        QVERIFY(r.status != -1);
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(r.status, 0);
        QVERIFY(!m_server->requestLog().isEmpty());
        QCOMPARE(m_server->requestLog().constFirst().status, 0);
        m_server->clearFaults();
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, token).status, 200);
    }

    void injectFault_malformedJson_answers200WithBrokenBody()
    {
        const QString token = signIn();
        m_server->injectFault(Fault::MalformedJson);
        const Reply r = get(u"/api/v2/billing/reports/billableusage"_s,
            u"startDate=2026-10-01T00:00:00Z&endDate=2026-10-31T23:59:59Z"_s, token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QVERIFY(!r.body.isEmpty());
        QVERIFY(!r.isJson);
        QVERIFY(r.body.startsWith('{'));
    }

    void injectFault_truncatedBody_failsTheTransfer()
    {
        const QString token = signIn();
        m_server->injectFault(Fault::TruncatedBody);
        const Reply r = get(u"/api/v2/billing/reports/billableusage"_s,
            u"startDate=2026-10-01T00:00:00Z&endDate=2026-10-31T23:59:59Z"_s, token);
        QVERIFY(r.status != -1);
        QVERIFY2(r.error != QNetworkReply::NoError, r.body.left(80).constData());
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, token).status, 200);
    }

    void dropAndMalformedRates_applyToApiRequestsOnly()
    {
        SimOptions o = baseOptions();
        o.dropRate = 1.0;
        restart(o);
        const QString token = signIn(); // token requests are spared
        QVERIFY(!token.isEmpty());
        QVERIFY(get(u"/api/v2/organizations/me"_s, {}, token).error != QNetworkReply::NoError);
        m_server->setDropRate(0);
        m_server->setMalformedRate(1.0);
        const Reply r = get(u"/api/v2/organizations/me"_s, {}, token);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.isJson);
    }

    void serverErrorRate_isSeededAndDeterministic()
    {
        SimOptions o = baseOptions();
        o.serverErrorRate = 0.5;
        const auto run = [&]() {
            restart(o);
            const QString token = signIn();
            QList<int> statuses;
            for (int i = 0; i < 16; ++i)
                statuses.append(get(u"/api/v2/organizations/me"_s, {}, token).status);
            return statuses;
        };
        const QList<int> first = run();
        QCOMPARE(run(), first);
        QVERIFY(first.contains(503));
        QVERIFY(first.contains(200));
    }

    // ---- rate limit, latency, log, keep-alive
    // -----------------------------------------------------------------

    void rateLimit_overTheWindow_returns429WithRetryAfter()
    {
        m_server->setRateLimitPerMinute(3);
        const QString token = signIn();
        for (int i = 1; i <= 3; ++i) {
            const Reply r = get(u"/api/v2/organizations/me"_s, {}, token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("inin-ratelimit-allowed"), QByteArray("3"));
            QCOMPARE(r.headers.value("inin-ratelimit-count"), QByteArray::number(i));
            QVERIFY(r.headers.value("inin-ratelimit-reset").toInt() >= 1);
        }
        const Reply limited = get(u"/api/v2/organizations/me"_s, {}, token);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.json.value(u"code"_s).toString(), u"too.many.requests"_s);
        QCOMPARE(limited.json.value(u"message"_s).toString(),
            u"Rate limit exceeded the maximum. [3] requests for [60] seconds"_s);
        const int retryAfter = limited.headers.value("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.headers.value("retry-after").constData());
        // The window is per token.
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, signIn()).status, 200);
    }

    void latency_delaysEveryAnswer()
    {
        m_server->setLatencyMs(150);
        const QString token = signIn();
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(get(u"/api/v2/organizations/me"_s, {}, token).status, 200);
        QVERIFY(timer.elapsed() >= 150);
        for (const RequestRecord& record : m_server->requestLog())
            QVERIFY(record.answeredMs - record.receivedMs >= 149);
    }

    void requestLog_recordsHeadersAndEmitsSignal()
    {
        QSignalSpy handled(m_server.get(), &BillingSimServer::requestHandled);
        const QString token = signIn();
        get(u"/api/v2/billing/trusteebillingoverview/"_s + firstTrustor(), u"billingPeriodIndex=2"_s, token);
        QCOMPARE(handled.size(), 2);
        const QList<RequestRecord> log = m_server->requestLog();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).method, QByteArray("POST"));
        QCOMPARE(log.at(0).path, u"/oauth/token"_s);
        QVERIFY(log.at(0).authorization.startsWith(u"Basic "_s));
        const RequestRecord& get = log.at(1);
        QCOMPARE(get.method, QByteArray("GET"));
        QCOMPARE(get.authorization, u"Bearer "_s + token);
        QCOMPARE(get.userAgent, u"axios/1.7.9"_s);
        QCOMPARE(get.accept, u"application/json"_s);
        QCOMPARE(get.query.queryItemValue(u"billingPeriodIndex"_s), u"2"_s);
        QCOMPARE(get.status, 200);
        QVERIFY(get.answeredMs >= get.receivedMs);
        QCOMPARE(handled.at(1).at(0).value<RequestRecord>().path, get.path);
        m_server->clearRequestLog();
        QVERIFY(m_server->requestLog().isEmpty());
    }

    void keepAlive_manyParallelRequests_allAnswered()
    {
        m_server->setLatencyMs(20);
        const QString token = signIn();
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 24; ++i) {
            replies.append(
                m_nam.get(apiRequest(url(u"/api/v2/billing/trusteebillingoverview/"_s + firstTrustor(),
                                         u"billingPeriodIndex=%1"_s.arg(i % 20)),
                    token)));
        }
        for (QNetworkReply* reply : std::as_const(replies))
            QCOMPARE(finish(reply).status, 200);
    }

    // ---- the data generator
    // -----------------------------------------------------------------------------------

    void demoData_sameSeedAndNow_identicalBytes_otherSeedDiffers()
    {
        const auto dump = [](const DemoData& data) {
            QByteArray out = QJsonDocument(data.billableUsage(kNow.addYears(-1), kNow)).toJson();
            out += QJsonDocument(data.trustorsPage(25, 1)).toJson();
            out += QJsonDocument(data.organizationMe()).toJson();
            for (const QString& id : data.trustorIds()) {
                for (int i = 0; i < data.historyLength(id); ++i)
                    out += QJsonDocument(*data.trusteeOverview(id, i)).toJson();
            }
            return out;
        };
        const QByteArray a = dump(DemoData(7, kNow));
        QCOMPARE(dump(DemoData(7, kNow)), a);
        QVERIFY(dump(DemoData(8, kNow)) != a);
    }

    void demoData_yearReport_namesEveryResourceSeen()
    {
        // (How fast the demo data generates a report is measured by bench_demodata.)
        const DemoData data(7, kNow);
        QVERIFY(
            !data.billableUsage(kNow.addDays(-3), kNow.addDays(-2)).value(u"usages"_s).toArray().isEmpty());
        int resources = 0;
        for (const QJsonValue& u : data.billableUsage(kNow.addYears(-1), kNow).value(u"usages"_s).toArray())
            resources += int(u.toObject().value(u"resources"_s).toArray().size());
        QVERIFY2(resources >= 700, qPrintable(QString::number(resources)));
    }

    void demoData_largePartner_repeatsTheShapesUnderNewNames()
    {
        const DemoData named(7, kNow);
        const DemoData large(7, kNow, 200);
        const QStringList ids = large.trustorIds();
        QCOMPARE(ids.size(), 200);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 200);
        // The first 25 are the named demo customers, unchanged.
        QCOMPARE(ids.mid(0, 25), named.trustorIds());
        const QString first = ids.constFirst();
        QCOMPARE(large.trusteeOverview(first, 3), named.trusteeOverview(first, 3));
        QSet<QString> names, currencies;
        int disabled = 0, shortHistories = 0, inRampNow = 0;
        for (const QString& id : ids) {
            names.insert(large.trustorName(id));
            disabled += large.isTrustEnabled(id) ? 0 : 1;
            shortHistories += large.historyLength(id) == 5 ? 1 : 0;
            const QJsonObject active = *large.trusteeOverview(id, 0);
            currencies.insert(active.value(u"currency"_s).toString());
            inRampNow += active.value(u"inRampPeriod"_s).toBool() ? 1 : 0;
            QCOMPARE(active.value(u"organization"_s).toObject().value(u"id"_s).toString(), id);
        }
        QCOMPARE(names.size(), 200);
        QVERIFY(names.contains(u"Contoso Health 8"_s));
        QCOMPARE(disabled, 8); // one in every 25
        QCOMPARE(shortHistories, 8);
        QCOMPARE(currencies.size(), 6);
        QVERIFY2(inRampNow >= 8, qPrintable(QString::number(inRampNow)));
        // Every page of the listing together lists them all.
        QCOMPARE(large.trustorsPage(100, 2).value(u"entities"_s).toArray().size(), 100);
        QCOMPARE(large.trustorsPage(100, 3).value(u"entities"_s).toArray().size(), 0);
    }

    void demoData_trustors_coverTheContract()
    {
        const DemoData data(7, kNow);
        const QStringList ids = data.trustorIds();
        QCOMPARE(ids.size(), 25);
        QSet<QString> subscriptionTypes, currencies;
        int shortHistories = 0, disabled = 0, inRampNow = 0, thirdParty = 0, amendedMidHistory = 0,
            chargeChanges = 0;
        int overageComesAndGoes = 0;
        bool twinCurrencies = false;
        QHash<QString, QString> partNumbersToCurrency;
        for (const QString& id : ids) {
            const int length = data.historyLength(id);
            QVERIFY(length == 5 || length >= 25);
            shortHistories += length == 5 ? 1 : 0;
            disabled += data.isTrustEnabled(id) ? 0 : 1;
            QVERIFY(!data.trusteeOverview(id, length).has_value());
            QVERIFY(!data.trusteeOverview(id, -1).has_value());

            QHash<QString, QList<bool>> overByProduct;
            QSet<QString> amendmentDates;
            QStringList productSets;
            qint64 laterStart = 0;
            for (int i = 0; i < length; ++i) {
                const QJsonObject o = *data.trusteeOverview(id, i);
                subscriptionTypes.insert(o.value(u"subscriptionType"_s).toString());
                currencies.insert(o.value(u"currency"_s).toString());
                const QDateTime start = *WireDate::parse(o.value(u"billingPeriodStartDate"_s).toString());
                QVERIFY2(
                    start.date().day() >= 2 && start.time() == QTime(0, 0), qPrintable(start.toString()));
                const qint64 end = ms(o.value(u"billingPeriodEndDate"_s));
                if (i == 0) {
                    QVERIFY(start <= kNow && kNow.toMSecsSinceEpoch() <= end);
                    inRampNow += o.value(u"inRampPeriod"_s).toBool() ? 1 : 0;
                } else {
                    QCOMPARE(end + 1, laterStart); // contiguous monthly cycles
                }
                laterStart = start.toMSecsSinceEpoch();
                amendmentDates.insert(o.value(u"contractAmendmentDate"_s).toString());
                QStringList names, parts;
                QHash<QString, QSet<QString>> groupingsByName;
                for (const QJsonValue& u : o.value(u"usages"_s).toArray()) {
                    const QJsonObject row = u.toObject();
                    names.append(row.value(u"name"_s).toString());
                    parts.append(row.value(u"partNumber"_s).toString());
                    groupingsByName[row.value(u"name"_s).toString()].insert(
                        row.value(u"grouping"_s).toString());
                    thirdParty += row.value(u"isThirdParty"_s).toBool() ? 1 : 0;
                    const double usage = row.value(u"usageQuantity"_s).toString().toDouble();
                    const double prepay = row.value(u"prepayQuantity"_s).toString().toDouble();
                    if (i > 0 && prepay > 0)
                        overByProduct[row.value(u"name"_s).toString()].append(usage > prepay);
                }
                for (auto it = groupingsByName.cbegin(); it != groupingsByName.cend(); ++it) {
                    if (it.value().contains(u"fair-use"_s))
                        QVERIFY(it.value().contains(u"resource"_s));
                }
                names.sort();
                productSets.append(names.join(u'|'));
                if (i == 0) {
                    parts.sort();
                    const QString key = parts.join(u'|');
                    const QString currency = o.value(u"currency"_s).toString();
                    if (partNumbersToCurrency.contains(key) && partNumbersToCurrency.value(key) != currency)
                        twinCurrencies = true;
                    partNumbersToCurrency.insert(key, currency);
                }
            }
            for (const QList<bool>& over : std::as_const(overByProduct)) {
                if (over.contains(true) && over.contains(false)) {
                    ++overageComesAndGoes;
                    break;
                }
            }
            amendedMidHistory += amendmentDates.size() > 1 ? 1 : 0;
            QSet<QString> distinctSets(productSets.cbegin(), productSets.cend());
            chargeChanges += distinctSets.size() > 1 ? 1 : 0;
        }
        QCOMPARE(subscriptionTypes.size(), 8);
        QVERIFY(currencies.contains({ u"USD"_s, u"EUR"_s, u"GBP"_s, u"AUD"_s }));
        QCOMPARE(shortHistories, 1);
        QCOMPARE(disabled, 1);
        QVERIFY(inRampNow >= 2);
        QVERIFY(thirdParty > 0);
        QVERIFY(amendedMidHistory >= 1);
        QVERIFY(chargeChanges >= 1);
        QVERIFY2(overageComesAndGoes >= 5, qPrintable(QString::number(overageComesAndGoes)));
        QVERIFY(twinCurrencies);
    }

    void wireDate_formatsAndParsesGenesysForms()
    {
        QCOMPARE(
            WireDate::format(*WireDate::parse(u"2026-10-01T00:00:00.000Z"_s)), u"2026-10-01T00:00:00Z"_s);
        QCOMPARE(
            WireDate::format(*WireDate::parse(u"2026-10-31T23:59:59.999Z"_s)), u"2026-10-31T23:59:59.999Z"_s);
        QCOMPARE(
            WireDate::format(*WireDate::parse(u"2026-10-01T02:00:00+02:00"_s)), u"2026-10-01T00:00:00Z"_s);
        QCOMPARE(
            WireDate::format(*WireDate::parse(u"2024-02-29T12:30:00.5Z"_s)), u"2024-02-29T12:30:00.500Z"_s);
        QVERIFY(!WireDate::parse(u"2026-10-01"_s));
        QVERIFY(!WireDate::parse(u"2026-10-01T00:00:00"_s));
        QVERIFY(!WireDate::parse(u"2025-02-29T00:00:00Z"_s));
    }

    // ---- the executable
    // ---------------------------------------------------------------------------------------

    void cli_port0_printsListeningLineAndServes()
    {
        QProcess process;
        process.start(QStringLiteral(BD_BILLING_SIM_EXE),
            { u"--port"_s, u"0"_s, u"--seed"_s, u"7"_s, u"--now"_s, u"2026-11-26T12:00:00Z"_s,
                u"--client-id"_s, u"cli"_s, u"--client-secret"_s, u"s3cret"_s });
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10'000);
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        const QRegularExpressionMatch m
            = QRegularExpression(u"^listening on http://127\\.0\\.0\\.1:(\\d+)$"_s).match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));

        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/oauth/token"_s.arg(m.captured(1))));
        request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
        request.setRawHeader("Authorization", "Basic " + QByteArray("cli:s3cret").toBase64());
        const Reply r = finish(m_nam.post(request, QByteArray("grant_type=client_credentials")));
        QCOMPARE(r.status, 200);
        process.kill();
        QVERIFY(process.waitForFinished());
    }

    void cli_help_and_badFlags()
    {
        QProcess help;
        help.start(QStringLiteral(BD_BILLING_SIM_EXE), { u"--help"_s });
        QVERIFY(help.waitForFinished());
        QCOMPARE(help.exitCode(), 0);
        const QByteArray text = help.readAllStandardOutput();
        for (const char* flag : { "--port", "--seed", "--in-progress-polls", "--latency-ms", "--rate-limit",
                 "--error-rate", "--drop-rate", "--malformed-rate", "--token-lifetime",
                 "--deny-billing-permission", "--now", "--client-id", "--client-secret", "--trustors" })
            QVERIFY2(text.contains(flag), flag);

        QString error;
        QVERIFY(!SimOptions::fromArguments({ u"billing-sim"_s, u"--error-rate"_s, u"2"_s }, &error));
        QVERIFY(error.contains(u"error-rate"_s));
        QVERIFY(!SimOptions::fromArguments({ u"billing-sim"_s, u"--now"_s, u"tomorrow"_s }, &error));
        const auto o = SimOptions::fromArguments(
            { u"billing-sim"_s, u"--seed"_s, u"9"_s, u"--rate-limit"_s, u"300"_s,
                u"--deny-billing-permission"_s, u"--in-progress-polls"_s, u"2"_s, u"--now"_s,
                u"2026-11-26T12:00:00Z"_s, u"--trustors"_s, u"200"_s },
            &error);
        QVERIFY2(o.has_value(), qPrintable(error));
        QCOMPARE(o->seed, 9u);
        QCOMPARE(o->rateLimitPerMinute, 300);
        QCOMPARE(o->inProgressPolls, 2);
        QVERIFY(o->denyBillingPermission);
        QCOMPARE(o->now, kNow);
        QCOMPARE(o->trustorCount, 200);
        QCOMPARE(SimOptions::fromArguments({ u"billing-sim"_s }, &error)->trustorCount, 25);
        QVERIFY(!SimOptions::fromArguments({ u"billing-sim"_s, u"--trustors"_s, u"-1"_s }, &error));
    }
};

QTEST_GUILESS_MAIN(TstBillingSim)
#include "tst_billingsim.moc"
