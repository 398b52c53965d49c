#pragma once

// Internal to bd_domain: strict field readers shared by the value types' fromJson().

#include "domain/decimal.h"
#include "domain/jsonerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace bd {

/// Reads typed fields of one JSON object, keeping the first error (with its path); later reads then return
/// defaults.
class JsonReader
{
public:
    /// Reader for `object` located at `path` ("" for the document root).
    JsonReader(const QJsonObject& object, QString path);

    /// True once any read has failed.
    bool failed() const { return m_error.has_value(); }
    /// The first error; only meaningful when failed().
    const JsonError& error() const { return *m_error; }

    /// Path of a member of this object: "usages[0]" + "name" → "usages[0].name".
    QString childPath(QLatin1StringView key) const;
    /// Records an error for member `key` (first error wins).
    void fail(QLatin1StringView key, const QString& message);

    /// Required string member.
    QString requireString(const char* key);
    /// Optional string member ("" when absent or null).
    QString optionalString(const char* key);
    /// Required decimal string member ("57", "0.0001").
    Decimal requireDecimal(const char* key);
    /// Optional decimal string member.
    std::optional<Decimal> optionalDecimal(const char* key);
    /// Required ISO-8601 date-time string member, as UTC.
    QDateTime requireDateTime(const char* key);
    /// Optional ISO-8601 date-time string member, as UTC.
    std::optional<QDateTime> optionalDateTime(const char* key);
    /// Required boolean member.
    bool requireBool(const char* key);
    /// Optional boolean member.
    std::optional<bool> optionalBool(const char* key);
    /// Optional integral number member (fallback when absent or null).
    int optionalInt(const char* key, int fallback);
    /// Required array of strings.
    QStringList requireStringList(const char* key);
    /// Optional object member as a variant map (empty when absent or null).
    QVariantMap optionalVariantMap(const char* key);

    /// Required nested object parsed by T::fromJson(object, path).
    template <typename T> T requireObject(const char* key)
    {
        const QLatin1StringView k(key);
        const auto object = objectMember(k, true);
        if (!object)
            return T {};
        return adopt(T::fromJson(*object, childPath(k)));
    }

    /// Required array of objects, each parsed by T::fromJson(object, path).
    template <typename T> QList<T> requireArray(const char* key)
    {
        return readArray<T>(QLatin1StringView(key), true, &T::fromJson);
    }

    /// Required array of objects, each parsed by `parse(object, path)`.
    template <typename T>
    QList<T> requireArray(const char* key, Parsed<T> (*parse)(const QJsonObject&, const QString&))
    {
        return readArray<T>(QLatin1StringView(key), true, parse);
    }

    /// Required array member, checked to be an array of objects but not read; returns its length.
    qsizetype requireObjectArrayLength(const char* key);

    /// Optional array of objects (empty when absent or null).
    template <typename T> QList<T> optionalArray(const char* key)
    {
        return readArray<T>(QLatin1StringView(key), false, &T::fromJson);
    }

    /// Parses a response body into a JSON object, or a root-level error for malformed JSON / non-objects.
    static Parsed<QJsonObject> parseDocument(const QByteArray& body);

    /// Parses a response body with T::fromJson(const QJsonObject&).
    template <typename T> static Parsed<T> parseBody(const QByteArray& body)
    {
        Parsed<QJsonObject> doc = parseDocument(body);
        if (!doc)
            return doc.error();
        return T::fromJson(doc.value());
    }

private:
    // The member value; nullopt (and an error if required) when absent or null.
    std::optional<QJsonValue> member(QLatin1StringView key, bool required);
    std::optional<QJsonObject> objectMember(QLatin1StringView key, bool required);
    std::optional<QJsonArray> arrayMember(QLatin1StringView key, bool required);
    std::optional<QString> stringMember(QLatin1StringView key, bool required);
    std::optional<Decimal> readDecimal(QLatin1StringView key, bool required);
    std::optional<QDateTime> readDateTime(QLatin1StringView key, bool required);
    std::optional<bool> readBool(QLatin1StringView key, bool required);
    void failAt(const QString& path, const QString& message);
    static QString elementPath(const QString& arrayPath, qsizetype index);

    template <typename T> T adopt(Parsed<T>&& parsed)
    {
        if (!parsed) {
            if (!m_error)
                m_error = parsed.error();
            return T {};
        }
        return parsed.take();
    }

    template <typename T>
    QList<T> readArray(
        QLatin1StringView key, bool required, Parsed<T> (*parse)(const QJsonObject&, const QString&))
    {
        QList<T> items;
        const auto array = arrayMember(key, required);
        if (!array)
            return items;
        const QString path = childPath(key);
        items.reserve(array->size());
        for (qsizetype i = 0; i < array->size(); ++i) {
            const QJsonValue v = array->at(i);
            if (!v.isObject()) {
                failAt(elementPath(path, i), expectedObject());
                return {};
            }
            Parsed<T> item = parse(v.toObject(), elementPath(path, i));
            if (!item) {
                m_error = item.error();
                return {};
            }
            items.append(item.take());
        }
        return items;
    }

    static QString expectedObject();

    QJsonObject m_object;
    QString m_path;
    std::optional<JsonError> m_error;
};

} // namespace bd
