#include "models/usageseriesmodel.h"

#include "domain/datebuckets.h"
#include "models/celltone.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

UsageSeriesModel::UsageSeriesModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void UsageSeriesModel::setBuckets(const QList<DateBucket>& buckets, Granularity granularity, int cycleDay)
{
    beginResetModel();
    m_buckets = buckets;
    m_granularity = granularity;
    m_cycleDay = cycleDay;
    updateCoverage();
    m_states = QList<BucketState>(buckets.size(), BucketState::Pending);
    m_errors.clear();
    m_licences.clear();
    m_rowOf.clear();
    m_sameDay.clear();
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
        cell.resourceCount += std::max(usage.resourceCount, usage.resources.size());
        cell.firstSeen += usage.firstSeen;
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

void UsageSeriesModel::setDataThrough(QDate lastCompleteDay)
{
    if (m_dataThrough == lastCompleteDay)
        return;
    // Coverage changes every column's meaning, and the projected column may come or go.
    beginResetModel();
    m_dataThrough = lastCompleteDay;
    updateCoverage();
    m_summariesValid = false;
    endResetModel();
    for (int bucket = 0; bucket < m_buckets.size(); ++bucket)
        Q_EMIT bucketChanged(bucket);
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
    Q_EMIT headerDataChanged(Qt::Horizontal, peakColumn(), averageColumn()); // they say what is missing
    Q_EMIT bucketChanged(bucket);
}

void UsageSeriesModel::emitSummaryChanged()
{
    Q_EMIT dataChanged(index(0, peakColumn()), index(int(m_licences.size()) - 1, columnCount() - 1));
}

int UsageSeriesModel::bucketOfColumn(int column) const
{
    const int bucket = column - 1;
    return bucket >= 0 && bucket < m_buckets.size() ? bucket : -1;
}

std::optional<Decimal> UsageSeriesModel::value(int row, int bucket) const
{
    if (row < 0 || row >= m_licences.size() || bucket < 0 || bucket >= m_buckets.size()
        || m_states.at(bucket) != BucketState::Loaded || coverage(bucket) == Coverage::NotYet)
        return std::nullopt;
    const auto it = m_cells.at(bucket).constFind(m_licences.at(row));
    return it == m_cells.at(bucket).cend() ? Decimal() : it->total;
}

const UsageSeriesModel::Summary& UsageSeriesModel::summary(int row) const
{
    if (!m_summariesValid) {
        m_projections.clear();
        m_standings.reset();
        m_summaries = QList<Summary>(m_licences.size());
        // Complete buckets make the summary; a month to date would pull the average down. Only while no
        // complete bucket has loaded does the summary rest on partial ones, and it says so.
        QList<int> complete, partial;
        for (int b = 0; b < m_buckets.size(); ++b) {
            if (m_states.at(b) != BucketState::Loaded)
                continue;
            const Coverage c = coverage(b);
            if (c == Coverage::Complete)
                complete << b;
            else if (c == Coverage::Partial)
                partial << b;
        }
        const bool toDate = complete.isEmpty() && !partial.isEmpty();
        const QList<int>& counted = toDate ? partial : complete;
        for (int r = 0; r < m_licences.size(); ++r) {
            Summary& summary = m_summaries[r];
            Decimal sum;
            for (int b : counted) {
                const Decimal v = *value(r, b);
                summary.peak = summary.peak ? Decimal::max(*summary.peak, v) : v;
                sum += v;
            }
            if (!counted.isEmpty())
                summary.average = sum.dividedBy(Decimal::fromInt(counted.size()));
            summary.toDate = toDate;
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

bool UsageSeriesModel::summaryIsToDate(int row) const
{
    return summary(row).toDate;
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
        if (it->resourceCount > 0)
            return false;
        sawUsage = true;
    }
    return sawUsage;
}

QList<BillingUsageResource> UsageSeriesModel::resources(int row, int bucket) const
{
    if (!value(row, bucket))
        return {};
    const Cell cell = m_cells.at(bucket).value(m_licences.at(row));
    if (cell.resources.isEmpty() && cell.resourceCount > 0 && m_resourceSource)
        return m_resourceSource(bucket, m_licences.at(row));
    return cell.resources;
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
    if (parent.isValid())
        return 0;
    return int(m_buckets.size()) + (partialBucket() >= 0 ? 4 : 3) + (committedColumn() >= 0 ? 3 : 0);
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
    if (column == projectedColumn())
        return projectionData(row, role);
    if (committedColumn() >= 0 && column >= committedColumn())
        return commitmentData(row, column, role);
    std::optional<Decimal> number;
    if (bucket >= 0)
        number = value(row, bucket);
    else if (column == peakColumn())
        number = peak(row);
    else if (column == averageColumn())
        number = average(row);

    switch (role) {
    case Qt::DisplayRole:
        if (number && bucket >= 0 && m_cells.at(bucket).isEmpty())
            return tr("no usage"); // the report listed nothing at all: not one licence's zero among others
        if (number)
            return column == averageColumn() ? number->toString(1) : number->toString();
        if (bucket >= 0) {
            if (coverage(bucket) == Coverage::NotYet && m_states.at(bucket) == BucketState::Loaded)
                return tr("no data yet");
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
            if (const QString note = coverageNote(bucket); !note.isEmpty())
                tip += u"\n"_s + note;
            if (m_states.at(bucket) == BucketState::Failed)
                tip += u"\n"_s + tr("Failed: %1").arg(m_errors.value(bucket));
            return tip;
        }
        if ((column == peakColumn() || column == averageColumn()) && summaryIsToDate(row))
            return tr("Only %1 has loaded: this is not a whole period's figure")
                .arg(toDateText(m_granularity));
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ToneRole:
        if (bucket >= 0 && m_states.at(bucket) == BucketState::Failed)
            return int(CellTone::Bad);
        return {};
    case Qt::FontRole: {
        // Italic marks figures that are not a whole period's: a partial bucket, or a summary resting on one.
        const bool summaryColumn = column == peakColumn() || column == averageColumn();
        const bool toDate = summaryColumn ? summaryIsToDate(row) : coverage(bucket) != Coverage::Complete;
        if (!summaryColumn && !toDate)
            return {};
        QFont font;
        font.setBold(column == peakColumn());
        font.setItalic(toDate);
        return font;
    }
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
    if (committedColumn() >= 0 && section >= committedColumn())
        return commitmentHeader(section, role);
    if (role == Qt::DisplayRole) {
        if (section == LicenceColumn)
            return u"Licence"_s;
        if (section == peakColumn() || section == averageColumn()) {
            // Said in the header while buckets are missing: a peak of what loaded is not the peak.
            const QString name = section == peakColumn() ? tr("Peak") : tr("Average");
            return summaryGap().isEmpty() ? name : tr("%1\nof what loaded").arg(name);
        }
        if (section == projectedColumn())
            return tr("Projected\n%1")
                .arg(dayText(
                    DateBuckets::bucketEnd(m_buckets.at(partialBucket()).first, m_granularity, m_cycleDay)));
        const int bucket = bucketOfColumn(section);
        if (bucket < 0)
            return {};
        QString label = bucketLabel(bucket);
        if (coverage(bucket) == Coverage::Partial)
            label = tr("%1\nto date", "a bucket's header: the bucket over a second line").arg(label);
        if (m_states.at(bucket) == BucketState::Failed)
            label += u" ⚠"_s;
        return label;
    }
    if (role == Qt::ToolTipRole) {
        const int bucket = bucketOfColumn(section);
        if (bucket < 0)
            return section == projectedColumn()
                ? tr("Where the period the data stops in is likely to end: a 10–90 % band from how earlier "
                     "periods grew")
                : section == peakColumn() || section == averageColumn()
                ? QVariant((section == peakColumn() ? tr("Highest usage across the complete buckets loaded")
                                                    : tr("Mean usage across the complete buckets loaded"))
                    + (summaryGap().isEmpty() ? QString() : u": "_s + summaryGap()))
                : QVariant();
        const DateBucket& b = m_buckets.at(bucket);
        QString tip = u"%1 – %2"_s.arg(b.first.toString(Qt::ISODate), b.last.toString(Qt::ISODate));
        if (const QString note = coverageNote(bucket); !note.isEmpty())
            tip += u"\n"_s + note;
        if (m_states.at(bucket) == BucketState::Failed)
            tip += u"\n"_s + tr("Failed: %1").arg(m_errors.value(bucket));
        return tip;
    }
    return {};
}

} // namespace bd
