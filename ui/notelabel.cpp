#include "ui/notelabel.h"

#include <QFontMetrics>
#include <QMouseEvent>

using namespace Qt::StringLiterals;

namespace bd {

NoteLabel::NoteLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // the layout's width, never the text's
    hide();
}

void NoteLabel::setNote(const QString& note)
{
    m_note = note;
    setVisible(!note.isEmpty());
    relayout();
}

bool NoteLabel::isElided() const
{
    return !m_expanded && text() != m_note;
}

void NoteLabel::setExpanded(bool expanded)
{
    m_expanded = expanded;
    relayout();
}

QSize NoteLabel::minimumSizeHint() const
{
    return { 0, QLabel::minimumSizeHint().height() };
}

void NoteLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    if (!m_expanded)
        relayout();
}

void NoteLabel::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && (isElided() || m_expanded))
        setExpanded(!m_expanded);
    QLabel::mouseReleaseEvent(event);
}

void NoteLabel::relayout()
{
    setWordWrap(m_expanded);
    const QString shown = m_expanded
        ? m_note
        : fontMetrics().elidedText(m_note, Qt::ElideRight, std::max(0, contentsRect().width()));
    if (shown != text())
        setText(shown);
    const bool cut = shown != m_note;
    setToolTip(cut       ? m_note + u"\n\n"_s + tr("Click to read it all.")
            : m_expanded ? tr("Click to make it one line again.")
                         : QString());
    setCursor(cut || m_expanded ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

} // namespace bd
