#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

/// Genesys Cloud ISO-8601 UTC timestamps: lenient reading, server-exact writing.
namespace bd::IsoDate {

/// Parses "2026-10-01T00:00:00Z", "…:59.999Z", "…+00:00", other offsets (converted), 1–9 fractional digits
/// (truncated to ms), or a date-only "2026-10-01" (midnight); returns a Qt::UTC QDateTime, else nullopt.
std::optional<QDateTime> parse(QStringView text);

/// Formats as Genesys servers print: "2026-10-01T00:00:00Z", milliseconds only when non-zero; "" if invalid.
QString format(const QDateTime& utc);

/// Formats as the official SDK sends: always with milliseconds ("2026-10-01T00:00:00.000Z"); "" if invalid.
QString formatWithMillis(const QDateTime& utc);

} // namespace bd::IsoDate
