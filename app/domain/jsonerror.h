#pragma once

#include <QString>
#include <QtGlobal>

#include <utility>
#include <variant>

namespace bd {

/// Why a JSON document could not be read into a value type, and where.
struct JsonError
{
    QString field; ///< path such as "usages[2].totalUsage"; empty for the document itself
    QString message; ///< such as "expected a decimal string"

    /// "usages[2].totalUsage: expected a decimal string" (just the message when field is empty).
    QString toString() const;
    /// True when the bytes are not JSON at all (a body garbled or cut on the way), as opposed to JSON of the
    /// wrong shape: the first may come out right when asked again, the second will not.
    bool isMalformedJson() const;
    /// The error for bytes that are not JSON.
    static JsonError malformedJson(const QString& why);

    /// Member-wise equality.
    bool operator==(const JsonError&) const = default;
};

/// A parsed value or the JsonError that prevented it (C++20 has no std::expected).
template <typename T> class Parsed
{
public:
    /// Success.
    Parsed(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    /// Failure.
    Parsed(JsonError error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    /// True when a value is held.
    bool ok() const { return m_data.index() == 0; }
    /// Same as ok().
    explicit operator bool() const { return ok(); }

    /// The value; only valid when ok().
    const T& value() const
    {
        Q_ASSERT(ok());
        return std::get<0>(m_data);
    }
    /// The value; only valid when ok().
    T& value()
    {
        Q_ASSERT(ok());
        return std::get<0>(m_data);
    }
    /// Moves the value out; only valid when ok().
    T&& take()
    {
        Q_ASSERT(ok());
        return std::move(std::get<0>(m_data));
    }

    /// The error; an empty JsonError when ok().
    const JsonError& error() const
    {
        static const JsonError none;
        const JsonError* e = std::get_if<1>(&m_data);
        return e ? *e : none;
    }

private:
    std::variant<T, JsonError> m_data;
};

} // namespace bd
