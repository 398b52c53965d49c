// UsageSeriesModel, how far the data goes: each bucket's coverage against the data cut-off, the names of
// buckets and partial periods, and the projection of the partial bucket to its period's end.

#include "domain/datebuckets.h"
#include "models/usageseriesmodel.h"

#include <QFont>
#include <QLocale>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace bd {

QString UsageSeriesModel::toDateText(Granularity granularity)
{
    switch (granularity) {
    case Granularity::Day:
        return tr("the day so far");
    case Granularity::Week:
        return tr("week to date");
    case Granularity::Month:
        return tr("month to date");
    case Granularity::Quarter:
        return tr("quarter to date");
    }
    return {};
}

QString UsageSeriesModel::dayText(QDate day)
{
    return QLocale().toString(day, u"d MMM yyyy"_s);
}

QString UsageSeriesModel::coverageNote(int bucket) const
{
    switch (coverage(bucket)) {
    case Coverage::Complete:
        return {};
    case Coverage::Partial:
        return tr("%1, through %2: usage is complete through yesterday (UTC)")
            .arg(m_granularity == Granularity::Month && m_cycleDay != 1 ? tr("billing cycle to date")
                                                                        : toDateText(m_granularity),
                dayText(m_dataThrough));
    case Coverage::NotYet:
        return tr("No data yet: usage is complete through %1 (yesterday, UTC)").arg(dayText(m_dataThrough));
    }
    return {};
}

std::optional<QList<BillingUsageReport>> UsageSeriesModel::totalsAsReports() const
{
    QList<BillingUsageReport> reports;
    for (int b = 0; b < m_buckets.size(); ++b) {
        BillingUsageReport report;
        if (coverage(b) != Coverage::NotYet) {
            if (bucketState(b) != BucketState::Loaded)
                return std::nullopt;
            for (const QString& licence : std::as_const(m_licences)) {
                if (const auto cell = m_cells.at(b).constFind(licence); cell != m_cells.at(b).cend())
                    report.usages << BillingUsage { licence, cell->total, {} };
            }
        }
        reports << report;
    }
    return reports;
}

QString UsageSeriesModel::emptyText() const
{
    if (m_buckets.isEmpty())
        return tr("Pick a range to load.");
    if (!m_licences.isEmpty())
        return {};
    int loading = 0, failed = 0, notYet = 0;
    for (int b = 0; b < m_buckets.size(); ++b) {
        if (coverage(b) == Coverage::NotYet)
            ++notYet;
        else if (bucketState(b) == BucketState::Pending || bucketState(b) == BucketState::Generating)
            ++loading;
        else if (bucketState(b) == BucketState::Failed)
            ++failed;
    }
    if (loading > 0)
        return tr("Loading…");
    if (notYet == m_buckets.size())
        return coverageNote(0);
    if (failed > 0)
        return tr("Nothing loaded: %n report(s) failed.", nullptr, failed);
    const int loaded = count(BucketState::Loaded);
    if (loaded == 0)
        return tr("Nothing loaded.");
    const int withData = int(m_buckets.size()) - notYet;
    if (loaded < withData)
        return tr("No usage in the %1 of %n report(s) that loaded.", nullptr, withData).arg(loaded);
    return tr("No usage in this range.");
}

QString UsageSeriesModel::rampEmptyText(int row, int bucket) const
{
    if (row < 0 || row >= licenceCount() || bucket < 0 || bucket >= m_buckets.size())
        return tr(
            "Select a cell of the table: its ramp shows how many of its users and devices had been seen "
            "by each day.");
    if (isMetered(row))
        return tr("%1 is metered: metered usage lists no users or devices, so it has no ramp.")
            .arg(licence(row));
    if (!resources(row, bucket).isEmpty())
        return {};
    const DateBucket& dates = m_buckets.at(bucket);
    if (const std::optional<Decimal> total = value(row, bucket); total && !total->isZero())
        return tr("%1, %2 – %3: its users and devices are not at hand, so its ramp cannot be drawn.")
            .arg(licence(row), dates.first.toString(Qt::ISODate), dates.last.toString(Qt::ISODate));
    return tr("%1, %2 – %3: %4.")
        .arg(licence(row), dates.first.toString(Qt::ISODate), dates.last.toString(Qt::ISODate),
            cellSummary(row, bucket, 0));
}

