#include "ui/mainwindow.h"

#include "api/apierror.h"
#include "api/apisession.h"
#include "api/authsession.h"
#include "auth/profile.h"
#include "auth/profileopener.h"
#include "auth/profilestore.h"
#include "auth/secrets.h"
#include "auth/secretstore.h"
#include "auth/tokenlifetime.h"
#include "session/sessioncontroller.h"
#include "ui/messagebanner.h"
#include "ui/partner/partnerpage.h"
#include "ui/signin/profilemenu.h"
#include "ui/signin/signindialog.h"
#include "ui/usagechartpanel.h"
#include "ui/usagepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_sessions(new SessionController(this))
    , m_profiles(new ProfileStore(this))
    , m_secrets(new SecretStore(this))
    , m_pages(new QTabWidget(this))
    , m_demoBanner(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_orgLabel(new QLabel(this))
    , m_regionLabel(new QLabel(this))
    , m_statusText(new QLabel(this))
    , m_tokenLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
    , m_tokenTimer(new QTimer(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Billing Dashboard"_s);
    setWindowIcon(QIcon(u":/icons/billing-dashboard.svg"_s));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);

    // Header: who and where, always visible; a demo notice when no account is in use.
    auto* header = new QHBoxLayout;
    m_orgLabel->setObjectName(u"orgLabel"_s);
    QFont orgFont = m_orgLabel->font();
    orgFont.setPointSizeF(orgFont.pointSizeF() * 1.35);
    orgFont.setBold(true);
    m_orgLabel->setFont(orgFont);
    m_regionLabel->setObjectName(u"regionLabel"_s);
    m_regionLabel->setToolTip(u"Genesys Cloud region or server"_s);
    m_regionLabel->setStyleSheet(u"QLabel { border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px; }"_s);
    header->addWidget(m_orgLabel);
    header->addWidget(m_regionLabel);
    header->addStretch(1);
    layout->addLayout(header);

    auto* demo = static_cast<QLabel*>(m_demoBanner);
    demo->setObjectName(u"demoBanner"_s);
    demo->setText(u"<b>Demo data.</b> No Genesys Cloud account is in use, so the dashboard shows a simulated org "
                  "served by the built-in billing-sim, through the same network code a real org uses. "
                  "Use <i>Profile ▸ Sign in to another org…</i> for your own."_s);
    demo->setWordWrap(true);
    demo->setStyleSheet(u"QLabel { background: rgba(216,155,47,0.18); border-left: 4px solid #d89b2f; "
                        "border-radius: 3px; padding: 6px 10px; }"_s);
    demo->hide();
    layout->addWidget(demo);
    layout->addWidget(m_banner);

    m_pages->setObjectName(u"pages"_s);
    m_pages->setDocumentMode(true);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    // Status bar: the current page's line, its progress, Cancel, and how long the sign-in lasts.
    m_statusText->setObjectName(u"statusText"_s);
    m_tokenLabel->setObjectName(u"tokenLabel"_s);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setText(u"Cancel"_s);
    m_cancelButton->setToolTip(u"Stop loading (Esc)"_s);
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        if (DashboardPage* page = currentPage())
            page->cancel();
    });
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_tokenLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    m_tokenTimer->setInterval(60'000);
    connect(m_tokenTimer, &QTimer::timeout, this, &MainWindow::updateTokenLabel);

    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        updateStatusBar();
        loadPartnerPageOnce();
    });
    connect(m_sessions, &SessionController::organizationNamed, this, [this](ApiSession* session, const QString& name) {
        if (session != m_session)
            return;
        m_provenance.orgName = name;
        m_usagePage->setProvenance(m_provenance);
        m_partnerPage->setProvenance(m_provenance);
        // Remember the org's name with the profile, so the menu can show it next time.
        if (auto profile = m_profiles->profile(m_profileName); profile && profile->label != name) {
            profile->label = name;
            m_profiles->save(*profile);
        }
        updateHeader();
    });
    connect(m_sessions, &SessionController::organizationFailed, this, [this](ApiSession* session, const ApiError& error) {
        if (session != m_session)
            return;
        const bool signedOut = error.kind() == ApiError::Kind::Auth || error.httpStatus() == 401;
        if (signedOut || m_provenance.orgName.isEmpty())
            m_orgLabel->setText(signedOut ? tr("Not signed in") : tr("Organization unavailable"));
        m_banner->showMessage(MessageBanner::Kind::Error, error.fullText());
    });
    connect(m_sessions, &SessionController::personNamed, this, [this](ApiSession* session, const QString& name) {
        if (session != m_session)
            return;
        m_personName = name;
        updateHeader();
    });
    // Where no keychain answers, secrets live for this session only: say so once.
    connect(m_secrets, &SecretStore::sessionOnly, this,
            [this](const QString& message) { m_banner->showMessage(MessageBanner::Kind::Info, message); });

    buildMenus();
    updateHeader();
    updateStatusBar();
    resize(1280, 800);
    restoreWindowSettings();
}

