#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <cstddef>
#include <optional>

namespace bd {

namespace detail {
// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit integer.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;
} // namespace detail

/// Exact signed fixed-point decimal (9 fractional digits, 128-bit mantissa) for wire quantities and money.
/// Arithmetic saturates at about ±1.7e29 instead of wrapping.
class Decimal
{
public:
    /// Number of fractional digits kept.
    static constexpr int Scale = 9;

    /// Zero.
    constexpr Decimal() = default;

    /// Parses "-12.5", "0.0001", "57", "+3"; no exponent, spaces or separators; ≤29 integer and ≤9 fractional
    /// digits.
    static std::optional<Decimal> fromString(QStringView text);
    /// Exact conversion from an integer.
    static Decimal fromInt(qint64 v);

    /// Canonical shortest exact text: "57", "-1.5", "0.0001", "0" (never "-0").
    QString toString() const;
    /// Text with exactly `decimals` fractional digits, rounded half away from zero.
    QString toString(int decimals) const;
    /// Nearest double; for plotting only, never for arithmetic.
    double toDouble() const;

    /// True when the value is zero.
    bool isZero() const { return m_raw == 0; }
    /// True when the value is below zero.
    bool isNegative() const { return m_raw < 0; }
    /// Absolute value.
    Decimal abs() const;
    /// Value rounded to `decimals` fractional digits (0..9), half away from zero.
    Decimal rounded(int decimals) const;

    /// Exact sum (saturating).
    friend Decimal operator+(Decimal a, Decimal b);
    /// Exact difference (saturating).
    friend Decimal operator-(Decimal a, Decimal b);
    /// Negation.
    friend Decimal operator-(Decimal a);
    /// Product rounded half-even to 9 fractional digits (saturating).
    friend Decimal operator*(Decimal a, Decimal b);
    /// Adds in place.
    Decimal& operator+=(Decimal other);
    /// Subtracts in place.
    Decimal& operator-=(Decimal other);

    /// Quotient rounded half-even to 9 fractional digits; nullopt when divisor is zero.
    std::optional<Decimal> dividedBy(Decimal divisor) const;

    /// Exact equality.
    friend bool operator==(Decimal a, Decimal b) { return a.m_raw == b.m_raw; }
    /// Total numeric ordering.
    friend std::strong_ordering operator<=>(Decimal a, Decimal b)
    {
        return a.m_raw < b.m_raw ? std::strong_ordering::less
            : a.m_raw > b.m_raw  ? std::strong_ordering::greater
                                 : std::strong_ordering::equal;
    }

    /// The larger of two values.
    static Decimal max(Decimal a, Decimal b) { return a < b ? b : a; }
    /// The smaller of two values.
    static Decimal min(Decimal a, Decimal b) { return b < a ? b : a; }

    /// Hash for QHash/QSet keys.
    friend size_t qHash(Decimal d, size_t seed) noexcept;

private:
    constexpr explicit Decimal(detail::Int128 raw)
        : m_raw(raw)
    { }

    detail::Int128 m_raw = 0; // value × 10^Scale
};

} // namespace bd

Q_DECLARE_METATYPE(bd::Decimal)
