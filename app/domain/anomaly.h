#pragma once

#include "domain/billingusageresource.h"
#include "domain/decimal.h"

#include <QList>
#include <QString>

#include <optional>

namespace bd {

/// A period whose usage of one licence or part number stands out from the periods before it.
struct Anomaly
{
    enum class Kind {
        Rise, ///< above the usual band
        Fall, ///< below it
        New, ///< a charge none of the earlier periods had
        Gone, ///< a charge every earlier period had and this one lacks
    };
    Kind kind = Kind::Rise;
    QString subject; ///< the licence or the part number
    Decimal expected; ///< the median of the earlier periods (0 for New)
    Decimal actual;
    Decimal impact; ///< actual − expected
};

/// Usage that stands out: the last closed period against the median of the ones before it. Pure.
namespace Anomalies {

inline constexpr int Baseline = 6; ///< the earlier periods the median and the spread rest on
inline constexpr int MadFactor = 3;

/// Whether `actual` is outside median ± MadFactor × MAD (median absolute deviation) of `earlier` (the
/// newest Baseline count of them), and also at least `minimumChange` from the median, so that a one-seat
/// blip on three seats is not news. Fewer than three earlier periods: nothing can be said (nullopt).
std::optional<Anomaly> test(
    const QString& subject, Decimal actual, const QList<Decimal>& earlier, Decimal minimumChange);

/// The median of `values` (0 for none); of an even count, the mean of the middle two.
Decimal median(QList<Decimal> values);

/// Below this change nothing is news, however flat the periods before were: two units, or 15 % of the usual
/// figure (an org that grows by a seat or two a month has not had an anomaly).
Decimal minimumChange(Decimal usual);

/// One licence's or part number's figure in the period looked at, and in the periods before it (newest
/// first).
struct Series
{
    QString subject;
    Decimal actual;
    QList<Decimal> earlier;
};
/// Every anomaly among them, in their order: New (nothing in any earlier period, something now), Gone
/// (something in every earlier period, nothing now), else test() with minimumChange() of the usual figure.
QList<Anomaly> find(const QList<Series>& series);

/// One anomaly in words: "Genesys Cloud CX 1 73 against a usual 58.5 (+14.5)", "… new: 25", "… gone (usually
/// 12)".
QString text(const Anomaly& anomaly);

} // namespace Anomalies

/// Who pushed a licence over its commitment: the resources first seen after the commitment was reached.
namespace PushedOver {

/// The resources of a seat licence beyond the first `commitment` of them in the order billing first saw
/// them (ties keep the report's order): those seen after the commitment was full. Empty at or under it.
QList<BillingUsageResource> resources(QList<BillingUsageResource> resources, Decimal commitment);

} // namespace PushedOver

} // namespace bd
