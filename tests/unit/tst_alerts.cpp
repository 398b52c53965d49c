// The rules behind alerts and the licence check, each at its edges in exact decimals: the usage-side state
// rule, the 25 % bands past a commitment, what is news and what is not, licence commitments by day and as
// typed on a command line, the monitoring output, anomalies by median ± 3 × MAD, and who pushed a licence
// over its commitment.
#include "cli/checkreport.h"
#include "domain/alertrule.h"
#include "domain/anomaly.h"
#include "domain/commitmentstate.h"
#include "domain/licencecommitment.h"
#include "domain/utc.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

Q_DECLARE_METATYPE(bd::CommitmentState)

namespace {

Decimal dec(const char* text)
{
    return *Decimal::fromString(QString::fromLatin1(text));
}

std::optional<Decimal> some(const char* text)
{
    return dec(text);
}

CheckItem item(const QString& name, CommitmentState state, std::optional<Decimal> percent = {})
{
    CheckItem i;
    i.subject.key = name;
    i.subject.name = name;
    i.subject.mark.state = state;
    i.subject.usedPercent = percent;
    return i;
}

} // namespace

class TestAlerts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void state_data()
    {
        QTest::addColumn<QString>("used");
        QTest::addColumn<QString>("commitment"); // empty: none
        QTest::addColumn<QString>("likely"); // empty: no projection
        QTest::addColumn<CommitmentState>("expected");
        QTest::newRow("nothing used, no commitment")
            << u"0"_s << QString() << QString() << CommitmentState::Ok;
        QTest::newRow("used, no commitment")
            << u"0.5"_s << QString() << QString() << CommitmentState::OnDemand;
        QTest::newRow("a commitment of 0 is none")
            << u"3"_s << u"0"_s << QString() << CommitmentState::OnDemand;
        QTest::newRow("just under the threshold")
            << u"89.999"_s << u"100"_s << QString() << CommitmentState::Ok;
        QTest::newRow("at the threshold") << u"90"_s << u"100"_s << QString() << CommitmentState::Warning;
        QTest::newRow("at the commitment") << u"100"_s << u"100"_s << QString() << CommitmentState::Warning;
        QTest::newRow("just over it")
            << u"100.000000001"_s << u"100"_s << QString() << CommitmentState::Exceeded;
        QTest::newRow("projected past it")
            << u"50"_s << u"100"_s << u"101"_s << CommitmentState::ProjectedToExceed;
        QTest::newRow("projected to it, not past") << u"50"_s << u"100"_s << u"100"_s << CommitmentState::Ok;
        QTest::newRow("over already: exceeded, not projected")
            << u"120"_s << u"100"_s << u"150"_s << CommitmentState::Exceeded;
    }

    void state()
    {
        QFETCH(QString, used);
        QFETCH(QString, commitment);
        QFETCH(QString, likely);
        QFETCH(CommitmentState, expected);
        const auto c = commitment.isEmpty() ? std::nullopt : Decimal::fromString(commitment);
        const auto l = likely.isEmpty() ? std::nullopt : Decimal::fromString(likely);
        QCOMPARE(Commitments::state(*Decimal::fromString(used), c, 90, l), expected);
    }

    void band_countsWholeStepsOf25PastTheCommitment()
    {
        QCOMPARE(Alerts::band(CommitmentState::Exceeded, some("100.1")), 0);
        QCOMPARE(Alerts::band(CommitmentState::Exceeded, some("124.999999999")), 0);
        QCOMPARE(Alerts::band(CommitmentState::Exceeded, some("125")), 1);
        QCOMPARE(Alerts::band(CommitmentState::Exceeded, some("160")), 2);
        QCOMPARE(Alerts::band(CommitmentState::Exceeded, some("300")), 8);
        QCOMPARE(Alerts::band(CommitmentState::Warning, some("99")), 0);
        QCOMPARE(Alerts::band(CommitmentState::Exceeded, std::nullopt), 0);
    }

    void isNews_changesAndFurtherBandsOnly()
    {
        const AlertMark warning { CommitmentState::Warning, 0 };
        const AlertMark exceeded { CommitmentState::Exceeded, 0 };
        const AlertMark exceeded125 { CommitmentState::Exceeded, 1 };
        // Nothing told yet counts as ok: a first warning is news, a first ok or on-demand is not.
        QVERIFY(Alerts::isNews(std::nullopt, warning));
        QVERIFY(!Alerts::isNews(std::nullopt, AlertMark {}));
        QVERIFY(!Alerts::isNews(std::nullopt, { CommitmentState::OnDemand, 0 }));
        QVERIFY(!Alerts::isNews(std::nullopt, { CommitmentState::Ramp, 0 }));
        // The same state again is not news; a change is, either way.
        QVERIFY(!Alerts::isNews(warning, warning));
        QVERIFY(Alerts::isNews(warning, exceeded));
        QVERIFY(Alerts::isNews(exceeded, warning));
        QVERIFY(Alerts::isNews(warning, AlertMark {}));
        // Among the quiet states nothing is news.
        QVERIFY(!Alerts::isNews(AlertMark {}, { CommitmentState::OnDemand, 0 }));
        // Past the commitment, each further band is news once; falling back a band is not.
        QVERIFY(Alerts::isNews(exceeded, exceeded125));
        QVERIFY(!Alerts::isNews(exceeded125, exceeded125));
        QVERIFY(!Alerts::isNews(exceeded125, exceeded));
    }

    void text_saysTheChangeAndTheFigures()
    {
        AlertSubject s;
        s.name = u"Genesys Cloud CX 3"_s;
        s.mark = { CommitmentState::Exceeded, 0 };
        s.detail = u"118 of 100, 118 %"_s;
        QCOMPARE(Alerts::text(s, AlertMark { CommitmentState::Warning, 0 }),
            u"Genesys Cloud CX 3: warning → exceeded (118 of 100, 118 %)"_s);
        QCOMPARE(Alerts::text(s, std::nullopt), u"Genesys Cloud CX 3: exceeded (118 of 100, 118 %)"_s);
        s.mark.band = 2;
        s.detail.clear();
        QCOMPARE(Alerts::text(s, AlertMark { CommitmentState::Exceeded, 1 }),
            u"Genesys Cloud CX 3: exceeded, past 150 %"_s);
    }

    void commitments_theLatestThatHoldsOnTheDay()
    {
        const QList<LicenceCommitment> book { { u"Genesys Cloud CX 3"_s, dec("100"), {} },
            { u"Genesys Cloud CX 3"_s, dec("120"), QDate(2026, 7, 1) },
            { u"Genesys Cloud CX 1"_s, dec("5"), QDate(2026, 9, 1) } };
        QCOMPARE(LicenceCommitments::on(book, u"Genesys Cloud CX 3"_s, QDate(2026, 6, 30)), some("100"));
        QCOMPARE(LicenceCommitments::on(book, u"genesys cloud cx 3 "_s, QDate(2026, 7, 1)), some("120"));
        QCOMPARE(LicenceCommitments::on(book, u"Genesys Cloud CX 1"_s, QDate(2026, 8, 31)), std::nullopt);
        QCOMPARE(LicenceCommitments::on(book, u"Genesys Cloud CX 1"_s, QDate(2026, 9, 1)), some("5"));
        QCOMPARE(LicenceCommitments::on(book, u"Genesys Cloud CX 2"_s, QDate(2026, 9, 1)), std::nullopt);
    }

    void commitments_zeroIsNoCommitment_andIsRefused()
    {
        QString error;
        QVERIFY(!LicenceCommitments::fromFields(u"CX 3"_s, u"0"_s, {}, &error));
        QVERIFY2(error.contains(u"above 0"_s), qPrintable(error));
        QVERIFY(LicenceCommitments::fromFields(u"CX 3"_s, u" 0.5 "_s, u"2026-07-01"_s, &error));
        const QList<LicenceCommitment> twice { { u"CX 3"_s, dec("1"), QDate(2026, 7, 1) },
            { u"cx 3"_s, dec("2"), QDate(2026, 7, 1) } };
        QVERIFY(LicenceCommitments::conflict(twice).contains(u"twice"_s));
        QVERIFY(LicenceCommitments::conflict(twice.mid(0, 1)).isEmpty());
    }

    void commitments_parse()
    {
        QString error;
        const auto plain = LicenceCommitments::parse(u"Genesys Cloud CX 3=120"_s, &error);
        QVERIFY(plain);
        QCOMPARE(plain->licence, u"Genesys Cloud CX 3"_s);
        QCOMPARE(plain->quantity, dec("120"));
        QVERIFY(!plain->from.isValid());
        const auto dated = LicenceCommitments::parse(u" Storage = 2.5 @ 2028-02-29"_s, &error);
        QVERIFY(dated);
        QCOMPARE(dated->licence, u"Storage"_s);
        QCOMPARE(dated->quantity, dec("2.5"));
        QCOMPARE(dated->from, QDate(2028, 2, 29));
        for (const QString& bad :
            { u"Genesys Cloud CX 3"_s, u"=5"_s, u"CX=-1"_s, u"CX=ten"_s, u"CX=5@2027-02-29"_s }) {
            error.clear();
            QVERIFY2(!LicenceCommitments::parse(bad, &error), qPrintable(bad));
            QVERIFY2(!error.isEmpty(), qPrintable(bad));
        }
    }

    void report_statusAndSummary()
    {
        const QList<CheckItem> ok { item(u"CX 1"_s, CommitmentState::Ok, some("50")),
            item(u"Storage"_s, CommitmentState::OnDemand) };
        QCOMPARE(CheckReport::status(ok), CheckReport::Status::Ok);
        QCOMPARE(CheckReport::summary(ok, u"licence"_s, 90, u"(cycle)"_s),
            u"BILLING OK - 2 licences, none near or over a commitment (1 on demand: no commitment) (cycle) | 'CX 1'=50%;90;100"_s);
        QVERIFY(CheckReport::lines(ok).isEmpty());

        const QList<CheckItem> warn { item(u"CX 1"_s, CommitmentState::Warning, some("91.4")),
            item(u"CX 3"_s, CommitmentState::Warning, some("94")),
            item(u"CX 2"_s, CommitmentState::Ok, some("10")) };
        QCOMPARE(CheckReport::status(warn), CheckReport::Status::Warning);
        QCOMPARE(CheckReport::summary(warn, u"licence"_s, 90, {}),
            u"BILLING WARNING - 2 licences at or above 90 %: CX 3 94 %, CX 1 91 % | 'CX 1'=91.4%;90;100 "
            "'CX 3'=94%;90;100 'CX 2'=10%;90;100"_s);
        QCOMPARE(CheckReport::lines(warn).size(), 2);

        QList<CheckItem> critical { item(u"Contoso"_s, CommitmentState::Exceeded, some("118")),
            item(u"Fabrikam"_s, CommitmentState::ProjectedToExceed, some("80")),
            item(u"Litware"_s, CommitmentState::Warning, some("95")) };
        critical[0].isNews = true;
        QCOMPARE(CheckReport::status(critical), CheckReport::Status::Critical);
        const QString summary = CheckReport::summary(critical, u"customer"_s, 90, {});
        QVERIFY2(
            summary.startsWith(
                u"BILLING CRITICAL - 1 customer exceeded, 1 customer projected to exceed: Contoso 118 %, Fabrikam 80 %"_s),
            qPrintable(summary));
        const QStringList lines = CheckReport::lines(critical);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.first(), u"CRITICAL Contoso: exceeded [new]"_s);
        QCOMPARE(lines.last(), u"WARNING Litware: warning"_s);
    }

    void report_aReturnToOkIsListedOnce()
    {
        CheckItem back = item(u"CX 3"_s, CommitmentState::Ok, some("80"));
        back.last = AlertMark { CommitmentState::Exceeded, 0 };
        back.isNews = Alerts::isNews(back.last, back.subject.mark);
        QVERIFY(back.isNews);
        QCOMPARE(CheckReport::lines({ back }), QStringList { u"OK CX 3: exceeded → ok [new]"_s });
    }

    void anomaly_outsideMedianPlusMinus3Mad()
    {
        const QList<Decimal> steady { dec("100"), dec("102"), dec("98"), dec("101"), dec("99"), dec("100") };
        // Median 100, MAD 1: the band is 97–103; and the change must be at least 5.
        QVERIFY(!Anomalies::test(u"CX 3"_s, dec("103"), steady, dec("5")));
        QVERIFY(!Anomalies::test(u"CX 3"_s, dec("104"), steady, dec("5"))); // outside the band, but small
        const auto rise = Anomalies::test(u"CX 3"_s, dec("140"), steady, dec("5"));
        QVERIFY(rise);
        QCOMPARE(rise->kind, Anomaly::Kind::Rise);
        QCOMPARE(rise->expected, dec("100"));
        QCOMPARE(rise->impact, dec("40"));
        const auto fall = Anomalies::test(u"CX 3"_s, dec("60"), steady, dec("5"));
        QVERIFY(fall);
        QCOMPARE(fall->kind, Anomaly::Kind::Fall);
        QCOMPARE(fall->impact, dec("-40"));
        // A one-seat blip on three seats is not news, even with no spread at all.
        const QList<Decimal> three { dec("3"), dec("3"), dec("3"), dec("3") };
        QVERIFY(!Anomalies::test(u"CX 1"_s, dec("4"), three, dec("2")));
        // Too little history says nothing.
        QVERIFY(!Anomalies::test(u"CX 1"_s, dec("400"), { dec("3"), dec("3") }, dec("2")));
        QCOMPARE(Anomalies::median({ dec("4"), dec("1"), dec("3"), dec("2") }), dec("2.5"));
    }

    void pushedOver_theResourcesSeenAfterTheCommitmentFilled()
    {
        const auto at = [](int day) { return QDateTime(QDate(2026, 11, day), QTime(9, 0), UtcZone); };
        const QList<BillingUsageResource> seen { { u"d@x"_s, at(9) }, { u"a@x"_s, at(1) },
            { u"c@x"_s, at(5) }, { u"b@x"_s, at(3) }, { u"e@x"_s, at(12) } };
        const QList<BillingUsageResource> over = PushedOver::resources(seen, dec("3"));
        QCOMPARE(over.size(), 2);
        QCOMPARE(over.at(0).name, u"d@x"_s);
        QCOMPARE(over.at(1).name, u"e@x"_s);
        QVERIFY(PushedOver::resources(seen, dec("5")).isEmpty());
        QCOMPARE(PushedOver::resources(seen, dec("4.5")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
