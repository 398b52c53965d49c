#pragma once

#include "domain/commitmentstate.h"
#include "domain/licencecommitment.h"
#include "domain/projection.h"

#include <QList>
#include <QString>

#include <optional>

namespace bd {

class UsageSeriesModel;

/// Where one licence of an org stands in one billing cycle against what the org committed to.
struct LicenceStanding
{
    QString licence;
    CommitmentState state = CommitmentState::Ok;
    Decimal used; ///< the cycle's usage (to date, for the open cycle)
    std::optional<Decimal> committed;
    std::optional<Decimal> usedPercent; ///< used ÷ committed × 100
    Decimal over; ///< used above the commitment (0 at or under it)
    std::optional<Projection> projection; ///< the open cycle's, when the model makes one
    bool toDate = false; ///< the cycle is open: `used` is its usage so far
    int nearPercent
        = Commitments::DefaultThresholdPercent; ///< the share it is near from: its own, or the org's
};

/// Committed seats of one licence that a whole billing cycle left unused, valued at prepay price where the
/// price is known.
struct IdleCommitment
{
    QString licence;
    Decimal committed;
    Decimal idle; ///< max(committed − used, 0), above 0
    std::optional<PrepayPrice> price;
    /// idle × the prepay price; nullopt without a price.
    std::optional<Decimal> value() const;
};

namespace LicenceStandings {

/// Every licence of one loaded bucket of `model` (and every committed licence it lacks, at 0), by name, with
/// its state at `thresholdPercent` (Commitments::state). A partial bucket's seat projection (the model's)
/// can make a licence ProjectedToExceed. The commitment that counts is the one that holds on the first day
/// of the bucket's cycle (UsageSeriesModel::commitmentDay), and so does its own near share when it has one
/// (else `thresholdPercent`). Empty when the bucket has not loaded.
QList<LicenceStanding> of(const UsageSeriesModel& model, int bucket,
    const QList<LicenceCommitment>& commitments, int thresholdPercent);

/// The worst state among them (Ok for none).
CommitmentState worst(const QList<LicenceStanding>& standings);

} // namespace LicenceStandings

} // namespace bd
