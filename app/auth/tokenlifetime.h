#pragma once

#include <QDateTime>
#include <QString>

namespace bd {

/// How long an access token has left, in words for a status line ("expires in 23 h 59 min").
namespace TokenLifetime {

/// "expires in 23 h 59 min", "expires in 4 min", "expires in less than a minute", "expired 3 min ago", or
/// "lifetime unknown" for an invalid expiresAt (a pasted token).
QString describe(const QDateTime& expiresAt, const QDateTime& now = QDateTime::currentDateTimeUtc());
/// Seconds left (negative once expired); 0 for an invalid expiresAt.
qint64 secondsLeft(const QDateTime& expiresAt, const QDateTime& now = QDateTime::currentDateTimeUtc());

} // namespace TokenLifetime

} // namespace bd
