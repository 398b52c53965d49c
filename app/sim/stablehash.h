#pragma once

#include <QStringView>

namespace bd::sim {

/// FNV-1a (32 bit) over the UTF-16 code units: the same on every run and every machine, which qHash() is not
/// (it mixes in a per-process seed where the CPU hashes with AES). For ASCII text it equals the byte-wise
/// FNV-1a of the published test vectors.
inline quint32 stableHash(QStringView text)
{
    quint32 h = 2166136261u;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h;
}

} // namespace bd::sim
