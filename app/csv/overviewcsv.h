#pragma once

#include <QDate>
#include <QList>

namespace bd {

class CsvWriter;
struct TrusteeBillingOverview;

/// One walked billing period: its index (at the time of the walk) and what Genesys answered.
struct IndexedOverview
{
    int billingPeriodIndex = 0;
    const TrusteeBillingOverview* overview = nullptr;
};

/// The long-format overview CSV: one row per usage line per period, with the index, the period's dates,
/// the currency, every SubscriptionOverviewUsage field and, for the active period (index 0), where each line
/// is likely to end (Projections::period, from the closed periods 1, 2, … among `periods`); the note says why
/// a line has no projection ("closed period", "too little history", "ramp period", …).
namespace OverviewCsv {

/// Rows in the order given, usage lines in the order Genesys sent them. lastCompleteDay is the data cut-off
/// (invalid: the clock's).
CsvWriter build(const QList<IndexedOverview>& periods, QDate lastCompleteDay = {});
QStringList header();

} // namespace OverviewCsv

} // namespace bd
