#include "domain/billingusagereport.h"
#include "domain/decimal.h"
#include "domain/errorbody.h"
#include "domain/isodate.h"
#include "domain/oautherror.h"
#include "domain/oauthtoken.h"
#include "domain/organization.h"
#include "domain/trusteebillingoverview.h"
#include "domain/trustorlisting.h"
#include "domain/utc.h"
#include "wirefixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

QByteArray example(const char* name)
{
    return bd::test::wireFixture(QString::fromLatin1(name));
}

QJsonObject exampleObject(const char* name)
{
    return QJsonDocument::fromJson(example(name)).object();
}

QByteArray toBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Decimal dec(const char* text)
{
    return *Decimal::fromString(QString::fromLatin1(text));
}

QDateTime iso(const char* text)
{
    return *IsoDate::parse(QString::fromLatin1(text));
}

// Marks a member to be removed (QJsonValue() would be JSON null, not absent).
const QJsonValue kRemoved(QJsonValue::Undefined);

// Replaces (or removes, when value is kRemoved) obj.key[index].member.
QJsonObject withArrayMember(
    QJsonObject obj, const QString& key, qsizetype index, const QString& member, const QJsonValue& value)
{
    QJsonArray array = obj.value(key).toArray();
    QJsonObject element = array.at(index).toObject();
    if (value.isUndefined())
        element.remove(member);
    else
        element.insert(member, value);
    array.replace(index, element);
    obj.insert(key, array);
    return obj;
}

} // namespace

namespace bd {
char* toString(const Decimal& d)
{
    return QTest::toString(d.toString());
}
} // namespace bd