std::optional<UsageSeriesModel::FirstUsage> UsageSeriesModel::firstUsage() const
{
    const auto hasUsage = [this](int bucket) {
        const QHash<QString, Cell>& cells = m_cells.at(bucket);
        return std::any_of(
            cells.cbegin(), cells.cend(), [](const Cell& cell) { return !cell.total.isZero(); });
    };
    for (int b = 0; b < m_buckets.size(); ++b) {
        if (bucketState(b) != BucketState::Loaded)
            return std::nullopt; // a bucket not loaded could hold the first usage
        if (!hasUsage(b))
            continue;
        FirstUsage first { b, m_buckets.at(b).first };
        std::optional<QDate> earliest;
        const auto see = [&earliest](const QDateTime& at) {
            if (at.isValid())
                earliest = std::min(earliest.value_or(QDate(9999, 12, 31)), at.toUTC().date());
        };
        for (const Cell& cell : m_cells.at(b)) {
            for (const BillingUsageResource& resource : cell.resources)
                see(resource.date);
            for (const QDateTime& seen : cell.firstSeen)
                see(seen);
        }
        if (earliest)
            first.since = std::max(first.since, *earliest);
        return first;
    }
    return std::nullopt;
}

QString UsageSeriesModel::leadingEmptyText() const
{
    const std::optional<FirstUsage> first = firstUsage();
    if (!first || first->bucket == 0)
        return {};
    return tr(
        "Nothing in this range is billed before %1: it starts before the org's first usage, and its first "
        "%n bucket(s) are empty.",
        nullptr, first->bucket)
        .arg(dayText(first->since));
}

QString UsageSeriesModel::summaryGap() const
{
    int complete = 0, missing = 0, failed = 0;
    for (int b = 0; b < m_buckets.size(); ++b) {
        if (coverage(b) != Coverage::Complete)
            continue;
        ++complete;
        if (bucketState(b) != BucketState::Loaded) {
            ++missing;
            if (bucketState(b) == BucketState::Failed)
                ++failed;
        }
    }
    if (missing == 0)
        return {};
    QString text = tr("%1 of %n complete bucket(s) not loaded", nullptr, complete).arg(missing);
    if (failed > 0)
        text += u" ("_s + tr("%n failed", nullptr, failed) + u')';
    return text;
}

QString UsageSeriesModel::cellSummary(int row, int bucket, int listed) const
{
    if (coverage(bucket) == Coverage::NotYet)
        return tr("no data yet");
    if (bucketState(bucket) != BucketState::Loaded)
        return tr("not loaded");
    const std::optional<Decimal> total = value(row, bucket);
    QString text;
    if (!total || total->isZero())
        text = tr("no usage");
    else if (isMetered(row))
        text = tr("%1 in all: metered usage lists no users or devices").arg(total->toString());
    else
        text = tr("%n resource(s)", nullptr, listed);
    if (coverage(bucket) == Coverage::Partial)
        text += u" · "_s + toDateText(m_granularity);
    return text;
}

Coverage UsageSeriesModel::coverage(int bucket) const
{
    return m_coverage.value(bucket, Coverage::Complete);
}

void UsageSeriesModel::updateCoverage()
{
    m_coverage.clear();
    m_partialBucket = -1;
    for (const DateBucket& bucket : std::as_const(m_buckets)) {
        m_coverage << coverageOf(bucket, m_granularity, m_dataThrough, m_cycleDay);
        if (m_coverage.last() == Coverage::Partial && m_partialBucket < 0)
            m_partialBucket = int(m_coverage.size()) - 1;
    }
}

QString UsageSeriesModel::bucketLabel(int bucket) const
{
    const DateBucket& b = m_buckets.value(bucket);
    if (m_granularity != Granularity::Month || m_cycleDay == 1)
        return b.label(m_granularity);
    // A billing cycle is named by its days: the whole cycle, even where the range clips it.
    const QDate end = DateBuckets::bucketEnd(b.first, Granularity::Month, m_cycleDay);
    const QString format = b.first.year() == end.year() ? u"d MMM"_s : u"d MMM yyyy"_s;
    return u"%1 – %2"_s.arg(
        QLocale().toString(DateBuckets::bucketStart(b.first, Granularity::Month, m_cycleDay), format),
        QLocale().toString(end, u"d MMM yyyy"_s));
}

