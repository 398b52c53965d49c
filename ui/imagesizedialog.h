#pragma once

#include <QSize>

class QWidget;

namespace bd {

/// Asks for the pixel size and density of a PNG export, starting from `size` and `ratio`; false when
/// cancelled.
bool askImageSize(QWidget* parent, QSize* size, qreal* ratio);

} // namespace bd
