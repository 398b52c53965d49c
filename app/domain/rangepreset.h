#pragma once

#include "domain/daterange.h"

#include <QDate>
#include <QList>
#include <QString>

namespace bd {

/// The date ranges a person picks most: calendar months back from today, the year so far, last year.
enum class RangePreset {
    ThisMonth,
    LastMonth,
    Last3Months,
    Last6Months,
    Last12Months,
    YearToDate,
    LastYear,
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
/// The range a preset means on `today`; "last N months" are N whole months ending with the current one
/// (the current one up to today). Custom gives an invalid range.
DateRange rangeFor(RangePreset preset, QDate today);

} // namespace RangePresets

} // namespace bd
