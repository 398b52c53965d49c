#include "models/periodlistmodel.h"

#include "domain/datacutoff.h"
#include "domain/overviewestimate.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace bd {

PeriodListModel::PeriodListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void PeriodListModel::clear()
{
    if (m_periods.isEmpty())
        return;
    beginResetModel();
    m_periods.clear();
    endResetModel();
}

bool PeriodListModel::newerThan(const Period& a, const Period& b)
{
    const auto& sa = a.overview.billingPeriodStartDate;
    const auto& sb = b.overview.billingPeriodStartDate;
    if (sa && sb && *sa != *sb)
        return *sa > *sb;
    return a.billingPeriodIndex < b.billingPeriodIndex;
}

int PeriodListModel::setPeriod(int billingPeriodIndex, const TrusteeBillingOverview& overview)
{
    Period period { billingPeriodIndex, overview, OverviewEstimate::periodTotal(overview) };
    for (const UsageEstimate& e : OverviewEstimate::estimateAll(overview))
        period.unpricedLines += e.isPriced() ? 0 : 1;
    int existing = -1;
    if (overview.billingPeriodStartDate)
        existing = rowOfStart(*overview.billingPeriodStartDate);
    else
        existing = rowOfIndex(billingPeriodIndex); // no dates to go by: the index is all there is
    if (existing >= 0) {
        m_periods[existing] = std::move(period);
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return existing;
    }
    const auto at
        = std::lower_bound(m_periods.cbegin(), m_periods.cend(), period, &PeriodListModel::newerThan);
    const int row = int(at - m_periods.cbegin());
    beginInsertRows({}, row, row);
    m_periods.insert(row, std::move(period));
    endInsertRows();
    return row;
}

const PeriodListModel::Period* PeriodListModel::period(int row) const
{
    return row >= 0 && row < m_periods.size() ? &m_periods.at(row) : nullptr;
}

int PeriodListModel::rowOfIndex(int billingPeriodIndex) const
{
    for (int row = 0; row < m_periods.size(); ++row) {
        if (m_periods.at(row).billingPeriodIndex == billingPeriodIndex)
            return row;
    }
    return -1;
}

int PeriodListModel::rowOfStart(const QDateTime& start) const
{
    for (int row = 0; row < m_periods.size(); ++row) {
        if (m_periods.at(row).overview.billingPeriodStartDate == start)
            return row;
    }
    return -1;
}

void PeriodListModel::setToday(QDate today)
{
    m_today = today;
    if (!m_periods.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_periods.size()) - 1, ColumnCount - 1));
}

QDate PeriodListModel::today() const
{
    return m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().date();
}

BillingPeriodState PeriodListModel::state(int row) const
{
    const Period* p = period(row);
    return p ? billingPeriodState(p->billingPeriodIndex, p->overview.billingPeriodEndDate, today())
             : BillingPeriodState::Closed;
}

QString PeriodListModel::stateText(BillingPeriodState state)
{
    switch (state) {
    case BillingPeriodState::Active:
        return tr("Active");
    case BillingPeriodState::EndedNotClosed:
        return tr("Period ended, Genesys has not closed it yet");
    case BillingPeriodState::Closed:
        break;
    }
    return tr("Closed");
}

QStringList PeriodListModel::partNumbers() const
{
    QSet<QString> seen;
    for (const Period& p : m_periods) {
        for (const SubscriptionOverviewUsage& usage : p.overview.usages)
            seen.insert(usage.partNumber);
    }
    QStringList list(seen.cbegin(), seen.cend());
    list.sort();
    return list;
}

QList<PeriodListModel::PartChoice> PeriodListModel::partChoices() const
{
    QHash<QString, QString> names;
    for (const Period& p : m_periods) { // newest first: the first name seen is the newest
        for (const SubscriptionOverviewUsage& usage : p.overview.usages) {
            if (!names.contains(usage.partNumber))
                names.insert(usage.partNumber, usage.name);
        }
    }
    QList<PartChoice> choices;
    for (const QString& part : partNumbers())
        choices.append({ part, names.value(part) });
    return choices;
}

