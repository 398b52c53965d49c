#include "models/usageseriesmodel.h"

#include "models/celltone.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace bd {

UsageSeriesModel::UsageSeriesModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void UsageSeriesModel::setBuckets(const QList<DateBucket>& buckets, Granularity granularity)
{
    beginResetModel();
    m_buckets = buckets;
    m_granularity = granularity;
    m_states = QList<BucketState>(buckets.size(), BucketState::Pending);
    m_errors.clear();
    m_licences.clear();
    m_rowOf.clear();
    m_cells = QList<QHash<QString, Cell>>(buckets.size());
    m_summariesValid = false;
    endResetModel();
}

void UsageSeriesModel::setReport(int bucket, const BillingUsageReport& report)
{
    if (bucket < 0 || bucket >= m_buckets.size())
        return;
    QStringList added;
    for (const BillingUsage& usage : report.usages) {
        if (!m_rowOf.contains(usage.name) && !added.contains(usage.name))
            added << usage.name;
    }
    if (!added.isEmpty()) {
        // New licences are appended; sorting is the view's business (a proxy).
        const int first = int(m_licences.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const QString& name : std::as_const(added)) {
            m_rowOf.insert(name, int(m_licences.size()));
            m_licences << name;
        }
        m_summariesValid = false;
        endInsertRows();
    }
    QHash<QString, Cell>& cells = m_cells[bucket];
    cells.clear();
    for (const BillingUsage& usage : report.usages) {
        Cell& cell = cells[usage.name];
        cell.total += usage.totalUsage; // a licence listed twice in one report is summed, not overwritten
        cell.resources += usage.resources;
    }
    m_states[bucket] = BucketState::Loaded;
    m_errors.remove(bucket);
    emitColumnChanged(bucket);
}

void UsageSeriesModel::setBucketState(int bucket, BucketState state)
{
    if (bucket < 0 || bucket >= m_buckets.size() || m_states.at(bucket) == state)
        return;
    m_states[bucket] = state;
    if (state != BucketState::Loaded)
        m_cells[bucket].clear();
    if (state != BucketState::Failed)
        m_errors.remove(bucket);
    emitColumnChanged(bucket);
}

void UsageSeriesModel::setBucketFailed(int bucket, const QString& message)
{
    if (bucket < 0 || bucket >= m_buckets.size())
        return;
    m_states[bucket] = BucketState::Failed;
    m_cells[bucket].clear();
    m_errors.insert(bucket, message);
    emitColumnChanged(bucket);
}

void UsageSeriesModel::emitColumnChanged(int bucket)
{
    m_summariesValid = false;
    if (!m_licences.isEmpty()) {
        const int column = bucketColumn(bucket);
        Q_EMIT dataChanged(index(0, column), index(int(m_licences.size()) - 1, column));
        emitSummaryChanged();
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, bucketColumn(bucket), bucketColumn(bucket));
    Q_EMIT bucketChanged(bucket);
}

void UsageSeriesModel::emitSummaryChanged()
{
    Q_EMIT dataChanged(index(0, peakColumn()), index(int(m_licences.size()) - 1, averageColumn()));
}

int UsageSeriesModel::bucketOfColumn(int column) const
{
    const int bucket = column - 1;
    return bucket >= 0 && bucket < m_buckets.size() ? bucket : -1;
}

std::optional<Decimal> UsageSeriesModel::value(int row, int bucket) const
{
    if (row < 0 || row >= m_licences.size() || bucket < 0 || bucket >= m_buckets.size()
        || m_states.at(bucket) != BucketState::Loaded)
        return std::nullopt;
    const auto it = m_cells.at(bucket).constFind(m_licences.at(row));
    return it == m_cells.at(bucket).cend() ? Decimal() : it->total;
}

const UsageSeriesModel::Summary& UsageSeriesModel::summary(int row) const
{
    if (!m_summariesValid) {
        m_summaries = QList<Summary>(m_licences.size());
        for (int r = 0; r < m_licences.size(); ++r) {
            Decimal sum;
            qint64 loaded = 0;
            for (int b = 0; b < m_buckets.size(); ++b) {
                if (const auto v = value(r, b)) {
                    m_summaries[r].peak = m_summaries[r].peak ? Decimal::max(*m_summaries[r].peak, *v) : *v;
                    sum += *v;
                    ++loaded;
                }
            }
            if (loaded > 0)
                m_summaries[r].average = sum.dividedBy(Decimal::fromInt(loaded));
        }
        m_summariesValid = true;
    }
    static const Summary none;
    return row >= 0 && row < m_summaries.size() ? m_summaries.at(row) : none;
}

std::optional<Decimal> UsageSeriesModel::peak(int row) const
{
    return summary(row).peak;
}

