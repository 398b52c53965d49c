#pragma once

#include "domain/alertrule.h"
#include "domain/portfolio.h"
#include "models/licencestanding.h"

#include <QList>

namespace bd {

/// What alerts and the check tell about: an org's licences in one billing cycle, or a partner's customers
/// in their active periods. The same subjects, keys and figures in the window and on the command line.
namespace AlertSubjects {

/// One subject per licence of a cycle that starts on `cycleStart` and ends on `cycleEnd`, keyed by the
/// licence ("licence:…", case-folded).
QList<AlertSubject> ofLicences(const QList<LicenceStanding>& standings, QDate cycleStart, QDate cycleEnd);

/// One subject per customer whose active period is loaded, keyed by org id ("customer:…"), with the lines
/// that drive its state as the detail. `unreadable` counts the customers left out.
QList<AlertSubject> ofPortfolio(const QList<PortfolioCustomer>& customers, int* unreadable = nullptr);

} // namespace AlertSubjects

} // namespace bd
