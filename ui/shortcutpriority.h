#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace bd {

/// Lets a window's own shortcuts win over text fields that would take the same keys for themselves: a line
/// edit reads Ctrl+E as "end of line", so Export would do nothing while a filter box has focus. Only the
/// actions given are preferred; the fields keep every other key, their own Copy and Undo included.
class ShortcutPriority final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutPriority)

public:
    /// Prefers `actions` over the text fields inside `window`.
    ShortcutPriority(QWidget* window, QList<QAction*> actions);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> m_window;
    QList<QPointer<QAction>> m_actions;
};

} // namespace bd
