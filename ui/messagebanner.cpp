#include "ui/messagebanner.h"

#include "ui/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <functional>

using namespace Qt::StringLiterals;

namespace bd {

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_actions(new QHBoxLayout)
{
    setObjectName(u"messageBanner"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_actions);
    auto* close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &MessageBanner::clear);
    layout->addWidget(close);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& text)
{
    while (QLayoutItem* item = m_actions->takeAt(0)) {
        // Later: the button may be the one whose click put up this message.
        if (QWidget* button = item->widget()) {
            button->hide();
            button->deleteLater();
        }
        delete item;
    }
    m_kind = kind;
    m_text->setText(text);
    applyStyle();
    show();
}

QPushButton* MessageBanner::addAction(const QString& text, const std::function<void()>& onClick)
{
    auto* button = new QPushButton(text, this);
    connect(button, &QPushButton::clicked, this, onClick);
    m_actions->addWidget(button);
    button->setVisible(true); // the banner may be showing already: a layout does not show it by itself then
    return button;
}

void MessageBanner::clear()
{
    m_text->clear();
    hide();
}

QString MessageBanner::text() const
{
    return isVisible() || !m_text->text().isEmpty() ? m_text->text() : QString();
}

void MessageBanner::applyStyle()
{
    // Soft backgrounds that read well on light and dark palettes, with a strong left edge for the kind.
    Theme::Tone tone = Theme::Tone::Info;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (m_kind) {
    case Kind::Info:
        break;
    case Kind::Warning:
        tone = Theme::Tone::Warning;
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        tone = Theme::Tone::Error;
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    // A type selector, so that the style holds whatever the banner's object name.
    setStyleSheet(Theme::noticeStyle(tone, u"bd--MessageBanner"_s, palette()));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
}

} // namespace bd
