#include "ui/resourcepanel.h"

#include "domain/anomaly.h"
#include "models/resourcemodel.h"
#include "models/sortproxymodel.h"
#include "models/usageseriesmodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

ResourcePanel::ResourcePanel(QWidget* parent)
    : QWidget(parent)
    , m_resources(new ResourceModel(this))
    , m_pastCommitment(new QCheckBox(tr("Only those seen after the commitment was full"), this))
    , m_proxy(new SortProxyModel(this))
    , m_title(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
{
    m_proxy->setSourceModel(m_resources);
    m_proxy->setSortRole(ResourceModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_title->setObjectName(u"resourceTitle"_s);
    m_title->setWordWrap(true);
    m_filter->setObjectName(u"resourceFilter"_s);
    m_filter->setPlaceholderText(tr("Filter resources"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table->setObjectName(u"resourceTable"_s);
    m_table->setModel(m_proxy);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control; arrows move between cells
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ResourceModel::FirstSeenColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setToolTip(tr("First seen: when billing first observed the resource in this bucket"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ResourceModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        ResourceModel::FirstSeenColumn, QHeaderView::ResizeToContents);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pastCommitment->setObjectName(u"pastCommitment"_s);
    m_pastCommitment->setToolTip(tr("Who pushed the licence over its commitment: the users and devices "
                                    "billing first saw after the committed number was reached, for licence "
                                    "clean-up (copy them with Ctrl+A, Ctrl+C)"));
    m_pastCommitment->hide();
    connect(m_pastCommitment, &QCheckBox::toggled, this, &ResourcePanel::showResources);
    layout->addWidget(m_title);
    layout->addWidget(m_pastCommitment);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);
    clear();
}

ResourcePanel::~ResourcePanel() = default;

void ResourcePanel::clear()
{
    m_model = nullptr;
    m_pastCommitment->hide();
    m_resources->setResources({});
    m_title->setText(tr("Select a cell to see the users and devices behind it."));
}

void ResourcePanel::showCell(const UsageSeriesModel& model, int row, int bucket)
{
    m_model = &model;
    m_row = row;
    m_bucket = bucket;
    showResources();
}

void ResourcePanel::showResources()
{
    if (!m_model || m_row < 0 || m_row >= m_model->licenceCount() || m_bucket < 0
        || m_bucket >= m_model->buckets().size())
        return;
    const UsageSeriesModel& model = *m_model;
    const QList<BillingUsageResource> all = model.resources(m_row, m_bucket);
    const std::optional<Decimal> committed = model.commitmentOf(m_row, m_bucket);
    const QList<BillingUsageResource> over = committed && !model.isMetered(m_row)
        ? PushedOver::resources(all, *committed)
        : QList<BillingUsageResource>();
    m_pastCommitment->setVisible(!over.isEmpty());
    const bool onlyOver = !over.isEmpty() && m_pastCommitment->isChecked();
    m_resources->setResources(onlyOver ? over : all);
    const DateBucket& range = model.buckets().at(m_bucket);
    const QString dates
        = u"%1 – %2"_s.arg(range.first.toString(Qt::ISODate), range.last.toString(Qt::ISODate));
    QString summary = model.cellSummary(m_row, m_bucket, int(all.size()));
    if (!over.isEmpty())
        summary += u" · "_s
            + tr("%n seen after the commitment of %1 was full", nullptr, int(over.size()))
                  .arg(committed->toString());
    m_title->setText(
        u"<b>%1</b><br>%2 · %3"_s.arg(model.licence(m_row).toHtmlEscaped(), dates, summary.toHtmlEscaped()));
}

bool ResourcePanel::hasFocusInside() const
{
    const QWidget* focus = QApplication::focusWidget();
    return focus && (focus == m_table || focus == m_filter || m_table->isAncestorOf(focus));
}

void ResourcePanel::saveSettings(QSettings& settings) const
{
    settings.setValue(u"resourceHeader"_s, m_table->horizontalHeader()->saveState());
}

void ResourcePanel::restoreSettings(QSettings& settings)
{
    m_table->horizontalHeader()->restoreState(settings.value(u"resourceHeader"_s).toByteArray());
}

void ResourcePanel::setDisplayZone(DisplayZone zone)
{
    m_resources->setDisplayZone(zone);
}

} // namespace bd
