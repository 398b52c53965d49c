#pragma once

#include <QTimeZone>
#include <QtGlobal>

namespace bd {

/// UTC for QDateTime's constructors, startOfDay() and fromMSecsSinceEpoch(). Qt 6.5 brought QTimeZone::UTC
/// and Qt 6.9 deprecates the Qt::TimeSpec overloads; on Qt 6.4 a QTimeZone would make a Qt::TimeZone
/// date-time that prints "+00:00" instead of "Z", so Qt::UTC stays there. Header only: billing-sim uses it
/// too.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
inline constexpr QTimeZone::Initialization UtcZone = QTimeZone::UTC;
#else
inline constexpr Qt::TimeSpec UtcZone = Qt::UTC;
#endif

} // namespace bd
