#pragma once

#include "domain/commitmentstate.h"
#include "domain/trusteebillingoverview.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bd {

/// One customer's billing period in a partner's portfolio, as far as it has been read.
struct PortfolioCell
{
    enum class Status {
        Pending, ///< not read yet
        Loaded,
        NoPeriod, ///< past the customer's history
        Failed, ///< this period could not be read
        Refused, ///< none of the customer's billing can be read (a disabled trust, a 403)
    };
    Status status = Status::Pending;
    std::optional<TrusteeBillingOverview> overview;
    PeriodStanding standing;
    QString error; ///< Failed or Refused: why, for a person
    QString errorCode; ///< Failed or Refused: Genesys' code ("missing.any.permissions"), or the HTTP status
    QDateTime storedAt; ///< the store's copy, fetched then (invalid: fetched in this sweep)
};

/// One customer (trustor) org of a portfolio: its periods by billingPeriodIndex.
struct PortfolioCustomer
{
    QString orgId;
    QString name;
    QList<PortfolioCell> cells; ///< by billingPeriodIndex
    QString refusal; ///< why its billing cannot be read, when it cannot
    std::optional<int> historyEnd;

    /// The customer's currency: its newest loaded period's (empty before one arrives).
    QString currency() const
    {
        for (const PortfolioCell& cell : cells) {
            if (cell.overview)
                return cell.overview->currency;
        }
        return {};
    }
};

} // namespace bd
