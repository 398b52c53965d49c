#pragma once

// Answers the next file dialog (or print preview) a page opens, as a person would: the test looks at what the
// dialog offers, then picks a file name (and a filter) and accepts, or cancels. Offscreen, Qt's own dialog is
// used, so the whole export flow runs: the static QFileDialog call, the dashboard's suffix handling, the
// write.

#include <QApplication>
#include <QDialog>
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

/// Once a file dialog is the active modal window, records what it offers into `*offered` and then either
/// accepts `fileName` (a path, with `filter` selected when not empty) or, with an empty `fileName`, cancels.
/// Call before the action that opens the dialog; the timer stops itself once it has answered.
inline void answerNextSaveDialog(OfferedSave* offered, const QString& fileName, const QString& filter = {})
{
    auto* poll = new QTimer(qApp);
    poll->setInterval(5);
    QObject::connect(poll, &QTimer::timeout, poll, [=] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
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
    poll->start();
}

/// Once a dialog (a print preview, say) is the active modal window, records its title into `*title` and
/// closes it. Call before the action that opens the dialog.
inline void closeNextDialog(QString* title)
{
    auto* poll = new QTimer(qApp);
    poll->setInterval(5);
    QObject::connect(poll, &QTimer::timeout, poll, [=] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        *title = dialog->windowTitle();
        dialog->reject();
    });
    poll->start();
}

} // namespace bd::test
