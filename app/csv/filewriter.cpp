#include "csv/filewriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct FileWriterText
{
    Q_DECLARE_TR_FUNCTIONS(bd::FileWriter)
};

// The cause a person can act on: Qt says "Unknown error" for a full disk at commit time.
QString writeError(const QString& path, const QFileDevice& file)
{
    const QString why = file.error() == QFileDevice::ResourceError ? FileWriterText::tr("the disk is full")
                                                                   : file.errorString();
    return FileWriterText::tr("Cannot write %1: %2").arg(path, why);
}

bool setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
    return false;
}

} // namespace

bool FileWriter::canSaveTo(const QString& path, QString* error)
{
    if (path == u"-"_s)
        return true;
    const QFileInfo info(path);
    if (info.isDir())
        return setError(error, FileWriterText::tr("Cannot write %1: it is a folder").arg(path));
    if (info.exists())
        return info.isWritable()
            || setError(error, FileWriterText::tr("Cannot write %1: permission denied").arg(path));
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return setError(error,
            FileWriterText::tr("Cannot write %1: the folder %2 does not exist").arg(path, folder.filePath()));
    if (!folder.isWritable())
        return setError(error,
            FileWriterText::tr("Cannot write %1: the folder %2 is not writable")
                .arg(path, folder.filePath()));
    return true;
}

bool FileWriter::save(const QString& path, const QByteArray& bytes, QString* error)
{
    const QFileInfo info(path);
    if (path == u"-"_s || (info.exists() && !info.isFile())) {
        // Standard output, a FIFO or a device: written as it is, so that it stays what it is.
        QFile target;
        const bool opened = path == u"-"_s ? target.open(stdout, QIODevice::WriteOnly)
                                           : (target.setFileName(path), target.open(QIODevice::WriteOnly));
        if (!opened)
            return setError(error, writeError(path, target));
        if (target.write(bytes) != bytes.size() || !target.flush())
            return setError(error, writeError(path, target));
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return setError(error, writeError(path, file));
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString text = writeError(path, file);
        file.cancelWriting();
        return setError(error, text);
    }
    return true;
}

} // namespace bd
