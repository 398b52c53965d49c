#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace bd {

class ApiSession;
class LicenceUsageModel;

/// The dashboard's main window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// `session` is the signed-in org's API; `demo` says it is billing-sim's demo org.
    MainWindow(ApiSession* session, bool demo, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads the org and its current billable usage.
    void refresh();

Q_SIGNALS:
    /// The first load settled (for scripted screenshots).
    void loadSettled();

private:
    ApiSession* m_session;
    LicenceUsageModel* m_usageModel;
    QLabel* m_orgLabel;
    QLabel* m_statusLabel;
    QTableView* m_table;
};

} // namespace bd
