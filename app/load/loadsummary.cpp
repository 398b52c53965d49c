#include "load/loadsummary.h"

namespace bd {

LoadSummary LoadSummary::of(
    const QList<BucketState>& states, const QHash<int, ApiError>& failures, bool anyUsage)
{
    LoadSummary s;
    s.total = int(states.size());
    bool accessDenied = false;
    for (const BucketState state : states) {
        switch (state) {
        case BucketState::Pending:
            ++s.pending;
            break;
        case BucketState::Generating:
            ++s.pending;
            ++s.generating;
            break;
        case BucketState::Loaded:
            ++s.loaded;
            break;
        case BucketState::Failed:
            ++s.failed;
            break;
        case BucketState::Cancelled:
            ++s.cancelled;
            break;
        }
    }
    for (const ApiError& error : failures) {
        accessDenied = accessDenied || error.affectsWholeOrg();
        switch (error.kind()) {
        case ApiError::Kind::Network:
        case ApiError::Kind::Timeout:
            ++s.unreachable;
            break;
        case ApiError::Kind::StillGenerating:
            ++s.stillGenerating;
            break;
        default:
            ++s.otherFailures;
            break;
        }
    }
    if (s.pending > 0)
        s.outcome = Outcome::Loading;
    else if (accessDenied)
        s.outcome = Outcome::AccessDenied;
    else if (s.unreachable > 0)
        s.outcome = Outcome::Unreachable;
    else if (s.stillGenerating > 0)
        s.outcome = Outcome::StillGenerating;
    else if (s.otherFailures > 0)
        s.outcome = Outcome::SomeFailed;
    else if (s.cancelled > 0)
        s.outcome = Outcome::Stopped;
    else if (!anyUsage && s.total > 0)
        s.outcome = Outcome::NoUsage;
    else
        s.outcome = Outcome::Complete;
    return s;
}

} // namespace bd
