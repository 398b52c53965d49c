// The Genesys CLI's ~/.gc/config.toml as `gc profiles new` writes it, read into profiles and secrets.

#include "auth/gcconfig.h"
#include "auth/profileopener.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace bd {

class TestGcConfig final : public QObject
{
    Q_OBJECT

private:
    // Written the way viper writes it (indented keys, all values strings except booleans), plus hand edits.
    static QString sample()
    {
        return QString::fromUtf8(
            "# Genesys Cloud CLI profiles\n"
            "[DEFAULT]\n"
            "  access_token = \"\"\n"
            "  auto_pagination_enabled = false\n"
            "  client_credentials = \"1a2b3c4d-0000-4000-8000-00000000d3fa\"\n"
            "  client_secret = \"s3cr3t-default\"\n"
            "  environment = \"mypurecloud.com\"\n"
            "  grant_type = \"1\"\n"
            "  logging_enabled = false\n"
            "  redirect_uri = \"\"\n"
            "  secure_login_enabled = false\n"
            "\n"
            "[northwind-eu]\n"
            "  client_credentials = \"eu-client\"\n"
            "  client_secret = 'literal\\no-escape'   # a literal string keeps its backslash\n"
            "  environment = \"eu-west-1\"\n"
            "  grant_type = \"1\"\n"
            "\n"
            "[sydney]\n"
            "  environment = \"mypurecloud.com.au\"\n"
            "  client_credentials = \"au-client\"\n"
            "  client_secret = \"au\\\"quoted\\u00e9\"\n"
            "\n"
            "[\"token only\"]\n"
            "  access_token = \"pasted-access-token\"\n"
            "  environment = \"apne2.pure.cloud\"\n"
            "\n"
            "[browser]\n"
            "  client_credentials = \"pkce-client\"\n"
            "  environment = \"euw2.pure.cloud\"\n"
            "  grant_type = \"3\"\n"
            "  redirect_uri = \"http://localhost:8085\"\n"
            "  secure_login_enabled = false\n"
            "\n"
            "[synonyms]\n"
            "  region = \"eu_central_2\"\n"
            "  client_id = \"syn-client\"\n"
            "  client_secret = \"syn-secret\"\n"
            "\n"
            "[mars]\n"
            "  environment = \"mars.pure.cloud\"\n"
            "  client_credentials = \"x\"\n"
            "  client_secret = \"y\"\n"
            "\n"
            "[incomplete]\n"
            "  environment = \"mypurecloud.ie\"\n"
            "  client_credentials = \"only-an-id\"\n");
    }

    static const GcConfig::Entry* find(const QList<GcConfig::Entry>& entries, const QString& name)
    {
        for (const GcConfig::Entry& e : entries) {
            if (e.name == name)
                return &e;
        }
        return nullptr;
    }

private Q_SLOTS:
    void parse_severalProfiles_keepsFileOrder()
    {
        QString error;
        const auto entries = GcConfig::parse(sample(), &error);
        QVERIFY2(entries, qPrintable(error));
        QStringList names;
        for (const GcConfig::Entry& e : *entries)
            names.append(e.name);
        QCOMPARE(names,
            (QStringList { u"DEFAULT"_s, u"northwind-eu"_s, u"sydney"_s, u"token only"_s, u"browser"_s,
                u"synonyms"_s, u"mars"_s, u"incomplete"_s }));
    }

