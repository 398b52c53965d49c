#pragma once

#include <QByteArray>
#include <QString>

namespace bd {

/// Writes an export's bytes to the path a person gave, the same way for every format (CSV, PNG, SVG, PDF).
namespace FileWriter {

/// A regular file (or a new one) is written atomically: a failed write leaves no file behind and an existing
/// file untouched. Anything else that exists (a FIFO, a device, a terminal) is written in place, never
/// renamed over;
/// "-" is standard output. False with *error set on failure (a full disk, a missing folder, no permission).
bool save(const QString& path, const QByteArray& bytes, QString* error);
/// Whether save() could write to `path`, checked before any data is fetched: false with *error when its
/// folder is missing or not writable, or it is a folder or a file that cannot be written.
bool canSaveTo(const QString& path, QString* error);

} // namespace FileWriter

} // namespace bd
