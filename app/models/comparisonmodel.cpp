#include "models/comparisonmodel.h"

#include "models/celltone.h"

using namespace Qt::StringLiterals;

namespace bd {

using Change = PeriodComparison::Change;

ComparisonModel::ComparisonModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ComparisonModel::setComparison(
    const PeriodComparison& comparison, const QString& beforeLabel, const QString& afterLabel)
{
    beginResetModel();
    m_comparison = comparison;
    m_beforeLabel = beforeLabel;
    m_afterLabel = afterLabel;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void ComparisonModel::clear()
{
    setComparison(PeriodComparison {}, QString(), QString());
}

QString ComparisonModel::changeText(Change change)
{
    switch (change) {
    case Change::Added:
        return tr("Added");
    case Change::Removed:
        return tr("Removed");
    case Change::Changed:
        return tr("Changed");
    case Change::Unchanged:
        return tr("Unchanged");
    }
    return {};
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_comparison.lines().size());
}

int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::raw(const PeriodComparison::Line& line, int column) const
{
    switch (Column(column)) {
    case ChangeColumn:
        return changeText(line.change);
    case GroupingColumn:
        return line.grouping;
    case NameColumn:
        return line.name;
    case PartNumberColumn:
        return line.partNumber;
    case BeforeColumn:
        return line.before ? QVariant::fromValue(*line.before) : QVariant();
    case AfterColumn:
        return line.after ? QVariant::fromValue(*line.after) : QVariant();
    case DeltaColumn:
        return QVariant::fromValue(line.delta);
    case DeltaPercentColumn:
        return line.deltaPercent ? QVariant::fromValue(*line.deltaPercent) : QVariant();
    case CostDeltaColumn:
        return line.costDelta ? QVariant::fromValue(line.costDelta->rounded(2)) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PeriodComparison::Line& line = m_comparison.lines().at(index.row());
    switch (role) {
    case SortRole:
        return raw(line, index.column());
    case ChangeRole:
        return int(line.change);
    case Qt::ToolTipRole:
        if (index.column() == GroupingColumn || index.column() == NameColumn)
            return raw(line, index.column()); // the whole text, when the column is too narrow for it
        if (index.column() == CostDeltaColumn && line.costUnknown)
            return tr("A period of this line has a cost but no price for it, so the change in cost is not "
                      "known.");
        return {};
    case Qt::DisplayRole: {
        const QVariant value = raw(line, index.column());
        if (value.metaType() == QMetaType::fromType<Decimal>()) {
            const Decimal d = value.value<Decimal>();
            const bool signedColumn = index.column() == DeltaColumn || index.column() == DeltaPercentColumn
                || index.column() == CostDeltaColumn;
            QString text = index.column() == CostDeltaColumn ? d.toString(2) : d.toString();
            if (signedColumn && !d.isNegative() && !d.isZero())
                text.prepend(u'+');
            if (index.column() == DeltaPercentColumn)
                text += u" %"_s;
            return text;
        }
        if (index.column() == CostDeltaColumn && line.costUnknown)
            return tr("no price");
        if (!value.isValid()
            && (index.column() == BeforeColumn || index.column() == AfterColumn
                || index.column() == CostDeltaColumn))
            return u"—"_s;
        return value.toString();
    }
    case Qt::TextAlignmentRole:
        if (index.column() >= BeforeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ToneRole:
        if (index.column() != ChangeColumn)
            return {};
        if (line.change == Change::Added)
            return int(CellTone::Good);
        if (line.change == Change::Removed)
            return int(CellTone::Bad);
        return {};
    }
    return {};
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ChangeColumn:
        return tr("Change");
    case GroupingColumn:
        return tr("Grouping");
    case NameColumn:
        return tr("Charge");
    case PartNumberColumn:
        return tr("Part number");
    case BeforeColumn:
        return m_beforeLabel.isEmpty() ? tr("Before") : m_beforeLabel;
    case AfterColumn:
        return m_afterLabel.isEmpty() ? tr("After") : m_afterLabel;
    case DeltaColumn:
        return tr("Δ quantity");
    case DeltaPercentColumn:
        return tr("Δ %");
    case CostDeltaColumn:
        return m_comparison.sameCurrency() && !m_comparison.currencyAfter().isEmpty()
            ? tr("Δ est. cost (%1)").arg(m_comparison.currencyAfter())
            : tr("Δ est. cost");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace bd
