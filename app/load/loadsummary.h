#pragma once

#include "api/apierror.h"
#include "domain/bucketstate.h"

#include <QHash>
#include <QList>

namespace bd {

/// What a usage load came to, counted once for the status line, the banner and the headless export: how many
/// buckets loaded, are being generated, failed (and why) or were cancelled, and the one outcome a person
/// should hear about first. Pure: no widgets, no network.
struct LoadSummary
{
    /// The most important thing to say, most important first.
    enum class Outcome {
        Loading, ///< buckets are still outstanding
        AccessDenied, ///< a sign-in or permission failure stopped the load (said once, as the error)
        Unreachable, ///< Genesys could not be reached for some buckets
        StillGenerating, ///< Genesys kept answering InProgress past the poll budget
        SomeFailed, ///< other failures (HTTP errors, answers that do not check out)
        Stopped, ///< the load was cancelled before every bucket arrived
        NoUsage, ///< every bucket loaded and none has a usage line
        Complete, ///< every bucket loaded
    };

    Outcome outcome = Outcome::Complete;
    int total = 0;
    int loaded = 0;
    int pending = 0; ///< asked for, or being generated
    int generating = 0; ///< answered InProgress at least once
    int failed = 0;
    int cancelled = 0;
    int unreachable = 0; ///< failed: no answer, or a timeout
    int stillGenerating = 0; ///< failed: InProgress past the poll budget
    int otherFailures = 0;

    /// Summarises bucket states, the failure of each failed bucket, and whether any usage line arrived.
    static LoadSummary of(
        const QList<BucketState>& states, const QHash<int, ApiError>& failures, bool anyUsage);
};

} // namespace bd
