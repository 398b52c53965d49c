#pragma once

#include <QByteArray>
#include <QUuid>
#include <QtGlobal>

#include <initializer_list>

namespace bd::sim {

/// A small, portable, seeded pseudo-random generator (SplitMix64): same seed, same sequence everywhere.
class SeededRandom
{
public:
    /// Starts a sequence from the given seed.
    explicit SeededRandom(quint64 seed = 0)
        : m_state(seed)
    { }

    /// Derives a seed from several integers, so independent streams can be keyed by (seed, entity, period…).
    static quint64 mix(std::initializer_list<quint64> parts);

    /// The next raw 64-bit value.
    quint64 next();
    /// A value in [0, bound); bound must be > 0.
    quint64 bounded(quint64 bound);
    /// A value in [low, high] (inclusive).
    qint64 between(qint64 low, qint64 high);
    /// A double in [0, 1).
    double real();
    /// True with probability p.
    bool chance(double p) { return real() < p; }
    /// A random-looking RFC 4122 version-4 UUID drawn from the sequence.
    QUuid uuid();
    /// `count` bytes drawn from the sequence.
    QByteArray bytes(int count);

private:
    quint64 m_state;
};

} // namespace bd::sim