std::optional<Decimal> UsageSeriesModel::average(int row) const
{
    return summary(row).average;
}

bool UsageSeriesModel::isMetered(int row) const
{
    if (row < 0 || row >= m_licences.size())
        return false;
    bool sawUsage = false;
    for (int b = 0; b < m_buckets.size(); ++b) {
        if (m_states.at(b) != BucketState::Loaded)
            continue;
        const auto it = m_cells.at(b).constFind(m_licences.at(row));
        if (it == m_cells.at(b).cend() || it->total.isZero())
            continue;
        if (!it->resources.isEmpty())
            return false;
        sawUsage = true;
    }
    return sawUsage;
}

QList<BillingUsageResource> UsageSeriesModel::resources(int row, int bucket) const
{
    if (!value(row, bucket))
        return {};
    return m_cells.at(bucket).value(m_licences.at(row)).resources;
}

int UsageSeriesModel::count(BucketState state) const
{
    return int(std::count(m_states.cbegin(), m_states.cend(), state));
}

int UsageSeriesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_licences.size());
}

int UsageSeriesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size()) + 3;
}

QVariant UsageSeriesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    if (column == LicenceColumn) {
        if (role == Qt::DisplayRole || role == SortRole)
            return m_licences.at(row);
        return {};
    }
    const int bucket = bucketOfColumn(column);
    std::optional<Decimal> number;
    if (bucket >= 0)
        number = value(row, bucket);
    else if (column == peakColumn())
        number = peak(row);
    else if (column == averageColumn())
        number = average(row);

    switch (role) {
    case Qt::DisplayRole:
        if (number)
            return column == averageColumn() ? number->toString(1) : number->toString();
        if (bucket >= 0) {
            switch (m_states.at(bucket)) {
            case BucketState::Failed:
                return tr("failed");
            case BucketState::Generating:
                return tr("generating…");
            case BucketState::Pending:
                return u"…"_s;
            case BucketState::Cancelled:
                return tr("cancelled");
            case BucketState::Loaded:
                break;
            }
        }
        return {};
    case SortRole:
    case DecimalRole:
        return number ? QVariant::fromValue(*number) : QVariant();
    case BucketStateRole:
        return bucket >= 0 ? QVariant::fromValue(m_states.at(bucket)) : QVariant();
    case ErrorRole:
        return bucket >= 0 ? m_errors.value(bucket) : QString();
    case Qt::ToolTipRole:
        if (bucket >= 0) {
            const DateBucket& b = m_buckets.at(bucket);
            QString tip = u"%1 · %2 – %3"_s.arg(
                m_licences.at(row), b.first.toString(Qt::ISODate), b.last.toString(Qt::ISODate));
            if (number)
                tip += u"\n"_s + tr("Usage: %1").arg(number->toString());
            if (m_states.at(bucket) == BucketState::Failed)
                tip += u"\n"_s + tr("Failed: %1").arg(m_errors.value(bucket));
            return tip;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ToneRole:
        if (bucket >= 0 && m_states.at(bucket) == BucketState::Failed)
            return int(CellTone::Bad);
        return {};
    case Qt::FontRole:
        if (column == peakColumn() || column == averageColumn()) {
            QFont font;
            font.setBold(column == peakColumn());
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant UsageSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        // The licence again, for views that keep it in view while scrolling sideways.
        if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && section >= 0
            && section < m_licences.size())
            return m_licences.at(section);
        return {};
    }
    if (role == Qt::DisplayRole) {
        if (section == LicenceColumn)
            return u"Licence"_s;
        if (section == peakColumn())
            return u"Peak"_s;
        if (section == averageColumn())
            return u"Average"_s;
        const int bucket = bucketOfColumn(section);
        if (bucket < 0)
            return {};
        QString label = m_buckets.at(bucket).label(m_granularity);
        if (m_states.at(bucket) == BucketState::Failed)
            label += u" ⚠"_s;
        return label;
    }
    if (role == Qt::ToolTipRole) {
        const int bucket = bucketOfColumn(section);
        if (bucket < 0)
            return section == peakColumn()   ? tr("Highest usage across the loaded buckets")
                : section == averageColumn() ? tr("Mean usage across the loaded buckets")
                                             : QVariant();
        const DateBucket& b = m_buckets.at(bucket);
        QString tip = u"%1 – %2"_s.arg(b.first.toString(Qt::ISODate), b.last.toString(Qt::ISODate));
        if (m_states.at(bucket) == BucketState::Failed)
            tip += u"\n"_s + tr("Failed: %1").arg(m_errors.value(bucket));
        return tip;
    }
    return {};
}

} // namespace bd
