#include "ui/messagebanner.h"

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
    close->setToolTip(u"Dismiss"_s);
    connect(close, &QToolButton::clicked, this, &MessageBanner::clear);
    layout->addWidget(close);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& text)
{
    while (QLayoutItem* item = m_actions->takeAt(0)) {
        delete item->widget();
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
    QString edge, background;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (m_kind) {
    case Kind::Info:
        edge = u"#2f7ed8"_s;
        background = u"rgba(47,126,216,0.12)"_s;
        break;
    case Kind::Warning:
        edge = u"#d89b2f"_s;
        background = u"rgba(216,155,47,0.16)"_s;
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        edge = u"#c4452f"_s;
        background = u"rgba(196,69,47,0.14)"_s;
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    setStyleSheet(u"#messageBanner { background: %1; border-left: 4px solid %2; border-radius: 3px; }"_s
                      .arg(background, edge));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
}

} // namespace bd
