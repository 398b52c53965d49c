#include "models/portfoliomodel.h"

#include "domain/orgid.h"
#include "domain/overviewestimate.h"
#include "domain/projection.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <map>
#include <numeric>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString dayText(const std::optional<QDateTime>& date)
{
    return date ? QLocale().toString(date->toUTC().date(), QLocale::ShortFormat) : QString();
}

/// "+120.00", "−50.00" or "0.00".
QString signedAmount(Decimal d)
{
    if (d.isZero())
        return d.toString(2);
    return (d.isNegative() ? u"−"_s : u"+"_s) + d.abs().toString(2);
}

} // namespace

PortfolioModel::PortfolioModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void PortfolioModel::reset(const QList<Trustor>& trustors, int periods, const QDateTime& now)
{
    if (isSameMatrix(trustors, periods, now)) {
        // The same customers swept again: what is shown stays until each period's new copy arrives (a period
        // that fails to refresh keeps it), rather than blanking a matrix that the store mostly refills.
        for (qsizetype row = 0; row < trustors.size(); ++row) {
            const Trustor& t = trustors.at(row);
            const QString name = t.organization.name.isEmpty() ? t.id : t.organization.name;
            // Only a renamed customer is told: a view sorted by name sorts again for each change.
            if (name != m_customers.at(row).name) {
                m_customers[row].name = name;
                changed(int(row), NameColumn, NameColumn);
            }
        }
        return;
    }
    beginResetModel();
    ++m_activeRevision;
    m_firstHeldHeader = m_lastHeldHeader = -1; // a reset tells every header anyway
    m_commonStarts.clear();
    m_periods = std::max(1, periods);
    m_customers.clear();
    m_rows.clear();
    for (const Trustor& t : trustors) {
        Customer c;
        c.orgId = t.id;
        c.name = t.organization.name.isEmpty() ? t.id : t.organization.name;
        c.cells = QList<Cell>(m_periods);
        m_rows.insert(OrgId::canonical(t.id), int(m_customers.size()));
        m_customers.append(std::move(c));
    }
    endResetModel();
}

bool PortfolioModel::isSameMatrix(const QList<Trustor>& trustors, int periods, const QDateTime& now) const
{
    if (std::max(1, periods) != m_periods || trustors.size() != m_customers.size())
        return false;
    for (qsizetype row = 0; row < trustors.size(); ++row) {
        const Customer& c = m_customers.at(row);
        if (OrgId::canonical(trustors.at(row).id) != OrgId::canonical(c.orgId))
            return false;
        // A period has rotated since: every index now names the period after the one shown.
        const auto& active = c.cells.constFirst().overview;
        if (now.isValid() && active && active->billingPeriodEndDate && *active->billingPeriodEndDate < now)
            return false;
    }
    return true;
}

void PortfolioModel::setThreshold(int percent)
{
    if (percent == m_threshold)
        return;
    m_threshold = percent;
    ++m_activeRevision;
    for (int row = 0; row < m_customers.size(); ++row)
        restate(row);
    if (!m_customers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void PortfolioModel::setCellText(CellText text)
{
    if (text == m_cellText)
        return;
    m_cellText = text;
    if (!m_customers.isEmpty())
        Q_EMIT dataChanged(index(0, FirstPeriodColumn), index(rowCount() - 1, columnCount() - 1));
}

void PortfolioModel::setLastCompleteDay(QDate day)
{
    if (day == m_lastCompleteDay)
        return;
    m_lastCompleteDay = day;
    ++m_activeRevision;
    // Only the active period is projected from it.
    for (int row = 0; row < m_customers.size(); ++row) {
        if (m_customers.at(row).cells.constFirst().overview) {
            restate(row, 0);
            changed(row, FirstPeriodColumn, FirstPeriodColumn);
        }
    }
}

int PortfolioModel::rowOf(const QString& orgId) const
{
    return m_rows.value(OrgId::canonical(orgId), -1);
}

const PortfolioModel::Customer* PortfolioModel::customer(const QString& orgId) const
{
    const int row = rowOf(orgId);
    return row < 0 ? nullptr : &m_customers.at(row);
}

void PortfolioModel::changed(int row, int firstColumn, int lastColumn)
{
    Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn));
}

