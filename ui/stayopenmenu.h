#pragma once

#include <QMenu>

namespace bd {

/// A menu of choices that stays open while checkable entries are ticked, so several can be picked in one go
/// (a plain QMenu closes on the first). Other entries, Escape and a click outside close it as usual.
class StayOpenMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StayOpenMenu)

public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    /// Toggles `action` in place when it is a checkable entry; false when the menu should handle it.
    bool toggleInPlace(QAction* action);
};

} // namespace bd
