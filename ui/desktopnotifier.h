#pragma once

#include <QObject>

class QSystemTrayIcon;

namespace bd {

/// Tells the desktop: a freedesktop notification over D-Bus where a notification server runs, else a
/// balloon from a system-tray icon where there is a tray. Nowhere to tell is not an error: the Alerts list
/// keeps every alert either way.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    explicit DesktopNotifier(QObject* parent = nullptr);

    /// Shows `title` and `body`; false when no notification server or tray is there to show it.
    bool notify(const QString& title, const QString& body);

    /// How the last notify() was shown: "dbus", "tray" or "none".
    QString lastChannel() const { return m_lastChannel; }
    /// How many times notify() was asked to tell something.
    int notifyCount() const { return m_count; }

private:
    QSystemTrayIcon* m_tray = nullptr;
    QString m_lastChannel = QStringLiteral("none");
    int m_count = 0;
};

} // namespace bd
