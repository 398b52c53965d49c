#include "ui/theme.h"

#include <QLabel>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QString css(const QColor& colour)
{
    return u"rgba(%1,%2,%3,%4)"_s.arg(colour.red())
        .arg(colour.green())
        .arg(colour.blue())
        .arg(colour.alphaF());
}

} // namespace

QColor Theme::colour(Tone tone, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Info:
        return dark ? QColor(0x6c, 0xa8, 0xf0) : QColor(0x2f, 0x7e, 0xd8);
    case Tone::Warning:
        return dark ? QColor(0xe8, 0xb4, 0x5a) : QColor(0xa8, 0x6b, 0x00);
    case Tone::Error:
        return dark ? QColor(0xf0, 0x7a, 0x66) : QColor(0xc4, 0x2b, 0x1c);
    case Tone::Good:
        return dark ? QColor(0x6c, 0xc7, 0x7a) : QColor(0x2e, 0x7d, 0x32);
    }
    return palette.color(QPalette::Text);
}

QString Theme::noticeStyle(Tone tone, const QString& selector, const QPalette& palette)
{
    QColor soft = colour(tone, palette);
    soft.setAlphaF(0.16f);
    return u"%1 { background: %2; border-left: 4px solid %3; border-radius: 3px; padding: 4px 8px; }"_s.arg(
        selector, css(soft), colour(tone, palette).name());
}

void Theme::setTextTone(QLabel* label, Tone tone)
{
    label->setStyleSheet(tone == Tone::Info
            ? QString()
            : u"QLabel { color: %1; }"_s.arg(colour(tone, label->palette()).name()));
}

QLabel* Theme::noticeLabel(Tone tone, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setVisible(false);
    label->setStyleSheet(noticeStyle(tone, u"QLabel"_s, parent->palette()));
    return label;
}

QLabel* Theme::mutedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace bd
