#pragma once

#include "domain/alertrule.h"
#include "domain/portfolio.h"
#include "models/licencestanding.h"

#include <QList>

namespace bd {

class UsageSeriesModel;

/// What alerts and the check tell about: an org's licences in one billing cycle, or a partner's customers
/// in their active periods. The same subjects, keys and figures in the window and on the command line.
namespace AlertSubjects {

/// One subject per licence of a cycle that starts on `cycleStart` and ends on `cycleEnd`, keyed by the
/// licence ("licence:…", case-folded).
QList<AlertSubject> ofLicences(const QList<LicenceStanding>& standings, QDate cycleStart, QDate cycleEnd);

/// The licences of a usage load's commitment bucket (UsageSeriesModel::standings()), when that bucket is
/// the billing cycle under way or the one that just ended (on `lastCompleteDay`, it reaches the data
/// cut-off): a load of past cycles tells nothing new. Empty when the buckets are not cycles or months.
QList<AlertSubject> ofUsage(const UsageSeriesModel& model, QDate lastCompleteDay);

/// One subject per customer whose active period is loaded, keyed by org id ("customer:…"), with the lines
/// that drive its state as the detail. `unreadable` counts the customers left out.
QList<AlertSubject> ofPortfolio(const QList<PortfolioCustomer>& customers, int* unreadable = nullptr);

/// What a subject's key names: a licence (its name is the subject's name) or a customer org (its id).
enum class SubjectKind { Licence, Customer, Unknown };
SubjectKind kindOf(const QString& key);
/// The customer org id in a "customer:…" key; empty for any other.
QString customerOrgId(const QString& key);

} // namespace AlertSubjects

} // namespace bd
