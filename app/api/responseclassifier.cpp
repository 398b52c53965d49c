#include "api/responseclassifier.h"

namespace bd {

bool ResponseClassifier::isTransient(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout, when we did not cancel
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

bool ResponseClassifier::giveUp(int attempts, qint64 ageMs, qint64 delayMs, const RetryPolicy& policy)
{
    return attempts >= policy.maxAttempts || ageMs + delayMs > policy.maxTotalMs;
}

ResponseClassifier::Decision ResponseClassifier::classify(const Facts& facts, const RetryPolicy& policy)
{
    if (facts.bodyTooLarge)
        return { Action::Fail, Cause::TooLarge };
    if (facts.httpStatus == 0) {
        const bool timedOut = facts.networkError == QNetworkReply::OperationCanceledError
            || facts.networkError == QNetworkReply::TimeoutError;
        return { isTransient(facts.networkError) ? Action::Retry : Action::Fail,
            timedOut ? Cause::TimedOut : Cause::NoAnswer };
    }
    const bool success = facts.httpStatus >= 200 && facts.httpStatus < 300;
    if (success) {
        // An HTTP success whose transfer broke off (a truncated body): the data is incomplete.
        if (facts.networkError != QNetworkReply::NoError)
            return { Action::Retry, Cause::CutOff };
        return { Action::Deliver };
    }
    if (facts.redirectRefused)
        return { Action::Fail, Cause::RedirectRefused };
    // The token expired or was revoked. A request that waits out a long backoff can outlive a short token
    // more than once, so the replay is bounded, not single.
    if (facts.httpStatus == 401 && facts.canSignIn && facts.signIns < policy.maxSignInsPerRequest)
        return { Action::SignInAgain, Cause::Http };
    if (facts.httpStatus == 429) {
        const qint64 delay = facts.retryAfterSecs >= 0 ? qint64(facts.retryAfterSecs) * 1000
                                                       : qint64(policy.defaultRetryAfterMs);
        // A wait longer than this request may take: it fails now, and the others are not held up for it.
        if (facts.ageMs + delay > policy.maxTotalMs)
            return { Action::WaitTooLong, Cause::Http, delay };
        return { Action::WaitForServer, Cause::Http, delay };
    }
    // A 500 is as often a passing fault as a lasting one; it gets the same few, bounded tries as a 503.
    switch (facts.httpStatus) {
    case 500:
    case 502:
    case 503:
    case 504:
        return { Action::Retry, Cause::Http };
    default:
        return { Action::Fail, Cause::Http };
    }
}

} // namespace bd
