#pragma once

#include <QWidget>

class QLabel;

namespace bd {

class MessageBanner;

/// The top of the main window: who is signed in and where, always visible, and a notice while the demo org is
/// shown instead of a real one.
class WindowHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowHeader)

public:
    explicit WindowHeader(QWidget* parent = nullptr);
    ~WindowHeader() override;

    /// The org (and the person, for a browser sign-in), e.g. "Northwind · Ada Lovelace".
    void setOrgText(const QString& text);
    /// The region key or host; hidden when empty.
    void setRegion(const QString& region);
    /// Shows or hides the demo notice.
    void setDemo(bool demo);

private:
    QLabel* m_org;
    QLabel* m_region;
    MessageBanner* m_demo;
};

} // namespace bd
