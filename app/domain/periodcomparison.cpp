#include "domain/periodcomparison.h"

#include "domain/overviewestimate.h"
#include "domain/trusteebillingoverview.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString dateText(const std::optional<QDateTime>& date)
{
    return date ? date->date().toString(Qt::ISODate) : QString();
}

QString boolText(std::optional<bool> value)
{
    return value ? (*value ? u"yes"_s : u"no"_s) : QString();
}

/// "EUR 1500.00", "EUR 1500.125": an amount of money in its currency, exact, with at least the cents.
QString moneyText(const std::optional<Decimal>& value, const QString& currency)
{
    if (!value)
        return {};
    const QString exact = value->toString();
    const qsizetype point = exact.indexOf(u'.');
    const int places = point < 0 ? 0 : int(exact.size() - point - 1);
    const QString amount = value->toString(std::max(2, places));
    return currency.isEmpty() ? amount : u"%1 %2"_s.arg(currency, amount);
}

} // namespace

QString PeriodComparison::lineKey(const QString& grouping, const QString& partNumber)
{
    return grouping + u'\x1f' + partNumber;
}

PeriodComparison PeriodComparison::compare(
    const TrusteeBillingOverview& before, const TrusteeBillingOverview& after)
{
    PeriodComparison result;
    QHash<QString, qsizetype> rowOf;
    auto lineFor = [&](const SubscriptionOverviewUsage& usage) -> Line& {
        const QString key = lineKey(usage.grouping, usage.partNumber);
        auto it = rowOf.constFind(key);
        if (it == rowOf.cend()) {
            rowOf.insert(key, result.m_lines.size());
            Line line;
            line.name = usage.name;
            line.partNumber = usage.partNumber;
            line.grouping = usage.grouping;
            line.unit = usage.unitOfMeasureType;
            result.m_lines.append(line);
            return result.m_lines.last();
        }
        return result.m_lines[*it];
    };
    // A line listed twice in one period is summed, so nothing is silently dropped.
    const QList<UsageEstimate> costsBefore = OverviewEstimate::estimateAll(before);
    const QList<UsageEstimate> costsAfter = OverviewEstimate::estimateAll(after);
    for (qsizetype i = 0; i < before.usages.size(); ++i) {
        Line& line = lineFor(before.usages.at(i));
        const UsageEstimate& cost = costsBefore.at(i);
        line.before = line.before.value_or(Decimal()) + before.usages.at(i).usageQuantity;
        line.costBefore = line.costBefore.value_or(Decimal()) + cost.total;
        if (!cost.isPriced()) {
            line.costUnknown = true;
            ++result.m_unpricedBefore;
        }
    }
    for (qsizetype i = 0; i < after.usages.size(); ++i) {
        Line& line = lineFor(after.usages.at(i));
        const UsageEstimate& cost = costsAfter.at(i);
        line.after = line.after.value_or(Decimal()) + after.usages.at(i).usageQuantity;
        line.costAfter = line.costAfter.value_or(Decimal()) + cost.total;
        if (!cost.isPriced()) {
            line.costUnknown = true;
            ++result.m_unpricedAfter;
        }
    }
    result.m_currencyBefore = before.currency;
    result.m_currencyAfter = after.currency;
    result.m_totalBefore = OverviewEstimate::periodTotal(before);
    result.m_totalAfter = OverviewEstimate::periodTotal(after);
    for (Line& line : result.m_lines) {
        if (result.sameCurrency() && !line.costUnknown)
            line.costDelta = line.costAfter.value_or(Decimal()) - line.costBefore.value_or(Decimal());
        line.delta = line.after.value_or(Decimal()) - line.before.value_or(Decimal());
        if (line.before && !line.before->isZero()) {
            if (const auto ratio = (line.delta * Decimal::fromInt(100)).dividedBy(*line.before))
                line.deltaPercent = ratio->rounded(2);
        }
        if (!line.before)
            line.change = Change::Added;
        else if (!line.after)
            line.change = Change::Removed;
        else
            line.change = line.delta.isZero() ? Change::Unchanged : Change::Changed;
    }

    auto field = [&](ContractField name, const QString& a, const QString& b) {
        if (a != b)
            result.m_fieldChanges.append(FieldChange { name, a, b });
    };
    field(ContractField::SubscriptionType, before.subscriptionType, after.subscriptionType);
    field(ContractField::Currency, before.currency, after.currency);
    field(ContractField::ContractEffective, dateText(before.contractEffectiveDate),
        dateText(after.contractEffectiveDate));
    field(ContractField::ContractAmendment, dateText(before.contractAmendmentDate),
        dateText(after.contractAmendmentDate));
    field(ContractField::ContractEnd, dateText(before.contractEndDate), dateText(after.contractEndDate));
    field(
        ContractField::RampStart, dateText(before.rampPeriodStartDate), dateText(after.rampPeriodStartDate));
    field(ContractField::RampEnd, dateText(before.rampPeriodEndDate), dateText(after.rampPeriodEndDate));
    field(ContractField::InRampPeriod, boolText(before.inRampPeriod), boolText(after.inRampPeriod));
    // Amounts compare as decimals (1500 is 1500.000), and in their currencies.
    if (before.minimumMonthlyAmount != after.minimumMonthlyAmount
        || (before.minimumMonthlyAmount && before.currency != after.currency))
        result.m_fieldChanges.append(FieldChange { ContractField::MinimumMonthlyAmount,
            moneyText(before.minimumMonthlyAmount, before.currency),
            moneyText(after.minimumMonthlyAmount, after.currency) });
    QStringList productsBefore = before.enabledProducts;
    QStringList productsAfter = after.enabledProducts;
    productsBefore.sort();
    productsAfter.sort();
    field(ContractField::EnabledProducts, productsBefore.join(u", "_s), productsAfter.join(u", "_s));
    return result;
}

QList<PeriodComparison::Line> PeriodComparison::added() const
{
    QList<Line> lines;
    for (const Line& line : m_lines) {
        if (line.change == Change::Added)
            lines << line;
    }
    return lines;
}

QList<PeriodComparison::Line> PeriodComparison::removed() const
{
    QList<Line> lines;
    for (const Line& line : m_lines) {
        if (line.change == Change::Removed)
            lines << line;
    }
    return lines;
}

} // namespace bd
