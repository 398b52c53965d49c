#pragma once

#include "domain/utc.h"

#include <QDateTime>

namespace bd::test {

/// The clock every simulated test and benchmark shares, so that the sim's data is the same on every run.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(12, 0), UtcZone);
}

} // namespace bd::test
