#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace bd::test {

/// The clock every simulated test and benchmark shares, so that the sim's data is the same on every run.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());
}

} // namespace bd::test