MainWindow::~MainWindow()
{
    // The pages hold the session's API objects: they go before it does (the window is closing, no page is
    // in a dialog of its own any more).
    delete m_usagePage;
    delete m_partnerPage;
}

DashboardPage* MainWindow::currentPage() const
{
    return qobject_cast<DashboardPage*>(m_pages->currentWidget());
}

void MainWindow::buildMenus()
{
    auto onPage = [this](auto function) {
        return [this, function] {
            if (DashboardPage* page = currentPage())
                (page->*function)();
        };
    };

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

    QMenu* view = menuBar()->addMenu(u"&View"_s);
    QAction* refresh = view->addAction(u"&Refresh"_s, this, onPage(&DashboardPage::refresh));
    refresh->setShortcut(QKeySequence::Refresh);
    QAction* cancel = view->addAction(u"&Cancel loading"_s, this, onPage(&DashboardPage::cancel));
    cancel->setShortcut(Qt::Key_Escape);
    view->addSeparator();
    QAction* usage = view->addAction(u"&Usage"_s, this, [this] { m_pages->setCurrentIndex(0); });
    usage->setShortcut(u"Ctrl+1"_s);
    QAction* partner = view->addAction(u"&Partner"_s, this, [this] { m_pages->setCurrentIndex(1); });
    partner->setShortcut(u"Ctrl+2"_s);
    view->addSeparator();
    m_stackedAction = view->addAction(u"&Stacked bars"_s);
    m_stackedAction->setCheckable(true);
    m_stackedAction->setShortcut(u"Ctrl+B"_s);
    connect(m_stackedAction, &QAction::toggled, this, [this](bool on) {
        if (m_usagePage)
            m_usagePage->setStackedBars(on);
    });

    m_profileMenu = new ProfileMenu(m_profiles, m_secrets, this);
    m_profileMenu->setObjectName(u"profileMenu"_s);
    menuBar()->addMenu(m_profileMenu);
    connect(m_profileMenu, &ProfileMenu::profileChosen, this, &MainWindow::openProfile);
    connect(m_profileMenu, &ProfileMenu::signInRequested, this, [this] { signIn(std::nullopt); });
    // Signing out of (or removing) the open profile leaves its org: the demo takes over.
    auto leave = [this](const QString& name) {
        if (name != m_profileName)
            return;
        QString error;
        if (!useDemo(&error))
            m_banner->showMessage(MessageBanner::Kind::Error, error);
        else
            start();
    };
    connect(m_profileMenu, &ProfileMenu::signedOut, this, leave);
    connect(m_profileMenu, &ProfileMenu::profileRemoved, this, leave);

    QMenu* help = menuBar()->addMenu(u"&Help"_s);
    help->addAction(u"&About Billing Dashboard"_s, this, [this] {
        QMessageBox::about(this, u"About Billing Dashboard"_s,
            u"<h3>Billing Dashboard %1</h3><p>Billable licence usage and partner billing for Genesys Cloud.</p>"
            "<p>Usage figures come from the billable-usage report; cost figures are estimates that exclude taxes, "
            "Genesys Cloud Voice and BYOC Cloud telco usage.</p>"_s.arg(QStringLiteral(BD_VERSION)));
    });
    help->addAction(u"About &Qt"_s, qApp, &QApplication::aboutQt);
}

void MainWindow::adoptSession(std::unique_ptr<ApiSession> session, const Provenance& provenance)
{
    ApiSession* raw = session.get();
    std::unique_ptr<ApiSession> previous = std::move(m_ownedSession);
    m_ownedSession = std::move(session);
    setSession(raw, provenance);
    // The old session goes after its pages (deferred deletes run in order), never under a running slot.
    if (previous)
        previous.release()->deleteLater();
}

