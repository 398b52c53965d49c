#pragma once

#include "ui/dashboardpage.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QTabWidget;
class QTimer;

namespace bd {

class ApiSession;
class DesktopNotifier;
class MessageBanner;
class PartnerPage;
class ProfileMenu;
class ReportStore;
class ProfileStore;
class SecretStore;
class UsagePage;
struct Profile;
class SessionController;
class StatusStrip;
class WindowHeader;

/// The dashboard's main window: the signed-in org and region, the Usage and Partner pages, menus and
/// shortcuts that act on the current page, a status bar with progress and Cancel, and the profile menu that
/// signs in to real orgs and switches between them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Shows an org through a session this window now owns; the pages of the previous org are replaced.
    /// `scope` files the org's data in the local store; without an org id it is learnt from
    /// organizations/me.
    void adoptSession(
        std::unique_ptr<ApiSession> session, const Provenance& provenance, const StoreScope& scope = {});
    /// Shows an org through a session owned elsewhere (it must outlive the window or the next switch).
    void showSession(ApiSession* session, const Provenance& provenance, const StoreScope& scope = {});
    /// Keeps fetched reports in the local store at `path` and serves closed ones from it. False, with the
    /// reason in the window's banner, when it cannot be used: the dashboard then works without it.
    bool useStore(const QString& path);
    /// Offline: the pages answer from the store alone and ask Genesys for nothing.
    void setOffline(bool offline);
    ReportStore* store() const { return m_store.get(); }
    /// The session of the org shown, or nullptr.
    ApiSession* session() const { return m_session; }
    const StoreScope& storeScope() const { return m_scope; }
    /// Shows billing-sim's demo org (served from a thread of its own). False with *error when it cannot
    /// start.
    bool useDemo(QString* error);
    /// Opens a saved profile: reads its secrets from the keychain and asks to sign in when they are missing.
    void openProfile(const QString& name);
    /// Asks for a sign-in (a new profile, or `profile` again) and switches to it when it works.
    void signIn(const std::optional<Profile>& profile, const QString& notice = {});

    /// Names the org (organizations/me) and loads the current page with the remembered ranges.
    void start();
    /// Switches to the demo org and loads it (an error goes to the banner).
    void openDemo();

    UsagePage* usagePage() const { return m_usagePage; }
    PartnerPage* partnerPage() const { return m_partnerPage; }
    DashboardPage* currentPage() const;
    QTabWidget* pages() const { return m_pages; }
    ProfileStore* profiles() const { return m_profiles; }
    SecretStore* secrets() const { return m_secrets; }
    const Provenance& provenance() const { return m_provenance; }
    /// The Alerts list of the org shown: when, what changed, and a way to the view (double-click).
    void showAlerts();
    /// Shows what an alert is about: a licence on the Usage page (in the alert's period, when the range has
    /// it), a customer on the Partner page.
    void showAlertSubject(const QString& subjectKey, const QString& name, QDate periodStart);
    DesktopNotifier* notifier() const { return m_notifier; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    /// With no org open (a sign-in was cancelled), the banner offers the ways on: sign in, the demo, or
    /// removing the profile that could not sign in.
    void offerWayForward(const QString& profileName);
    void setSession(ApiSession* session, const Provenance& provenance, const StoreScope& scope);
    void applyStore();
    void buildPages();
    void removePages();
    void buildMenus(); // mainwindowmenus.cpp
    void connectSession(const std::optional<Profile>& profile);
    void reauthenticate(const Profile& profile);
    void loadPartnerPageOnce();
    void updateHeader();
    void updateStatusBar();
    void updateTokenLabel();
    /// A page told news: the desktop hears of it, and the Alerts action counts it.
    void onAlerts(const QStringList& lines);
    /// Says in the status bar when the rate limit holds requests back, and for how long.
    void updateHeldBack();
    void saveSettings() const;
    void restoreWindowSettings();

    std::unique_ptr<ReportStore> m_store; // before the session and the pages that use it
    StoreScope m_scope;
    QString m_storeProblem; ///< why there is no store, for the Stored data view
    bool m_offline = false;
    std::unique_ptr<ApiSession> m_ownedSession;
    ApiSession* m_session = nullptr;
    Provenance m_provenance;
    QString m_personName;
    QString m_profileName;

    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    SessionController* m_sessions; // after the stores it uses
    ProfileMenu* m_profileMenu = nullptr;
    QTabWidget* m_pages;
    UsagePage* m_usagePage = nullptr;
    PartnerPage* m_partnerPage = nullptr;
    WindowHeader* m_header;
    MessageBanner* m_banner;
    StatusStrip* m_status;
    QTimer* m_tokenTimer;
    QTimer* m_heldBackTimer;
    QAction* m_stackedAction = nullptr;
    QAction* m_localTimeAction = nullptr;
    QAction* m_alertsAction = nullptr;
    DesktopNotifier* m_notifier = nullptr;
    int m_newAlerts = 0; ///< told since the Alerts list was last opened
    bool m_started = false;
    bool m_partnerLoaded = false;
};

} // namespace bd
