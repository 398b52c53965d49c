#pragma once

#include "domain/granularity.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace bd {

/// One report window in UTC with inclusive ends, as the billable-usage API expects.
struct DateBucket
{
    QDate first; ///< first calendar day covered
    QDate last; ///< last calendar day covered (inclusive)

    /// `first` at 00:00:00.000 UTC.
    QDateTime start() const;
    /// `last` at 23:59:59.999 UTC.
    QDateTime end() const;
    /// English, locale-independent label: "2025-03-14", "2025-W11" (ISO week), "Mar 2025", "Q1 2025".
    QString label(Granularity g) const;

    /// Member-wise equality.
    bool operator==(const DateBucket&) const = default;
};

} // namespace bd
