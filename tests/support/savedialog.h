#pragma once

// Answers the next file dialog (or print preview) a page opens, as a person would: the test looks at what the
// dialog offers, then picks a file name (and a filter) and accepts, or cancels. Offscreen, Qt's own dialog is
// used, so the whole export flow runs: the static QFileDialog call, the dashboard's suffix handling, the
// write.

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QTimer>

#include <functional>

namespace bd::test {

/// What the dialog offered when it opened.
struct OfferedSave
{
    QString folder; ///< the folder it opened in
    QString fileName; ///< the file name suggested
    QString filter; ///< the filter selected
    QStringList filters; ///< every filter offered
};

/// Runs `answer` on the next dialog of type `Dialog` to be the visible active modal window, once. Call before
/// the action that opens the dialog: the check runs in the dialog's own event loop. Gives up after 20 s
/// without one, so a dialog that never opened cannot be answered in a later test.
template <typename Dialog> void whenNextModal(std::function<void(Dialog*)> answer)
{
    auto* poll = new QTimer(qApp);
    poll->setInterval(5);
    QElapsedTimer waited;
    waited.start();
    QObject::connect(poll, &QTimer::timeout, poll, [poll, waited, answer = std::move(answer)] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible()) {
            if (waited.hasExpired(20'000)) {
                poll->stop();
                poll->deleteLater();
            }
            return;
        }
        poll->stop();
        poll->deleteLater();
        answer(dialog);
    });
    poll->start();
}

/// Records what the next file dialog offers into `*offered`, then accepts `fileName` (a path, with `filter`
/// selected when not empty) or, with an empty `fileName`, cancels.
inline void answerNextSaveDialog(OfferedSave* offered, const QString& fileName, const QString& filter = {})
{
    whenNextModal<QFileDialog>([=](QFileDialog* dialog) {
        offered->folder = dialog->directory().absolutePath();
        offered->fileName = dialog->selectedFiles().value(0).section(u'/', -1);
        offered->filter = dialog->selectedNameFilter();
        offered->filters = dialog->nameFilters();
        if (fileName.isEmpty()) {
            dialog->reject();
            return;
        }
        if (!filter.isEmpty())
            dialog->selectNameFilter(filter);
        dialog->selectFile(fileName);
        QMetaObject::invokeMethod(dialog, "accept"); // a protected slot, as the Save button calls it
    });
}

/// Records the title of the next dialog (a print preview, say) into `*title`, then closes it.
inline void closeNextDialog(QString* title)
{
    whenNextModal<QDialog>([title](QDialog* dialog) {
        *title = dialog->windowTitle();
        dialog->reject();
    });
}

} // namespace bd::test
