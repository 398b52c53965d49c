#pragma once

#include <QDate>
#include <QString>

namespace bd::ExportName {

/// A file name (without extension) for an export: "billable-usage-northwind-2025-12-01-2026-11-30". The
/// subject and the org are lower-cased with runs of blanks and characters that file systems refuse
/// (/ \ : * ? " < > |) turned into one dash; an empty org or an invalid date is left out.
QString suggest(const QString& subject, const QString& org, QDate first, QDate last);

} // namespace bd::ExportName
