#pragma once

#include <QString>

namespace bd::OrgId {

/// A Genesys Cloud org id in its canonical form (lower-case, no braces), or an empty string when `text` is
/// not one. Surrounding blanks and braces are forgiven.
QString canonical(const QString& text);
/// Why `text` is not an org id, in one sentence that says what one looks like; empty for an org id.
QString problem(const QString& text);
/// True when `text` reads like an org's name rather than a mistyped id (blanks, or letters beyond a–f).
bool looksLikeName(const QString& text);

} // namespace bd::OrgId
