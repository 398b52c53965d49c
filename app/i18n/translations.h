#pragma once

class QCoreApplication;

namespace bd {

/// Installs the dashboard's catalogue for the system language, or the English one, which carries the English
/// plural forms of every %n text ("1 period", "5 periods").
void installTranslations(QCoreApplication* application);

} // namespace bd
