#include "ui/shortcutpriority.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace bd {

ShortcutPriority::ShortcutPriority(QWidget* window, QList<QAction*> actions)
    : QObject(window)
    , m_window(window)
{
    for (QAction* action : actions)
        m_actions << action;
    qApp->installEventFilter(this);
}

bool ShortcutPriority::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride || !m_window)
        return false;
    auto* field = qobject_cast<QWidget*>(watched);
    const bool isText = qobject_cast<QLineEdit*>(field) || qobject_cast<QAbstractSpinBox*>(field)
        || qobject_cast<QTextEdit*>(field) || qobject_cast<QPlainTextEdit*>(field);
    if (!isText || field->window() != m_window)
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const QKeySequence pressed(key->keyCombination());
    for (const QPointer<QAction>& action : std::as_const(m_actions)) {
        if (action && action->isEnabled()
            && action->shortcut().matches(pressed) == QKeySequence::ExactMatch) {
            // Left unaccepted and kept from the field: the shortcut map fires the action.
            event->ignore();
            return true;
        }
    }
    return false;
}

} // namespace bd
