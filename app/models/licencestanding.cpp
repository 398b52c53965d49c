#include "models/licencestanding.h"

#include "domain/datacutoff.h"
#include "models/usageseriesmodel.h"

#include <algorithm>

namespace bd {

std::optional<Decimal> IdleCommitment::value() const
{
    return price ? std::optional<Decimal>(idle * price->amount) : std::nullopt;
}

QList<LicenceStanding> LicenceStandings::of(const UsageSeriesModel& model, int bucket,
    const QList<LicenceCommitment>& commitments, int thresholdPercent)
{
    QList<LicenceStanding> result;
    if (bucket < 0 || bucket >= model.buckets().size() || model.bucketState(bucket) != BucketState::Loaded)
        return result;
    const bool open = model.coverage(bucket) == Coverage::Partial;
    const QDate day = model.commitmentDay(bucket);
    const auto stand = [&](const QString& licence, Decimal used, int row) {
        LicenceStanding s;
        s.licence = licence;
        s.used = used;
        s.toDate = open;
        const LicenceCommitment* holding = LicenceCommitments::holding(commitments, licence, day);
        s.committed = holding ? std::optional<Decimal>(holding->quantity) : std::nullopt;
        s.nearPercent = holding && holding->nearPercent ? *holding->nearPercent : thresholdPercent;
        s.usedPercent = Commitments::usedPercent(used, s.committed);
        s.over = s.committed ? Decimal::max(used - *s.committed, Decimal()) : Decimal();
        std::optional<Decimal> likely;
        if (open && row >= 0 && bucket == model.partialBucket()) {
            s.projection = model.projection(row);
            if (s.projection && s.projection->isProjected())
                likely = s.projection->likely;
        }
        s.state = Commitments::state(used, s.committed, s.nearPercent, likely);
        return s;
    };
    for (int row = 0; row < model.licenceCount(); ++row) {
        if (const auto used = model.value(row, bucket))
            result.append(stand(model.licence(row), *used, row));
    }
    for (const LicenceCommitment& c : commitments) {
        const bool listed = std::any_of(result.cbegin(), result.cend(), [&](const LicenceStanding& s) {
            return s.licence.compare(c.licence.trimmed(), Qt::CaseInsensitive) == 0;
        });
        if (!listed && LicenceCommitments::on(commitments, c.licence, day))
            result.append(stand(c.licence.trimmed(), Decimal(), -1));
    }
    std::sort(result.begin(), result.end(), [](const LicenceStanding& a, const LicenceStanding& b) {
        return a.licence.compare(b.licence, Qt::CaseInsensitive) < 0;
    });
    return result;
}

CommitmentState LicenceStandings::worst(const QList<LicenceStanding>& standings)
{
    CommitmentState worst = CommitmentState::Ok;
    for (const LicenceStanding& s : standings)
        worst = std::max(worst, s.state);
    return worst;
}

} // namespace bd