void PortfolioModel::setPeriod(const QString& orgId, int billingPeriodIndex,
    const TrusteeBillingOverview& overview, const QDateTime& storedAt)
{
    const int row = rowOf(orgId);
    if (row < 0 || billingPeriodIndex < 0 || billingPeriodIndex >= m_periods)
        return;
    const QDate monthShown = commonStart(billingPeriodIndex); // before this period counts in it
    m_customers[row].refusal.clear(); // it can be read now
    Cell& cell = m_customers[row].cells[billingPeriodIndex];
    cell.status = CellStatus::Loaded;
    cell.overview = overview;
    cell.error.clear();
    cell.storedAt = storedAt;
    m_commonStarts[billingPeriodIndex].reset();
    if (billingPeriodIndex == 0)
        ++m_activeRevision;
    // The period itself, and the active period: its projection rests on the closed ones.
    restate(row, billingPeriodIndex);
    if (billingPeriodIndex != 0)
        restate(row, 0);
    // The name never changes, so a proxy sorted by it need not sort again.
    changed(row, CurrencyColumn, IdleColumn);
    changed(row, FirstPeriodColumn, FirstPeriodColumn);
    if (billingPeriodIndex != 0)
        changed(row, FirstPeriodColumn + billingPeriodIndex, FirstPeriodColumn + billingPeriodIndex);
    // The column's month is the one most customers' periods started in (the active column says "Active"
    // whatever it is). Saying so only when it moves matters: a view lays its header out again, and repaints
    // every cell, for each header change.
    if (billingPeriodIndex > 0 && commonStart(billingPeriodIndex) != monthShown)
        headerChanged(FirstPeriodColumn + billingPeriodIndex);
}

void PortfolioModel::headerChanged(int column)
{
    if (!m_holdHeaders) {
        Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
        return;
    }
    m_firstHeldHeader = m_firstHeldHeader < 0 ? column : std::min(m_firstHeldHeader, column);
    m_lastHeldHeader = std::max(m_lastHeldHeader, column);
}

void PortfolioModel::holdHeaderChanges(bool hold)
{
    m_holdHeaders = hold;
    if (hold || m_firstHeldHeader < 0)
        return;
    const int first = std::exchange(m_firstHeldHeader, -1);
    const int last = std::exchange(m_lastHeldHeader, -1);
    if (last < columnCount())
        Q_EMIT headerDataChanged(Qt::Horizontal, first, last);
}

void PortfolioModel::setFailed(
    const QString& orgId, int billingPeriodIndex, const QString& message, const QString& code)
{
    const int row = rowOf(orgId);
    if (row < 0 || billingPeriodIndex < 0 || billingPeriodIndex >= m_periods)
        return;
    Cell& cell = m_customers[row].cells[billingPeriodIndex];
    if (cell.status == CellStatus::Loaded)
        return; // a refresh that failed: the copy shown stays
    cell.status = CellStatus::Failed;
    if (billingPeriodIndex == 0)
        ++m_activeRevision;
    cell.error = message;
    cell.errorCode = code;
    changed(row, FirstPeriodColumn + billingPeriodIndex, FirstPeriodColumn + billingPeriodIndex);
}

void PortfolioModel::setRefused(const QString& orgId, const QString& message, const QString& code)
{
    const int row = rowOf(orgId);
    if (row < 0)
        return;
    Customer& c = m_customers[row];
    c.refusal = message;
    ++m_activeRevision;
    m_commonStarts.clear();
    for (Cell& cell : c.cells) {
        cell = Cell();
        cell.status = CellStatus::Refused;
        cell.error = message;
        cell.errorCode = code;
    }
    changed(row, 0, columnCount() - 1);
}

void PortfolioModel::setHistoryEnd(const QString& orgId, int firstMissingIndex)
{
    const int row = rowOf(orgId);
    if (row < 0)
        return;
    Customer& c = m_customers[row];
    c.historyEnd = firstMissingIndex;
    if (firstMissingIndex <= 0)
        ++m_activeRevision;
    for (int i = std::max(0, firstMissingIndex); i < m_periods; ++i) {
        c.cells[i] = Cell();
        c.cells[i].status = CellStatus::NoPeriod;
        if (i < m_commonStarts.size())
            m_commonStarts[i].reset();
    }
    changed(row, 0, columnCount() - 1);
}

