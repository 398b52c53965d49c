#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace bd {

/// An inline message above a page's content (like a KMessageWidget): information, a warning or an error,
/// with up to a few action buttons and a close button. Hidden while it has nothing to say.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind { Info, Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);

    /// Shows a message; previous actions are removed.
    void showMessage(Kind kind, const QString& text);
    /// Adds a button to the current message; clicking it runs `onClick`.
    QPushButton* addAction(const QString& text, const std::function<void()>& onClick);
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;

private:
    void applyStyle();

    Kind m_kind = Kind::Info;
    QLabel* m_icon;
    QLabel* m_text;
    QHBoxLayout* m_actions;
};

} // namespace bd
