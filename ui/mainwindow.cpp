#include "ui/mainwindow.h"

#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/apisession.h"
#include "api/tokenprovider.h"
#include "auth/profile.h"
#include "auth/profilestore.h"
#include "auth/secretstore.h"
#include "auth/tokenlifetime.h"
#include "load/partnerbrowser.h"
#include "load/usageseriescontroller.h"
#include "models/alertsubjects.h"
#include "models/usageseriesmodel.h"
#include "session/sessioncontroller.h"
#include "store/reportstore.h"
#include "ui/alertsdialog.h"
#include "ui/desktopnotifier.h"
#include "ui/messagebanner.h"
#include "ui/partner/partnerpage.h"
#include "ui/signin/profilemenu.h"
#include "ui/signin/signindialog.h"
#include "ui/statusstrip.h"
#include "ui/usagechartpanel.h"
#include "ui/usagepage.h"
#include "ui/windowheader.h"

#include <QAction>
#include <QCloseEvent>
#include <QIcon>
#include <QPointer>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_profiles(new ProfileStore(this))
    , m_secrets(new SecretStore(this))
    , m_sessions(new SessionController(m_profiles, m_secrets, this))
    , m_pages(new QTabWidget(this))
    , m_header(new WindowHeader(this))
    , m_banner(new MessageBanner(this))
    , m_status(new StatusStrip(statusBar()))
    , m_tokenTimer(new QTimer(this))
    , m_heldBackTimer(new QTimer(this))
{
    m_notifier = new DesktopNotifier(this);
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Billing Dashboard"));
    m_storeProblem = tr("No local store is in use (--no-store): everything shown is fetched from Genesys "
                        "Cloud each time.");
    setWindowIcon(QIcon(u":/icons/billing-dashboard.svg"_s));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);

    layout->addWidget(m_header);
    layout->addWidget(m_banner);

    m_pages->setObjectName(u"pages"_s);
    m_pages->setDocumentMode(true);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_status, &StatusStrip::cancelRequested, this, [this] {
        if (DashboardPage* page = currentPage())
            page->cancel();
    });
    m_tokenTimer->setInterval(60'000);
    connect(m_tokenTimer, &QTimer::timeout, this, &MainWindow::updateTokenLabel);
    m_heldBackTimer->setInterval(1'000);
    connect(m_heldBackTimer, &QTimer::timeout, this, &MainWindow::updateHeldBack);

    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        updateStatusBar();
        loadPartnerPageOnce();
    });
    connect(m_sessions, &SessionController::organizationNamed, this,
        [this](ApiSession* session, const QString& name, const QString& orgId) {
            if (session != m_session)
                return;
            m_provenance.orgName = name;
            m_usagePage->setProvenance(m_provenance);
            m_partnerPage->setProvenance(m_provenance);
            if (m_scope.orgId != orgId) {
                m_scope.orgId = orgId; // the next loads are filed under it
                applyStore();
            }
            if (m_store && m_scope.isValid())
                m_store->nameOrg(m_scope, name);
            if (!m_profileName.isEmpty())
                m_sessions->rememberOrg(m_profileName, name, orgId);
            updateHeader();
        });
    connect(m_sessions, &SessionController::organizationFailed, this,
        [this](ApiSession* session, const ApiError& error) {
            if (session != m_session)
                return;
            const bool signedOut = error.kind() == ApiError::Kind::Auth || error.httpStatus() == 401;
            if (signedOut || m_provenance.orgName.isEmpty())
                m_header->setOrgText(signedOut ? tr("Not signed in") : tr("Organization unavailable"));
            const ApiError::Reason reason = error.reason();
            if (m_store
                && (reason == ApiError::Reason::Unreachable || reason == ApiError::Reason::TimedOut)) {
                m_banner->showMessage(MessageBanner::Kind::Warning,
                    tr("Offline — Genesys Cloud cannot be reached (%1). What the local store has is shown, "
                       "marked "
                       "with when it was fetched; Refresh (F5) tries again.")
                        .arg(error.userMessage()));
                return;
            }
            m_banner->showMessage(MessageBanner::Kind::Error, error.fullText());
        });
    connect(
        m_sessions, &SessionController::personNamed, this, [this](ApiSession* session, const QString& name) {
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

void MainWindow::adoptSession(
    std::unique_ptr<ApiSession> session, const Provenance& provenance, const StoreScope& scope)
{
    ApiSession* raw = session.get();
    std::unique_ptr<ApiSession> previous = std::move(m_ownedSession);
    m_ownedSession = std::move(session);
    setSession(raw, provenance, scope);
    // The old session goes after its pages (deferred deletes run in order), never under a running slot.
    if (previous)
        previous.release()->deleteLater();
}

void MainWindow::showSession(ApiSession* session, const Provenance& provenance, const StoreScope& scope)
{
    std::unique_ptr<ApiSession> previous = std::move(m_ownedSession);
    setSession(session, provenance, scope);
    if (previous)
        previous.release()->deleteLater();
}

bool MainWindow::useStore(const QString& path)
{
    QString error;
    m_store = ReportStore::open(path, &error);
    m_storeProblem = error;
    if (!m_store)
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("%1 The dashboard works without it: everything is fetched from Genesys Cloud.").arg(error));
    applyStore();
    return m_store != nullptr;
}

void MainWindow::setOffline(bool offline)
{
    m_offline = offline;
    if (m_usagePage)
        m_usagePage->setOffline(offline);
    if (m_partnerPage)
        m_partnerPage->browser()->setOffline(offline);
}

void MainWindow::applyStore()
{
    for (DashboardPage* page : std::initializer_list<DashboardPage*> { m_usagePage, m_partnerPage }) {
        if (page)
            page->setStore(m_store.get(), m_scope);
    }
}

void MainWindow::setSession(ApiSession* session, const Provenance& provenance, const StoreScope& scope)
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
    m_scope = scope;
    if (m_scope.region.isEmpty() && session)
        m_scope.region = provenance.demo ? u"demo"_s : session->placeLabel();
    m_personName.clear();
    if (provenance.demo)
        m_profileName.clear();
    m_banner->clear();
    buildPages();
    applyStore();
    setOffline(m_offline);
    m_header->setDemo(provenance.demo);
    m_profileMenu->setCurrentProfile(m_profileName, provenance.demo);
    connect(m_session->auth(), &TokenProvider::signedIn, this, &MainWindow::updateTokenLabel);
    connect(m_session->client(), &ApiClient::activityChanged, this, &MainWindow::updateHeldBack);
    updateHeldBack();
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
    provenance.demo = true; // billing-sim's loopback port is nobody's business: "demo" names the place
    provenance.region = tr("demo");
    adoptSession(std::move(session), provenance, { u"demo"_s, m_sessions->demoOrgId() });
    return true;
}

