#pragma once

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
/// the currency and every SubscriptionOverviewUsage field.
namespace OverviewCsv {

/// Rows in the order given, usage lines in the order Genesys sent them.
CsvWriter build(const QList<IndexedOverview>& periods);
QStringList header();

} // namespace OverviewCsv

} // namespace bd
