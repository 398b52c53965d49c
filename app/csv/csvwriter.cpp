#include "csv/csvwriter.h"

#include "csv/filewriter.h"
#include "domain/decimal.h"
#include "domain/isodate.h"

#include <QDate>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace bd {

CsvWriter::CsvWriter(const QStringList& header)
    : m_columns(int(header.size()))
{
    for (const QString& name : header)
        text(name);
    endRow();
    m_rows = 0; // the header is not a data row
}

namespace {

// Characters no cell keeps: C0 controls but tab, CR and LF (NUL and ESC among them), DEL, and the bidi
// embeddings, overrides and isolates that can make a cell read differently from what it holds.
bool isDropped(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\r' && c != u'\n') || c == 0x7f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}

// What a spreadsheet reads as the start of a formula, in ASCII and in its fullwidth forms.
bool isFormulaStart(char16_t c)
{
    switch (c) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\uff1d':
    case u'\uff0b':
    case u'\uff0d':
    case u'\uff20':
        return true;
    default:
        return false;
    }
}

} // namespace

QString CsvWriter::neutralised(QStringView value)
{
    QString cell;
    cell.reserve(value.size());
    for (const QChar c : value) {
        if (!isDropped(c.unicode()))
            cell += c;
    }
    // A formula character after leading blanks is still a formula to some spreadsheets; a cell that starts
    // with a tab or CR is treated as one too (OWASP).
    qsizetype first = 0;
    while (first < cell.size()
        && (cell.at(first) == u' ' || cell.at(first) == u'\t' || cell.at(first) == u'\r'
            || cell.at(first) == u'\n'))
        ++first;
    const bool startsBlank = first > 0 && (cell.front() == u'\t' || cell.front() == u'\r');
    if (startsBlank || (first < cell.size() && isFormulaStart(cell.at(first).unicode())))
        cell.prepend(u'\'');
    return cell;
}

QString CsvWriter::quoted(QStringView value)
{
    const bool needsQuotes
        = value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r');
    if (!needsQuotes)
        return value.toString();
    QString escaped = value.toString();
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

void CsvWriter::raw(QStringView cell)
{
    if (m_cell > 0)
        m_bytes += ',';
    m_bytes += quoted(cell).toUtf8();
    ++m_cell;
}

CsvWriter& CsvWriter::text(QStringView value)
{
    raw(neutralised(value));
    return *this;
}

CsvWriter& CsvWriter::number(const Decimal& value)
{
    raw(value.toString());
    return *this;
}

CsvWriter& CsvWriter::optionalNumber(const std::optional<Decimal>& value)
{
    raw(value ? value->toString() : QString());
    return *this;
}

CsvWriter& CsvWriter::integer(qint64 value)
{
    raw(QString::number(value));
    return *this;
}

CsvWriter& CsvWriter::date(const QDate& value)
{
    raw(value.isValid() ? value.toString(Qt::ISODate) : QString());
    return *this;
}

CsvWriter& CsvWriter::timestamp(const QDateTime& value)
{
    raw(IsoDate::format(value));
    return *this;
}

CsvWriter& CsvWriter::optionalTimestamp(const std::optional<QDateTime>& value)
{
    raw(value ? IsoDate::format(*value) : QString());
    return *this;
}

CsvWriter& CsvWriter::boolean(std::optional<bool> value)
{
    raw(value ? (*value ? u"true"_s : u"false"_s) : QString());
    return *this;
}

void CsvWriter::endRow()
{
    Q_ASSERT_X(m_cell == m_columns, "CsvWriter::endRow", "row width differs from the header");
    m_bytes += "\r\n";
    m_cell = 0;
    ++m_rows;
}

bool CsvWriter::save(const QString& path, QString* error) const
{
    return FileWriter::save(path, m_bytes, error);
}

} // namespace bd