void MainWindow::openProfile(const QString& name)
{
    const auto profile = m_profiles->profile(name);
    if (!profile) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("There is no saved profile “%1”.").arg(name));
        return;
    }
    m_status->showText(tr("Opening %1…").arg(profile->displayText()));
    m_sessions->openProfile(
        *profile, this,
        [this](std::unique_ptr<ApiSession> session, const Profile& opened) {
            m_profileName = opened.name;
            Provenance provenance;
            provenance.orgName = opened.label;
            provenance.region = opened.placeText();
            const StoreScope scope { session->placeLabel(), opened.orgId };
            adoptSession(std::move(session), provenance, scope);
            connectSession(opened);
            start();
        },
        [this](const Profile& needed, const QString& notice) { signIn(needed, notice); });
}

void MainWindow::signIn(const std::optional<Profile>& profile, const QString& notice)
{
    SignInDialog dialog(this);
    dialog.setExistingNames(m_profiles->names());
    if (profile)
        dialog.setProfile(*profile);
    if (!notice.isEmpty())
        dialog.setNotice(notice);
    if (dialog.exec() != QDialog::Accepted) {
        if (!m_session)
            offerWayForward(profile ? profile->name : QString());
        return;
    }
    const Profile chosen = dialog.profile();
    m_sessions->keepSignIn(chosen, dialog.secrets(), this, [this, name = chosen.name] { openProfile(name); });
}

void MainWindow::offerWayForward(const QString& profileName)
{
    m_banner->showMessage(MessageBanner::Kind::Info,
        profileName.isEmpty()
            ? tr("Not signed in. Sign in to an org, or look around on demo data.")
            : tr("Not signed in to “%1”. Sign in again, open the demo data, or remove the profile.")
                  .arg(profileName));
    m_banner->addAction(tr("Sign in…"), [this, profileName] {
        const auto profile = m_profiles->profile(profileName);
        signIn(profile ? std::optional(*profile) : std::nullopt);
    });
    m_banner->addAction(tr("Open demo data"), [this] { openDemo(); });
    if (!profileName.isEmpty())
        m_banner->addAction(tr("Remove profile…"), [this, profileName] {
            if (m_profileMenu->removeInteractively(profileName) && !m_session)
                offerWayForward({});
        });
}

void MainWindow::openDemo()
{
    QString error;
    if (!useDemo(&error))
        m_banner->showMessage(MessageBanner::Kind::Error, error);
    else
        start();
}

void MainWindow::connectSession(const std::optional<Profile>& profile)
{
    if (!profile)
        return;
    // A browser sign-in runs out: ask again without dropping what is loaded (the requests wait meanwhile).
    // Queued: the dialog must not run inside the request queue that noticed the expiry.
    connect(
        m_session->auth(), &TokenProvider::reauthenticationNeeded, this,
        [this, profile = *profile] { reauthenticate(profile); }, Qt::QueuedConnection);
    if (profile->method == Profile::Method::Browser)
        m_sessions->namePerson(m_session);
}

void MainWindow::reauthenticate(const Profile& profile)
{
    const QPointer<TokenProvider> auth = m_session ? m_session->auth() : nullptr;
    if (!auth)
        return;
    SignInDialog dialog(this);
    dialog.setProfile(profile);
    dialog.setReauthentication(true);
    dialog.setNotice(
        tr("Your Genesys Cloud session has expired. Sign in again to go on; what is loaded stays."));
    const bool accepted = dialog.exec() == QDialog::Accepted;
    // The window may have switched to another org meanwhile: the answer belongs to this sign-in only.
    if (!auth || !m_session || auth != m_session->auth())
        return;
    if (!accepted) {
        auth->abandonSignIn(tr("Not signed in again."));
        return;
    }
    m_sessions->keepRenewedToken(profile, dialog.secrets(), auth);
    updateTokenLabel();
}