bool UsageSeriesModel::isWholePeriod(const DateBucket& b) const
{
    return DateBuckets::bucketStart(b.first, m_granularity, m_cycleDay) == b.first
        && DateBuckets::bucketEnd(b.first, m_granularity, m_cycleDay) == b.last;
}

QList<UsageSeriesModel::SameDayWindow> UsageSeriesModel::sameDayWindows() const
{
    QList<SameDayWindow> windows;
    const int open = partialBucket();
    if (open < 0 || !m_dataThrough.isValid()
        || DateBuckets::bucketStart(m_buckets.at(open).first, m_granularity, m_cycleDay)
            != m_buckets.at(open).first)
        return windows;
    // The open bucket's figure runs to the cut-off, or to the range's end when that comes first.
    const qint64 elapsedDays
        = m_buckets.at(open).first.daysTo(std::min(m_buckets.at(open).last, m_dataThrough)) + 1;
    for (int b = open - 1; b >= 0 && windows.size() < SameDayHistory; --b) {
        const DateBucket& earlier = m_buckets.at(b);
        if (!isWholePeriod(earlier) || coverage(b) != Coverage::Complete)
            continue;
        // A shorter period (February against a 31-day month) is all there by the same day.
        windows.append(
            { b, { earlier.first, std::min(earlier.first.addDays(elapsedDays - 1), earlier.last) } });
    }
    return windows;
}

void UsageSeriesModel::setSameDayReport(const SameDayWindow& window, const BillingUsageReport& report)
{
    if (!sameDayWindows().contains(window))
        return; // a window of an earlier load or cut-off
    SameDay& sameDay = m_sameDay[window.bucket];
    sameDay.window = window.window;
    sameDay.totals.clear();
    for (const BillingUsage& usage : report.usages)
        sameDay.totals[usage.name] += usage.totalUsage;
    m_summariesValid = false; // the metered projections rest on one more period
    emitSummaryChanged();
    Q_EMIT bucketChanged(partialBucket()); // the chart draws the band
}

void UsageSeriesModel::setSameDayLoading(bool loading)
{
    if (loading == m_sameDayLoading)
        return;
    m_sameDayLoading = loading;
    m_summariesValid = false;
    emitSummaryChanged();
    if (partialBucket() >= 0)
        Q_EMIT bucketChanged(partialBucket());
}

bool UsageSeriesModel::hasSameDay(const SameDayWindow& window) const
{
    const auto it = m_sameDay.constFind(window.bucket);
    return it != m_sameDay.cend() && it->window == window.window;
}

