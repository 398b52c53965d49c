#include "domain/rangepreset.h"

#include "domain/datacutoff.h"
#include "domain/datebuckets.h"

using namespace Qt::StringLiterals;

namespace bd {

QList<RangePreset> RangePresets::all()
{
    return { RangePreset::ThisMonth, RangePreset::LastMonth, RangePreset::Last3Months,
        RangePreset::Last6Months, RangePreset::Last12Months, RangePreset::YearToDate, RangePreset::LastYear,
        RangePreset::ThisCycle, RangePreset::LastCycle, RangePreset::Last3Cycles, RangePreset::Last12Cycles,
        RangePreset::Custom };
}

QString RangePresets::key(RangePreset preset)
{
    switch (preset) {
    case RangePreset::ThisMonth:
        return u"this-month"_s;
    case RangePreset::LastMonth:
        return u"last-month"_s;
    case RangePreset::Last3Months:
        return u"last-3-months"_s;
    case RangePreset::Last6Months:
        return u"last-6-months"_s;
    case RangePreset::Last12Months:
        return u"last-12-months"_s;
    case RangePreset::YearToDate:
        return u"year-to-date"_s;
    case RangePreset::LastYear:
        return u"last-year"_s;
    case RangePreset::ThisCycle:
        return u"this-cycle"_s;
    case RangePreset::LastCycle:
        return u"last-cycle"_s;
    case RangePreset::Last3Cycles:
        return u"last-3-cycles"_s;
    case RangePreset::Last12Cycles:
        return u"last-12-cycles"_s;
    case RangePreset::Custom:
        return u"custom"_s;
    }
    return {};
}

RangePreset RangePresets::fromKey(QStringView key, RangePreset fallback)
{
    for (RangePreset preset : all()) {
        if (RangePresets::key(preset) == key)
            return preset;
    }
    return fallback;
}

bool RangePresets::followsCycle(RangePreset preset)
{
    return preset == RangePreset::ThisCycle || preset == RangePreset::LastCycle
        || preset == RangePreset::Last3Cycles || preset == RangePreset::Last12Cycles;
}

DateRange RangePresets::rangeFor(RangePreset preset, QDate today, int cycleDay)
{
    // Ranges end at the data cut-off: the day that is still being counted is not offered as data.
    const QDate cutoff = DataCutoff::lastCompleteDay(today);
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate cutoffMonth(cutoff.year(), cutoff.month(), 1);
    auto lastMonths = [&](int months) { return DateRange { cutoffMonth.addMonths(-(months - 1)), cutoff }; };
    const auto cycleStart
        = [cycleDay](QDate day) { return DateBuckets::bucketStart(day, Granularity::Month, cycleDay); };
    const QDate thisCycle = cycleStart(today);
    auto lastCycles = [&](int cycles) {
        QDate first = cycleStart(cutoff);
        for (int i = 1; i < cycles; ++i)
            first = cycleStart(first.addDays(-1));
        return DateRange { first, cutoff };
    };
    switch (preset) {
    case RangePreset::ThisMonth:
        return { monthStart, cutoff };
    case RangePreset::LastMonth:
        return { monthStart.addMonths(-1), monthStart.addDays(-1) };
    case RangePreset::Last3Months:
        return lastMonths(3);
    case RangePreset::Last6Months:
        return lastMonths(6);
    case RangePreset::Last12Months:
        return lastMonths(12);
    case RangePreset::YearToDate:
        return { QDate(today.year(), 1, 1), cutoff };
    case RangePreset::LastYear:
        return { QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31) };
    case RangePreset::ThisCycle:
        return { thisCycle, cutoff };
    case RangePreset::LastCycle:
        return { cycleStart(thisCycle.addDays(-1)), thisCycle.addDays(-1) };
    case RangePreset::Last3Cycles:
        return lastCycles(3);
    case RangePreset::Last12Cycles:
        return lastCycles(12);
    case RangePreset::Custom:
        break;
    }
    return {};
}

std::optional<RangePreset> RangePresets::insteadOfEmpty(RangePreset preset)
{
    switch (preset) {
    case RangePreset::ThisMonth:
        return RangePreset::LastMonth;
    case RangePreset::YearToDate:
        return RangePreset::LastYear;
    case RangePreset::ThisCycle:
        return RangePreset::LastCycle;
    default:
        return std::nullopt;
    }
}

std::optional<Granularity> RangePresets::finerThanOneBucket(
    const DateRange& range, Granularity granularity, int cycleDay)
{
    if (!range.isValid() || granularity == Granularity::Day
        || DateBuckets::count(range.first, range.last, granularity, cycleDay) != 1)
        return std::nullopt;
    // A week is finer than a month, but a month of days is what people read best.
    return range.first.daysTo(range.last) > 62 ? Granularity::Week : Granularity::Day;
}

} // namespace bd
