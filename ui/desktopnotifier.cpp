#include "ui/desktopnotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace bd {

DesktopNotifier::DesktopNotifier(QObject* parent)
    : QObject(parent)
{ }

bool DesktopNotifier::notify(const QString& title, const QString& body)
{
    ++m_count;
    const QString service = u"org.freedesktop.Notifications"_s;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(service)) {
        QDBusMessage call = QDBusMessage::createMethodCall(
            service, u"/org/freedesktop/Notifications"_s, service, u"Notify"_s);
        // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the server's)
        call << QCoreApplication::applicationName() << 0u << u"dialog-warning"_s << title << body
             << QStringList() << QVariantMap() << -1;
        if (bus.send(call)) {
            m_lastChannel = u"dbus"_s;
            return true;
        }
    }
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(QCoreApplication::applicationName());
        }
        m_tray->show();
        m_tray->showMessage(title, body, QSystemTrayIcon::Warning);
        m_lastChannel = u"tray"_s;
        return true;
    }
    m_lastChannel = u"none"_s;
    return false;
}

} // namespace bd
