#include "ui/mainwindow.h"

#include "api/apierror.h"
#include "api/apisession.h"
#include "api/organizationjob.h"
#include "api/orgapi.h"
#include "domain/organization.h"
#include "ui/partner/partnerpage.h"
#include "ui/usagepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

MainWindow::MainWindow(ApiSession* session, const Provenance& provenance, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_provenance(provenance)
    , m_pages(new QTabWidget(this))
    , m_usagePage(new UsagePage(session, this))
    , m_partnerPage(new PartnerPage(session, this))
    , m_orgLabel(new QLabel(this))
    , m_regionLabel(new QLabel(this))
    , m_statusText(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Billing Dashboard"_s);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);

    // Header: who and where, always visible; a demo notice when no account is configured.
    auto* header = new QHBoxLayout;
    m_orgLabel->setObjectName(u"orgLabel"_s);
    QFont orgFont = m_orgLabel->font();
    orgFont.setPointSizeF(orgFont.pointSizeF() * 1.35);
    orgFont.setBold(true);
    m_orgLabel->setFont(orgFont);
    m_regionLabel->setObjectName(u"regionLabel"_s);
    m_regionLabel->setStyleSheet(u"QLabel { border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px; }"_s);
    header->addWidget(m_orgLabel);
    header->addWidget(m_regionLabel);
    header->addStretch(1);
    layout->addLayout(header);
    if (m_provenance.demo) {
        auto* banner = new QLabel(u"<b>Demo data.</b> No Genesys Cloud account is configured, so the dashboard shows "
                                  "a simulated org served by the built-in billing-sim, through the same network code "
                                  "a real org uses."_s, central);
        banner->setObjectName(u"demoBanner"_s);
        banner->setWordWrap(true);
        banner->setStyleSheet(u"QLabel { background: rgba(216,155,47,0.18); border-left: 4px solid #d89b2f; "
                              "border-radius: 3px; padding: 6px 10px; }"_s);
        layout->addWidget(banner);
    }

    m_pages->setObjectName(u"pages"_s);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_usagePage, u"Usage"_s);
    m_pages->addTab(m_partnerPage, u"Partner"_s);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    // Status bar: the current page's line, its progress, and Cancel.
    m_statusText->setObjectName(u"statusText"_s);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setText(u"Cancel"_s);
    m_cancelButton->setToolTip(u"Stop loading (Esc)"_s);
    connect(m_cancelButton, &QToolButton::clicked, this, [this] { currentPage()->cancel(); });
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

    for (DashboardPage* page : std::initializer_list<DashboardPage*> { m_usagePage, m_partnerPage }) {
        page->setProvenance(m_provenance);
        connect(page, &DashboardPage::statusChanged, this, [this, page] {
            if (page == currentPage())
                updateStatusBar();
        });
    }
    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        updateStatusBar();
        loadPartnerPageOnce();
    });

    buildMenus();
    updateHeader();
    updateStatusBar();
    resize(1280, 800);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

DashboardPage* MainWindow::currentPage() const
{
    return static_cast<DashboardPage*>(m_pages->currentWidget());
}

