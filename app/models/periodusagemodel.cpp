#include "models/periodusagemodel.h"

#include "domain/datacutoff.h"
#include "models/celltone.h"

#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QVariant decimal(const Decimal& value)
{
    return QVariant::fromValue(value);
}

QVariant optionalDecimal(const std::optional<Decimal>& value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

} // namespace

PeriodUsageModel::PeriodUsageModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void PeriodUsageModel::clear()
{
    setOverview(TrusteeBillingOverview {});
}

void PeriodUsageModel::setOverview(const TrusteeBillingOverview& overview, int billingPeriodIndex,
    const QList<TrusteeBillingOverview>& closed)
{
    beginResetModel();
    m_overview = overview;
    m_index = billingPeriodIndex;
    m_closed = closed;
    m_rows.clear();
    const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(m_overview);
    // Group by grouping, groups in first-seen order, so a period reads the way Genesys lists it.
    QStringList groups;
    for (const SubscriptionOverviewUsage& usage : std::as_const(m_overview.usages)) {
        if (!groups.contains(usage.grouping))
            groups << usage.grouping;
    }
    // A fair-use row sits right under the resource line it is netted against.
    const qsizetype fairUse = groups.indexOf(u"fair-use"_s);
    const qsizetype resource = groups.indexOf(u"resource"_s);
    if (fairUse >= 0 && resource >= 0 && fairUse != resource + 1)
        groups.move(fairUse, fairUse < resource ? resource : resource + 1);
    for (int g = 0; g < groups.size(); ++g) {
        for (int i = 0; i < m_overview.usages.size(); ++i) {
            if (m_overview.usages.at(i).grouping == groups.at(g))
                m_rows.append(Row { i, estimates.at(i), g, std::nullopt });
        }
    }
    project();
    endResetModel();
}

void PeriodUsageModel::project()
{
    const bool open = m_index == 0 && !m_rows.isEmpty();
    QList<const TrusteeBillingOverview*> closed;
    for (const TrusteeBillingOverview& o : std::as_const(m_closed))
        closed << &o;
    const QList<LineProjection> lines = open
        ? Projections::period(m_overview, closed, DataCutoff::lastCompleteDay(today()))
        : QList<LineProjection>();
    for (Row& row : m_rows)
        row.projection = open ? std::optional(lines.at(row.usageIndex)) : std::nullopt;
}

void PeriodUsageModel::setClosedPeriods(const QList<TrusteeBillingOverview>& closed)
{
    m_closed = closed;
    project();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ProjectedColumn), index(rowCount() - 1, ProjectedOverageCostColumn));
}

void PeriodUsageModel::setToday(QDate today)
{
    m_today = today;
    project();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ProjectedColumn), index(rowCount() - 1, ProjectedOverageCostColumn));
}

QDate PeriodUsageModel::today() const
{
    return m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().date();
}

const PeriodUsageModel::Row* PeriodUsageModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

const LineProjection* PeriodUsageModel::projection(int row) const
{
    const Row* r = rowAt(row);
    return r && r->projection ? &*r->projection : nullptr;
}

QMap<QString, Decimal> PeriodUsageModel::projectedOverage() const
{
    QList<LineProjection> lines;
    for (const Row& row : m_rows) {
        if (row.projection)
            lines << *row.projection;
    }
    return Projections::overageByCurrency(lines);
}

const SubscriptionOverviewUsage* PeriodUsageModel::usage(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_overview.usages.at(m_rows.at(row).usageIndex) : nullptr;
}

const UsageEstimate* PeriodUsageModel::estimate(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).estimate : nullptr;
}

int PeriodUsageModel::rowOf(const QString& grouping, const QString& partNumber) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const SubscriptionOverviewUsage& u = m_overview.usages.at(m_rows.at(row).usageIndex);
        if (u.grouping == grouping && u.partNumber == partNumber)
            return row;
    }
    return -1;
}

