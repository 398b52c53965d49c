// Regions and endpoints: the 18 environments, https only except towards loopback.

#include "api/apiendpoint.h"
#include "api/region.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

class TestApiEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regions_all_hasTheEighteenEnvironments()
    {
        QCOMPARE(Regions::all().size(), 18);
        QSet<QString> keys, envs;
        for (const Region& region : Regions::all()) {
            keys.insert(region.key);
            envs.insert(region.env);
        }
        QCOMPARE(keys.size(), 18);
        QCOMPARE(envs.size(), 18);
    }

    void regions_find_byKeyOrHost_data()
    {
        QTest::addColumn<QString>("wanted");
        QTest::addColumn<QString>("env");
        QTest::newRow("key") << u"eu_west_1"_s << u"mypurecloud.ie"_s;
        QTest::newRow("upper key") << u"US_EAST_1"_s << u"mypurecloud.com"_s;
        QTest::newRow("host") << u"mypurecloud.com.au"_s << u"mypurecloud.com.au"_s;
        QTest::newRow("fedramp") << u"us_east_2"_s << u"use2.us-gov-pure.cloud"_s;
        QTest::newRow("sovereign") << u"eusc_de_east_1"_s << u"edee1.eusc-pure.cloud"_s;
        QTest::newRow("unknown") << u"mars_north_1"_s << QString();
    }

    void regions_find_byKeyOrHost()
    {
        QFETCH(QString, wanted);
        QFETCH(QString, env);
        const auto region = Regions::find(wanted);
        QCOMPARE(region ? region->env : QString(), env);
    }

    void forRegion_usesHttpsApiAndLoginHosts()
    {
        const ApiEndpoint endpoint = ApiEndpoint::forRegion(*Regions::find(u"eu_central_1"_s));
        QCOMPARE(endpoint.apiBase(), QUrl(u"https://api.mypurecloud.de"_s));
        QCOMPARE(endpoint.loginBase(), QUrl(u"https://login.mypurecloud.de"_s));
    }

    void fromUrls_schemeAndHost_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https remote") << u"https://gateway.example.com"_s << true;
        QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080"_s << true;
        QTest::newRow("http loopback other") << u"http://127.0.0.2:8080"_s << true;
        QTest::newRow("http localhost") << u"http://localhost:1234"_s << true;
        QTest::newRow("http loopback v6") << u"http://[::1]:1234"_s << true;
        QTest::newRow("http remote") << u"http://gateway.example.com"_s << false;
        QTest::newRow("http private") << u"http://192.168.1.10"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false;
        QTest::newRow("garbage") << u"not a url"_s << false;
    }

    void fromUrls_schemeAndHost()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        QString error;
        const ApiEndpoint endpoint = ApiEndpoint::fromUrls(QUrl(url), {}, &error);
        QCOMPARE(endpoint.isValid(), accepted);
        QCOMPARE(error.isEmpty(), accepted);
    }

    void fromUrls_genesysApiHost_signsInAtItsLoginHost()
    {
        QString error;
        const ApiEndpoint endpoint
            = ApiEndpoint::fromUrls(QUrl(u"https://api.mypurecloud.ie/"_s), {}, &error);
        QCOMPARE(endpoint.loginBase(), QUrl(u"https://login.mypurecloud.ie"_s));
        // Not a Genesys region: it signs in where it is.
        QCOMPARE(ApiEndpoint::fromUrls(QUrl(u"https://api.example.com"_s), {}, &error).loginBase(),
            QUrl(u"https://api.example.com"_s));
    }

    void isAcceptableUrl_saysWhatWasTyped()
    {
        QString error;
        QVERIFY(!ApiEndpoint::isAcceptableUrl(QUrl(u"not a url"_s), &error));
        QVERIFY2(error.startsWith(u"“not a url” is not a valid URL"_s), qPrintable(error));
        QVERIFY(!ApiEndpoint::isAcceptableUrl(QUrl(u"https://exa mple.com"_s, QUrl::StrictMode), &error));
        QVERIFY2(error.startsWith(u"“https://exa mple.com” is not a valid URL"_s), qPrintable(error));
        QVERIFY(!ApiEndpoint::isAcceptableUrl(QUrl(), &error));
        QVERIFY2(error.startsWith(u"Enter a URL"_s), qPrintable(error));
    }

    void fromUrls_withoutLoginUrl_signsInAtTheSameBase()
    {
        QString error;
        const ApiEndpoint endpoint = ApiEndpoint::fromUrls(QUrl(u"http://127.0.0.1:9000/"_s), {}, &error);
        QCOMPARE(endpoint.apiBase(), QUrl(u"http://127.0.0.1:9000"_s));
        QCOMPARE(endpoint.loginBase(), QUrl(u"http://127.0.0.1:9000"_s));
        const ApiEndpoint split = ApiEndpoint::fromUrls(
            QUrl(u"https://api.example.com"_s), QUrl(u"https://login.example.com"_s), &error);
        QCOMPARE(split.loginBase(), QUrl(u"https://login.example.com"_s));
        QVERIFY(!ApiEndpoint::fromUrls(
            QUrl(u"https://api.example.com"_s), QUrl(u"http://login.example.com"_s), &error)
                     .isValid());
    }
};

QTEST_GUILESS_MAIN(TestApiEndpoint)
#include "tst_apiendpoint.moc"