void MainWindow::showSession(ApiSession* session, const Provenance& provenance)
{
    std::unique_ptr<ApiSession> previous = std::move(m_ownedSession);
    setSession(session, provenance);
    if (previous)
        previous.release()->deleteLater();
}

void MainWindow::setSession(ApiSession* session, const Provenance& provenance)
{
    if (m_usagePage)
        saveSettings();
    if (m_session)
        m_session->auth()->disconnect(this); // the old org's sign-in has nothing more to say to this window
    m_started = false;
    m_partnerLoaded = false;
    removePages();
    m_session = session;
    m_provenance = provenance;
    m_personName.clear();
    if (provenance.demo)
        m_profileName.clear();
    m_banner->clear();
    buildPages();
    m_demoBanner->setVisible(provenance.demo);
    m_profileMenu->setCurrentProfile(m_profileName);
    connect(m_session->auth(), &AuthSession::signedIn, this, &MainWindow::updateTokenLabel);
    updateHeader();
    updateStatusBar();
    updateTokenLabel();
    m_tokenTimer->start();
}

bool MainWindow::useDemo(QString* error)
{
    std::unique_ptr<ApiSession> session = m_sessions->openDemo(error);
    if (!session)
        return false;
    Provenance provenance;
    provenance.region = tr("demo · %1").arg(session->placeLabel());
    provenance.demo = true;
    adoptSession(std::move(session), provenance);
    return true;
}

void MainWindow::openProfile(const QString& name)
{
    const auto profile = m_profiles->profile(name);
    if (!profile) {
        m_banner->showMessage(MessageBanner::Kind::Warning, u"There is no saved profile “%1”."_s.arg(name));
        return;
    }
    m_statusText->setText(u"Opening %1…"_s.arg(profile->displayText()));
    m_secrets->read(name, this, [this, profile = *profile](const Secrets& secrets) {
        QString why;
        if (!ProfileOpener::canOpen(profile, secrets, &why)) {
            signIn(profile, why);
            return;
        }
        QString error;
        std::unique_ptr<ApiSession> session = ProfileOpener::open(profile, secrets, &error);
        if (!session) {
            signIn(profile, error);
            return;
        }
        m_profileName = profile.name;
        m_profiles->setLastUsed(profile.name);
        Provenance provenance;
        provenance.orgName = profile.label;
        provenance.region = profile.placeText();
        adoptSession(std::move(session), provenance);
        connectSession(profile);
        start();
    });
}

void MainWindow::signIn(const std::optional<Profile>& profile, const QString& notice)
{
    SignInDialog dialog(this);
    dialog.setExistingNames(m_profiles->names());
    if (profile)
        dialog.setProfile(*profile);
    if (!notice.isEmpty())
        dialog.setNotice(notice);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Profile chosen = dialog.profile();
    const Secrets secrets = dialog.secrets();
    m_profiles->save(chosen);
    m_profiles->setLastUsed(chosen.name);
    m_secrets->write(chosen.name, secrets, this, [this, name = chosen.name] { openProfile(name); });
}

void MainWindow::connectSession(const std::optional<Profile>& profile)
{
    if (!profile)
        return;
    // A browser sign-in runs out: ask again without dropping what is loaded (the requests wait meanwhile).
    // Queued: the dialog must not run inside the request queue that noticed the expiry.
    connect(m_session->auth(), &AuthSession::reauthenticationNeeded, this,
            [this, profile = *profile] { reauthenticate(profile); }, Qt::QueuedConnection);
    if (profile->method == Profile::Method::Browser)
        m_sessions->namePerson(m_session);
}

void MainWindow::reauthenticate(const Profile& profile)
{
    const QPointer<AuthSession> auth = m_session ? m_session->auth() : nullptr;
    if (!auth)
        return;
    SignInDialog dialog(this);
    dialog.setProfile(profile);
    dialog.setReauthentication(true);
    dialog.setNotice(u"Your Genesys Cloud session has expired. Sign in again to go on; what is loaded stays."_s);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    // The window may have switched to another org meanwhile: the answer belongs to this sign-in only.
    if (!auth || !m_session || auth != m_session->auth())
        return;
    if (!accepted) {
        auth->abandonSignIn(u"Not signed in again."_s);
        return;
    }
    const Secrets secrets = dialog.secrets();
    if (m_profiles->profile(profile.name))
        m_secrets->write(profile.name, secrets);
    auth->useUserToken(secrets.accessToken, secrets.accessTokenExpiresAt);
    updateTokenLabel();
}

