#pragma once

#include "domain/alertrule.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bd {

/// One subject of a check (a licence, or a partner's customer) and whether its state is news.
struct CheckItem
{
    AlertSubject subject;
    std::optional<AlertMark> last; ///< what the last check told (nullopt: nothing this period)
    bool isNews = false;
};

/// The monitoring-plugin output of `billing-dashboard check`: the status, one summary line, a line per
/// subject that is not ok. Pure.
namespace CheckReport {

/// The plugin exit codes Nagios, Icinga and their kin read.
enum class Status { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 };

/// Exceeded and projected to exceed are critical, at or above the threshold a warning; the rest is ok.
Status statusOf(CommitmentState state);
/// The worst of the items' statuses (Ok for none).
Status status(const QList<CheckItem>& items);
/// "OK", "WARNING", "CRITICAL", "UNKNOWN".
QString statusName(Status status);

/// "BILLING WARNING - 1 licence at or above 90 %: Genesys Cloud CX 3 94 % | 'Genesys Cloud CX 3'=94%;90;100"
/// `noun` is "licence" or "customer"; `context` ends an OK line, e.g. "(cycle 1 – 30 Nov 2026)". The
/// performance data after "|" gives each item's use of its commitment, with the threshold as the warning
/// level and 100 % as the critical one.
QString summary(
    const QList<CheckItem>& items, const QString& noun, int thresholdPercent, const QString& context);
/// One line per item that is not ok or whose state is news (a return to ok is one), worst first:
/// "CRITICAL Genesys Cloud CX 3: exceeded (118 of 100, 118 %) [new]".
QStringList lines(const QList<CheckItem>& items);

} // namespace CheckReport

} // namespace bd
