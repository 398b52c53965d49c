#pragma once

#include <QLabel>

namespace bd {

/// A note above a table that takes one line: cut short with "…" when it does not fit, the whole of it in
/// the tooltip, and shown in full (wrapped) while it is clicked open, so that a small window keeps its
/// table rows.
class NoteLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteLabel)

public:
    explicit NoteLabel(QWidget* parent = nullptr);

    /// The whole note; hidden when empty.
    void setNote(const QString& note);
    QString note() const { return m_note; }
    /// True while the note is cut short.
    bool isElided() const;
    bool isExpanded() const { return m_expanded; }
    void setExpanded(bool expanded);

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void relayout();

    QString m_note;
    bool m_expanded = false;
};

} // namespace bd