CurrencyTotals PeriodUsageModel::totals() const
{
    CurrencyTotals totals;
    if (m_rows.isEmpty())
        return totals;
    for (const Row& row : m_rows)
        totals.add(m_overview.currency, row.estimate);
    return totals;
}

QString PeriodUsageModel::caveat()
{
    return tr(
        "Estimates: Genesys does not publish how it prices usage. Prices exclude tax; Genesys Cloud Voice "
        "and BYOC Cloud telco usage are not included.");
}

int PeriodUsageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeriodUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeriodUsageModel::raw(const Row& row, int column) const
{
    const SubscriptionOverviewUsage& u = m_overview.usages.at(row.usageIndex);
    const UsageEstimate& e = row.estimate;
    switch (Column(column)) {
    case GroupingColumn:
        return u.grouping;
    case NameColumn:
        return u.name;
    case PartNumberColumn:
        return u.partNumber;
    case UnitColumn:
        return u.unitOfMeasureType;
    case UsageColumn:
        return decimal(u.usageQuantity);
    case AllowanceColumn:
        // On the allowance row itself the quantity is the allowance.
        return e.isAllowance ? decimal(u.usageQuantity) : optionalDecimal(e.allowance);
    case BillableColumn:
        return e.isAllowance ? QVariant() : decimal(e.billable);
    case PrepayColumn:
        return decimal(u.prepayQuantity);
    case OverageColumn:
        return e.isAllowance ? QVariant() : decimal(e.overage);
    case PrepayPriceColumn:
        return optionalDecimal(u.prepayPrice);
    case OveragePriceColumn:
        return optionalDecimal(u.overagePrice);
    case OverageCostColumn:
        // An unknown price leaves the cost unknown: blank, never 0.
        return e.isAllowance || !e.isOveragePriced() ? QVariant() : decimal(e.overageCost);
    case TotalColumn:
        return e.isAllowance || !e.isPriced() ? QVariant() : decimal(e.total);
    case ThirdPartyColumn:
        return u.isThirdParty.value_or(false);
    case ProjectedColumn:
        if (row.projection && row.projection->projection.isProjected())
            return decimal(row.projection->projection.likely);
        return {};
    case OutlookColumn:
        return outlookText(int(&row - m_rows.constData()));
    case ProjectedOverageCostColumn:
        if (row.projection && row.projection->projection.isProjected() && row.projection->hasOveragePrice)
            return decimal(row.projection->overageCost);
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QString PeriodUsageModel::display(const Row& row, int column) const
{
    const SubscriptionOverviewUsage& u = m_overview.usages.at(row.usageIndex);
    if (column == NameColumn) {
        if (row.estimate.isAllowance)
            return tr("↳ fair-use allowance of the line above");
        if (u.isThirdParty.value_or(false))
            return tr("%1 · third party").arg(u.name);
        return u.name;
    }
    if (column == GroupingColumn) {
        // A group's name heads its first line only, so the groups read as blocks.
        const int index = int(&row - m_rows.constData());
        if (index > 0 && m_overview.usages.at(m_rows.at(index - 1).usageIndex).grouping == u.grouping)
            return QString();
        return u.grouping;
    }
    if (column == ThirdPartyColumn)
        return u.isThirdParty.value_or(false) ? tr("Third party") : QString();
    if ((column == OverageCostColumn && !row.estimate.isOveragePriced())
        || (column == TotalColumn && !row.estimate.isAllowance && !row.estimate.isPriced()))
        return tr("no price");
    if (column == ProjectedColumn) {
        const int index = int(&row - m_rows.constData());
        if (!row.projection) // a closed period: its figures are final
            return QString();
        const Projection& p = row.projection->projection;
        if (!p.isProjected())
            return row.projection->suppressed == LineProjection::Suppressed::Allowance ? QString()
                                                                                       : reasonText(index);
        return tr("≈ %1 (%2–%3)").arg(p.likely.toString(), p.low.toString(), p.high.toString());
    }
    const QVariant value = raw(row, column);
    if (value.metaType() == QMetaType::fromType<Decimal>()) {
        const Decimal d = value.value<Decimal>();
        // Money to the cent; quantities and unit prices exactly as Genesys sent them.
        if (column == OverageCostColumn || column == TotalColumn || column == ProjectedOverageCostColumn)
            return d.toString(2);
        return d.toString();
    }
    return value.toString();
}

QVariant PeriodUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const SubscriptionOverviewUsage& u = m_overview.usages.at(row.usageIndex);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return raw(row, column);
    case ThirdPartyRole:
        return u.isThirdParty.value_or(false);
    case AllowanceRowRole:
        return row.estimate.isAllowance;
    case GroupingRole:
        return u.grouping;
    case Qt::TextAlignmentRole:
        if (column >= UsageColumn && column <= OveragePriceColumn && column != UnitColumn
            && column != OutlookColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (row.estimate.isAllowance || (column == NameColumn && u.isThirdParty.value_or(false))) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (column == TotalColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ToneRole:
        // Every other group is shaded so groups read as blocks.
        if (row.group % 2 == 1)
            return int(CellTone::Shaded);
        return {};
    case Qt::ToolTipRole:
        if (column == ProjectedColumn || column == OutlookColumn || column == ProjectedOverageCostColumn)
            return projectionTip(index.row());
        if (column == NameColumn || column == GroupingColumn)
            return u"%1 (%2)"_s.arg(u.name, u.grouping); // both columns are elided on narrow screens
        if (row.estimate.isAllowance)
            return tr("Fair-use allowance: subtracted from the usage of the resource line of the same name.");
        if (row.estimate.allowance)
            return tr("Billable = usage %1 − allowance %2 = %3 (never below 0)")
                .arg(row.estimate.usage.toString(), row.estimate.allowance->toString(),
                    row.estimate.billable.toString());
        if ((column == OverageCostColumn || column == TotalColumn) && !row.estimate.isPriced())
            return row.estimate.prepayUnpriced
                ? tr("Genesys gave no prepay price for this commitment: its cost is not known.")
                : tr("Genesys gave no overage price for this line: the cost of its overage is not known.");
        if ((column == OverageCostColumn || column == TotalColumn) && row.estimate.overageWaived)
            return row.estimate.overageUnpriced
                ? tr("In the ramp period the overage of a licence is not billed (and Genesys gave no overage "
                     "price for it).")
                : tr("In the ramp period the overage of a licence is not billed; outside it, it would be "
                     "about %1 %2.")
                      .arg(m_overview.currency, row.estimate.waivedOverageCost.toString(2));
        if (column == OverageCostColumn || column == TotalColumn)
            return tr("Estimate in %1; prices exclude tax.").arg(m_overview.currency);
        return {};
    }
    return {};
}

QVariant PeriodUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case GroupingColumn:
        return tr("Grouping");
    case NameColumn:
        return tr("Charge");
    case PartNumberColumn:
        return tr("Part number");
    case UnitColumn:
        return tr("Unit");
    case UsageColumn:
        return tr("Usage");
    case AllowanceColumn:
        return tr("Allowance");
    case BillableColumn:
        return tr("Billable");
    case PrepayColumn:
        return tr("Prepay");
    case OverageColumn:
        return tr("Overage");
    case PrepayPriceColumn:
        return tr("Prepay price");
    case OveragePriceColumn:
        return tr("Overage price");
    case OverageCostColumn:
        return tr("Est. overage");
    case TotalColumn:
        return tr("Est. total");
    case ThirdPartyColumn:
        return tr("Third party");
    case ProjectedColumn:
        return tr("Projected");
    case OutlookColumn:
        return tr("Commitment outlook");
    case ProjectedOverageCostColumn:
        return tr("Est. projected overage");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace bd
