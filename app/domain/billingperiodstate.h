#pragma once

#include <QDate>
#include <QDateTime>

#include <optional>

namespace bd {

/// Where a customer org's billing period stands on a given UTC day.
enum class BillingPeriodState {
    Active, ///< index 0 and still running: its figures grow until it ends
    EndedNotClosed, ///< index 0 whose last day is past: Genesys has not rotated it to index 1 yet
    Closed, ///< index 1, 2, …
};

/// The state of the period fetched at `billingPeriodIndex` whose billingPeriodEndDate is `endDate`, on the
/// UTC day `today`. The end date's UTC day is the period's last day: on that day the period is still active,
/// from the next day on an index-0 period has ended and waits for Genesys to close it. Without an end date an
/// index-0 period counts as active.
BillingPeriodState billingPeriodState(
    int billingPeriodIndex, const std::optional<QDateTime>& endDate, QDate today);

} // namespace bd
