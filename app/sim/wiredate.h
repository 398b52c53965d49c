#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <optional>

namespace bd::sim {

/// Dates as Genesys prints and accepts them: ISO-8601 UTC with 'Z', milliseconds only when non-zero.
class WireDate
{
public:
    /// Formats milliseconds since the epoch, e.g. "2026-10-01T00:00:00Z" or "2026-10-31T23:59:59.999Z" (fast, no QDateTime).
    static QString format(qint64 msecsSinceEpoch);
    /// Formats a QDateTime (converted to UTC).
    static QString format(const QDateTime& dateTime);
    /// Parses "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM|±HHMM)" into UTC; nullopt for anything else (no zone = rejected).
    static std::optional<QDateTime> parse(QStringView text);
    /// Midnight UTC of the day holding msecsSinceEpoch.
    static qint64 startOfDay(qint64 msecsSinceEpoch);

    static constexpr qint64 msPerDay = 86'400'000;
};

} // namespace bd::sim
