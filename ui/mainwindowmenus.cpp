#include "auth/profile.h"
#include "store/reportstore.h"
#include "ui/dashboardpage.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/shortcutpriority.h"
#include "ui/signin/profilemenu.h"
#include "ui/storeddatadialog.h"
#include "ui/usagepage.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace bd {

// The menus and their shortcuts act on the current page, so every page answers them the same way.
void MainWindow::buildMenus()
{
    auto onPage = [this](auto function) {
        return [this, function] {
            if (DashboardPage* page = currentPage())
                (page->*function)();
        };
    };

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAction
        = file->addAction(tr("&Export…"), this, onPage(&DashboardPage::exportInteractively));
    exportAction->setObjectName(u"exportAction"_s);
    exportAction->setShortcut(u"Ctrl+E"_s);
    exportAction->setToolTip(tr("Export the table as CSV or the chart as PNG, SVG or PDF"));
    QAction* printAction = file->addAction(tr("&Print…"), this, onPage(&DashboardPage::printInteractively));
    printAction->setShortcut(QKeySequence::Print);
    file->addSeparator();
    QAction* stored = file->addAction(tr("Stored &data…"), this, [this] {
        StoredDataDialog dialog(m_store.get(), m_storeProblem, this);
        dialog.exec();
    });
    stored->setObjectName(u"storedDataAction"_s);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* copy = edit->addAction(tr("&Copy"), this, onPage(&DashboardPage::copySelection));
    copy->setShortcut(QKeySequence::Copy);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refresh = view->addAction(tr("&Refresh"), this, onPage(&DashboardPage::refresh));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Fetch what can still change; closed periods come from the local store"));
    QAction* refetch
        = view->addAction(tr("Refetch &everything"), this, onPage(&DashboardPage::refetchEverything));
    refetch->setObjectName(u"refetchAction"_s);
    refetch->setShortcut(u"Shift+F5"_s);
    refetch->setToolTip(tr("Fetch everything shown from Genesys Cloud again, stored or not"));
    QAction* cancel = view->addAction(tr("&Cancel loading"), this, onPage(&DashboardPage::cancel));
    cancel->setShortcut(Qt::Key_Escape);
    view->addSeparator();
    QAction* usage = view->addAction(tr("&Usage"), this, [this] { m_pages->setCurrentIndex(0); });
    usage->setShortcut(u"Ctrl+1"_s);
    QAction* partner = view->addAction(tr("&Partner"), this, [this] { m_pages->setCurrentIndex(1); });
    partner->setShortcut(u"Ctrl+2"_s);
    m_alertsAction = view->addAction(tr("&Alerts…"), this, &MainWindow::showAlerts);
    m_alertsAction->setObjectName(u"alertsAction"_s);
    m_alertsAction->setShortcut(u"Ctrl+Shift+A"_s);
    view->addSeparator();
    m_stackedAction = view->addAction(tr("&Stacked bars"));
    m_stackedAction->setObjectName(u"stackedAction"_s);
    m_stackedAction->setCheckable(true);
    m_stackedAction->setShortcut(u"Ctrl+B"_s);
    connect(m_stackedAction, &QAction::toggled, this, [this](bool on) {
        if (m_usagePage)
            m_usagePage->setStackedBars(on);
    });
    // Text fields read Ctrl+E (end of line) and Ctrl+B (back one character) for themselves; these keys mean
    // the window's commands wherever the focus is.
    new ShortcutPriority(this, { exportAction, printAction, usage, partner, m_stackedAction });
    m_localTimeAction = view->addAction(tr("Times in &local time"));
    m_localTimeAction->setObjectName(u"localTimeAction"_s);
    m_localTimeAction->setCheckable(true);
    m_localTimeAction->setToolTip(
        tr("First-seen and fetch times in this computer's time zone instead of UTC. "
           "Report windows stay UTC days, as Genesys bills them."));
    connect(m_localTimeAction, &QAction::toggled, this, [this](bool on) {
        if (m_usagePage)
            m_usagePage->setLocalTime(on);
        QSettings().setValue(u"view/localTime"_s, on);
    });
    m_localTimeAction->setChecked(QSettings().value(u"view/localTime"_s, false).toBool());

    m_profileMenu = new ProfileMenu(m_profiles, m_secrets, this);
    m_profileMenu->setObjectName(u"profileMenu"_s);
    menuBar()->addMenu(m_profileMenu);
    connect(m_profileMenu, &ProfileMenu::profileChosen, this, &MainWindow::openProfile);
    connect(m_profileMenu, &ProfileMenu::signInRequested, this, [this] { signIn(std::nullopt); });
    connect(m_profileMenu, &ProfileMenu::demoRequested, this, &MainWindow::openDemo);
    // Signing out of (or removing) the open profile leaves its org: the demo takes over.
    auto leave = [this](const QString& name) {
        if (name == m_profileName)
            openDemo();
    };
    connect(m_profileMenu, &ProfileMenu::signedOut, this, leave);
    connect(m_profileMenu, &ProfileMenu::profileRemoved, this, leave);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Billing Dashboard"), this, [this] {
        QMessageBox::about(this, tr("About Billing Dashboard"),
            tr("<h3>Billing Dashboard %1</h3><p>Billable licence usage and partner billing for Genesys "
               "Cloud.</p>"
               "<p>Usage figures come from the billable-usage report; cost figures are estimates that "
               "exclude taxes, "
               "Genesys Cloud Voice and BYOC Cloud telco usage.</p>")
                .arg(QStringLiteral(BD_VERSION)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

} // namespace bd
