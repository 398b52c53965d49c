#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace bd::sim {

/// Dates as Genesys prints and accepts them: ISO-8601 UTC with 'Z', milliseconds only when non-zero.
namespace WireDate {

/// Formats ms since the epoch, e.g. "2026-10-01T00:00:00Z" or "2026-10-31T23:59:59.999Z" (no QDateTime).
QString format(qint64 msecsSinceEpoch);
/// Formats a QDateTime (converted to UTC).
QString format(const QDateTime& dateTime);
/// Parses "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM|±HHMM)" into UTC; nullopt for anything else (or no zone).
std::optional<QDateTime> parse(QStringView text);
/// Midnight UTC of the day holding msecsSinceEpoch.
qint64 startOfDay(qint64 msecsSinceEpoch);

inline constexpr qint64 MsPerDay = 86'400'000; ///< milliseconds in a UTC day

} // namespace WireDate

} // namespace bd::sim
