#include "sim/wiredate.h"

#include "domain/utc.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {
// Howard Hinnant's civil_from_days: days since 1970-01-01 → (y, m, d), exact on the proleptic calendar.
void civilFromDays(qint64 z, qint64& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        ++y;
}

void put(char*& p, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    p += width;
}
} // namespace

qint64 WireDate::startOfDay(qint64 ms)
{
    qint64 days = ms / MsPerDay;
    if (ms % MsPerDay < 0)
        --days;
    return days * MsPerDay;
}

QString WireDate::format(qint64 ms)
{
    const qint64 day0 = startOfDay(ms);
    const qint64 inDay = ms - day0;
    qint64 y = 0;
    unsigned mo = 0, d = 0;
    civilFromDays(day0 / MsPerDay, y, mo, d);
    char buf[32];
    char* p = buf;
    put(p, y, 4);
    *p++ = '-';
    put(p, mo, 2);
    *p++ = '-';
    put(p, d, 2);
    *p++ = 'T';
    put(p, inDay / 3'600'000, 2);
    *p++ = ':';
    put(p, (inDay / 60'000) % 60, 2);
    *p++ = ':';
    put(p, (inDay / 1000) % 60, 2);
    if (const qint64 millis = inDay % 1000; millis != 0) {
        *p++ = '.';
        put(p, millis, 3);
    }
    *p++ = 'Z';
    return QString::fromLatin1(buf, p - buf);
}

QString WireDate::format(const QDateTime& dateTime)
{
    return format(dateTime.toMSecsSinceEpoch());
}

std::optional<QDateTime> WireDate::parse(QStringView text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?(Z|[+-]\\d{2}:?\\d{2})$"_s);
    const QRegularExpressionMatch m = pattern.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    const QTime time(m.capturedView(4).toInt(), m.capturedView(5).toInt(), m.capturedView(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int millis = 0;
    if (const QStringView frac = m.capturedView(7); !frac.isEmpty()) {
        millis = frac.toInt();
        for (qsizetype i = frac.size(); i < 3; ++i)
            millis *= 10;
    }
    int offsetSecs = 0;
    if (const QStringView zone = m.capturedView(8); zone != u"Z") {
        const QString digits = zone.mid(1).toString().remove(u':');
        const int hh = digits.left(2).toInt();
        const int mm = digits.mid(2, 2).toInt();
        if (hh > 23 || mm > 59)
            return std::nullopt;
        offsetSecs = (hh * 3600 + mm * 60) * (zone.front() == u'-' ? -1 : 1);
    }
    QDateTime utc(date, time, UtcZone);
    utc = utc.addMSecs(millis).addSecs(-offsetSecs);
    return utc;
}

} // namespace bd::sim
