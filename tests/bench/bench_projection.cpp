// Backtest of the open-period projections on billing-sim's demo history: every calendar month with at least
// Projections::MinimumHistory months before it is projected from its state on day 5, 10, 15, 20 and 25, as
// the dashboard would see it (a report for the days so far, and the whole earlier months), and the outcome is
// compared with the band. It prints how often the outcome fell inside the 10–90 band (the aim is about 80 %)
// and how far the likely value was off. It measures; it fails only when nothing could be projected.

#include "domain/billingusagereport.h"
#include "domain/datebucket.h"
#include "domain/datebuckets.h"
#include "domain/projection.h"
#include "domain/utc.h"
#include "sim/demodata.h"
#include "sim/simoptions.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace bd;

namespace {

QHash<QString, BillingUsage> usagesOf(const sim::DemoData& data, const DateBucket& window)
{
    const QByteArray body = QJsonDocument(data.billableUsage(window.start(), window.end())).toJson();
    QHash<QString, BillingUsage> byName;
    const auto parsed = BillingUsageReport::fromJson(body);
    if (!parsed.ok())
        return byName;
    for (const BillingUsage& usage : parsed.value().usages)
        byName.insert(usage.name, usage);
    return byName;
}

struct Tally
{
    int projected = 0;
    int inside = 0;
    int tooLittleHistory = 0;
    QList<double> likelyErrors; ///< |likely − outcome| ÷ outcome
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), UtcZone);
    const sim::DemoData data(sim::SimOptions {}.seed, now);
    // The demo history holds two years; its first month is partial, so the months start after it.
    const QList<DateBucket> months
        = DateBuckets::tile(QDate(2025, 1, 1), QDate(2026, 11, 30), Granularity::Month);
    const QList<int> days { 5, 10, 15, 20, 25 };
    QList<QHash<QString, BillingUsage>> finals;
    QList<QHash<int, QHash<QString, BillingUsage>>> sameDays; // month → day → its first `day` days
    for (const DateBucket& month : months) {
        finals << usagesOf(data, month);
        QHash<int, QHash<QString, BillingUsage>> byDay;
        for (int day : days)
            byDay.insert(day, usagesOf(data, DateBucket { month.first, month.first.addDays(day - 1) }));
        sameDays << byDay;
    }

    std::map<std::pair<int, int>, Tally> tallies; // (method, day) → tally
    for (qsizetype m = 0; m < months.size(); ++m) {
        for (int day : days) {
            const QHash<QString, BillingUsage>& soFar = sameDays.at(m).value(day);
            for (auto it = finals.at(m).cbegin(); it != finals.at(m).cend(); ++it) {
                const QString& licence = it.key();
                const Decimal outcome = it->totalUsage;
                const Decimal toDate = soFar.value(licence).totalUsage;
                const bool seat = data.isSeatLicence(licence);
                QList<RampHistory> history;
                for (qsizetype k = 0; k < m; ++k) {
                    const BillingUsage earlier = finals.at(k).value(licence);
                    Decimal atSameDay;
                    if (seat) { // the ramp: the earlier month's seats first seen before the same day
                        const QDateTime by = DateBucket { months.at(k).first.addDays(day), {} }.start();
                        for (const BillingUsageResource& r : earlier.resources)
                            atSameDay += r.date < by ? Decimal::fromInt(1) : Decimal();
                    } else { // metered: the earlier month's report for the same days
                        atSameDay = sameDays.at(k).value(day).value(licence).totalUsage;
                    }
                    history << RampHistory { atSameDay, earlier.totalUsage };
                }
                const Projection p
                    = seat ? Projections::seats(toDate, history) : Projections::metered(toDate, history);
                Tally& tally = tallies[{ int(p.method), day }];
                if (p.status == Projection::Status::TooLittleHistory)
                    ++tally.tooLittleHistory;
                if (!p.isProjected() || outcome.isZero())
                    continue;
                ++tally.projected;
                tally.inside += (p.low <= outcome && outcome <= p.high) ? 1 : 0;
                tally.likelyErrors << std::abs((p.likely - outcome).toDouble() / outcome.toDouble());
            }
        }
    }

    std::printf(
        "bench_projection: backtest of %lld demo months, projected from day 5–25 of each by the growth "
        "of up to %d earlier months from the same day (10–90 band, aim ≈ 80 %% inside)\n",
        static_cast<long long>(months.size()), Projections::MaximumHistory);
    int projected = 0, inside = 0;
    for (const auto& [key, tally] : tallies) {
        QList<double> errors = tally.likelyErrors;
        std::sort(errors.begin(), errors.end());
        const double median = errors.isEmpty() ? 0.0 : errors.at(errors.size() / 2);
        std::printf("  %-13s day %2d: %4d projected, %5.1f %% inside the band, likely off by %5.1f %% "
                    "(median), %d with too little history\n",
            key.first == int(Projection::Method::SeatRamp) ? "seats" : "metered", key.second, tally.projected,
            tally.projected ? 100.0 * tally.inside / tally.projected : 0.0, 100.0 * median,
            tally.tooLittleHistory);
        projected += tally.projected;
        inside += tally.inside;
    }
    std::printf("  all: %d projections, %.1f %% inside the band\n", projected,
        projected ? 100.0 * inside / projected : 0.0);
    return projected > 0 ? 0 : 1;
}
