#pragma once

#include "ui/dashboardpage.h"

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace bd {

class ApiSession;
class PartnerPage;
class UsagePage;

/// The dashboard's main window: the signed-in org and region, the Usage and Partner pages, menus and
/// shortcuts that act on the current page, and a status bar with progress and Cancel.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// `session` is the org's API; `provenance.demo` says it is billing-sim's demo org.
    MainWindow(ApiSession* session, const Provenance& provenance, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Names the org (organizations/me) and loads the pages with the remembered ranges.
    void start();

    UsagePage* usagePage() const { return m_usagePage; }
    PartnerPage* partnerPage() const { return m_partnerPage; }
    DashboardPage* currentPage() const;
    QTabWidget* pages() const { return m_pages; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void updateHeader();
    void updateStatusBar();
    void loadPartnerPageOnce();
    void saveSettings() const;
    void restoreSettings();

    ApiSession* m_session;
    Provenance m_provenance;
    QTabWidget* m_pages;
    UsagePage* m_usagePage;
    PartnerPage* m_partnerPage;
    QLabel* m_orgLabel;
    QLabel* m_regionLabel;
    QLabel* m_statusText;
    QProgressBar* m_progress;
    QToolButton* m_cancelButton;
    bool m_started = false;
    bool m_partnerLoaded = false;
};

} // namespace bd
