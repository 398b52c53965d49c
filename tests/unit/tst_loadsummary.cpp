// What a usage load came to, from bucket states and failures alone: the outcome a person hears first.

#include "load/loadsummary.h"

#include <QTest>

using namespace bd;

Q_DECLARE_METATYPE(bd::LoadSummary::Outcome)

namespace {

ApiError httpError(int status)
{
    return ApiError::fromHttp(status, R"({"message":"m","code":"c","status":0})", {});
}

} // namespace

class TestLoadSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void of_statesAndFailures_countsAndPicksTheOutcome_data()
    {
        using S = BucketState;
        using O = LoadSummary::Outcome;
        QTest::addColumn<QList<BucketState>>("states");
        QTest::addColumn<QList<int>>("failureKinds"); ///< one per failed bucket, in bucket order: 0 network,
                                                      ///< 1 still generating, 2 HTTP 500, 3 HTTP 403
        QTest::addColumn<bool>("anyUsage");
        QTest::addColumn<O>("outcome");
        QTest::newRow("all loaded") << QList<S> { S::Loaded, S::Loaded } << QList<int> {} << true
                                    << O::Complete;
        QTest::newRow("all loaded, no usage")
            << QList<S> { S::Loaded, S::Loaded } << QList<int> {} << false << O::NoUsage;
        QTest::newRow("one still pending")
            << QList<S> { S::Loaded, S::Generating } << QList<int> {} << true << O::Loading;
        QTest::newRow("cancelled") << QList<S> { S::Loaded, S::Cancelled } << QList<int> {} << true
                                   << O::Stopped;
        QTest::newRow("unreachable beats the rest") << QList<S> { S::Failed, S::Failed, S::Cancelled }
                                                    << QList<int> { 2, 0 } << true << O::Unreachable;
        QTest::newRow("still generating")
            << QList<S> { S::Failed, S::Loaded } << QList<int> { 1 } << true << O::StillGenerating;
        QTest::newRow("an HTTP failure")
            << QList<S> { S::Failed, S::Loaded } << QList<int> { 2 } << true << O::SomeFailed;
        QTest::newRow("access denied beats everything") << QList<S> { S::Failed, S::Failed, S::Cancelled }
                                                        << QList<int> { 0, 3 } << false << O::AccessDenied;
        QTest::newRow("nothing asked") << QList<S> {} << QList<int> {} << false << O::Complete;
    }

    void of_statesAndFailures_countsAndPicksTheOutcome()
    {
        QFETCH(QList<BucketState>, states);
        QFETCH(QList<int>, failureKinds);
        QFETCH(bool, anyUsage);
        QFETCH(LoadSummary::Outcome, outcome);
        QHash<int, ApiError> failures;
        int failure = 0;
        for (int bucket = 0; bucket < states.size(); ++bucket) {
            if (states.at(bucket) != BucketState::Failed)
                continue;
            switch (failureKinds.at(failure++)) {
            case 0:
                failures.insert(bucket, ApiError(ApiError::Kind::Network, QStringLiteral("refused")));
                break;
            case 1:
                failures.insert(
                    bucket, ApiError(ApiError::Kind::StillGenerating, QStringLiteral("in progress")));
                break;
            case 2:
                failures.insert(bucket, httpError(500));
                break;
            default:
                failures.insert(bucket, httpError(403));
                break;
            }
        }
        const LoadSummary summary = LoadSummary::of(states, failures, anyUsage);
        QCOMPARE(summary.outcome, outcome);
        QCOMPARE(summary.total, int(states.size()));
        QCOMPARE(summary.loaded + summary.pending + summary.failed + summary.cancelled, summary.total);
        QCOMPARE(summary.unreachable + summary.stillGenerating + summary.otherFailures, summary.failed);
    }

    void of_generatingBuckets_countAsPendingAndGenerating()
    {
        const LoadSummary summary = LoadSummary::of(
            { BucketState::Generating, BucketState::Pending, BucketState::Loaded }, {}, true);
        QCOMPARE(summary.pending, 2);
        QCOMPARE(summary.generating, 1);
        QCOMPARE(summary.loaded, 1);
    }
};

QTEST_APPLESS_MAIN(TestLoadSummary)
#include "tst_loadsummary.moc"
