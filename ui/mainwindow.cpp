#include "ui/mainwindow.h"

#include "api/apisession.h"
#include "api/billingapi.h"
#include "api/orgapi.h"
#include "api/organizationjob.h"
#include "api/usagereportjob.h"
#include "domain/billingusagereport.h"
#include "domain/organization.h"
#include "models/licenceusagemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

MainWindow::MainWindow(ApiSession* session, bool demo, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_usageModel(new LicenceUsageModel(this))
    , m_orgLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_table(new QTableView(this))
{
    setWindowTitle(u"Billing Dashboard"_s);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    if (demo) {
        auto* banner = new QLabel(u"Demo data from the built-in billing-sim: no Genesys Cloud account is configured."_s, central);
        banner->setObjectName(u"demoBanner"_s);
        banner->setStyleSheet(u"QLabel { background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 3px; }"_s);
        layout->addWidget(banner);
    }
    QFont orgFont = m_orgLabel->font();
    orgFont.setPointSizeF(orgFont.pointSizeF() * 1.4);
    orgFont.setBold(true);
    m_orgLabel->setFont(orgFont);
    layout->addWidget(m_orgLabel);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_usageModel);
    proxy->setSortRole(LicenceUsageModel::SortRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSectionResizeMode(LicenceUsageModel::LicenceColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    setCentralWidget(central);
    statusBar()->addWidget(m_statusLabel, 1);
    resize(1000, 640);
}

MainWindow::~MainWindow() = default;

void MainWindow::refresh()
{
    m_orgLabel->setText(u"Signing in to %1…"_s.arg(m_session->placeLabel()));
    OrganizationJob* org = m_session->orgs()->fetchOrganization();
    connect(org, &OrganizationJob::organizationReady, this, [this](const Organization& organization) {
        m_orgLabel->setText(u"%1 · %2"_s.arg(organization.name, m_session->placeLabel()));
    });
    connect(org, &ApiJob::failed, this, [this](const ApiError& error) { m_orgLabel->setText(error.fullText()); });

    const QDate today = QDate::currentDate();
    const QDateTime start(QDate(today.year(), today.month(), 1), QTime(0, 0), Qt::UTC);
    const QDateTime end(today, QTime(23, 59, 59, 999), Qt::UTC);
    m_statusLabel->setText(u"Loading billable usage for %1…"_s.arg(start.toString(u"MMMM yyyy"_s)));
    UsageReportJob* usage = m_session->billing()->fetchUsageReport(start, end);
    connect(usage, &ApiJob::progress, this, [this](const QString& text) { m_statusLabel->setText(text); });
    connect(usage, &UsageReportJob::reportReady, this, [this, start](const BillingUsageReport& report) {
        m_usageModel->setReport(report);
        m_table->sortByColumn(LicenceUsageModel::TotalUsageColumn, Qt::DescendingOrder);
        m_statusLabel->setText(u"Billable usage for %1 to date · %2 licences"_s.arg(start.toString(u"MMMM yyyy"_s))
                                   .arg(report.usages.size()));
    });
    connect(usage, &ApiJob::failed, this, [this](const ApiError& error) { m_statusLabel->setText(error.fullText()); });
    connect(usage, &ApiJob::finished, this, &MainWindow::loadSettled);
}

} // namespace bd