void PortfolioModel::restate(int row)
{
    for (int i = 0; i < m_customers.at(row).cells.size(); ++i)
        restate(row, i);
}

void PortfolioModel::restate(int row, int billingPeriodIndex)
{
    Customer& c = m_customers[row];
    Cell& cell = c.cells[billingPeriodIndex];
    if (!cell.overview)
        return;
    QList<LineProjection> projections;
    if (billingPeriodIndex == 0 && m_lastCompleteDay.isValid()) {
        QList<const TrusteeBillingOverview*> closed;
        for (int k = 1; k < c.cells.size() && c.cells.at(k).overview; ++k)
            closed.append(&*c.cells.at(k).overview);
        projections = Projections::period(*cell.overview, closed, m_lastCompleteDay);
    }
    cell.standing = Commitments::period(*cell.overview, m_threshold, projections);
}

std::optional<Decimal> PortfolioModel::overageOf(const Customer& c, int index)
{
    // An overage with no price has no known cost: no trend is drawn from it.
    if (index >= c.cells.size() || !c.cells.at(index).overview
        || c.cells.at(index).standing.unpricedOverageLines > 0)
        return std::nullopt;
    return c.cells.at(index).standing.overageCost;
}

bool PortfolioModel::accepts(int row, Filter filter) const
{
    if (row < 0 || row >= m_customers.size())
        return false;
    const Customer& c = m_customers.at(row);
    const Cell& active = c.cells.constFirst();
    const bool activeLoaded = active.status == CellStatus::Loaded;
    switch (filter) {
    case Filter::All:
        return true;
    case Filter::ExceededNow:
        return activeLoaded && active.standing.state == CommitmentState::Exceeded;
    case Filter::AtRiskNow:
        return activeLoaded && active.standing.state >= CommitmentState::Warning
            && active.standing.state != CommitmentState::Ramp;
    case Filter::ExceededAny:
        return std::any_of(c.cells.cbegin(), c.cells.cend(), [](const Cell& cell) {
            return cell.status == CellStatus::Loaded && cell.standing.state == CommitmentState::Exceeded;
        });
    case Filter::Unreadable:
        return std::any_of(c.cells.cbegin(), c.cells.cend(), [](const Cell& cell) {
            return cell.status == CellStatus::Failed || cell.status == CellStatus::Refused;
        });
    }
    return true;
}

CurrencyTotals PortfolioModel::subtotals(int billingPeriodIndex) const
{
    QList<int> rows(m_customers.size());
    std::iota(rows.begin(), rows.end(), 0);
    return subtotals(billingPeriodIndex, rows);
}

CurrencyTotals PortfolioModel::subtotals(int billingPeriodIndex, const QList<int>& rows) const
{
    CurrencyTotals totals;
    for (int row : rows) {
        if (row < 0 || row >= m_customers.size())
            continue;
        const Customer& c = m_customers.at(row);
        if (billingPeriodIndex < 0 || billingPeriodIndex >= c.cells.size())
            continue;
        const Cell& cell = c.cells.at(billingPeriodIndex);
        if (cell.overview)
            totals.addAll(cell.overview->currency, OverviewEstimate::estimateAll(*cell.overview));
    }
    return totals;
}

QString PortfolioModel::commitmentChartEmptyText(const QList<CommitmentBar>& bars, const QString& partName)
{
    if (partName.isEmpty())
        return tr("Pick a part number to compare customers' use of their commitment.");
    const bool anyCommitment = std::any_of(
        bars.cbegin(), bars.cend(), [](const CommitmentBar& bar) { return bar.usedPercent.has_value(); });
    return anyCommitment ? QString()
                         : tr("No customer has a commitment of %1 in the active period.").arg(partName);
}