QString PeriodListModel::defaultTrendPart() const
{
    if (m_periods.isEmpty())
        return {};
    QString best;
    Decimal bestUsage = Decimal::fromInt(-1);
    for (const SubscriptionOverviewUsage& usage : m_periods.first().overview.usages) {
        if (usage.unitOfMeasureType == u"seat" && usage.usageQuantity > bestUsage) {
            bestUsage = usage.usageQuantity;
            best = usage.partNumber;
        }
    }
    return best.isEmpty() ? partNumbers().value(0) : best;
}

QString PeriodListModel::trendEmptyText(const QString& partNumber) const
{
    if (m_periods.isEmpty())
        return tr("No billing period is loaded: open a customer to see its trend.");
    if (partNumber.isEmpty())
        return tr("Pick a part number to see its trend.");
    // Only a period with dates can be placed on the trend's date axis.
    int dated = 0;
    for (const Period& p : m_periods) {
        if (!p.overview.billingPeriodStartDate)
            continue;
        ++dated;
        for (const SubscriptionOverviewUsage& u : p.overview.usages) {
            if (u.partNumber == partNumber)
                return {};
        }
    }
    return tr("%1 is in none of the %n dated period(s) loaded.", nullptr, dated).arg(partNumber);
}

std::optional<LineProjection> PeriodListModel::openProjection(const QString& partNumber) const
{
    if (m_periods.isEmpty() || state(0) == BillingPeriodState::Closed)
        return std::nullopt;
    const TrusteeBillingOverview& open = m_periods.first().overview;
    QList<const TrusteeBillingOverview*> closed; // newest first
    for (int row = 1; row < m_periods.size(); ++row) {
        if (state(row) == BillingPeriodState::Closed)
            closed << &m_periods.at(row).overview;
    }
    const QList<LineProjection> lines
        = Projections::period(open, closed, DataCutoff::lastCompleteDay(today()));
    for (qsizetype i = 0; i < open.usages.size(); ++i) {
        if (open.usages.at(i).partNumber == partNumber && !OverviewEstimate::isFairUse(open.usages.at(i)))
            return lines.at(i);
    }
    return std::nullopt;
}

PeriodListModel::AnomalyReport PeriodListModel::anomalies() const
{
    AnomalyReport report;
    QList<int> closed; // newest first, as the rows are
    for (int row = 0; row < m_periods.size(); ++row) {
        if (state(row) == BillingPeriodState::Closed)
            closed << row;
    }
    if (closed.size() < 4) // the period and at least three before it
        return report;
    report.row = closed.first();
    const QList<int> before = closed.mid(1, Anomalies::Baseline);
    report.baseline = int(before.size());
    // One figure per part number and grouping in a period: its lines summed, 0 where it has none.
    const auto keyOf = [](const SubscriptionOverviewUsage& u) { return u.grouping + u'\n' + u.partNumber; };
    QMap<QString, QString> names; // by key, in a stable order
    QHash<QString, int> nameUses;
    const auto figures = [&](int row) {
        QHash<QString, Decimal> byKey;
        for (const SubscriptionOverviewUsage& u : m_periods.at(row).overview.usages) {
            if (OverviewEstimate::isFairUse(u))
                continue;
            byKey[keyOf(u)] += u.usageQuantity;
            if (!names.contains(keyOf(u))) {
                names.insert(keyOf(u), u.name);
                ++nameUses[u.name];
            }
        }
        return byKey;
    };
    const QHash<QString, Decimal> actual = figures(report.row);
    QList<QHash<QString, Decimal>> earlier;
    for (int row : before)
        earlier << figures(row);
    QList<Anomalies::Series> series;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        const QString partNumber = it.key().section(u'\n', 1);
        // A charge name two part numbers share is told apart by its part number.
        Anomalies::Series s { nameUses.value(it.value()) > 1 ? u"%1 (%2)"_s.arg(it.value(), partNumber)
                                                             : it.value(),
            actual.value(it.key()), {} };
        for (const QHash<QString, Decimal>& period : std::as_const(earlier))
            s.earlier << period.value(it.key());
        series << s;
    }
    report.found = Anomalies::find(series);
    return report;
}

