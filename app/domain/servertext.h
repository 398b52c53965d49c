#pragma once

#include <QString>

namespace bd::ServerText {

/// Text a server sent (an error message, an OAuth description) made safe to show or print: control characters
/// and terminal escape sequences (ESC [ …) removed, bidi overrides dropped, runs of white space folded into
/// one space, and at most `maxLength` characters kept (ending in "…" when cut).
QString clean(const QString& text, qsizetype maxLength = 300);

} // namespace bd::ServerText
