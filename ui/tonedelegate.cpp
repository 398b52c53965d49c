#include "ui/tonedelegate.h"

#include "models/celltone.h"
#include "ui/theme.h"

namespace bd {

void ToneDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant tone = index.data(ToneRole);
    if (!tone.isValid())
        return;
    QColor text;
    switch (CellTone(tone.toInt())) {
    case CellTone::Normal:
        return;
    case CellTone::Good:
        text = Theme::colour(Theme::Tone::Good, option->palette);
        break;
    case CellTone::Bad:
        text = Theme::colour(Theme::Tone::Error, option->palette);
        break;
    case CellTone::Muted:
        text = option->palette.color(QPalette::PlaceholderText);
        break;
    case CellTone::Shaded: {
        QColor shade = option->palette.color(QPalette::Text);
        shade.setAlphaF(0.06f);
        option->backgroundBrush = shade;
        return;
    }
    }
    option->palette.setColor(QPalette::Text, text);
}

} // namespace bd
