#pragma once

#include "domain/provenance.h"

#include <QDateTime>
#include <QStringList>

namespace bd {

/// The one-line footer under every exported or printed chart: what it shows, whose data it is, where and when
/// it was fetched, and the program that drew it. Every page builds its footer here, so they all read alike.
namespace ExportFooter {

/// "<subject…> · Northwind (demo data) · us_east_1 · fetched 2026-11-30 10:42 UTC · Billing Dashboard 0.1.0".
/// `subject` comes first (e.g. the range and granularity, or the customer and its periods); an invalid
/// `fetchedAt` says nothing has been fetched yet.
QString build(const QStringList& subject, const Provenance& provenance, const QDateTime& fetchedAt);

} // namespace ExportFooter

} // namespace bd
