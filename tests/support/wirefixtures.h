#pragma once

// The project's own wire fixtures (tests/data/wire): schema-exact bodies of the Genesys Cloud contract,
// written for this project. A test that reads them checks wireFixtureProblem() in initTestCase(), so a
// missing or empty folder fails the test with the reason instead of letting it pass on nothing.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace bd::test {

inline QString wireFixtureDir()
{
    return QStringLiteral(BD_WIRE_FIXTURE_DIR);
}

/// The file names of every fixture, sorted; empty when the folder is missing or holds none.
inline QStringList wireFixtureNames()
{
    return QDir(wireFixtureDir()).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
}

/// Why the fixtures cannot be used, or an empty string when they can.
inline QString wireFixtureProblem()
{
    if (!QDir(wireFixtureDir()).exists())
        return QStringLiteral("the wire fixture folder %1 is missing").arg(wireFixtureDir());
    if (wireFixtureNames().isEmpty())
        return QStringLiteral("the wire fixture folder %1 holds no *.json file").arg(wireFixtureDir());
    return {};
}

/// The bytes of one fixture; empty, with a warning naming the file, when it cannot be read.
inline QByteArray wireFixture(const QString& name)
{
    QFile file(QDir(wireFixtureDir()).filePath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read the wire fixture %s: %s", qPrintable(file.fileName()),
            qPrintable(file.errorString()));
        return {};
    }
    return file.readAll();
}

} // namespace bd::test