void MainWindow::buildMenus()
{
    auto onPage = [this](auto function) { return [this, function] { (currentPage()->*function)(); }; };

    QMenu* file = menuBar()->addMenu(u"&File"_s);
    QAction* exportAction = file->addAction(u"&Export…"_s, this, onPage(&DashboardPage::exportInteractively));
    exportAction->setShortcut(u"Ctrl+E"_s);
    exportAction->setToolTip(u"Export the table as CSV or the chart as PNG, SVG or PDF"_s);
    QAction* printAction = file->addAction(u"&Print…"_s, this, onPage(&DashboardPage::printInteractively));
    printAction->setShortcut(QKeySequence::Print);
    file->addSeparator();
    QAction* quit = file->addAction(u"&Quit"_s, this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(u"&Edit"_s);
    QAction* copy = edit->addAction(u"&Copy"_s, this, onPage(&DashboardPage::copySelection));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WindowShortcut);

    QMenu* view = menuBar()->addMenu(u"&View"_s);
    QAction* refresh = view->addAction(u"&Refresh"_s, this, onPage(&DashboardPage::refresh));
    refresh->setShortcut(QKeySequence::Refresh);
    QAction* cancel = view->addAction(u"&Cancel loading"_s, this, onPage(&DashboardPage::cancel));
    cancel->setShortcut(Qt::Key_Escape);
    view->addSeparator();
    QAction* usage = view->addAction(u"&Usage"_s, this, [this] { m_pages->setCurrentWidget(m_usagePage); });
    usage->setShortcut(u"Ctrl+1"_s);
    QAction* partner = view->addAction(u"&Partner"_s, this, [this] { m_pages->setCurrentWidget(m_partnerPage); });
    partner->setShortcut(u"Ctrl+2"_s);
    view->addSeparator();
    QAction* stacked = view->addAction(u"&Stacked bars"_s);
    stacked->setCheckable(true);
    stacked->setShortcut(u"Ctrl+B"_s);
    connect(stacked, &QAction::toggled, m_usagePage, &UsagePage::setStackedBars);

    QMenu* help = menuBar()->addMenu(u"&Help"_s);
    help->addAction(u"&About Billing Dashboard"_s, this, [this] {
        QMessageBox::about(this, u"About Billing Dashboard"_s,
            u"<h3>Billing Dashboard %1</h3><p>Billable licence usage and partner billing for Genesys Cloud.</p>"
            "<p>Usage figures come from the billable-usage report; cost figures are estimates that exclude taxes, "
            "Genesys Cloud Voice and BYOC Cloud telco usage.</p>"_s.arg(QStringLiteral(BD_VERSION)));
    });
    help->addAction(u"About &Qt"_s, qApp, &QApplication::aboutQt);
}

void MainWindow::start()
{
    updateHeader();
    OrganizationJob* job = m_session->orgs()->fetchOrganization();
    connect(job, &OrganizationJob::organizationReady, this, [this](const Organization& organization) {
        m_provenance.orgName = organization.name;
        m_usagePage->setProvenance(m_provenance);
        m_partnerPage->setProvenance(m_provenance);
        updateHeader();
    });
    connect(job, &ApiJob::failed, this, [this](const ApiError& error) {
        m_orgLabel->setText(u"Not signed in"_s);
        m_orgLabel->setToolTip(error.fullText());
        statusBar()->showMessage(error.fullText(), 15'000);
    });
    m_usagePage->refresh();
    m_started = true;
    loadPartnerPageOnce();
}

void MainWindow::loadPartnerPageOnce()
{
    // The customer list is fetched when the partner page is first shown: most people never open it, and an
    // org without partner permissions would only collect an error.
    if (!m_started || m_partnerLoaded || m_pages->currentWidget() != m_partnerPage)
        return;
    m_partnerLoaded = true;
    m_partnerPage->refresh();
}

void MainWindow::updateHeader()
{
    m_orgLabel->setText(m_provenance.orgName.isEmpty() ? u"Signing in…"_s : m_provenance.orgName);
    m_regionLabel->setText(m_provenance.region);
    m_regionLabel->setToolTip(u"Genesys Cloud region or server"_s);
    setWindowTitle(m_provenance.orgName.isEmpty() ? u"Billing Dashboard"_s
                                                  : u"%1 — Billing Dashboard"_s.arg(m_provenance.orgName));
}

void MainWindow::updateStatusBar()
{
    const PageStatus status = currentPage()->status();
    m_statusText->setText(status.text);
    m_progress->setVisible(status.total > 0 && status.busy);
    m_progress->setRange(0, std::max(1, status.total));
    m_progress->setValue(status.done);
    m_cancelButton->setEnabled(status.busy);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/page"_s, m_pages->currentIndex());
    m_usagePage->saveSettings(settings);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_pages->setCurrentIndex(settings.value(u"window/page"_s, 0).toInt());
    m_usagePage->restoreSettings(settings);
}

} // namespace bd