class TestDomainJson final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString problem = bd::test::wireFixtureProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void billableUsageComplete_parsesAllFields()
    {
        const auto parsed = BillingUsageReport::fromJson(example("billableusage-complete.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const BillingUsageReport& report = parsed.value();
        QVERIFY(report.isComplete());
        QCOMPARE(report.startDate, iso("2026-11-01T00:00:00Z"));
        QCOMPARE(report.endDate, QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59, 999), bd::UtcZone));
        QCOMPARE(report.selfUri, u"/api/v2/billing/reports/billableusage"_s);
        QCOMPARE(report.usages.size(), 3);
        const BillingUsage& cx3 = report.usages.at(0);
        QCOMPARE(cx3.name, u"Genesys Cloud CX 2"_s);
        QCOMPARE(cx3.totalUsage, dec("3"));
        QCOMPARE(cx3.resources.size(), 3);
        QCOMPARE(cx3.resources.at(0).name, u"amara.okafor@fabrikam.example"_s);
        QCOMPARE(cx3.resources.at(0).date, QDateTime(QDate(2026, 11, 2), QTime(8, 14, 9, 512), bd::UtcZone));
        QCOMPARE(cx3.resources.at(2).date, iso("2026-11-19T16:45:30Z"));
        QCOMPARE(report.usages.at(2).name, u"Genesys Cloud for Wallboard Device Charge"_s);
        QCOMPARE(report.usages.at(2).resources.at(0).name, u"c3a9e1f0-2b4d-4e6a-9f8c-7d5b3a1e0f92"_s);
    }

    void billableUsageAwkward_validVariantsParseExactly()
    {
        // +00:00 offsets, one and six fraction digits, unknown fields, non-ASCII names and the longest
        // decimals.
        const auto parsed = BillingUsageReport::fromJson(example("billableusage-awkward.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const BillingUsageReport& report = parsed.value();
        QVERIFY(report.isComplete());
        QCOMPARE(report.startDate, QDateTime(QDate(2026, 7, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(report.endDate, QDateTime(QDate(2026, 9, 30), QTime(23, 59, 59, 900), QTimeZone::utc()));
        QCOMPARE(report.usages.size(), 3);
        QCOMPARE(report.usages.at(0).totalUsage.toString(), u"98765432101234567890.123456789"_s);
        QVERIFY(report.usages.at(0).resources.isEmpty());
        const BillingUsage& cx1 = report.usages.at(1);
        QCOMPARE(cx1.resources.at(0).name, u"zo\u00eb.m\u00fcller@fabrikam.example"_s);
        QCOMPARE(cx1.resources.at(0).date, QDateTime(QDate(2026, 7, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(cx1.resources.at(1).name, u"o'brien@fabrikam.example"_s);
        QCOMPARE(
            cx1.resources.at(1).date, QDateTime(QDate(2026, 8, 15), QTime(12, 0, 0, 123), QTimeZone::utc()));
        QCOMPARE(report.usages.at(2).totalUsage.toString(), u"0.000000001"_s);
        QVERIFY(report.usages.at(2).totalUsage > Decimal());
    }

    void trusteeBillingOverviewAwkward_validVariantsParseExactly()
    {
        const auto parsed = TrusteeBillingOverview::fromJson(example("trusteebillingoverview-awkward.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const TrusteeBillingOverview& o = parsed.value();
        QCOMPARE(o.currency, u"EUR"_s);
        QCOMPARE(o.subscriptionType, u"SOMETHING_NEWER"_s);
        QVERIFY(!TrusteeBillingOverview::knownSubscriptionTypes().contains(o.subscriptionType));
        QVERIFY(o.enabledProducts.isEmpty());
        QCOMPARE(o.billingPeriodStartDate, std::optional<QDateTime>(iso("2026-11-23T00:00:00Z")));
        QCOMPARE(o.billingPeriodEndDate,
            std::optional<QDateTime>(
                QDateTime(QDate(2026, 12, 22), QTime(23, 59, 59, 999), QTimeZone::utc())));
        QVERIFY(!o.rampPeriodStartDate.has_value());
        QVERIFY(!o.minimumMonthlyAmount.has_value());
        QCOMPARE(o.inRampPeriod, std::optional<bool>(true));
        QCOMPARE(o.usages.size(), 1);
        const SubscriptionOverviewUsage& line = o.usages.at(0);
        QCOMPARE(line.grouping, u"some-future-grouping"_s);
        QCOMPARE(line.usageQuantity.toString(), u"17.500000001"_s);
        QCOMPARE(line.overagePrice->toString(), u"0.123456789"_s);
        QCOMPARE(line.usageNotes, u"Prorated from 2026-11-28"_s);
        QVERIFY(!line.isThirdParty.has_value());
    }

    void billableUsageInProgress_isNotComplete()
    {
        const auto parsed = BillingUsageReport::fromJson(example("billableusage-inprogress.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().status, BillingUsageReport::Status::InProgress);
        QVERIFY(!parsed.value().isComplete());
        QVERIFY(parsed.value().usages.isEmpty());
    }

    void billableUsage_statusAbsent_isComplete()
    {
        QJsonObject obj = exampleObject("billableusage-inprogress.json");
        obj.remove(u"status"_s);
        const auto parsed = BillingUsageReport::fromJson(obj);
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value().isComplete());
    }

    void billableUsage_unknownStatus_isError()
    {
        QJsonObject obj = exampleObject("billableusage-complete.json");
        obj.insert(u"status"_s, u"Pending"_s);
        const auto parsed = BillingUsageReport::fromJson(obj);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, u"status"_s);
    }

    void billableUsage_missingRequiredField_namesPath_data()
    {
        QTest::addColumn<QString>("arrayKey");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("totalUsage") << u"usages"_s << 0 << u"totalUsage"_s << u"usages[0].totalUsage"_s;
        QTest::newRow("name") << u"usages"_s << 2 << u"name"_s << u"usages[2].name"_s;
        QTest::newRow("resources") << u"usages"_s << 1 << u"resources"_s << u"usages[1].resources"_s;
    }

    void billableUsage_missingRequiredField_namesPath()
    {
        QFETCH(QString, arrayKey);
        QFETCH(int, index);
        QFETCH(QString, member);
        QFETCH(QString, expectedField);
        const QJsonObject obj = withArrayMember(
            exampleObject("billableusage-complete.json"), arrayKey, index, member, kRemoved);
        const auto parsed = BillingUsageReport::fromJson(toBytes(obj));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, expectedField);
        QCOMPARE(parsed.error().message, u"missing required field"_s);
    }

    void billableUsage_missingResourceDate_namesNestedPath()
    {
        QJsonObject obj = exampleObject("billableusage-complete.json");
        QJsonArray usages = obj.value(u"usages"_s).toArray();
        QJsonObject cx3 = usages.at(0).toObject();
        cx3 = withArrayMember(cx3, u"resources"_s, 1, u"date"_s, kRemoved);
        usages.replace(0, cx3);
        obj.insert(u"usages"_s, usages);
        const auto parsed = BillingUsageReport::fromJson(obj);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, u"usages[0].resources[1].date"_s);
    }

    void billableUsage_missingTopLevelField_namesField()
    {
        for (const QString& key : { u"startDate"_s, u"endDate"_s, u"usages"_s }) {
            QJsonObject obj = exampleObject("billableusage-complete.json");
            obj.remove(key);
            const auto parsed = BillingUsageReport::fromJson(obj);
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().field, key);
        }
    }

    void billableUsage_quantityAsNumber_isError()
    {
        const QJsonObject obj = withArrayMember(
            exampleObject("billableusage-complete.json"), u"usages"_s, 2, u"totalUsage"_s, 1);
        const auto parsed = BillingUsageReport::fromJson(obj);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, u"usages[2].totalUsage"_s);
        QCOMPARE(parsed.error().message, u"expected a decimal string"_s);
        QCOMPARE(parsed.error().toString(), u"usages[2].totalUsage: expected a decimal string"_s);
    }

    void billableUsage_wrongTypes_areErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expectedField");
        const QByteArray dates = R"("startDate":"2026-10-01T00:00:00Z","endDate":"2026-10-31T23:59:59.999Z")";
        QTest::newRow("usages not array") << QByteArray("{" + dates + R"(,"usages":{}})") << u"usages"_s;
        QTest::newRow("usage not object") << QByteArray("{" + dates + R"(,"usages":[3]})") << u"usages[0]"_s;
        QTest::newRow("date as number")
            << QByteArray(R"({"startDate":20261001,"endDate":"2026-10-31","usages":[]})") << u"startDate"_s;
        QTest::newRow("garbage date")
            << QByteArray(R"({"startDate":"soon","endDate":"2026-10-31","usages":[]})") << u"startDate"_s;
        QTest::newRow("bad decimal string")
            << QByteArray("{" + dates + R"(,"usages":[{"name":"x","totalUsage":"1e3","resources":[]}]})")
            << u"usages[0].totalUsage"_s;
        QTest::newRow("empty status")
            << QByteArray("{" + dates + R"(,"status":"","usages":[]})") << u"status"_s;
        QTest::newRow("status as bool")
            << QByteArray("{" + dates + R"(,"status":true,"usages":[]})") << u"status"_s;
        QTest::newRow("null required")
            << QByteArray(R"({"startDate":null,"endDate":"2026-10-31","usages":[]})") << u"startDate"_s;
    }

    void billableUsage_wrongTypes_areErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expectedField);
        const auto parsed = BillingUsageReport::fromJson(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, expectedField);
    }

    void billableUsage_unknownFields_areIgnored()
    {
        QJsonObject obj = exampleObject("billableusage-complete.json");
        obj.insert(u"futureField"_s, QJsonObject { { u"x"_s, 1 } });
        obj = withArrayMember(obj, u"usages"_s, 0, u"unitPrice"_s, 12.5);
        const auto parsed = BillingUsageReport::fromJson(obj);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().usages.size(), 3);
    }

    void fromJson_malformedOrNonObjectBody_isRootError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messageStart");
        const QByteArray complete = example("billableusage-complete.json");
        QTest::newRow("truncated") << complete.left(complete.size() / 2) << u"malformed JSON: "_s;
        QTest::newRow("garbage") << QByteArray("<html>502 Bad Gateway</html>") << u"malformed JSON: "_s;
        QTest::newRow("empty") << QByteArray() << u"malformed JSON: "_s;
        QTest::newRow("array") << QByteArray("[]") << u"expected a JSON object"_s;
    }

    void fromJson_malformedOrNonObjectBody_isRootError()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, messageStart);
        for (const JsonError& error : { BillingUsageReport::fromJson(body).error(),
                 TrusteeBillingOverview::fromJson(body).error(), TrustorListing::fromJson(body).error(),
                 Organization::fromJson(body).error(), OAuthToken::fromJson(body).error(),
                 OAuthError::fromJson(body).error(), ErrorBody::fromJson(body).error() }) {
            QVERIFY(error.field.isEmpty());
            QVERIFY2(error.message.startsWith(messageStart), qPrintable(error.message));
        }
        if (messageStart.startsWith(u"malformed"_s))
            QVERIFY(BillingUsageReport::fromJson(body).error().message.contains(u" at offset "_s));
    }

    void duplicateKey_isError_namingItsPath_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expectedField");
        const QByteArray dates = R"("startDate":"2026-10-01T00:00:00Z","endDate":"2026-10-31T23:59:59.999Z")";
        QTest::newRow("top level") << QByteArray("{" + dates + R"(,"usages":[],"usages":[]})") << u"usages"_s;
        QTest::newRow("in an array element") << QByteArray("{" + dates
            + R"(,"usages":[{"name":"a","totalUsage":"1","resources":[]},)"
              R"({"name":"b","totalUsage":"1","totalUsage":"999","resources":[]}]})")
                                             << u"usages[1].totalUsage"_s;
        QTest::newRow("spelled with an escape") << QByteArray(
            "{" + dates + R"(,"usages":[{"name":"a","name":"b","totalUsage":"1","resources":[]}]})")
                                                << u"usages[0].name"_s;
        QTest::newRow("nested object")
            << QByteArray(R"({"organization":{"id":"a","id":"b"},"currency":"USD","enabledProducts":[],)"
                          R"("subscriptionType":"PREPAY","usages":[]})")
            << u"organization.id"_s;
    }

    void duplicateKey_isError_namingItsPath()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expectedField);
        const JsonError error = body.contains("organization") ? TrusteeBillingOverview::fromJson(body).error()
                                                              : BillingUsageReport::fromJson(body).error();
        QCOMPARE(error.field, expectedField);
        QCOMPARE(error.message, u"the key appears twice in one object"_s);
    }

    void sameKeyInSiblingObjects_isNoDuplicate()
    {
        const auto parsed = BillingUsageReport::fromJson(example("billableusage-complete.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().usages.size(), 3);
    }

    void trusteeBillingOverview_parsesAllFields()
    {
        const auto parsed = TrusteeBillingOverview::fromJson(example("trusteebillingoverview.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const TrusteeBillingOverview& o = parsed.value();
        QCOMPARE(o.organization.id, u"4f8e2a61-7c3b-4d95-a0e1-6b2c9d8f7a14"_s);
        QCOMPARE(o.organization.name, u"Fabrikam Retail"_s);
        QCOMPARE(o.currency, u"USD"_s);
        QCOMPARE(o.enabledProducts,
            QStringList({ u"PureCloud2Overage"_s, u"PureCloudApiResource"_s, u"verintWfeOverage"_s }));
        QCOMPARE(o.subscriptionType, u"PREPAY_MONTHLY_COMMITMENT"_s);
        QVERIFY(TrusteeBillingOverview::knownSubscriptionTypes().contains(o.subscriptionType));
        QCOMPARE(o.rampPeriodStartDate, std::optional<QDateTime>(iso("2025-04-23T00:00:00Z")));
        QCOMPARE(o.billingPeriodStartDate, std::optional<QDateTime>(iso("2026-10-23T00:00:00Z")));
        QCOMPARE(o.billingPeriodEndDate, std::optional<QDateTime>(iso("2026-11-22T23:59:59Z")));
        QCOMPARE(o.contractEndDate, std::optional<QDateTime>(iso("2028-04-22T23:59:59.999Z")));
        QCOMPARE(o.minimumMonthlyAmount, std::optional<Decimal>(Decimal::fromInt(6500)));
        QCOMPARE(o.minimumMonthlyAmount->toString(2), u"6500.00"_s);
        QCOMPARE(o.inRampPeriod, std::optional<bool>(false));
        QVERIFY(o.id.isEmpty());

        QCOMPARE(o.usages.size(), 4);
        const SubscriptionOverviewUsage& addOn = o.usages.at(0);
        QCOMPARE(addOn.partNumber, u"PC-170-NV-VRNTWFE"_s);
        QCOMPARE(addOn.usageQuantity, dec("1"));
        QCOMPARE(addOn.overagePrice, std::optional<Decimal>(dec("29.00")));
        QCOMPARE(addOn.prepayPrice, std::optional<Decimal>(dec("24.50")));
        QCOMPARE(addOn.isThirdParty, std::optional<bool>(true));
        QCOMPARE(addOn.isCancellable, std::optional<bool>(true));
        QVERIFY(!addOn.bundleQuantity.has_value());

        const SubscriptionOverviewUsage& cx2 = o.usages.at(1);
        QCOMPARE(cx2.grouping, u"user-license"_s);
        QCOMPARE(cx2.unitOfMeasureType, u"seat"_s);
        QCOMPARE(cx2.usageQuantity, dec("64"));
        QCOMPARE(cx2.prepayQuantity, dec("60"));
        QCOMPARE(cx2.bundleQuantity, std::optional<Decimal>(dec("1")));
        QCOMPARE(cx2.usageNotes, QString());

        const SubscriptionOverviewUsage& api = o.usages.at(2);
        QCOMPARE(api.partNumber, u"PC-170-NV-APIRES"_s);
        QCOMPARE(api.grouping, u"resource"_s);
        QCOMPARE(api.overagePrice, std::optional<Decimal>(dec("0.00025")));
        QCOMPARE(api.usageQuantity * *api.overagePrice, dec("312.59375"));
        QVERIFY(!api.prepayPrice.has_value());

        const SubscriptionOverviewUsage& fairUse = o.usages.at(3);
        QCOMPARE(fairUse.grouping, u"fair-use"_s);
        QCOMPARE(fairUse.usageQuantity, dec("400000"));
        QVERIFY(!fairUse.overagePrice.has_value());
    }

    void trusteeBillingOverview_optionalFieldsAbsent_areNullopt()
    {
        const QByteArray body = R"({"organization":{"id":"o"},"currency":"EUR","enabledProducts":[],
            "subscriptionType":"SOMETHING_NEW","usages":[]})";
        const auto parsed = TrusteeBillingOverview::fromJson(body);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().subscriptionType, u"SOMETHING_NEW"_s);
        QVERIFY(parsed.value().organization.name.isEmpty());
        QVERIFY(!parsed.value().billingPeriodStartDate.has_value());
        QVERIFY(!parsed.value().minimumMonthlyAmount.has_value());
        QVERIFY(!parsed.value().inRampPeriod.has_value());
    }

    void trusteeBillingOverview_errors_namePath_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("usageQuantity missing")
            << u"usageQuantity"_s << kRemoved << u"usages[2].usageQuantity"_s;
        QTest::newRow("partNumber missing") << u"partNumber"_s << kRemoved << u"usages[2].partNumber"_s;
        QTest::newRow("overagePrice as number")
            << u"overagePrice"_s << QJsonValue(0.0001) << u"usages[2].overagePrice"_s;
        QTest::newRow("isThirdParty as string")
            << u"isThirdParty"_s << QJsonValue(u"false"_s) << u"usages[2].isThirdParty"_s;
    }

    void trusteeBillingOverview_errors_namePath()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expectedField);
        const QJsonObject obj
            = withArrayMember(exampleObject("trusteebillingoverview.json"), u"usages"_s, 2, member, value);
        const auto parsed = TrusteeBillingOverview::fromJson(obj);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, expectedField);
    }

    void trusteeBillingOverview_topLevelErrors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("organization missing") << u"organization"_s << kRemoved << u"organization"_s;
        QTest::newRow("organization id missing")
            << u"organization"_s << QJsonValue(QJsonObject { { u"name"_s, u"x"_s } }) << u"organization.id"_s;
        QTest::newRow("currency missing") << u"currency"_s << kRemoved << u"currency"_s;
        QTest::newRow("enabledProducts element")
            << u"enabledProducts"_s << QJsonValue(QJsonArray { u"a"_s, 2 }) << u"enabledProducts[1]"_s;
        QTest::newRow("minimumMonthlyAmount as number")
            << u"minimumMonthlyAmount"_s << QJsonValue(7750) << u"minimumMonthlyAmount"_s;
        QTest::newRow("inRampPeriod as string")
            << u"inRampPeriod"_s << QJsonValue(u"no"_s) << u"inRampPeriod"_s;
        QTest::newRow("billingPeriodStartDate garbage")
            << u"billingPeriodStartDate"_s << QJsonValue(u"x"_s) << u"billingPeriodStartDate"_s;
    }

    void trusteeBillingOverview_topLevelErrors()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expectedField);
        QJsonObject obj = exampleObject("trusteebillingoverview.json");
        if (value.isUndefined())
            obj.remove(key);
        else
            obj.insert(key, value);
        const auto parsed = TrusteeBillingOverview::fromJson(obj);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, expectedField);
    }

    void trustors_parsesPage()
    {
        const auto parsed = TrustorListing::fromJson(example("trustors-page1.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const TrustorListing& page = parsed.value();
        QCOMPARE(page.entities.size(), 2);
        QCOMPARE(page.pageSize, 25);
        QCOMPARE(page.pageNumber, 1);
        QCOMPARE(page.total, 2);
        QCOMPARE(page.pageCount, 1);
        QVERIFY(page.nextUri.isEmpty());
        QVERIFY(!page.hasNextPage());
        const Trustor& t = page.entities.at(0);
        QCOMPARE(t.id, u"4f8e2a61-7c3b-4d95-a0e1-6b2c9d8f7a14"_s);
        QVERIFY(t.enabled);
        QCOMPARE(t.dateCreated, iso("2025-04-09T10:41:27Z"));
        QCOMPARE(t.organization.name, u"Fabrikam Retail"_s);
        QCOMPARE(t.selfUri, u"/api/v2/orgauthorization/trustors/4f8e2a61-7c3b-4d95-a0e1-6b2c9d8f7a14"_s);
        const Trustor& disabled = page.entities.at(1);
        QVERIFY(!disabled.enabled);
        QCOMPARE(disabled.dateCreated, QDateTime(QDate(2025, 9, 30), QTime(7, 5, 0, 250), bd::UtcZone));
        QCOMPARE(disabled.organization.name, u"Contoso Health GmbH"_s);
    }

    void trustors_defaultsAndErrors()
    {
        const auto minimal = TrustorListing::fromJson(QByteArray(R"({"entities":[]})"));
        QVERIFY(minimal.ok());
        QCOMPARE(minimal.value().pageNumber, 1);
        QCOMPARE(minimal.value().pageSize, 0);
        QCOMPARE(minimal.value().pageCount, 0);

        const auto withNext = TrustorListing::fromJson(QByteArray(R"({"entities":[],"nextUri":"/next"})"));
        QVERIFY(withNext.ok());
        QVERIFY(withNext.value().hasNextPage());

        const auto noDate = TrustorListing::fromJson(
            QByteArray(R"({"entities":[{"id":"a","enabled":false,"organization":{"id":"a"}}]})"));
        QVERIFY2(noDate.ok(), qPrintable(noDate.error().toString()));
        QVERIFY(!noDate.value().entities.at(0).dateCreated.isValid());

        QCOMPARE(TrustorListing::fromJson(QByteArray(R"({"pageSize":25})")).error().field, u"entities"_s);
        QCOMPARE(TrustorListing::fromJson(QByteArray(R"({"entities":[],"pageSize":"25"})")).error().field,
            u"pageSize"_s);
        QCOMPARE(TrustorListing::fromJson(QByteArray(R"({"entities":[],"pageSize":2.5})")).error().field,
            u"pageSize"_s);
        const QJsonObject obj
            = withArrayMember(exampleObject("trustors-page1.json"), u"entities"_s, 0, u"enabled"_s, kRemoved);
        QCOMPARE(TrustorListing::fromJson(obj).error().field, u"entities[0].enabled"_s);
        const QJsonObject noOrg = withArrayMember(
            exampleObject("trustors-page1.json"), u"entities"_s, 0, u"organization"_s, kRemoved);
        QCOMPARE(TrustorListing::fromJson(noOrg).error().field, u"entities[0].organization"_s);
    }

    void organizationMe_parses()
    {
        const QByteArray body
            = R"({"id":"o1","name":"Partner","thirdPartyOrgName":"partner","domain":"partner.example",
            "state":"active","version":7,"selfUri":"/api/v2/organizations/o1"})";
        const auto parsed = Organization::fromJson(body);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().name, u"Partner"_s);
        QCOMPARE(parsed.value().thirdPartyOrgName, u"partner"_s);
        QCOMPARE(parsed.value().state, u"active"_s);
        QCOMPARE(Organization::fromJson(QByteArray(R"({"id":"o1"})")).error().field, u"name"_s);
    }

    void oauthToken_parses()
    {
        const auto parsed = OAuthToken::fromJson(example("oauth-token.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().accessToken, u"ZmFicmlrYW0tZXhhbXBsZS1hY2Nlc3MtdG9rZW4"_s);
        QCOMPARE(parsed.value().tokenType, u"bearer"_s);
        QCOMPARE(parsed.value().expiresIn, 86399);

        const auto noExpiry = OAuthToken::fromJson(QByteArray(R"({"access_token":"t"})"));
        QVERIFY(noExpiry.ok());
        QCOMPARE(noExpiry.value().expiresIn, 0);
        QCOMPARE(
            OAuthToken::fromJson(QByteArray(R"({"token_type":"bearer"})")).error().field, u"access_token"_s);
        QCOMPARE(OAuthToken::fromJson(QByteArray(R"({"access_token":"t","expires_in":"60"})")).error().field,
            u"expires_in"_s);
    }

    void oauthError_example_parses()
    {
        const auto parsed = OAuthError::fromJson(example("oauth-error.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().error, u"invalid_client"_s);
        QCOMPARE(parsed.value().description, u"client not found"_s);
    }

    void errorBody_withParamsAndDetails_example_parses()
    {
        const auto parsed = ErrorBody::fromJson(example("error-400-params.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().status, 400);
        QCOMPARE(parsed.value().code, u"invalid.date"_s);
        QCOMPARE(parsed.value().messageParams.value(u"other"_s).toString(), u"endDate"_s);
        QCOMPARE(parsed.value().details.size(), 1);
        QCOMPARE(parsed.value().details.at(0).fieldName, u"startDate"_s);
    }

    void oauthError_readsEitherDescription()
    {
        const auto both = OAuthError::fromJson(
            QByteArray(R"({"error":"invalid_client","description":"d","error_description":"ed"})"));
        QVERIFY(both.ok());
        QCOMPARE(both.value().error, u"invalid_client"_s);
        QCOMPARE(both.value().description, u"ed"_s);
        const auto legacy
            = OAuthError::fromJson(QByteArray(R"({"error":"access_denied","description":"d"})"));
        QVERIFY(legacy.ok());
        QCOMPARE(legacy.value().description, u"d"_s);
        QCOMPARE(OAuthError::fromJson(QByteArray(R"({"description":"d"})")).error().field, u"error"_s);
    }

    void errorBody_examples_parse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("contextId");
        QTest::newRow("403") << example("error-403.json") << 403 << u"missing.any.permissions"_s
                             << u"7a2f9c14-6d0e-4b3a-8e51-2c9d0f7b6a38"_s;
        QTest::newRow("429") << example("error-429.json") << 429 << u"too.many.requests"_s
                             << u"e91b3d07-5a4c-4f28-b6e3-0d8a7c2f1e59"_s;
        QTest::newRow("404") << example("error-404.json") << 404 << u"not.found"_s
                             << u"3c6e8a20-9f1b-4d7e-a542-8b0c1d9e2f63"_s;
    }

    void errorBody_examples_parse()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, contextId);
        const auto parsed = ErrorBody::fromJson(body);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().status, status);
        QCOMPARE(parsed.value().code, code);
        QCOMPARE(parsed.value().contextId, contextId);
        QVERIFY(!parsed.value().message.isEmpty());
        QVERIFY(parsed.value().details.isEmpty());
    }

    void errorBody_optionalAndWrongTypes()
    {
        const auto empty = ErrorBody::fromJson(QByteArray("{}"));
        QVERIFY(empty.ok());
        QCOMPARE(empty.value().status, 0);

        const auto full = ErrorBody::fromJson(QByteArray(
            R"({"message":"m","messageWithParams":"bad {field}","messageParams":{"field":"startDate"},
                "details":[{"errorCode":"invalid.date","fieldName":"startDate"}]})"));
        QVERIFY2(full.ok(), qPrintable(full.error().toString()));
        QCOMPARE(full.value().messageParams.value(u"field"_s).toString(), u"startDate"_s);
        QCOMPARE(full.value().details.size(), 1);
        QCOMPARE(full.value().details.at(0).fieldName, u"startDate"_s);
        QCOMPARE(full.value().details.at(0).errorCode, u"invalid.date"_s);

        QCOMPARE(ErrorBody::fromJson(QByteArray(R"({"status":"403"})")).error().field, u"status"_s);
        QCOMPARE(ErrorBody::fromJson(QByteArray(R"({"message":5})")).error().field, u"message"_s);
        QCOMPARE(
            ErrorBody::fromJson(QByteArray(R"({"messageParams":[]})")).error().field, u"messageParams"_s);
        QCOMPARE(ErrorBody::fromJson(QByteArray(R"({"details":[{"fieldName":1}]})")).error().field,
            u"details[0].fieldName"_s);
    }

    void parsed_take_movesValueOut()
    {
        auto parsed = OAuthToken::fromJson(example("oauth-token.json"));
        QVERIFY(static_cast<bool>(parsed));
        const OAuthToken token = parsed.take();
        QCOMPARE(token.expiresIn, 86399);
        QVERIFY(parsed.error().field.isEmpty() && parsed.error().message.isEmpty());
    }

    void jsonError_toString_withoutField_isMessage()
    {
        QCOMPARE(
            (JsonError { QString(), u"expected a JSON object"_s }).toString(), u"expected a JSON object"_s);
    }
};

QTEST_APPLESS_MAIN(TestDomainJson)
#include "tst_domainjson.moc"
