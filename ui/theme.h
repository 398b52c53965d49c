#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QPalette;
class QWidget;

namespace bd {

/// The dashboard's semantic colours and the few styles built on them, so that every notice, badge and warning
/// looks alike and follows a dark palette. Widgets and item delegates ask here; models return roles, not
/// colours.
namespace Theme {

/// What a colour says.
enum class Tone { Info, Warning, Error, Good };

/// The strong colour of a tone: an edge, a text or a marker. Lighter on a dark palette.
QColor colour(Tone tone, const QPalette& palette);
/// A stylesheet for a notice (`selector` names the widget, e.g. "#messageBanner" or "QLabel"): a soft
/// background with a strong left edge.
QString noticeStyle(Tone tone, const QString& selector, const QPalette& palette);
/// Colours a label's text in a tone (an error line, a problem next to a field); Tone::Info restores the
/// palette.
void setTextTone(QLabel* label, Tone tone);
/// A hidden, word-wrapped notice label in a tone (shown when it has something to say).
QLabel* noticeLabel(Tone tone, QWidget* parent);
/// A word-wrapped label in the palette's muted text colour (captions and caveats).
QLabel* mutedLabel(const QString& text, QWidget* parent);

} // namespace Theme

} // namespace bd
