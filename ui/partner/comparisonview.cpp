#include "ui/partner/comparisonview.h"

#include "domain/currencytotals.h"
#include "models/comparisonmodel.h"
#include "models/periodlistmodel.h"
#include "models/sortproxymodel.h"
#include "ui/tonedelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString fieldName(PeriodComparison::ContractField field)
{
    using F = PeriodComparison::ContractField;
    switch (field) {
    case F::SubscriptionType:
        return ComparisonView::tr("Subscription type");
    case F::Currency:
        return ComparisonView::tr("Currency");
    case F::ContractEffective:
        return ComparisonView::tr("Contract effective");
    case F::ContractAmendment:
        return ComparisonView::tr("Contract amendment");
    case F::ContractEnd:
        return ComparisonView::tr("Contract end");
    case F::RampStart:
        return ComparisonView::tr("Ramp start");
    case F::RampEnd:
        return ComparisonView::tr("Ramp end");
    case F::InRampPeriod:
        return ComparisonView::tr("In ramp period");
    case F::MinimumMonthlyAmount:
        return ComparisonView::tr("Minimum monthly amount");
    case F::EnabledProducts:
        return ComparisonView::tr("Enabled products");
    }
    return {};
}

} // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ComparisonModel(this))
    , m_proxy(new SortProxyModel(this))
    , m_before(new QComboBox(this))
    , m_after(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_fields(new QTableWidget(0, 3, this))
{
    setObjectName(u"comparisonView"_s);
    m_before->setObjectName(u"compareBefore"_s);
    m_after->setObjectName(u"compareAfter"_s);
    m_summary->setObjectName(u"comparisonSummary"_s);
    m_table->setObjectName(u"comparisonTable"_s);
    m_fields->setObjectName(u"contractChanges"_s);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ComparisonModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control; arrows move between cells
    m_table->setItemDelegate(new ToneDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the comparison's own order until a header is clicked
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ComparisonModel::NameColumn, QHeaderView::Stretch);
    // The charge's name is what people read; a long grouping gives way to it.
    m_table->horizontalHeader()->setSectionResizeMode(
        ComparisonModel::GroupingColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(ComparisonModel::GroupingColumn, 120);
    m_fields->setHorizontalHeaderLabels({ tr("Contract field"), tr("Before"), tr("After") });
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_summary->setWordWrap(true);

    auto* pickRow = new QHBoxLayout;
    pickRow->addWidget(new QLabel(tr("Compare"), this));
    pickRow->addWidget(m_before, 1);
    pickRow->addWidget(new QLabel(tr("with"), this));
    pickRow->addWidget(m_after, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_fields);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pickRow);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    const auto picked = [this] {
        if (m_populating)
            return;
        m_userPicked = true;
        recompare();
    };
    connect(m_before, &QComboBox::currentIndexChanged, this, picked);
    connect(m_after, &QComboBox::currentIndexChanged, this, picked);
}

ComparisonView::~ComparisonView() = default;

void ComparisonView::setPeriods(PeriodListModel* periods)
{
    if (m_periods)
        m_periods->disconnect(this);
    m_periods = periods;
    m_userPicked = false;
    if (periods) {
        connect(periods, &QAbstractItemModel::rowsInserted, this, &ComparisonView::repopulate);
        connect(periods, &QAbstractItemModel::modelReset, this, [this] {
            m_userPicked = false;
            repopulate();
        });
        connect(periods, &QAbstractItemModel::dataChanged, this, &ComparisonView::recompare);
    }
    repopulate();
}

void ComparisonView::repopulate()
{
    // Keep the chosen periods by their start dates: rows move as older and newer periods arrive.
    const QVariant before = m_before->currentData();
    const QVariant after = m_after->currentData();
    m_populating = true;
    m_before->clear();
    m_after->clear();
    const int count = m_periods ? m_periods->periodCount() : 0;
    for (int row = 0; row < count; ++row) {
        const PeriodListModel::Period* p = m_periods->period(row);
        QString text = PeriodListModel::periodText(p->overview, p->billingPeriodIndex);
        if (p->billingPeriodIndex == 0)
            text += tr(" (active)");
        const QVariant key = p->overview.billingPeriodStartDate
            ? QVariant(*p->overview.billingPeriodStartDate)
            : QVariant(p->billingPeriodIndex);
        m_before->addItem(text, key);
        m_after->addItem(text, key);
    }
    if (m_userPicked) {
        m_before->setCurrentIndex(m_before->findData(before));
        m_after->setCurrentIndex(m_after->findData(after));
    }
    m_populating = false;
    if (!m_userPicked)
        selectDefault();
    else
        recompare();
}

void ComparisonView::selectDefault()
{
    if (!m_periods)
        return;
    int newestClosed = -1;
    for (int row = 0; row < m_periods->periodCount(); ++row) {
        if (m_periods->period(row)->billingPeriodIndex != 0) {
            newestClosed = row;
            break;
        }
    }
    m_populating = true;
    if (newestClosed >= 0 && newestClosed + 1 < m_periods->periodCount()) {
        m_after->setCurrentIndex(newestClosed);
        m_before->setCurrentIndex(newestClosed + 1);
    } else if (m_periods->periodCount() >= 2) {
        m_after->setCurrentIndex(0);
        m_before->setCurrentIndex(1);
    } else {
        m_after->setCurrentIndex(-1);
        m_before->setCurrentIndex(-1);
    }
    m_populating = false;
    recompare();
}

void ComparisonView::compareRows(int beforeRow, int afterRow)
{
    m_populating = true;
    m_before->setCurrentIndex(beforeRow);
    m_after->setCurrentIndex(afterRow);
    m_populating = false;
    m_userPicked = true;
    recompare();
}

int ComparisonView::rowOfCombo(const QComboBox* combo) const
{
    if (!m_periods || combo->currentIndex() < 0)
        return -1;
    const QVariant key = combo->currentData();
    if (key.metaType() == QMetaType::fromType<QDateTime>())
        return m_periods->rowOfStart(key.toDateTime());
    return m_periods->rowOfIndex(key.toInt());
}

int ComparisonView::beforeRow() const
{
    return rowOfCombo(m_before);
}

int ComparisonView::afterRow() const
{
    return rowOfCombo(m_after);
}

void ComparisonView::recompare()
{
    if (m_populating)
        return;
    const PeriodListModel::Period* before = m_periods ? m_periods->period(beforeRow()) : nullptr;
    const PeriodListModel::Period* after = m_periods ? m_periods->period(afterRow()) : nullptr;
    m_fields->setRowCount(0);
    if (!before || !after) {
        m_model->clear();
        m_summary->setText(tr("Load at least two periods to compare them."));
        return;
    }
    const PeriodComparison comparison = PeriodComparison::compare(before->overview, after->overview);
    // Column headers name the periods by their start dates (the full range is in the combo boxes above).
    const auto startText = [](const PeriodListModel::Period* p) {
        return p->overview.billingPeriodStartDate
            ? p->overview.billingPeriodStartDate->date().toString(Qt::ISODate)
            : PeriodListModel::periodText(p->overview, p->billingPeriodIndex);
    };
    m_model->setComparison(comparison, startText(before), startText(after));
    int changed = 0;
    for (const PeriodComparison::Line& line : comparison.lines()) {
        if (line.change == PeriodComparison::Change::Changed)
            ++changed;
    }
    QStringList parts;
    const auto names = [](const QList<PeriodComparison::Line>& lines) {
        QStringList n;
        for (const PeriodComparison::Line& line : lines)
            n << line.name;
        return n.join(u", "_s);
    };
    if (!comparison.added().isEmpty())
        parts << tr("<b>added:</b> %1").arg(names(comparison.added()).toHtmlEscaped());
    if (!comparison.removed().isEmpty())
        parts << tr("<b>removed:</b> %1").arg(names(comparison.removed()).toHtmlEscaped());
    const int fields = int(comparison.fieldChanges().size());
    // The estimated totals, each in its currency; a change of currency is said rather than subtracted.
    const auto money = [](const QString& currency, const Decimal& amount, int unpriced = 0) {
        return u"%1 %2"_s.arg(currency, amount.toString(2)) + CurrencyTotals::unpricedNote(unpriced);
    };
    if (comparison.unpricedBefore() > 0 || comparison.unpricedAfter() > 0) {
        parts << tr("estimated total %1 → %2: a price is missing, so the change is not known")
                     .arg(money(comparison.currencyBefore(), comparison.totalBefore(),
                              comparison.unpricedBefore()),
                         money(comparison.currencyAfter(), comparison.totalAfter(),
                             comparison.unpricedAfter()));
    } else if (comparison.sameCurrency()) {
        const Decimal delta = comparison.totalAfter() - comparison.totalBefore();
        parts << tr("estimated total %1 → %2 (%3%4)")
                     .arg(money(comparison.currencyBefore(), comparison.totalBefore()),
                         money(comparison.currencyAfter(), comparison.totalAfter()),
                         delta.isNegative() || delta.isZero() ? QString() : u"+"_s, delta.toString(2));
    } else {
        parts << tr("estimated total %1 → %2: the currency changed, so costs are not compared")
                     .arg(money(comparison.currencyBefore(), comparison.totalBefore()),
                         money(comparison.currencyAfter(), comparison.totalAfter()));
    }
    parts << tr("%n line(s) changed quantity", nullptr, changed);
    parts << tr("%n contract field(s) changed", nullptr, fields);
    m_summary->setText(parts.join(u" · "_s));
    for (const PeriodComparison::FieldChange& f : comparison.fieldChanges()) {
        const int row = m_fields->rowCount();
        m_fields->insertRow(row);
        m_fields->setItem(row, 0, new QTableWidgetItem(fieldName(f.field)));
        m_fields->setItem(row, 1, new QTableWidgetItem(f.before.isEmpty() ? u"—"_s : f.before));
        m_fields->setItem(row, 2, new QTableWidgetItem(f.after.isEmpty() ? u"—"_s : f.after));
    }
}

} // namespace bd
