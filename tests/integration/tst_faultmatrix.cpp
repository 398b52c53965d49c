// The fault matrix: the same usage and overview exports against billing-sim under each fault and under all of
// them at once. An export either writes exactly the clean run's CSV and exits 0, or exits non-zero with one
// clear line and no file. Prints: scenario, runs, identical, failed clearly, wrong.
#include "cli/exportcommand.h"
#include "simfixture.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::SimFixture;

namespace {

struct Scenario
{
    QString name;
    std::function<void(sim::SimOptions&)> options;
    std::function<void(sim::BillingSimServer&)> inject;
};

struct Outcome
{
    int exitCode = -1;
    QStringList messages;
    QByteArray csv;
    bool fileLeft = false;
};

QStringList exportArguments(int kind, const QString& trustor)
{
    if (kind == 0)
        return { u"usage"_s, u"--start"_s, u"2025-12-01"_s, u"--end"_s, u"2026-10-31"_s, u"--granularity"_s,
            u"month"_s };
    return { u"overview"_s, u"--trustor"_s, trustor, u"--periods"_s, u"0-12"_s };
}

Outcome runExport(const Scenario& scenario, int kind)
{
    sim::SimOptions options;
    if (scenario.options)
        scenario.options(options);
    Outcome outcome;
    QString error;
    const std::unique_ptr<test::SimFixture> started = test::SimFixture::start(&error, options);
    if (!started) {
        outcome.messages << error; // a sim that cannot start is an outcome that matches no clean run
        return outcome;
    }
    test::SimFixture& fixture = *started;
    if (scenario.inject)
        scenario.inject(*fixture.server);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"export.csv"_s);
    const QStringList arguments = exportArguments(kind, fixture.server->data().trustorIds().first())
        + QStringList { u"--out"_s, out, u"--base-url"_s, fixture.server->baseUrl().toString(),
              u"--client-id"_s, u"demo"_s, u"--client-secret"_s, u"demo"_s, u"--no-store"_s };
    const auto parsed = ExportOptions::parse(arguments, {}, test::fixedNow().date(), &error);
    if (!parsed) {
        outcome.messages << error;
        return outcome;
    }
    ExportCommand command;
    command.setMessageSink([&outcome](const QString& text) { outcome.messages << text; });
    QSignalSpy finished(&command, &ExportCommand::finished);
    command.start(*parsed);
    if (finished.isEmpty() && !finished.wait(240'000))
        return outcome;
    outcome.exitCode = finished.first().first().toInt();
    QFile file(out);
    if (file.open(QIODevice::ReadOnly))
        outcome.csv = file.readAll();
    outcome.fileLeft
        = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() > (outcome.exitCode == 0);
    return outcome;
}

QList<Scenario> scenarios()
{
    return {
        { u"10 % 503"_s, [](sim::SimOptions& o) { o.serverErrorRate = 0.10; }, {} },
        { u"5 % dropped connections"_s, [](sim::SimOptions& o) { o.dropRate = 0.05; }, {} },
        { u"5 % malformed bodies"_s, [](sim::SimOptions& o) { o.malformedRate = 0.05; }, {} },
        { u"429 bursts"_s, {},
            [](sim::BillingSimServer& s) { s.injectFault(sim::Fault::RateLimited, 4, {}, 1); } },
        { u"InProgress ×2"_s, [](sim::SimOptions& o) { o.inProgressPolls = 2; }, {} },
        { u"1 s tokens, 300 ms latency"_s,
            [](sim::SimOptions& o) {
                o.tokenLifetimeSecs = 1;
                o.latencyMs = 300;
            },
            {} },
        { u"all of them"_s,
            [](sim::SimOptions& o) {
                o.serverErrorRate = 0.05;
                o.dropRate = 0.03;
                o.malformedRate = 0.03;
                o.inProgressPolls = 1;
                o.tokenLifetimeSecs = 2;
                o.latencyMs = 100;
            },
            [](sim::BillingSimServer& s) { s.injectFault(sim::Fault::RateLimited, 2, {}, 1); } },
    };
}

} // namespace

class TestFaultMatrix final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyExport_isTheCleanOneOrOneClearError()
    {
        const Scenario clean { u"clean"_s, {}, {} };
        QByteArray baseline[2];
        for (int kind = 0; kind < 2; ++kind) {
            const Outcome outcome = runExport(clean, kind);
            QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.messages.join(u'\n')));
            QVERIFY(outcome.csv.count('\n') > 10);
            baseline[kind] = outcome.csv;
        }
        QStringList table { u"scenario                      runs  identical  failed clearly  wrong"_s };
        int wrongInAll = 0;
        for (const Scenario& scenario : scenarios()) {
            int runs = 0, identical = 0, clear = 0, wrong = 0;
            for (int kind = 0; kind < 2; ++kind) {
                const Outcome outcome = runExport(scenario, kind);
                ++runs;
                const bool oneLine
                    = outcome.messages.size() == 1 && !outcome.messages.first().contains(u'\n');
                if (outcome.exitCode == 0 && outcome.csv == baseline[kind] && oneLine && !outcome.fileLeft) {
                    ++identical;
                } else if (outcome.exitCode == 1 && oneLine
                    && outcome.messages.first().startsWith(u"error: "_s) && outcome.csv.isEmpty()
                    && !outcome.fileLeft) {
                    ++clear;
                } else {
                    ++wrong;
                    qWarning("%s, %s export: exit %d, %d bytes, said: %s", qPrintable(scenario.name),
                        kind == 0 ? "usage" : "overview", outcome.exitCode, int(outcome.csv.size()),
                        qPrintable(outcome.messages.join(u" | "_s)));
                }
            }
            wrongInAll += wrong;
            table << u"%1%2  %3  %4  %5"_s.arg(scenario.name, -30)
                         .arg(runs, 4)
                         .arg(identical, 9)
                         .arg(clear, 14)
                         .arg(wrong, 5);
        }
        qInfo().noquote() << u'\n' + table.join(u'\n');
        QCOMPARE(wrongInAll, 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