QList<PortfolioModel::CommitmentBar> PortfolioModel::commitmentBars(const QString& partNumber) const
{
    QList<CommitmentBar> bars;
    for (const Customer& c : m_customers) {
        const Cell& active = c.cells.constFirst();
        if (!active.overview)
            continue;
        const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(*active.overview);
        for (qsizetype i = 0; i < estimates.size(); ++i) {
            const SubscriptionOverviewUsage& line = active.overview->usages.at(i);
            if (line.partNumber != partNumber || estimates.at(i).isAllowance)
                continue;
            const UsageEstimate& e = estimates.at(i);
            CommitmentBar bar { c.orgId, c.name, active.overview->currency, e.billable, e.prepay,
                std::nullopt, Commitments::lineState(e, m_threshold) };
            if (!e.prepay.isZero())
                bar.usedPercent = (e.billable * Decimal::fromInt(100)).dividedBy(e.prepay);
            bars.append(bar);
            break;
        }
    }
    std::stable_sort(bars.begin(), bars.end(), [](const CommitmentBar& a, const CommitmentBar& b) {
        if (a.usedPercent.has_value() != b.usedPercent.has_value())
            return a.usedPercent.has_value();
        if (a.usedPercent && *a.usedPercent != *b.usedPercent)
            return *a.usedPercent > *b.usedPercent;
        return a.usage > b.usage;
    });
    return bars;
}

QList<std::pair<QString, QString>> PortfolioModel::activePartNumbers() const
{
    std::map<QString, QString> names; // part number → charge name
    for (const Customer& c : m_customers) {
        if (const auto& active = c.cells.constFirst().overview) {
            for (const SubscriptionOverviewUsage& line : active->usages) {
                if (!OverviewEstimate::isFairUse(line))
                    names.emplace(line.partNumber, line.name);
            }
        }
    }
    QList<std::pair<QString, QString>> parts(names.begin(), names.end());
    std::sort(parts.begin(), parts.end(),
        [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.second, b.second) < 0; });
    return parts;
}

QString PortfolioModel::mostCommittedPart() const
{
    QHash<QString, int> committed; // part number → customers with a commitment to it
    for (const Customer& c : m_customers) {
        const auto& active = c.cells.constFirst().overview;
        if (!active)
            continue;
        // As commitmentBars() reads it: a customer's first line of the part, committed when it has prepay.
        QSet<QString> seen;
        for (const SubscriptionOverviewUsage& line : active->usages) {
            if (OverviewEstimate::isFairUse(line) || seen.contains(line.partNumber))
                continue;
            seen.insert(line.partNumber);
            if (!line.prepayQuantity.isZero())
                ++committed[line.partNumber];
        }
    }
    const QList<std::pair<QString, QString>> parts = activePartNumbers();
    QString best = parts.isEmpty() ? QString() : parts.constFirst().first;
    int most = 0;
    for (const auto& [part, name] : parts) {
        if (committed.value(part) > most) {
            most = committed.value(part);
            best = part;
        }
    }
    return best;
}

QDate PortfolioModel::commonStart(int billingPeriodIndex) const
{
    // Every header asks on every paint: worked out once per change of its column.
    if (billingPeriodIndex < 0 || billingPeriodIndex >= m_periods)
        return {};
    if (m_commonStarts.size() != m_periods)
        m_commonStarts = QList<std::optional<QDate>>(m_periods);
    std::optional<QDate>& known = m_commonStarts[billingPeriodIndex];
    if (!known) {
        std::map<QDate, int> months;
        for (const Customer& c : m_customers) {
            const auto& overview = c.cells.at(billingPeriodIndex).overview;
            if (overview && overview->billingPeriodStartDate) {
                const QDate day = overview->billingPeriodStartDate->toUTC().date();
                ++months[QDate(day.year(), day.month(), 1)];
            }
        }
        const auto most = std::max_element(
            months.cbegin(), months.cend(), [](const auto& a, const auto& b) { return a.second < b.second; });
        known = most != months.cend() ? most->first : QDate();
    }
    return *known;
}

