#pragma once

#include <QStyledItemDelegate>

namespace bd {

/// Paints a cell in the theme colour of its CellTone (models answer ToneRole), so that failed buckets, added
/// and removed lines, disabled trusts and shaded groups follow the light or dark palette.
class ToneDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToneDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace bd