void MainWindow::buildPages()
{
    m_usagePage = new UsagePage(m_session, this);
    m_partnerPage = new PartnerPage(m_session, this);
    m_pages->addTab(m_usagePage, tr("Usage"));
    m_pages->addTab(m_partnerPage, tr("Partner"));
    // The menu's check mark follows the page's own Lines / Stacked bars buttons.
    connect(m_usagePage, &UsagePage::stackedBarsChanged, m_stackedAction, &QAction::setChecked);
    for (DashboardPage* page : std::initializer_list<DashboardPage*> { m_usagePage, m_partnerPage }) {
        page->setProvenance(m_provenance);
        connect(page, &DashboardPage::statusChanged, this, [this, page] {
            if (page == currentPage())
                updateStatusBar();
        });
        connect(page, &DashboardPage::alertsRaised, this, &MainWindow::onAlerts);
    }
    QSettings settings;
    m_usagePage->restoreSettings(settings);
    m_stackedAction->setChecked(m_usagePage->findChild<UsageChartPanel*>()->stackedBars());
    m_usagePage->setLocalTime(m_localTimeAction->isChecked());
    m_pages->setCurrentIndex(settings.value(u"window/page"_s, 0).toInt());
}

void MainWindow::onAlerts(const QStringList& lines)
{
    m_newAlerts += int(lines.size());
    m_alertsAction->setText(tr("&Alerts (%n new)…", nullptr, m_newAlerts));
    const QString title
        = tr("Billing: %n alert(s) for %1", nullptr, int(lines.size())).arg(m_provenance.orgName);
    m_notifier->notify(title, lines.join(u'\n'));
}

void MainWindow::showAlerts()
{
    m_newAlerts = 0;
    m_alertsAction->setText(tr("&Alerts…"));
    AlertsDialog dialog(
        m_store.get(), m_scope, m_localTimeAction->isChecked() ? DisplayZone::Local : DisplayZone::Utc, this);
    connect(&dialog, &AlertsDialog::openRequested, this, &MainWindow::showAlertSubject);
    dialog.exec();
}

void MainWindow::showAlertSubject(const QString& subjectKey, const QString& name, QDate periodStart)
{
    const AlertSubjects::SubjectKind kind = AlertSubjects::kindOf(subjectKey);
    if (kind == AlertSubjects::SubjectKind::Licence && m_usagePage) {
        m_pages->setCurrentWidget(m_usagePage);
        const UsageSeriesModel* model = m_usagePage->controller()->model();
        int bucket = model->bucketOfCycle(periodStart);
        if (bucket < 0) {
            bucket = model->commitmentBucket();
            m_status->showText(tr("The alert's period, from %1, is not in the range shown: showing the "
                                  "newest period instead.")
                                   .arg(QLocale().toString(periodStart, QLocale::ShortFormat)));
        }
        m_usagePage->selectCell(name, bucket);
    } else if (kind == AlertSubjects::SubjectKind::Customer && m_partnerPage) {
        m_pages->setCurrentWidget(m_partnerPage);
        m_partnerPage->browser()->openAt(AlertSubjects::customerOrgId(subjectKey), name, 0);
    }
}

void MainWindow::removePages()
{
    // Another org's window: its alerts are its own.
    m_newAlerts = 0;
    if (m_alertsAction)
        m_alertsAction->setText(tr("&Alerts…"));
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
    QString org = m_provenance.orgName.isEmpty() ? (m_session ? tr("Signing in…") : tr("Not signed in"))
                                                 : m_provenance.orgName;
    if (!m_personName.isEmpty())
        org += u" · "_s + m_personName;
    m_header->setOrgText(org);
    m_header->setRegion(m_provenance.region);
    setWindowTitle(m_provenance.orgName.isEmpty() ? tr("Billing Dashboard")
                                                  : tr("%1 — Billing Dashboard").arg(m_provenance.orgName));
}

void MainWindow::updateStatusBar()
{
    const DashboardPage* page = currentPage();
    m_status->showStatus(page ? page->status() : PageStatus {});
}

void MainWindow::updateHeldBack()
{
    const QString text = m_session ? m_session->client()->heldBackText() : QString();
    m_status->setHeldBackText(text);
    // Counted down each second while requests wait; the client's own activity says when they go.
    if (text.isEmpty())
        m_heldBackTimer->stop();
    else if (!m_heldBackTimer->isActive())
        m_heldBackTimer->start();
}

void MainWindow::updateTokenLabel()
{
    const QDateTime expires = m_session ? m_session->auth()->expiresAt() : QDateTime();
    const bool shown = m_session && !m_provenance.demo && expires.isValid();
    m_status->setTokenText(shown ? tr("Signed in · %1").arg(TokenLifetime::describe(expires)) : QString());
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