    void parse_regions_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("region");
        QTest::newRow("host suffix") << u"DEFAULT"_s << u"us_east_1"_s;
        QTest::newRow("region with dashes") << u"northwind-eu"_s << u"eu_west_1"_s;
        QTest::newRow("com.au") << u"sydney"_s << u"ap_southeast_2"_s;
        QTest::newRow("pure.cloud") << u"token only"_s << u"ap_northeast_2"_s;
        QTest::newRow("region key synonym") << u"synonyms"_s << u"eu_central_2"_s;
        QTest::newRow("unknown") << u"mars"_s << QString();
    }

    void parse_regions()
    {
        QFETCH(QString, profile);
        QFETCH(QString, region);
        QString error;
        const auto entries = GcConfig::parse(sample(), &error);
        QVERIFY2(entries, qPrintable(error));
        const GcConfig::Entry* e = find(*entries, profile);
        QVERIFY(e);
        QCOMPARE(e->regionKey, region);
        QCOMPARE(e->profile().region, region);
    }

    void parse_clientCredentials_mapsIdAndSecret()
    {
        const auto entries = GcConfig::parse(sample(), nullptr);
        QVERIFY(entries);
        const GcConfig::Entry* e = find(*entries, u"DEFAULT"_s);
        QCOMPARE(e->method, Profile::Method::ClientCredentials);
        QCOMPARE(e->clientId, u"1a2b3c4d-0000-4000-8000-00000000d3fa"_s);
        QVERIFY(e->problem.isEmpty());
        const Profile profile = e->profile();
        QCOMPARE(profile.clientId, e->clientId);
        QVERIFY(profile.isValid(nullptr));
        QCOMPARE(e->secrets().clientSecret, u"s3cr3t-default"_s);
        QVERIFY(e->secrets().accessToken.isEmpty());
        QVERIFY(ProfileOpener::canOpen(profile, e->secrets()));
    }

    void parse_strings_basicAndLiteralEscapes()
    {
        const auto entries = GcConfig::parse(sample(), nullptr);
        QVERIFY(entries);
        QCOMPARE(find(*entries, u"northwind-eu"_s)->clientSecret, u"literal\\no-escape"_s);
        QCOMPARE(find(*entries, u"sydney"_s)->clientSecret, u"au\"quoted\u00e9"_s);
        QCOMPARE(find(*entries, u"synonyms"_s)->clientId, u"syn-client"_s);
    }

    void parse_profileWithOnlyAnAccessToken_isATokenProfile()
    {
        const auto entries = GcConfig::parse(sample(), nullptr);
        QVERIFY(entries);
        const GcConfig::Entry* e = find(*entries, u"token only"_s);
        QVERIFY(e);
        QCOMPARE(e->method, Profile::Method::AccessToken);
        QVERIFY(e->problem.isEmpty());
        const Profile profile = e->profile();
        QVERIFY(profile.clientId.isEmpty());
        QString why;
        QVERIFY2(profile.isValid(&why), qPrintable(why));
        QCOMPARE(e->secrets().accessToken, u"pasted-access-token"_s);
        QVERIFY(e->secrets().clientSecret.isEmpty());
        QVERIFY(ProfileOpener::canOpen(profile, e->secrets()));
    }

    void parse_pkceGrant_isABrowserProfileWithItsRedirectPort()
    {
        const auto entries = GcConfig::parse(sample(), nullptr);
        QVERIFY(entries);
        const GcConfig::Entry* e = find(*entries, u"browser"_s);
        QCOMPARE(e->method, Profile::Method::Browser);
        QCOMPARE(e->profile().clientId, u"pkce-client"_s);
        QCOMPARE(e->profile().redirectPort, quint16(8085));
        QVERIFY(e->secrets().isEmpty());
        QString why;
        QVERIFY(!ProfileOpener::canOpen(e->profile(), e->secrets(), &why)); // it needs a sign-in first
        QVERIFY(why.contains(u"Sign in"_s));
    }

    void parse_unusableProfiles_sayWhy()
    {
        const auto entries = GcConfig::parse(sample(), nullptr);
        QVERIFY(entries);
        QVERIFY(find(*entries, u"mars"_s)->problem.contains(u"unknown environment"_s));
        QVERIFY(find(*entries, u"incomplete"_s)->problem.contains(u"no access token"_s));
    }

    void parse_malformed_namesTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unterminated string")
            << u"[a]\nclient_secret = \"open"_s << u"line 2: unterminated string"_s;
        QTest::newRow("missing =") << u"[a]\n\nenvironment \"x\""_s << u"line 3: expected ="_s;
        QTest::newRow("unclosed table") << u"[a\n"_s << u"line 1: expected ]"_s;
        QTest::newRow("array value") << u"[a]\nx = [1, 2]"_s << u"line 2: unsupported value"_s;
        QTest::newRow("bad escape") << u"[a]\nx = \"\\q\""_s << u"line 2: unknown escape"_s;
    }

    void parse_malformed_namesTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!GcConfig::parse(text, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void parse_emptyOrCommentsOnly_hasNoProfiles()
    {
        QString error;
        const auto entries = GcConfig::parse(u"# nothing here\n\n"_s, &error);
        QVERIFY(entries);
        QVERIFY(entries->isEmpty());
    }

    void readFile_crlfAndMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config.toml"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[win]\r\nenvironment = \"mypurecloud.de\"\r\naccess_token = \"t\"\r\n");
        file.close();
        QString error;
        const auto entries = GcConfig::readFile(path, &error);
        QVERIFY2(entries, qPrintable(error));
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().regionKey, u"eu_central_1"_s);
        QVERIFY(!GcConfig::readFile(dir.filePath(u"absent.toml"_s), &error));
        QVERIFY(error.contains(u"absent.toml"_s));
    }

    void defaultPath_isUnderHome() { QVERIFY(GcConfig::defaultPath().endsWith(u"/.gc/config.toml"_s)); }
};

} // namespace bd

QTEST_GUILESS_MAIN(bd::TestGcConfig)
#include "tst_gcconfig.moc"
