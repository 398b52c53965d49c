#include "domain/decimal.h"

#include <QHashFunctions>

#include <cstdint>

namespace bd {

namespace {

using detail::Int128;
using detail::UInt128;

constexpr std::uint64_t kOne = 1'000'000'000; // 10^Scale
constexpr Int128 kMax = Int128(~UInt128(0) >> 1);
constexpr Int128 kMin = -kMax; // symmetric range: negation and abs() never overflow
constexpr int kMaxIntegerDigits = 29;

UInt128 magnitude(Int128 v)
{
    return v < 0 ? UInt128(0) - UInt128(v) : UInt128(v);
}

Int128 signedFromMagnitude(UInt128 m, bool negative)
{
    const Int128 v = m > UInt128(kMax) ? kMax : Int128(m);
    return negative ? -v : v;
}

Int128 clamp(Int128 v)
{
    return v < kMin ? kMin : v;
}

UInt128 pow10(int n)
{
    UInt128 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

// Unsigned 256-bit integer, just enough for exact products and quotients.
struct U256
{
    UInt128 hi = 0;
    UInt128 lo = 0;
};

U256 multiply(UInt128 a, UInt128 b)
{
    const UInt128 mask = UInt128(~std::uint64_t(0));
    const UInt128 a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
    const UInt128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const UInt128 mid = (p00 >> 64) + (p01 & mask) + (p10 & mask); // < 3·2^64, no overflow
    U256 r;
    r.lo = (p00 & mask) | (mid << 64);
    r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    return r;
}

// Divides n by d (d != 0); returns the quotient and stores the remainder.
U256 divide(U256 n, UInt128 d, UInt128& remainder)
{
    if (n.hi == 0) {
        remainder = n.lo % d;
        return U256 { 0, n.lo / d };
    }
    U256 q;
    UInt128 r = 0;
    for (int i = 255; i >= 0; --i) {
        const bool carry = (r >> 127) != 0;
        const UInt128 bit = i >= 128 ? (n.hi >> (i - 128)) & 1 : (n.lo >> i) & 1;
        r = (r << 1) | bit;
        if (carry || r >= d) {
            r -= d; // wraps correctly when carry is set
            if (i >= 128)
                q.hi |= UInt128(1) << (i - 128);
            else
                q.lo |= UInt128(1) << i;
        }
    }
    remainder = r;
    return q;
}

// Divides n by d rounding half to even; saturates into a signed mantissa.
Int128 divideHalfEven(U256 n, UInt128 d, bool negative)
{
    UInt128 r = 0;
    U256 q = divide(n, d, r);
    const UInt128 other = d - r;
    if (r > other || (r == other && (q.lo & 1) != 0)) {
        if (++q.lo == 0)
            ++q.hi;
    }
    if (q.hi != 0)
        return negative ? kMin : kMax;
    return signedFromMagnitude(q.lo, negative);
}

void appendDigits(QString& out, UInt128 v)
{
    char buf[48];
    int n = 0;
    do {
        buf[n++] = char('0' + int(v % 10));
        v /= 10;
    } while (v != 0);
    while (n > 0)
        out.append(QLatin1Char(buf[--n]));
}

// The nine fractional digits of a magnitude, zero padded.
QString fractionDigits(UInt128 m)
{
    return QString::number(qulonglong(m % kOne)).rightJustified(Decimal::Scale, QLatin1Char('0'));
}

} // namespace

std::optional<Decimal> Decimal::fromString(QStringView text)
{
    qsizetype pos = 0;
    const qsizetype len = text.size();
    bool negative = false;
    if (pos < len && (text[pos] == u'-' || text[pos] == u'+')) {
        negative = text[pos] == u'-';
        ++pos;
    }
    UInt128 integer = 0;
    int integerDigits = 0;
    const qsizetype integerStart = pos;
    for (; pos < len && text[pos] >= u'0' && text[pos] <= u'9'; ++pos) {
        integer = integer * 10 + UInt128(text[pos].unicode() - u'0');
        if (integer != 0 && ++integerDigits > kMaxIntegerDigits)
            return std::nullopt;
    }
    if (pos == integerStart)
        return std::nullopt; // no digit before the point (also rejects "", "-", ".5")
    std::uint64_t fraction = 0;
    int fractionDigits = 0;
    if (pos < len && text[pos] == u'.') {
        ++pos;
        for (; pos < len && text[pos] >= u'0' && text[pos] <= u'9'; ++pos) {
            if (++fractionDigits > Scale)
                return std::nullopt;
            fraction = fraction * 10 + std::uint64_t(text[pos].unicode() - u'0');
        }
        if (fractionDigits == 0)
            return std::nullopt; // "5."
    }
    if (pos != len)
        return std::nullopt;
    for (int i = fractionDigits; i < Scale; ++i)
        fraction *= 10;
    const UInt128 m = integer * kOne + fraction; // ≤ 10^38 - 1 < 2^127
    return Decimal(signedFromMagnitude(m, negative));
}

Decimal Decimal::fromInt(qint64 v)
{
    return Decimal(Int128(v) * Int128(kOne));
}

QString Decimal::toString() const
{
    const UInt128 m = magnitude(m_raw);
    QString out;
    if (m_raw < 0)
        out.append(QLatin1Char('-'));
    appendDigits(out, m / kOne);
    if (m % kOne != 0) {
        QString frac = fractionDigits(m);
        while (frac.endsWith(QLatin1Char('0')))
            frac.chop(1);
        out.append(QLatin1Char('.'));
        out.append(frac);
    }
    return out;
}

QString Decimal::toString(int decimals) const
{
    const Decimal r = rounded(decimals);
    const UInt128 m = magnitude(r.m_raw);
    QString out;
    if (r.m_raw < 0)
        out.append(QLatin1Char('-'));
    appendDigits(out, m / kOne);
    if (decimals > 0) {
        out.append(QLatin1Char('.'));
        const QString frac = fractionDigits(m);
        out.append(frac.left(decimals));
        for (int i = Scale; i < decimals; ++i)
            out.append(QLatin1Char('0'));
    }
    return out;
}

double Decimal::toDouble() const
{
    const UInt128 m = magnitude(m_raw);
    const double v = double(m / kOne) + double(std::uint64_t(m % kOne)) / double(kOne);
    return m_raw < 0 ? -v : v;
}

Decimal Decimal::abs() const
{
    return Decimal(m_raw < 0 ? -m_raw : m_raw);
}

Decimal Decimal::rounded(int decimals) const
{
    if (decimals >= Scale)
        return *this;
    if (decimals < 0)
        decimals = 0;
    const UInt128 factor = pow10(Scale - decimals);
    const UInt128 m = magnitude(m_raw);
    UInt128 q = m / factor;
    const UInt128 r = m % factor;
    if (r >= factor - r) // half away from zero
        ++q;
    const U256 product = multiply(q, factor);
    if (product.hi != 0)
        return Decimal(m_raw < 0 ? kMin : kMax);
    return Decimal(signedFromMagnitude(product.lo, m_raw < 0));
}

Decimal operator+(Decimal a, Decimal b)
{
    Int128 r = 0;
    if (__builtin_add_overflow(a.m_raw, b.m_raw, &r))
        return Decimal(a.m_raw < 0 ? kMin : kMax);
    return Decimal(clamp(r));
}

Decimal operator-(Decimal a, Decimal b)
{
    return a + (-b);
}

Decimal operator-(Decimal a)
{
    return Decimal(-a.m_raw);
}

Decimal operator*(Decimal a, Decimal b)
{
    const bool negative = (a.m_raw < 0) != (b.m_raw < 0);
    return Decimal(divideHalfEven(multiply(magnitude(a.m_raw), magnitude(b.m_raw)), kOne, negative));
}

Decimal& Decimal::operator+=(Decimal other)
{
    *this = *this + other;
    return *this;
}

Decimal& Decimal::operator-=(Decimal other)
{
    *this = *this - other;
    return *this;
}

std::optional<Decimal> Decimal::dividedBy(Decimal divisor) const
{
    if (divisor.m_raw == 0)
        return std::nullopt;
    const bool negative = (m_raw < 0) != (divisor.m_raw < 0);
    const U256 numerator = multiply(magnitude(m_raw), kOne);
    return Decimal(divideHalfEven(numerator, magnitude(divisor.m_raw), negative));
}

size_t qHash(Decimal d, size_t seed) noexcept
{
    const UInt128 u = UInt128(d.m_raw);
    return qHashMulti(seed, quint64(u), quint64(u >> 64));
}

} // namespace bd
