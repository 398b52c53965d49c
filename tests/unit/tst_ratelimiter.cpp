// RateLimiter on a synthetic clock: the rolling window, server headers, and pauses.

#include "api/ratelimiter.h"

#include <QTest>

using namespace bd;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delayBeforeNext_underTheLimit_isZero()
    {
        RateLimiter limiter(5, 60'000);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(limiter.delayBeforeNext(i * 10), 0);
            limiter.recordSent(i * 10);
        }
    }

    void delayBeforeNext_atTheLimit_waitsUntilTheOldestLeavesTheWindow()
    {
        RateLimiter limiter(5, 60'000);
        for (int i = 0; i < 5; ++i)
            limiter.recordSent(1000 + i * 100);
        // The sixth may leave once the first (sent at 1000) is out of the window: 61 000 + 1.
        QCOMPARE(limiter.delayBeforeNext(2000), 61'001 - 2000);
        QCOMPARE(limiter.delayBeforeNext(61'001), 0);
    }

    void anyWindow_neverHoldsMoreThanTheLimit()
    {
        // Send greedily for five simulated minutes and check every rolling window.
        const int limit = 30;
        const qint64 window = 60'000;
        RateLimiter limiter(limit, window);
        QList<qint64> sent;
        qint64 now = 0;
        while (now < 5 * 60'000) {
            const qint64 wait = limiter.delayBeforeNext(now);
            now += wait > 0 ? wait : 7;
            if (limiter.delayBeforeNext(now) == 0) {
                limiter.recordSent(now);
                sent << now;
            }
        }
        QVERIFY(sent.size() > 4 * limit);
        for (qsizetype i = 0; i < sent.size(); ++i) {
            qsizetype inWindow = 0;
            for (qsizetype j = i; j < sent.size() && sent.at(j) < sent.at(i) + window; ++j)
                ++inWindow;
            QVERIFY2(inWindow <= limit, qPrintable(QString::number(inWindow)));
        }
    }

    void unlimited_neverWaits()
    {
        RateLimiter limiter(0);
        for (int i = 0; i < 1000; ++i)
            limiter.recordSent(0);
        QCOMPARE(limiter.delayBeforeNext(0), 0);
    }

    void serverAllowed_lowersTheLimit()
    {
        RateLimiter limiter(300, 60'000);
        limiter.observeServer(2, 0, 60, 0);
        QCOMPARE(limiter.effectiveLimit(), 2);
        limiter.recordSent(0);
        limiter.recordSent(0);
        QVERIFY(limiter.delayBeforeNext(0) > 0);
    }

    void serverCountExhausted_pausesUntilTheReset()
    {
        RateLimiter limiter(300, 60'000);
        limiter.observeServer(300, 300, 12, 5000);
        QCOMPARE(limiter.delayBeforeNext(5000), 12'000);
        QCOMPARE(limiter.delayBeforeNext(17'000), 0);
    }

    void pauseUntil_holdsEveryRequest()
    {
        RateLimiter limiter(300, 60'000);
        limiter.pauseUntil(3000);
        QCOMPARE(limiter.delayBeforeNext(1000), 2000);
        limiter.pauseUntil(2000); // an earlier pause never shortens a later one
        QCOMPARE(limiter.delayBeforeNext(1000), 2000);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
