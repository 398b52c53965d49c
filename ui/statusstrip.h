#pragma once

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace bd {

struct PageStatus;

/// The main window's status bar: the current page's line, its progress and Cancel, and how long the sign-in
/// lasts.
class StatusStrip final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusStrip)

public:
    /// Puts its widgets into `bar`.
    explicit StatusStrip(QStatusBar* bar);
    ~StatusStrip() override;

    void showStatus(const PageStatus& status);
    /// "Opening Northwind…" while no page speaks yet.
    void showText(const QString& text);
    /// "Signed in · 58 min left"; empty hides it.
    void setTokenText(const QString& text);
    /// Why requests are waiting (the rate limit), with the time to the next; empty to hide it.
    void setHeldBackText(const QString& text);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel* m_text;
    QLabel* m_token;
    QLabel* m_heldBack;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
};

} // namespace bd
