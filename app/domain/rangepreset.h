#pragma once

#include "domain/daterange.h"
#include "domain/granularity.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace bd {

/// The date ranges a person picks most: calendar months back from today, the year so far, last year, and
/// billing cycles (months that start on the contract's cycle day, so that a chart lines up with invoices).
enum class RangePreset {
    ThisMonth,
    LastMonth,
    Last3Months,
    Last6Months,
    Last12Months,
    YearToDate,
    LastYear,
    ThisCycle,
    LastCycle,
    Last3Cycles,
    Last12Cycles,
    Custom
};

/// Turns presets into ranges relative to a given day. What a preset is called on screen is the UI's to say
/// (RangeBar); here are only the stable keys and the arithmetic.
namespace RangePresets {

/// Every preset in menu order, Custom last.
QList<RangePreset> all();
/// Stable key for settings: "this-month", "last-3-months", …
QString key(RangePreset preset);
RangePreset fromKey(QStringView key, RangePreset fallback = RangePreset::Last12Months);
/// The range a preset means on `today`. Ranges end at the data cut-off (yesterday, DataCutoff): "last N
/// months" are N months ending with the month of the cut-off, so on 1 December "last 12 months" is December
/// to November, all complete. "This month" and "year to date" are empty (first > last) on the first day of
/// their period, when there is no data for it yet. Custom gives an invalid range.
/// Cycle presets tile by billing cycles starting on `cycleDay` (DateBuckets): "this cycle" is empty on its
/// first day, "last N cycles" end with the cycle of the cut-off.
DateRange rangeFor(RangePreset preset, QDate today, int cycleDay = 1);
/// True for the presets that follow the billing cycle.
bool followsCycle(RangePreset preset);
/// What to offer when a preset's range is empty because its period has only just begun: last month for this
/// month, last year for the year to date, the last cycle for this cycle.
std::optional<RangePreset> insteadOfEmpty(RangePreset preset);
/// A granularity worth offering when `range` is a single bucket of `granularity` (monthly buckets from
/// `cycleDay`): days for up to two months, else weeks; nullopt when the range has more buckets already.
std::optional<Granularity> finerThanOneBucket(
    const DateRange& range, Granularity granularity, int cycleDay = 1);

} // namespace RangePresets

} // namespace bd