QString PeriodListModel::anomalyText() const
{
    const AnomalyReport report = anomalies();
    if (report.row < 0)
        return tr("Anomalies need four closed periods loaded (Load the last N, or Older).");
    const Period& p = m_periods.at(report.row);
    const QString where = periodText(p.overview, p.billingPeriodIndex);
    const QString against = tr("against the %n closed period(s) before it", nullptr, report.baseline);
    if (report.found.isEmpty())
        return tr("No anomalies in %1 %2: every part number is within its usual range (median ± 3 × MAD).")
            .arg(where, against);
    QStringList items;
    for (const Anomaly& a : report.found)
        items << Anomalies::text(a);
    return tr("Anomalies in %1 %2: %3.").arg(where, against, items.join(u"; "_s));
}

QString PeriodListModel::periodText(const TrusteeBillingOverview& overview, int billingPeriodIndex)
{
    if (!overview.billingPeriodStartDate || !overview.billingPeriodEndDate)
        return tr("period %1").arg(billingPeriodIndex);
    return u"%1 – %2"_s.arg(overview.billingPeriodStartDate->date().toString(Qt::ISODate),
        overview.billingPeriodEndDate->date().toString(Qt::ISODate));
}

int PeriodListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_periods.size());
}

int PeriodListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeriodListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Period& p = m_periods.at(index.row());
    const BillingPeriodState periodState = state(index.row());
    const bool open = periodState != BillingPeriodState::Closed;
    switch (role) {
    case IndexRole:
        return p.billingPeriodIndex;
    case StartRole:
        return p.overview.billingPeriodStartDate.value_or(QDateTime());
    case Qt::DisplayRole:
        switch (index.column()) {
        case PeriodColumn: {
            // Compact in the narrow list: the end's year is left out when it is the start's ("2026-10-02 –
            // 11-01").
            const auto& start = p.overview.billingPeriodStartDate;
            const auto& end = p.overview.billingPeriodEndDate;
            if (start && end && start->date().year() == end->date().year())
                return u"%1 – %2"_s.arg(
                    start->date().toString(Qt::ISODate), end->date().toString(u"MM-dd"_s));
            return periodText(p.overview, p.billingPeriodIndex);
        }
        case IndexColumn:
            return p.billingPeriodIndex;
        case StateColumn:
            return stateText(periodState);
        case CurrencyColumn:
            return p.overview.currency;
        case LinesColumn:
            return int(p.overview.usages.size());
        case TotalColumn:
            return p.unpricedLines > 0 ? tr("≥ %1").arg(p.estimatedTotal.toString(2))
                                       : p.estimatedTotal.toString(2);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case PeriodColumn:
            return p.overview.billingPeriodStartDate.value_or(QDateTime());
        case IndexColumn:
            return p.billingPeriodIndex;
        case StateColumn:
            return stateText(periodState);
        case CurrencyColumn:
            return p.overview.currency;
        case LinesColumn:
            return int(p.overview.usages.size());
        case TotalColumn:
            return QVariant::fromValue(p.estimatedTotal);
        }
        return {};
    case Qt::ToolTipRole: {
        const QString period
            = u"%1 (billingPeriodIndex %2)"_s.arg(periodText(p.overview, p.billingPeriodIndex))
                  .arg(p.billingPeriodIndex);
        switch (periodState) {
        case BillingPeriodState::Active:
            return period + u"\n"_s + tr("The active period: its figures may still change until it closes.");
        case BillingPeriodState::EndedNotClosed:
            return period + u"\n"_s
                + tr("Period ended, Genesys has not closed it yet: its figures may still change until it "
                     "does.");
        case BillingPeriodState::Closed:
            break;
        }
        return period;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == TotalColumn || index.column() == LinesColumn || index.column() == IndexColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (open && (index.column() == StateColumn || index.column() == PeriodColumn)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    }
    return {};
}

QVariant PeriodListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PeriodColumn:
        return tr("Period");
    case IndexColumn:
        return tr("Index");
    case StateColumn:
        return tr("State");
    case CurrencyColumn:
        return tr("Currency");
    case LinesColumn:
        return tr("Lines");
    case TotalColumn:
        return tr("Est. total");
    }
    return {};
}

} // namespace bd
