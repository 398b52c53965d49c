#pragma once

// The longest single dispatch of the GUI thread's event loop, and what received it: an application that times
// each outermost event it delivers. A benchmark that reports a stall prints what caused it with this.

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QMetaEnum>
#include <QThread>

namespace bd::bench {

class DispatchWatchApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Longest
    {
        qint64 ns = 0;
        QString what;
    };

    /// Starts a fresh record of the longest dispatch.
    void resetLongest() { m_longest = {}; }
    Longest longest() const { return m_longest; }

    bool notify(QObject* receiver, QEvent* event) override
    {
        // Every thread's events pass through here; only the GUI thread's are timed.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth > 0) {
            ++m_depth;
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        // The receiver may be gone once the event is delivered (a deferred delete): name it first.
        const QEvent::Type type = event->type();
        const char* className = receiver->metaObject()->className();
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = clock.nsecsElapsed();
        --m_depth;
        if (ns > m_longest.ns) {
            const char* typeName = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
            m_longest = { ns,
                QStringLiteral("%1 to a %2")
                    .arg(QString::fromLatin1(typeName ? typeName : "an event"),
                        QString::fromLatin1(className)) };
        }
        return handled;
    }

private:
    int m_depth = 0;
    Longest m_longest;
};

} // namespace bd::bench