std::optional<Projection> UsageSeriesModel::projection(int row) const
{
    const int open = partialBucket();
    if (open < 0 || row < 0 || row >= m_licences.size() || m_states.at(open) != BucketState::Loaded)
        return std::nullopt;
    summary(row); // (re)validates the cache
    if (const auto it = m_projections.constFind(row); it != m_projections.cend())
        return *it;
    std::optional<Projection> result;
    const DateBucket& openBucket = m_buckets.at(open);
    const bool fromPeriodStart
        = DateBuckets::bucketStart(openBucket.first, m_granularity, m_cycleDay) == openBucket.first;
    if (fromPeriodStart && isMetered(row)) {
        // Metered: grown as the earlier periods grew from their figures for the same days to their end.
        QList<RampHistory> history;
        int waiting = 0;
        const QList<SameDayWindow> windows = sameDayWindows();
        if (windows.size() < Projections::MinimumHistory) {
            // Not fetched at all: too few earlier periods in the range for a band.
            Projection tooFew;
            tooFew.method = Projection::Method::SameDayGrowth;
            tooFew.periodsUsed = int(windows.size());
            m_projections.insert(row, tooFew);
            return tooFew;
        }
        for (const SameDayWindow& w : windows) {
            if (m_states.at(w.bucket) != BucketState::Loaded)
                continue;
            if (!hasSameDay(w)) {
                ++waiting;
                continue;
            }
            history << RampHistory { m_sameDay.value(w.bucket).totals.value(m_licences.at(row)),
                *value(row, w.bucket) };
        }
        // While earlier figures are still on their way, a band on too few of them would be withdrawn.
        if (!m_sameDayLoading || waiting == 0 || history.size() >= Projections::MinimumHistory)
            result = Projections::metered(*value(row, open), history);
    } else if (fromPeriodStart) {
        const qint64 elapsedDays = openBucket.first.daysTo(std::min(openBucket.last, m_dataThrough)) + 1;
        QList<RampHistory> history;
        for (int b = 0; b < open; ++b) {
            const DateBucket& earlier = m_buckets.at(b);
            if (m_states.at(b) != BucketState::Loaded || coverage(b) != Coverage::Complete
                || !isWholePeriod(earlier))
                continue;
            const QDateTime sameDay = DateBucket { earlier.first.addDays(elapsedDays), {} }.start();
            qint64 seen = 0;
            const Cell cell = m_cells.at(b).value(m_licences.at(row));
            if (!cell.firstSeen.isEmpty()) {
                for (const QDateTime& date : cell.firstSeen)
                    seen += date < sameDay ? 1 : 0;
            } else {
                for (const BillingUsageResource& r : resources(row, b))
                    seen += r.date < sameDay ? 1 : 0;
            }
            history << RampHistory { Decimal::fromInt(seen), *value(row, b) };
        }
        result = Projections::seats(*value(row, open), history);
    }
    m_projections.insert(row, result);
    return result;
}

QString UsageSeriesModel::projectionText(int row) const
{
    const int open = partialBucket();
    if (open < 0)
        return {};
    const QDate end = DateBuckets::bucketEnd(m_buckets.at(open).first, m_granularity, m_cycleDay);
    const std::optional<Projection> p = projection(row);
    const bool metered = isMetered(row);
    if (!p) {
        if (DateBuckets::bucketStart(m_buckets.at(open).first, m_granularity, m_cycleDay)
            != m_buckets.at(open).first)
            return tr("Not projected: the range does not start where the period starts.");
        return tr("Not projected yet: the earlier periods' figures for the same days are being fetched.");
    }
    switch (p->status) {
    case Projection::Status::Projected:
        return (metered ? tr("Projected to %1: %2 – %3, likely %4. The usage through %5 grows as the last %n "
                             "whole period(s) grew from the same day to their end (10–90 % band).",
                    nullptr, p->periodsUsed)
                        : tr("Projected to %1: %2 – %3, likely %4. The seats seen by %5 grow as the last %n "
                             "whole period(s) grew from the same day to their end (10–90 % band).",
                            nullptr, p->periodsUsed))
            .arg(dayText(end), p->low.toString(), p->high.toString(), p->likely.toString(),
                dayText(m_dataThrough));
    case Projection::Status::TooLittleHistory:
        return (metered
                ? tr("Not projected: too little history (%n whole earlier period(s) with figures for "
                     "the same days; %1 are needed: load a longer range).",
                    nullptr, p->periodsUsed)
                : tr("Not projected: too little history (%n whole earlier period(s) with seats by the "
                     "same day; %1 are needed).",
                    nullptr, p->periodsUsed))
            .arg(Projections::MinimumHistory);
    case Projection::Status::NothingYet:
        return tr("Not projected: no usage so far this period.");
    }
    return {};
}

QVariant UsageSeriesModel::projectionData(int row, int role) const
{
    const std::optional<Projection> p = projection(row);
    const bool projected = p && p->isProjected();
    switch (role) {
    case Qt::DisplayRole:
        return projected ? tr("≈ %1 (%2–%3)").arg(p->likely.toString(), p->low.toString(), p->high.toString())
                         : u"–"_s;
    case SortRole:
    case DecimalRole:
        return projected ? QVariant::fromValue(p->likely) : QVariant();
    case Qt::ToolTipRole:
        return projectionText(row);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        QFont font;
        font.setItalic(true);
        return font;
    }
    default:
        return {};
    }
}

} // namespace bd
