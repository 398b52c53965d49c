#pragma once

#include <QDate>

namespace bd {

/// A range of calendar days a person picks (inclusive ends). DateBuckets::tile() cuts it into DateBuckets,
/// the report windows the API is asked for.
struct DateRange
{
    QDate first;
    QDate last;
    bool isValid() const { return first.isValid() && last.isValid() && first <= last; }
    bool operator==(const DateRange&) const = default;
};

} // namespace bd
