#include "sim/seededrandom.h"

namespace bd::sim {

namespace {
quint64 splitMix(quint64& state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
} // namespace

quint64 SeededRandom::mix(std::initializer_list<quint64> parts)
{
    quint64 state = 0x243F6A8885A308D3ULL;
    quint64 out = 0;
    for (const quint64 part : parts) {
        state ^= part;
        out = splitMix(state);
        state = out;
    }
    return out;
}

quint64 SeededRandom::next()
{
    return splitMix(m_state);
}

quint64 SeededRandom::bounded(quint64 bound)
{
    // Modulo reduction: negligible bias for the small bounds used here, fully deterministic and portable.
    return next() % bound;
}

qint64 SeededRandom::between(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    return low + qint64(bounded(quint64(high - low) + 1));
}

double SeededRandom::real()
{
    return double(next() >> 11) * 0x1.0p-53;
}

QUuid SeededRandom::uuid()
{
    QByteArray raw = bytes(16);
    raw[6] = char((quint8(raw[6]) & 0x0F) | 0x40); // version 4
    raw[8] = char((quint8(raw[8]) & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(raw);
}

QByteArray SeededRandom::bytes(int count)
{
    QByteArray out;
    out.reserve(count + 8);
    while (out.size() < count) {
        const quint64 v = next();
        for (int i = 0; i < 8 && out.size() < count; ++i)
            out.append(char((v >> (8 * i)) & 0xFF));
    }
    return out;
}

} // namespace bd::sim
