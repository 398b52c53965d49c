#pragma once

#include <QList>
#include <QStringList>

namespace bd {

class CsvWriter;
struct PortfolioCustomer;

/// The consolidated portfolio CSV, ready for a pivot table: one row per customer × billing period × usage
/// line with its estimate and commitment state (the standing each cell was given), and one row for each
/// period that could not be read, with its state and error code instead of figures. Periods past a
/// customer's history have no row. Money is in the row's currency and never summed across currencies.
namespace PortfolioCsv {

/// Periods from `firstIndex` on (0: the active period too).
CsvWriter build(const QList<PortfolioCustomer>& customers, int firstIndex = 0);
QStringList header();

/// The matrix as a partner sees it: one row per customer (`rows`, in that order), its active period's
/// overage and idle commitment, then each period's amount (the estimated total, or with `overage` the
/// estimated overage cost) and state ("exceeded", "no-data", "refused", "no-period", …).
CsvWriter matrix(const QList<PortfolioCustomer>& customers, const QList<int>& rows, bool overage);

} // namespace PortfolioCsv

} // namespace bd
