#include "domain/isodate.h"

#include "domain/utc.h"

namespace bd::IsoDate {

namespace {

// Reads exactly `count` ASCII digits at `pos`.
bool readDigits(QStringView s, qsizetype pos, int count, int& out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s[pos + i];
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    out = v;
    return true;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

QString formatImpl(const QDateTime& dt, bool alwaysMillis)
{
    if (!dt.isValid())
        return {};
    const QDateTime u = dt.toUTC();
    const QDate d = u.date();
    const QTime t = u.time();
    QString out = QString::asprintf(
        "%04d-%02d-%02dT%02d:%02d:%02d", d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second());
    if (alwaysMillis || t.msec() != 0)
        out += QString::asprintf(".%03d", t.msec());
    out += QLatin1Char('Z');
    return out;
}

} // namespace

std::optional<QDateTime> parse(QStringView s)
{
    int year = 0, month = 0, day = 0;
    if (!readDigits(s, 0, 4, year) || s.size() < 10 || s[4] != u'-' || !readDigits(s, 5, 2, month)
        || s[7] != u'-' || !readDigits(s, 8, 2, day))
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    if (s.size() == 10)
        return QDateTime(date, QTime(0, 0), UtcZone);

    int hour = 0, minute = 0, second = 0;
    if (s[10] != u'T' || !readDigits(s, 11, 2, hour) || s.size() < 19 || s[13] != u':'
        || !readDigits(s, 14, 2, minute) || s[16] != u':' || !readDigits(s, 17, 2, second))
        return std::nullopt;
    qsizetype pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == u'.') {
        ++pos;
        int digits = 0;
        for (; pos < s.size() && isDigit(s[pos]); ++pos, ++digits) {
            if (digits < 3)
                millis = millis * 10 + (s[pos].unicode() - u'0');
        }
        if (digits == 0 || digits > 9)
            return std::nullopt;
        for (int i = digits; i < 3; ++i)
            millis *= 10;
    }
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;

    int offsetSeconds = 0;
    if (pos == s.size() - 1 && s[pos] == u'Z') {
        // UTC
    } else if (pos == s.size() - 6 && (s[pos] == u'+' || s[pos] == u'-') && s[pos + 3] == u':') {
        int oh = 0, om = 0;
        if (!readDigits(s, pos + 1, 2, oh) || !readDigits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (s[pos] == u'-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const QDateTime local(date, QTime(hour, minute, second, millis), UtcZone);
    return local.addSecs(-offsetSeconds);
}

QString format(const QDateTime& utc)
{
    return formatImpl(utc, false);
}

QString formatWithMillis(const QDateTime& utc)
{
    return formatImpl(utc, true);
}

} // namespace bd::IsoDate
