#include "ui/alertsdialog.h"

#include "domain/commitmentstate.h"
#include "store/reportstore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

constexpr int KeyRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;
constexpr int PeriodRole = Qt::UserRole + 3;

} // namespace

AlertsDialog::AlertsDialog(ReportStore* store, const StoreScope& scope, DisplayZone zone, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"alertsDialog"_s);
    setWindowTitle(tr("Alerts"));
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    m_list->setObjectName(u"alertList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({ tr("When (%1)").arg(DisplayZones::name(zone)), tr("State"), tr("What changed"),
        tr("Period from") });
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    const QList<ReportStore::LoggedAlert> alerts
        = store && scope.isValid() ? store->alerts(scope) : QList<ReportStore::LoggedAlert>();
    for (const ReportStore::LoggedAlert& a : alerts) {
        auto* item = new QTreeWidgetItem(m_list,
            { DisplayZones::format(a.at, zone), Commitments::label(a.subject.mark.state), a.text,
                a.subject.periodStart.toString(Qt::ISODate) });
        item->setData(0, KeyRole, a.subject.key);
        item->setData(0, NameRole, a.subject.name);
        item->setData(0, PeriodRole, a.subject.periodStart);
        item->setToolTip(2, a.text);
    }
    for (int column : { 0, 1, 3 })
        m_list->resizeColumnToContents(column);
    if (!store)
        intro->setText(tr("Alerts need the local store, which is off (--no-store): nothing is remembered, so "
                          "nothing can be told only once."));
    else if (alerts.isEmpty())
        intro->setText(
            tr("No alerts yet. An alert is told when a licence (with a commitment, under "
               "Commitments on the Usage page) or a customer of your portfolio changes state, or "
               "goes a further 25 % past its commitment; never twice for the same state in the same "
               "period."));
    else
        intro->setText(tr("Each alert was told once, when its state changed. Double-click one to show it."));
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT openRequested(item->data(0, KeyRole).toString(), item->data(0, NameRole).toString(),
            item->data(0, PeriodRole).toDate());
        accept();
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

int AlertsDialog::alertCount() const
{
    return m_list->topLevelItemCount();
}

} // namespace bd
