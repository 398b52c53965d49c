#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace bd {

/// The date ranges a person picks most: calendar months back from today, the year so far, last year.
enum class RangePreset { ThisMonth, LastMonth, Last3Months, Last6Months, Last12Months, YearToDate, LastYear, Custom };

/// An inclusive range of calendar days.
struct DateRange
{
    QDate first;
    QDate last;
    bool isValid() const { return first.isValid() && last.isValid() && first <= last; }
    bool operator==(const DateRange&) const = default;
};

/// Turns presets into ranges relative to a given day.
class RangePresets final
{
public:
    /// Every preset in menu order, Custom last.
    static QList<RangePreset> all();
    /// "This month", "Last 3 months", …
    static QString label(RangePreset preset);
    /// Stable key for settings: "this-month", "last-3-months", …
    static QString key(RangePreset preset);
    static RangePreset fromKey(QStringView key, RangePreset fallback = RangePreset::Last12Months);
    /// The range a preset means on `today`; "last N months" are N whole months ending with the current one
    /// (the current one up to today). Custom gives an invalid range.
    static DateRange rangeFor(RangePreset preset, QDate today);
};

} // namespace bd
