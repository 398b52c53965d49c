// The monitoring check (billing-dashboard check …) against billing-sim: each state from commitments set
// around the sim's own usage figures, the plugin's exit codes, alerts told once per change across runs (in
// the local store or a state file), and a partner's portfolio against the sim's billing periods.

#include "cli/exportcommand.h"
#include "cli/exportoptions.h"
#include "domain/datacutoff.h"
#include "domain/datebuckets.h"
#include "domain/decimal.h"
#include "domain/projection.h"
#include "i18n/translations.h"
#include "load/usageseriescontroller.h"
#include "models/usageseriesmodel.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::SimFixture;

namespace {

struct CheckRun
{
    int exitCode = -1; ///< -1: it never finished
    QStringList lines;
    QString text() const { return lines.join(u'\n'); }
    QString summary() const { return lines.value(0); }
    /// The lines after the summary that name `name`.
    QStringList about(const QString& name) const
    {
        QStringList found;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).contains(u' ' + name + u':'))
                found << lines.at(i);
        }
        return found;
    }
};

/// The check of `arguments` (the words after "check") on `today` (UTC), as the executable runs it.
CheckRun runCheck(const QStringList& arguments, const QDate& today)
{
    CheckRun run;
    QString error;
    const auto options = ExportOptions::parseCheck(arguments, QProcessEnvironment(), today, &error);
    if (!options) {
        run.lines << u"BILLING UNKNOWN - "_s + error;
        run.exitCode = 3;
        return run;
    }
    ExportCommand command;
    command.setMessageSink([&run](const QString& text) { run.lines << text.split(u'\n'); });
    QSignalSpy finished(&command, &ExportCommand::finished);
    command.start(*options);
    if (finished.isEmpty() && !finished.wait(120'000))
        return run;
    run.exitCode = finished.first().first().toInt();
    return run;
}

QStringList simArguments(const SimFixture& fixture, const QString& secret = u"demo"_s)
{
    return { u"--base-url"_s, fixture.server->baseUrl().toString(), u"--client-id"_s, u"demo"_s,
        u"--client-secret"_s, secret };
}

/// The sim's own total of each licence in the window of `bucket`, from its JSON.
QMap<QString, Decimal> simTotals(const SimFixture& fixture, const DateBucket& bucket)
{
    QMap<QString, Decimal> totals;
    const QJsonObject report = fixture.server->data().billableUsage(bucket.start(), bucket.end());
    for (const QJsonValue& usage : report.value(u"usages"_s).toArray()) {
        const QJsonArray resources = usage[u"resources"_s].toArray();
        if (!resources.isEmpty()) // seat licences: their totals are whole resources
            totals.insert(
                usage[u"name"_s].toString(), *Decimal::fromString(usage[u"totalUsage"_s].toString()));
    }
    return totals;
}

QString commitment(const QString& licence, Decimal quantity)
{
    return licence + u'=' + quantity.toString();
}

/// Three seat licences of November 2026 with at least 10 seats, and their totals.
QList<std::pair<QString, Decimal>> threeLicences(const SimFixture& fixture)
{
    const DateBucket november { QDate(2026, 11, 1), QDate(2026, 11, 30) };
    QList<std::pair<QString, Decimal>> picked;
    const QMap<QString, Decimal> totals = simTotals(fixture, november);
    for (auto it = totals.cbegin(); it != totals.cend() && picked.size() < 3; ++it) {
        if (it.value() >= Decimal::fromInt(10))
            picked.append({ it.key(), it.value() });
    }
    return picked;
}

const QDate TheFirst(2026, 12, 1); ///< the cycle checked is November, complete: nothing is projected

} // namespace

class TestCheckCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataHome;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
        installTranslations(QCoreApplication::instance());
    }

    void licences_eachState_fromCommitmentsAroundTheSimsUsage()
    {
        BD_SIM_FIXTURE(fixture);
        const auto licences = threeLicences(fixture);
        QCOMPARE(licences.size(), 3);
        const auto& [over, overUsed] = licences.at(0);
        const auto& [near, nearUsed] = licences.at(1);
        const auto& [fine, fineUsed] = licences.at(2);
        const CheckRun run = runCheck(QStringList { u"--no-store"_s, u"--commitment"_s,
                                          commitment(over, overUsed - Decimal::fromInt(1)), u"--commitment"_s,
                                          commitment(near, nearUsed), u"--commitment"_s,
                                          commitment(fine, fineUsed * Decimal::fromInt(2)) }
                + simArguments(fixture),
            TheFirst);
        QVERIFY2(run.exitCode == 2, qPrintable(run.text()));
        QVERIFY2(run.summary().startsWith(u"BILLING CRITICAL - 1 licence exceeded: %1 "_s.arg(over)),
            qPrintable(run.summary()));
        QVERIFY2(run.summary().contains(u"(cycle 2026-11-01 to 2026-11-30, complete)"_s),
            qPrintable(run.summary()));
        // Every figure is the sim's: used of committed, and the share in whole percent.
        const QString overLine = run.about(over).value(0);
        QVERIFY2(overLine.startsWith(u"CRITICAL %1: exceeded (%2 of %3, "_s.arg(
                     over, overUsed.toString(), (overUsed - Decimal::fromInt(1)).toString())),
            qPrintable(run.text()));
        QCOMPARE(run.about(near),
            QStringList { u"WARNING %1: warning (%2 of %2, 100 %)"_s.arg(near, nearUsed.toString()) });
        QVERIFY2(run.about(fine).isEmpty(), qPrintable(run.text()));
        // The ok one is in the performance data at half its commitment.
        QVERIFY2(run.summary().contains(u"'%1'=50%;90;100"_s.arg(fine)), qPrintable(run.summary()));
        // Licences without a commitment are on demand: counted, not listed.
        QVERIFY(!run.text().contains(u"on-demand ("_s));
    }

    void licences_midCycle_aSeatRampProjectedPastItsCommitment()
    {
        BD_SIM_FIXTURE(fixture);
        const QDate today = test::fixedNow().date(); // 20 November: the cycle is open
        // The same load the check makes, through the usage page's controller: which seat licence's ramp is
        // projected above what it uses so far.
        UsageSeriesController controller(fixture.session->billing());
        controller.setToday(today);
        QSignalSpy settled(&controller, &UsageSeriesController::settled);
        const QDate through = DataCutoff::lastCompleteDay(today);
        QDate first = DateBuckets::bucketStart(through, Granularity::Month);
        for (int i = 0; i < 6; ++i)
            first = DateBuckets::bucketStart(first.addDays(-1), Granularity::Month);
        controller.load({ first, through }, Granularity::Month);
        QVERIFY(settled.wait(60'000));
        const UsageSeriesModel* model = controller.model();
        const int open = model->partialBucket();
        QVERIFY(open >= 0);
        QString licence;
        Decimal used, likely;
        for (int row = 0; row < model->licenceCount() && licence.isEmpty(); ++row) {
            const auto p = model->projection(row);
            const auto v = model->value(row, open);
            if (p && p->isProjected() && v && p->likely > *v + Decimal::fromInt(1)) {
                licence = model->licence(row);
                used = *v;
                likely = p->likely;
            }
        }
        QVERIFY2(!licence.isEmpty(), "no seat licence of the sim is projected above its usage so far");
        // A commitment between the seats so far and the likely end: not exceeded yet, but projected to be.
        const Decimal between = Decimal::max(used + Decimal::fromInt(1), likely - Decimal::fromInt(1));
        QVERIFY(between < likely);
        const CheckRun run
            = runCheck(QStringList { u"--no-store"_s, u"--commitment"_s, commitment(licence, between) }
                    + simArguments(fixture),
                today);
        QVERIFY2(run.exitCode == 2, qPrintable(run.text()));
        QVERIFY2(
            run.summary().startsWith(u"BILLING CRITICAL - 1 licence projected to exceed: %1"_s.arg(licence)),
            qPrintable(run.summary()));
        QVERIFY2(run.summary().contains(u"data through 2026-11-19"_s), qPrintable(run.summary()));
        const QString line = run.about(licence).value(0);
        QVERIFY2(line.contains(u"likely %1 by 2026-11-30"_s.arg(likely.toString())), qPrintable(run.text()));
    }

    void exitCodes_okWarningCriticalUnknown()
    {
        BD_SIM_FIXTURE(fixture);
        const auto licences = threeLicences(fixture);
        QCOMPARE(licences.size(), 3);
        const auto& [name, used] = licences.at(0);
        const auto check = [&](Decimal committed) {
            return runCheck(QStringList { u"--no-store"_s, u"--commitment"_s, commitment(name, committed) }
                    + simArguments(fixture),
                TheFirst);
        };
        const CheckRun ok = check(used * Decimal::fromInt(2));
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.text()));
        QVERIFY2(ok.summary().startsWith(u"BILLING OK - "_s), qPrintable(ok.summary()));
        const CheckRun warning = check(used);
        QVERIFY2(warning.exitCode == 1, qPrintable(warning.text()));
        QVERIFY2(warning.summary().startsWith(
                     u"BILLING WARNING - 1 licence at or above 90 %: %1 100 %"_s.arg(name)),
            qPrintable(warning.summary()));
        const CheckRun critical = check(used - Decimal::fromInt(1));
        QCOMPARE(critical.exitCode, 2);
        // Cannot sign in: unknown, in the plugin's own words.
        const CheckRun refused = runCheck(
            QStringList { u"--no-store"_s } + simArguments(fixture, u"not-the-secret"_s), TheFirst);
        QVERIFY2(refused.exitCode == 3, qPrintable(refused.text()));
        QVERIFY2(refused.summary().startsWith(u"BILLING UNKNOWN - "_s), qPrintable(refused.summary()));
        // Options it cannot use are unknown too, not a crash or a silent OK.
        const CheckRun bad
            = runCheck(QStringList { u"--threshold"_s, u"0"_s } + simArguments(fixture), TheFirst);
        QCOMPARE(bad.exitCode, 3);
        QVERIFY2(bad.summary().contains(u"--threshold"_s), qPrintable(bad.summary()));
    }

    void alerts_toldOncePerChange_acrossRuns()
    {
        BD_SIM_FIXTURE(fixture);
        const auto licences = threeLicences(fixture);
        QCOMPARE(licences.size(), 3);
        const auto& [a, aUsed] = licences.at(0);
        const auto& [b, bUsed] = licences.at(1);
        QTemporaryDir dir;
        const QString store = dir.filePath(u"store.sqlite"_s);
        const auto check = [&](Decimal aCommitted, bool changesOnly = false) {
            QStringList words { u"--store"_s, store, u"--commitment"_s, commitment(a, aCommitted),
                u"--commitment"_s, commitment(b, bUsed) };
            if (changesOnly)
                words << u"--changes-only"_s;
            return runCheck(words + simArguments(fixture), TheFirst);
        };
        const Decimal exceeded = aUsed - Decimal::fromInt(1);
        const CheckRun first = check(exceeded);
        QCOMPARE(first.exitCode, 2);
        QVERIFY2(first.about(a).value(0).endsWith(u"[new]"_s), qPrintable(first.text()));
        QVERIFY2(first.about(b).value(0).endsWith(u"[new]"_s), qPrintable(first.text()));

        // The same states again: still critical, but nothing is news, and --changes-only says nothing.
        const CheckRun second = check(exceeded);
        QCOMPARE(second.exitCode, 2);
        QVERIFY2(!second.text().contains(u"[new]"_s), qPrintable(second.text()));
        const CheckRun quiet = check(exceeded, true);
        QCOMPARE(quiet.exitCode, 2);
        QVERIFY2(quiet.lines.isEmpty(), qPrintable(quiet.text()));

        // A falls back under its commitment: that one change is news, once.
        const CheckRun back = check(aUsed);
        QCOMPARE(back.exitCode, 1);
        QCOMPARE(back.about(a).value(0),
            u"WARNING %1: exceeded → warning (%2 of %2, 100 %) [new]"_s.arg(a, aUsed.toString()));
        QVERIFY2(!back.about(b).value(0).endsWith(u"[new]"_s), qPrintable(back.text()));

        // Far past its commitment: exceeded again (news), then a further 25 % band is news once more.
        const Decimal at130 = (aUsed * Decimal::fromInt(100)).dividedBy(Decimal::fromInt(130))->rounded(0);
        QVERIFY(at130 > Decimal() && aUsed * Decimal::fromInt(100) >= at130 * Decimal::fromInt(125));
        const CheckRun far = check(at130);
        QVERIFY2(far.about(a).value(0).contains(u"warning → exceeded, past 125 %"_s), qPrintable(far.text()));
        QVERIFY2(far.about(a).value(0).endsWith(u"[new]"_s), qPrintable(far.text()));
        const CheckRun farAgain = check(at130, true);
        QVERIFY2(farAgain.lines.isEmpty(), qPrintable(farAgain.text()));
    }

    void alerts_stateFile_remembersWithoutTheStore()
    {
        BD_SIM_FIXTURE(fixture);
        const auto licences = threeLicences(fixture);
        QCOMPARE(licences.size(), 3);
        const auto& [a, aUsed] = licences.at(0);
        QTemporaryDir dir;
        const QStringList words { u"--no-store"_s, u"--state-file"_s, dir.filePath(u"told.state"_s),
            u"--changes-only"_s, u"--commitment"_s, commitment(a, aUsed) };
        const CheckRun first = runCheck(words + simArguments(fixture), TheFirst);
        QCOMPARE(first.exitCode, 1);
        QVERIFY2(first.about(a).value(0).endsWith(u"[new]"_s), qPrintable(first.text()));
        const CheckRun second = runCheck(words + simArguments(fixture), TheFirst);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.lines.isEmpty(), qPrintable(second.text()));
        // Without either, it says that nothing is remembered.
        const CheckRun forgetful = runCheck(
            QStringList { u"--no-store"_s, u"--commitment"_s, commitment(a, aUsed) } + simArguments(fixture),
            TheFirst);
        QVERIFY2(forgetful.text().contains(u"nothing is remembered between checks"_s),
            qPrintable(forgetful.text()));
    }

    void alerts_stateFile_keepsTwoOrgsApart()
    {
        // Two orgs (two sims with their own seeds and org ids) checked by one cron job into one state file:
        // each org's first warning is news, whatever the other's marks say.
        BD_SIM_FIXTURE(first);
        sim::SimOptions other;
        other.seed = 7;
        BD_SIM_FIXTURE(second, other);
        QVERIFY(first.demo->orgId() != second.demo->orgId());
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(u"told.state"_s);
        for (SimFixture* fixture : { &first, &second }) {
            const auto licences = threeLicences(*fixture);
            QVERIFY(!licences.isEmpty());
            const auto& [name, used] = licences.at(0);
            const QStringList words { u"--no-store"_s, u"--state-file"_s, stateFile, u"--commitment"_s,
                commitment(name, used) };
            const CheckRun run = runCheck(words + simArguments(*fixture), TheFirst);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.about(name).value(0).endsWith(u"[new]"_s), qPrintable(run.text()));
        }
    }

    void portfolio_exceededCustomers_areTheSimsOverCommitment()
    {
        BD_SIM_FIXTURE(fixture);
        const sim::DemoData& data = fixture.server->data();
        // The contract's arithmetic on the sim's active periods: a line over its prepaid quantity (after its
        // fair-use allowance) is overage, unless the period is in its ramp.
        QStringList exceeded;
        for (const QString& id : data.trustorIds()) {
            if (!data.isTrustEnabled(id))
                continue;
            const QJsonObject o = *data.trusteeOverview(id, 0);
            if (o.value(u"inRampPeriod"_s).toBool())
                continue;
            const QJsonArray usages = o.value(u"usages"_s).toArray();
            const auto number = [](const QJsonObject& u, const QString& key) {
                return u.contains(key) ? *Decimal::fromString(u.value(key).toString()) : Decimal();
            };
            bool over = false;
            for (const QJsonValue& v : usages) {
                const QJsonObject u = v.toObject();
                if (u.value(u"grouping"_s).toString() == u"fair-use")
                    continue;
                Decimal billable = number(u, u"usageQuantity"_s);
                for (const QJsonValue& w : usages) {
                    const QJsonObject f = w.toObject();
                    if (f.value(u"grouping"_s).toString() == u"fair-use"
                        && f.value(u"name"_s) == u.value(u"name"_s))
                        billable = Decimal::max(billable - number(f, u"usageQuantity"_s), Decimal());
                }
                const Decimal prepay = number(u, u"prepayQuantity"_s);
                over = over || (!prepay.isZero() && billable > prepay);
            }
            if (over)
                exceeded << data.trustorName(id);
        }
        QVERIFY(!exceeded.isEmpty());
        const CheckRun run
            = runCheck(QStringList { u"--portfolio"_s, u"--no-store"_s } + simArguments(fixture),
                test::fixedNow().date());
        QVERIFY2(run.exitCode == 2, qPrintable(run.text()));
        QVERIFY2(
            run.summary().contains(
                u"%1 customer%2 exceeded"_s.arg(exceeded.size()).arg(exceeded.size() == 1 ? u""_s : u"s"_s)),
            qPrintable(run.summary()));
        QStringList listed;
        for (const QString& line : run.lines.mid(1)) {
            if (line.startsWith(u"CRITICAL "_s) && line.contains(u": exceeded"_s))
                listed << line.mid(9, line.indexOf(u": exceeded"_s) - 9);
        }
        exceeded.sort();
        listed.sort();
        QCOMPARE(listed, exceeded);
        QVERIFY2(run.summary().contains(u"1 could not be read"_s), qPrintable(run.summary()));
    }

    void portfolio_optionsOfTheLicenceCheck_areRefused()
    {
        const CheckRun run = runCheck(
            { u"--portfolio"_s, u"--demo"_s, u"--commitment"_s, u"CX=1"_s }, test::fixedNow().date());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.summary().contains(u"--commitment does not apply with --portfolio"_s),
            qPrintable(run.summary()));
    }

    void executable_demoCheck_printsThePluginLineAndExits()
    {
        QProcess process;
        process.start(QStringLiteral(BD_DASHBOARD_EXE), { u"check"_s, u"--demo"_s, u"--no-store"_s });
        QVERIFY(process.waitForFinished(60'000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.startsWith(u"BILLING OK - "_s), qPrintable(out));
        QVERIFY2(out.contains(u"no commitments are set"_s), qPrintable(out));
        QCOMPARE(process.exitCode(), 0);
        QProcess bad;
        bad.start(QStringLiteral(BD_DASHBOARD_EXE), { u"check"_s, u"--demo"_s, u"--cycle-day"_s, u"32"_s });
        QVERIFY(bad.waitForFinished(60'000));
        QCOMPARE(bad.exitCode(), 3);
        QVERIFY(
            QString::fromUtf8(bad.readAllStandardOutput()).startsWith(u"BILLING UNKNOWN - --cycle-day"_s));
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
