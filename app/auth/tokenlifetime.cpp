#include "auth/tokenlifetime.h"

using namespace Qt::StringLiterals;

namespace bd {

namespace {
QString span(qint64 secs)
{
    const qint64 minutes = secs / 60;
    if (minutes >= 60 * 24)
        return u"%1 d %2 h"_s.arg(minutes / (60 * 24)).arg((minutes / 60) % 24);
    if (minutes >= 60)
        return u"%1 h %2 min"_s.arg(minutes / 60).arg(minutes % 60);
    return u"%1 min"_s.arg(minutes);
}
} // namespace

qint64 TokenLifetime::secondsLeft(const QDateTime& expiresAt, const QDateTime& now)
{
    return expiresAt.isValid() ? now.secsTo(expiresAt) : 0;
}

QString TokenLifetime::describe(const QDateTime& expiresAt, const QDateTime& now)
{
    if (!expiresAt.isValid())
        return u"lifetime unknown"_s;
    const qint64 left = secondsLeft(expiresAt, now);
    if (left <= 0)
        return -left < 60 ? u"expired just now"_s : u"expired %1 ago"_s.arg(span(-left));
    if (left < 60)
        return u"expires in less than a minute"_s;
    return u"expires in %1"_s.arg(span(left));
}

} // namespace bd
