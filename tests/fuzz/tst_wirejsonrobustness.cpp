// Every wire parser against broken input: each example body cut at every length and mutated thousands of ways
// (seeded, so every run is the same). Each parse must end in a value or a clear error, never a crash.

#include "wirefixtures.h"
#include "wirejson.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray mutate(QByteArray body, QRandomGenerator& random)
{
    static const QByteArray pieces[] = { "\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "1e999",
        "\"\\u0000\"", "\"9999999999999999999999999999999.0000000001\"", "\"2026-13-45T25:61:61Z\"",
        "\xff\xfe", "0.1" };
    const int edits = 1 + int(random.bounded(4));
    for (int i = 0; i < edits && !body.isEmpty(); ++i) {
        const qsizetype at = qsizetype(random.bounded(quint32(body.size())));
        switch (random.bounded(4)) {
        case 0: // flip a byte
            body[at] = char(random.bounded(256));
            break;
        case 1: // delete a stretch
            body.remove(at, qsizetype(random.bounded(16)));
            break;
        case 2: // insert a JSON-ish piece
            body.insert(at, pieces[random.bounded(quint32(std::size(pieces)))]);
            break;
        default: // duplicate a stretch
            body.insert(at, body.mid(at, qsizetype(random.bounded(32))));
            break;
        }
    }
    return body;
}

} // namespace

class TestWireJsonRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = bd::test::wireFixtureProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void examples_parseIntact()
    {
        const QStringList files = bd::test::wireFixtureNames();
        QVERIFY(files.size() >= 7);
        for (const QString& name : files)
            QVERIFY2(bd::fuzz::parseEverything(bd::test::wireFixture(name)) >= 1, qPrintable(name));
    }

    void examples_cutAtEveryLength_neverCrash()
    {
        const QStringList files = bd::test::wireFixtureNames();
        qsizetype parses = 0;
        for (const QString& name : files) {
            const QByteArray body = bd::test::wireFixture(name);
            QVERIFY2(!body.isEmpty(), qPrintable(name));
            for (qsizetype length = 0; length < body.size(); ++length) {
                // A body cut short is never whole JSON (its last brace is gone), so nothing may accept it.
                const QByteArray cut = body.left(length);
                if (!cut.trimmed().endsWith('}'))
                    QCOMPARE(bd::fuzz::parseEverything(cut), 0);
                ++parses;
            }
        }
        QVERIFY(parses > 3000);
    }

    void examples_mutatedThousandsOfWays_neverCrash()
    {
        const QStringList files = bd::test::wireFixtureNames();
        QRandomGenerator random(20261126);
        int accepted = 0, total = 0;
        for (const QString& name : files) {
            const QByteArray body = bd::test::wireFixture(name);
            QVERIFY2(!body.isEmpty(), qPrintable(name));
            for (int i = 0; i < 3000; ++i) {
                accepted += bd::fuzz::parseEverything(mutate(body, random)) > 0;
                ++total;
            }
        }
        // Some mutations keep the JSON valid and are accepted; most break it and are refused with a reason.
        QVERIFY(accepted > 0);
        QVERIFY(accepted < total);
    }

    void fuzzCorpus_replayed_neverCrashes()
    {
        // The libFuzzer corpus (preset fuzz) holds the inputs that reached new code: replayed in every build.
        const QDir corpus(QStringLiteral(BD_FUZZ_CORPUS_DIR));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY2(
            files.size() >= 100, qPrintable(u"%1 holds %2 inputs"_s.arg(corpus.path()).arg(files.size())));
        int accepted = 0;
        for (const QString& name : files) {
            QFile file(corpus.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            accepted += bd::fuzz::parseEverything(file.readAll()) > 0;
        }
        QVERIFY(accepted > 0);
    }
};

QTEST_GUILESS_MAIN(TestWireJsonRobustness)
#include "tst_wirejsonrobustness.moc"
