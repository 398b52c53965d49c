// Backtest of the open-period projections on billing-sim's demo history: every calendar month with at least
// Projections::MinimumHistory months before it is projected from its state on day 5, 10, 15, 20 and 25, as
// the dashboard would see it (a report for the days so far, and the whole earlier months), and the outcome is
// compared with the band. It prints how often the outcome fell inside the 10–90 band (the aim is about 80 %)
// and how far the likely value was off. It measures; it fails only when nothing could be projected.
//
// The partner section does the same for the trustee billing overview: for several demo trustors, each of
// their periods 1–6 before the demo's `now` is projected as index 0 from billing-sim's state on day 5, 10,
// 15, 20 and 25 of it (with the closed periods before it), and compared with its final, read at index 1 the
// day after it ended.

#include "domain/billingusagereport.h"
#include "domain/datacutoff.h"
#include "domain/datebucket.h"
#include "domain/datebuckets.h"
#include "domain/projection.h"
#include "domain/trusteebillingoverview.h"
#include "domain/utc.h"
#include "sim/demodata.h"
#include "sim/simoptions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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
    int below = 0;
    int above = 0;
    int tooLittleHistory = 0;
    QList<double> likelyErrors; ///< |likely − outcome| ÷ outcome

    /// Counts one projection against what the period really ended with.
    void count(const Projection& p, Decimal outcome)
    {
        if (p.status == Projection::Status::TooLittleHistory)
            ++tooLittleHistory;
        if (!p.isProjected() || outcome.isZero())
            return;
        ++projected;
        inside += (p.low <= outcome && outcome <= p.high) ? 1 : 0;
        below += outcome < p.low ? 1 : 0;
        above += outcome > p.high ? 1 : 0;
        likelyErrors << std::abs((p.likely - outcome).toDouble() / outcome.toDouble());
    }
};

std::optional<TrusteeBillingOverview> overviewAt(const sim::DemoData& data, const QString& org, int index)
{
    const auto json = data.trusteeOverview(org, index);
    if (!json)
        return std::nullopt;
    auto parsed = TrusteeBillingOverview::fromJson(*json);
    if (!parsed.ok())
        return std::nullopt;
    return parsed.take();
}

const char* methodName(Projection::Method method)
{
    switch (method) {
    case Projection::Method::SeatRamp:
    case Projection::Method::SeatFinals:
        return "seats";
    case Projection::Method::Level:
        return "level";
    case Projection::Method::SameDayGrowth:
    case Projection::Method::RunRate:
        break;
    }
    return "metered";
}

void printTallies(const std::map<std::pair<int, int>, Tally>& tallies)
{
    int projected = 0, inside = 0;
    for (const auto& [key, tally] : tallies) {
        QList<double> errors = tally.likelyErrors;
        std::sort(errors.begin(), errors.end());
        const double median = errors.isEmpty() ? 0.0 : errors.at(errors.size() / 2);
        std::printf("  %-13s day %2d: %4d projected, %5.1f %% inside the band, likely off by %5.1f %% "
                    "(median), %d below, %d above, %d with too little history\n",
            methodName(Projection::Method(key.first)), key.second, tally.projected,
            tally.projected ? 100.0 * tally.inside / tally.projected : 0.0, 100.0 * median, tally.below,
            tally.above, tally.tooLittleHistory);
        projected += tally.projected;
        inside += tally.inside;
    }
    std::printf("  all: %d projections, %.1f %% inside the band\n", projected,
        projected ? 100.0 * inside / projected : 0.0);
}

/// The partner backtest; returns the number of projections made.
int partnerBacktest(quint32 seed, const QDateTime& now, const QList<int>& days)
{
    QElapsedTimer timer;
    timer.start();
    const sim::DemoData base(seed, now);
    const QStringList orgs = base.trustorIds();
    constexpr int Periods = 6;
    std::map<std::pair<int, int>, Tally> tallies;
    int rampSuppressed = 0;
    for (const QString& org : orgs) {
        for (int k = 1; k <= Periods && k < base.historyLength(org) - 1; ++k) {
            const auto target = overviewAt(base, org, k);
            if (!target || !target->billingPeriodStartDate || !target->billingPeriodEndDate)
                continue;
            const QDate start = target->billingPeriodStartDate->toUTC().date();
            // Its final: at index 1 on the day after it ended.
            const QDate after = target->billingPeriodEndDate->toUTC().date().addDays(1);
            const sim::DemoData closedData(seed, QDateTime(after, QTime(12, 0), UtcZone));
            const auto final = overviewAt(closedData, org, 1);
            if (!final)
                continue;
            for (int day : days) {
                const QDate today = start.addDays(day);
                const sim::DemoData state(seed, QDateTime(today, QTime(12, 0), UtcZone));
                const auto open = overviewAt(state, org, 0);
                if (!open)
                    continue;
                QList<TrusteeBillingOverview> closed;
                for (int i = 1; i <= Projections::MaximumHistory; ++i) {
                    if (auto o = overviewAt(state, org, i))
                        closed << *o;
                    else
                        break;
                }
                QList<const TrusteeBillingOverview*> before;
                for (const TrusteeBillingOverview& o : closed)
                    before << &o;
                const QList<LineProjection> lines
                    = Projections::period(*open, before, DataCutoff::lastCompleteDay(today));
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const Projection& p = lines.at(i).projection;
                    const SubscriptionOverviewUsage& usage = open->usages.at(i);
                    if (lines.at(i).suppressed == LineProjection::Suppressed::Allowance)
                        continue;
                    if (lines.at(i).suppressed == LineProjection::Suppressed::Ramp) {
                        ++rampSuppressed;
                        continue;
                    }
                    const auto same = std::find_if(final->usages.cbegin(), final->usages.cend(),
                        [&](const SubscriptionOverviewUsage& u) {
                            return u.grouping == usage.grouping && u.partNumber == usage.partNumber;
                        });
                    if (same == final->usages.cend())
                        continue;
                    tallies[{ int(p.method), day }].count(p, same->usageQuantity);
                }
            }
        }
    }
    std::printf(
        "bench_projection: partner backtest of %lld demo trustors × %d closed periods, each projected "
        "as index 0 from day 5–25 of it (10–90 band, aim ≈ 80 %% inside; %d lines suppressed in a "
        "ramp; %.1f s)\n",
        static_cast<long long>(orgs.size()), Periods, rampSuppressed, double(timer.elapsed()) / 1000.0);
    printTallies(tallies);
    int projected = 0;
    for (const auto& entry : tallies)
        projected += entry.second.projected;
    return projected;
}

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
                tallies[{ int(p.method), day }].count(p, outcome);
            }
        }
    }

    std::printf(
        "bench_projection: backtest of %lld demo months, projected from day 5–25 of each by the growth "
        "of up to %d earlier months from the same day (10–90 band, aim ≈ 80 %% inside)\n",
        static_cast<long long>(months.size()), Projections::MaximumHistory);
    printTallies(tallies);
    int projected = 0;
    for (const auto& entry : tallies)
        projected += entry.second.projected;
    const int partnerProjected = partnerBacktest(sim::SimOptions {}.seed, now, days);
    return projected > 0 && partnerProjected > 0 ? 0 : 1;
}