QString PortfolioModel::cellDetails(int row, int billingPeriodIndex) const
{
    if (row < 0 || row >= m_customers.size() || billingPeriodIndex < 0 || billingPeriodIndex >= m_periods)
        return {};
    const Customer& c = m_customers.at(row);
    const Cell& cell = c.cells.at(billingPeriodIndex);
    switch (cell.status) {
    case CellStatus::Pending:
        return tr("%1: not loaded yet.").arg(c.name);
    case CellStatus::NoPeriod:
        return tr("%1 has no billing period this far back: its history starts later.").arg(c.name);
    case CellStatus::Failed:
    case CellStatus::Refused:
        return tr("%1: no data. %2").arg(c.name, cell.error);
    case CellStatus::Loaded:
        break;
    }
    const TrusteeBillingOverview& o = *cell.overview;
    QStringList lines;
    lines
        << tr("%1 · %2 – %3").arg(c.name, dayText(o.billingPeriodStartDate), dayText(o.billingPeriodEndDate));
    const PeriodStanding& s = cell.standing;
    lines << tr("%1 (threshold %2 % of each commitment)").arg(Commitments::label(s.state)).arg(m_threshold);
    if (s.state == CommitmentState::Ramp)
        lines << tr(
            "In its ramp period: licences are billed their commitment, not their usage, so their overage is "
            "left out of the estimate.");
    const QList<UsageEstimate> estimates = OverviewEstimate::estimateAll(o);
    for (const LineStanding& d : s.drivers) {
        const SubscriptionOverviewUsage& line = o.usages.at(d.line);
        const UsageEstimate& e = estimates.at(d.line);
        QString cost = tr("about %1 %2").arg(o.currency, d.overageCost.toString(2));
        if (d.overageUnpriced)
            cost = tr("no overage price given");
        else if (d.waivedUnpriced)
            cost = tr("not billed in the ramp");
        else if (d.overageWaived)
            cost = tr("not billed in the ramp, about %1 %2 outside it")
                       .arg(o.currency, d.waivedOverageCost.toString(2));
        switch (d.state) {
        case CommitmentState::OnDemand:
            lines << tr("%1: %2 %3 with no commitment, %4")
                         .arg(line.name, e.billable.toString(), line.unitOfMeasureType, cost);
            break;
        case CommitmentState::ProjectedToExceed:
            lines << tr("%1: %2 of %3 so far, likely to exceed it by %4")
                         .arg(line.name, e.billable.toString(), e.prepay.toString(),
                             d.projectedExceedBy ? d.projectedExceedBy->toString() : QString());
            break;
        case CommitmentState::Exceeded:
            lines << tr("%1: %2 of %3 (%4 %), overage %5, %6")
                         .arg(line.name, e.billable.toString(), e.prepay.toString(),
                             d.usedPercent ? d.usedPercent->rounded(0).toString() : QString(),
                             d.overage.toString(), cost);
            break;
        default:
            lines << tr("%1: %2 of %3 (%4 %)")
                         .arg(line.name, e.billable.toString(), e.prepay.toString(),
                             d.usedPercent ? d.usedPercent->rounded(0).toString() : QString());
            break;
        }
    }
    lines << tr("Estimated total %1 %2 · overage %1 %3 (estimates)")
                 .arg(o.currency, s.total.toString(2), s.overageCost.toString(2));
    if (s.unpricedLines > 0)
        lines << tr("%n line(s) with no price from Genesys: these sums leave them out, so they are lower "
                    "bounds.",
            nullptr, s.unpricedLines);
    if (cell.storedAt.isValid())
        lines << tr("From the local store, fetched %1")
                     .arg(QLocale().toString(cell.storedAt.toUTC(), QLocale::ShortFormat));
    return lines.join(u'\n');
}

int PortfolioModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_customers.size());
}

int PortfolioModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstPeriodColumn + m_periods;
}

QVariant PortfolioModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_customers.size())
        return {};
    const Customer& c = m_customers.at(index.row());
    if (role == OrgIdRole)
        return c.orgId;
    if (index.column() >= FirstPeriodColumn)
        return periodData(c, index.column() - FirstPeriodColumn, role);
    return summaryData(c, index.column(), role);
}

