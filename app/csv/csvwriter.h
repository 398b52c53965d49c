#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

class QDate;
class QDateTime;

namespace bd {

class Decimal;

/// Builds an RFC 4180 CSV document (UTF-8, CRLF, a header row) cell by cell and saves it atomically.
/// Text cells that a spreadsheet would run as a formula (=, +, -, @ or their fullwidth forms, after any
/// leading blanks, or a leading tab or CR) are neutralised with a leading apostrophe; control characters
/// (NUL, ESC, …) and bidi overrides are dropped from them. Numbers and dates are written as exact text and
/// never altered.
class CsvWriter final
{
public:
    explicit CsvWriter(const QStringList& header);

    CsvWriter& text(QStringView value);
    CsvWriter& number(const Decimal& value);
    CsvWriter& optionalNumber(const std::optional<Decimal>& value);
    CsvWriter& integer(qint64 value);
    /// ISO date, "2025-01-31".
    CsvWriter& date(const QDate& value);
    /// ISO UTC timestamp as Genesys prints it; empty when invalid.
    CsvWriter& timestamp(const QDateTime& value);
    CsvWriter& optionalTimestamp(const std::optional<QDateTime>& value);
    /// "true", "false", or empty when absent.
    CsvWriter& boolean(std::optional<bool> value);
    /// Ends the current row.
    void endRow();

    /// The document so far.
    const QByteArray& bytes() const { return m_bytes; }
    int rowCount() const { return m_rows; }

    /// Writes the document to `path` through FileWriter::save(): atomically for a regular file, in place for
    /// a FIFO or a device, "-" for standard output.
    bool save(const QString& path, QString* error) const;

    /// A text cell made safe for spreadsheets (leading formula characters neutralised).
    static QString neutralised(QStringView value);
    /// A cell quoted as RFC 4180 asks (when it holds a comma, a quote, CR or LF).
    static QString quoted(QStringView value);

private:
    void raw(QStringView cell);

    QByteArray m_bytes;
    int m_columns = 0;
    int m_cell = 0;
    int m_rows = 0;
};

} // namespace bd
