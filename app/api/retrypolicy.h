#pragma once

namespace bd {

/// How ApiClient retries: 429 after Retry-After, 500/502/503/504 and transient network errors with
/// exponential backoff and jitter, both capped by attempts and total time. Other 4xx are never retried. (A
/// 200 whose body is not JSON at all is asked for again by the job that reads it: ApiJob::failParse.)
struct RetryPolicy
{
    int maxAttempts = 5; ///< tries in all, the first included
    int maxTotalMs = 120'000; ///< from the first try; a wait that would pass it ends the request
    int backoffBaseMs = 1'000; ///< first backoff; then ×3 (1 s, 3 s, 9 s, 27 s)
    int backoffFactor = 3;
    int maxBackoffMs = 30'000;
    int defaultRetryAfterMs = 3'000; ///< a 429 without Retry-After
    int maxSignInsPerRequest = 3; ///< a 401 signs in again and replays the request, this often at most
};

/// How the billable-usage report is polled while Genesys answers InProgress: the identical GET again after
/// a growing delay, up to a total time.
struct PollPolicy
{
    int initialDelayMs = 1'000;
    int factor = 2;
    int maxDelayMs = 8'000;
    int maxTotalMs = 300'000;
};

} // namespace bd