QVariant PortfolioModel::summaryData(const Customer& c, int column, int role) const
{
    const Cell& active = c.cells.constFirst();
    const bool activeLoaded = active.status == CellStatus::Loaded;
    std::optional<Decimal> value;
    QString text;
    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return c.name;
        if (role == Qt::ToolTipRole)
            return c.refusal.isEmpty() ? c.orgId : c.refusal;
        return {};
    case CurrencyColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return c.currency();
        return {};
    case OverageNowColumn:
        if (activeLoaded)
            value = active.standing.overageCost;
        break;
    case IdleColumn:
        if (activeLoaded)
            value = active.standing.idlePrepayCost;
        break;
    case TrendColumn: {
        const auto last = overageOf(c, 1), before = overageOf(c, 2);
        if (last && before) {
            value = *last - *before;
            text = signedAmount(*value);
        }
        if (role == Qt::ToolTipRole)
            return last && before
                ? tr("Overage of the last closed period, %1, against the one before it, %2 (%3)")
                      .arg(last->toString(2), before->toString(2), c.currency())
                : tr("Needs the two last closed periods.");
        break;
    }
    default:
        return {};
    }
    const bool lowerBound = activeLoaded
        && ((column == OverageNowColumn && active.standing.unpricedOverageLines > 0)
            || (column == IdleColumn && active.standing.idleUnpriced));
    if (lowerBound)
        text = tr("≥ %1").arg(value->toString(2));
    switch (role) {
    case Qt::DisplayRole:
        return value ? (text.isEmpty() ? value->toString(2) : text) : QString();
    case SortRole:
        return value ? QVariant::fromValue(*value) : QVariant();
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == IdleColumn)
            return tr("Seats committed but not used in the active period, at their prepay price (%1)")
                .arg(c.currency());
        if (column == OverageNowColumn)
            return tr("Estimated overage of the active period so far (%1)").arg(c.currency());
        return {};
    default:
        return {};
    }
}

QVariant PortfolioModel::periodData(const Customer& c, int index, int role) const
{
    if (index >= c.cells.size())
        return {};
    const Cell& cell = c.cells.at(index);
    switch (role) {
    case StatusRole:
        return int(cell.status);
    case StateRole:
        return cell.status == CellStatus::Loaded ? QVariant(int(cell.standing.state)) : QVariant();
    case PeriodIndexRole:
        return index;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return cellDetails(rowOf(c.orgId), index);
    case Qt::DisplayRole:
    case SortRole: {
        switch (cell.status) {
        case CellStatus::Pending:
            return role == Qt::DisplayRole ? QVariant(u"…"_s) : QVariant();
        case CellStatus::NoPeriod:
            return role == Qt::DisplayRole ? QVariant(QString()) : QVariant();
        case CellStatus::Failed:
            return role == Qt::DisplayRole ? QVariant(tr("no data")) : QVariant();
        case CellStatus::Refused:
            return role == Qt::DisplayRole ? QVariant(tr("refused")) : QVariant();
        case CellStatus::Loaded:
            break;
        }
        const bool total = m_cellText == CellText::EstimatedTotal;
        const Decimal amount = total ? cell.standing.total : cell.standing.overageCost;
        if (role == SortRole)
            return QVariant::fromValue(amount);
        // A sum that leaves out lines with no price is a lower bound, and says so.
        const int unpriced = total ? cell.standing.unpricedLines : cell.standing.unpricedOverageLines;
        return unpriced > 0 ? tr("≥ %1").arg(amount.toString(2)) : amount.toString(2);
    }
    default:
        return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section >= FirstPeriodColumn) {
        const int index = section - FirstPeriodColumn;
        const QDate start = commonStart(index);
        if (role == Qt::DisplayRole) {
            if (index == 0)
                return tr("Active");
            return start.isValid() ? QLocale().toString(start, u"MMM yyyy"_s) : tr("%1 back").arg(index);
        }
        if (role == Qt::ToolTipRole)
            return index == 0
                ? tr("The active billing period (index 0), projected to its end where there is history")
                : tr("Billing period index %1: for most customers it started in %2. Each cell gives its own "
                     "dates: customers' cycles start on different days.")
                      .arg(index)
                      .arg(start.isValid() ? QLocale().toString(start, u"MMMM yyyy"_s) : tr("(not loaded)"));
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Customer");
        case CurrencyColumn:
            return tr("Currency");
        case OverageNowColumn:
            return tr("Overage now");
        case TrendColumn:
            return tr("Overage trend");
        case IdleColumn:
            return tr("Idle prepaid");
        }
    }
    return {};
}

} // namespace bd