void MainWindow::buildPages()
{
    m_usagePage = new UsagePage(m_session, this);
    m_partnerPage = new PartnerPage(m_session, this);
    m_pages->addTab(m_usagePage, u"Usage"_s);
    m_pages->addTab(m_partnerPage, u"Partner"_s);
    // The menu's check mark follows the page's own Lines / Stacked bars buttons.
    connect(m_usagePage, &UsagePage::stackedBarsChanged, m_stackedAction, &QAction::setChecked);
    for (DashboardPage* page : std::initializer_list<DashboardPage*> { m_usagePage, m_partnerPage }) {
        page->setProvenance(m_provenance);
        connect(page, &DashboardPage::statusChanged, this, [this, page] {
            if (page == currentPage())
                updateStatusBar();
        });
    }
    QSettings settings;
    m_usagePage->restoreSettings(settings);
    m_stackedAction->setChecked(m_usagePage->findChild<UsageChartPanel*>()->stackedBars());
    m_pages->setCurrentIndex(settings.value(u"window/page"_s, 0).toInt());
}

void MainWindow::removePages()
{
    // The pages stop their requests now and go later: one of them may be in a dialog of its own (an export,
    // a print preview) whose loop must return to a living object.
    const QSignalBlocker blocker(m_pages); // removing a tab must not count as showing the next one
    for (DashboardPage* page : std::initializer_list<DashboardPage*> { m_usagePage, m_partnerPage }) {
        if (!page)
            continue;
        page->cancel();
        page->disconnect(this);
        m_pages->removeTab(m_pages->indexOf(page));
        page->hide();
        page->deleteLater();
    }
    m_usagePage = nullptr;
    m_partnerPage = nullptr;
}

void MainWindow::start()
{
    if (!m_session)
        return;
    updateHeader();
    m_sessions->nameOrganization(m_session);
    m_usagePage->refresh();
    m_started = true;
    loadPartnerPageOnce();
}

void MainWindow::loadPartnerPageOnce()
{
    // The customer list is fetched when the partner page is first shown: most people never open it, and an
    // org without partner permissions would only collect an error.
    if (!m_started || m_partnerLoaded || !m_partnerPage || m_pages->currentWidget() != m_partnerPage)
        return;
    m_partnerLoaded = true;
    m_partnerPage->refresh();
}

void MainWindow::updateHeader()
{
    QString org = m_provenance.orgName.isEmpty() ? (m_session ? u"Signing in…"_s : u"Not signed in"_s)
                                                 : m_provenance.orgName;
    if (!m_personName.isEmpty())
        org += u" · "_s + m_personName;
    m_orgLabel->setText(org);
    m_regionLabel->setText(m_provenance.region);
    m_regionLabel->setVisible(!m_provenance.region.isEmpty());
    setWindowTitle(m_provenance.orgName.isEmpty() ? u"Billing Dashboard"_s
                                                  : u"%1 — Billing Dashboard"_s.arg(m_provenance.orgName));
}

void MainWindow::updateStatusBar()
{
    const DashboardPage* page = currentPage();
    const PageStatus status = page ? page->status() : PageStatus {};
    m_statusText->setText(status.text);
    m_progress->setVisible(status.total > 0 && status.busy);
    m_progress->setRange(0, std::max(1, status.total));
    m_progress->setValue(status.done);
    m_cancelButton->setEnabled(status.busy);
}

void MainWindow::updateTokenLabel()
{
    const QDateTime expires = m_session ? m_session->auth()->expiresAt() : QDateTime();
    if (!m_session || m_provenance.demo || !expires.isValid()) {
        m_tokenLabel->clear();
        return;
    }
    m_tokenLabel->setText(u"Signed in · %1"_s.arg(TokenLifetime::describe(expires)));
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
    if (m_usagePage)
        m_usagePage->saveSettings(settings);
}

void MainWindow::restoreWindowSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
}

} // namespace bd
