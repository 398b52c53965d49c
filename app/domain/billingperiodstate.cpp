#include "domain/billingperiodstate.h"

namespace bd {

BillingPeriodState billingPeriodState(
    int billingPeriodIndex, const std::optional<QDateTime>& endDate, QDate today)
{
    if (billingPeriodIndex != 0)
        return BillingPeriodState::Closed;
    if (endDate && today.isValid() && endDate->toUTC().date() < today)
        return BillingPeriodState::EndedNotClosed;
    return BillingPeriodState::Active;
}

} // namespace bd
