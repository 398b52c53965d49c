#pragma once

#include "api/retrypolicy.h"

#include <QNetworkReply>

namespace bd {

/// What ApiClient does with one answer, decided from the answer's facts alone: no network, no clock, no
/// randomness, so that every rule (which statuses are retried, how a 401 replays, how long a 429 waits, when
/// a request gives up) is unit-tested in milliseconds.
namespace ResponseClassifier {

/// The facts of one answer and of the request it answers.
struct Facts
{
    int httpStatus = 0; ///< 0: no HTTP answer
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    bool bodyTooLarge = false; ///< the body passed the client's limit and was cut off
    bool redirectRefused = false; ///< a redirect to another origin was not followed
    int retryAfterSecs = -1; ///< the Retry-After header, -1 when absent
    bool canSignIn = false; ///< the sign-in can get a new token (and was not just refused)
    int signIns = 0; ///< how often this request has already signed in again
    qint64 ageMs = 0; ///< since the request's first try
};

/// What to do.
enum class Action {
    Deliver, ///< a success: hand the body to the job
    Fail, ///< an error that no retry mends: hand it to the job
    Retry, ///< a passing fault: try again after a backoff (see giveUp())
    SignInAgain, ///< 401: forget the token, sign in again, replay (not counted as a retry)
    WaitForServer, ///< 429: everything waits `delayMs`, then this request is tried again
    WaitTooLong, ///< 429 asking for a longer wait than the request may take: fail now
};

/// Why, where the answer alone cannot say it (the message names the cause).
enum class Cause { None, TooLarge, NoAnswer, TimedOut, CutOff, RedirectRefused, Http };

struct Decision
{
    Action action = Action::Fail;
    Cause cause = Cause::None;
    qint64 delayMs = 0; ///< WaitForServer and WaitTooLong: the wait the server asked for
};

/// Classifies an answer under a policy.
Decision classify(const Facts& facts, const RetryPolicy& policy);
/// Whether a network error is a passing one (a refused or dropped connection, a timeout).
bool isTransient(QNetworkReply::NetworkError error);
/// Whether a retry after `delayMs` is past the policy: out of tries (`attempts` made so far) or of time.
bool giveUp(int attempts, qint64 ageMs, qint64 delayMs, const RetryPolicy& policy);

} // namespace ResponseClassifier

} // namespace bd
