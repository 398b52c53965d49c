#pragma once
// Runs the headless export in this process, as `billing-dashboard export …` does, and keeps what it says.

#include "cli/exportcommand.h"
#include "cli/exportoptions.h"

#include <QDate>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>

namespace bd::test {

struct ExportRun
{
    int exitCode = -1; ///< 2 for options refused, as the executable exits; -1 when it never finished
    QStringList messages;
    QString last() const { return messages.value(messages.size() - 1); }
};

/// The export of `arguments` (the words after "export") as if `today` (UTC) were the current day.
inline ExportRun runExportCommand(
    const QStringList& arguments, const QProcessEnvironment& environment, const QDate& today)
{
    ExportRun run;
    QString error;
    const auto options = ExportOptions::parse(arguments, environment, today, &error);
    if (!options) {
        run.messages << error;
        run.exitCode = 2;
        return run;
    }
    ExportCommand command;
    command.setMessageSink([&run](const QString& text) { run.messages << text; });
    QSignalSpy finished(&command, &ExportCommand::finished);
    command.start(*options);
    if (finished.isEmpty() && !finished.wait(60'000))
        return run;
    run.exitCode = finished.first().first().toInt();
    return run;
}

} // namespace bd::test
