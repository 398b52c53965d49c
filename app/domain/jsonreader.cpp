#include "domain/jsonreader.h"

#include "domain/isodate.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
const QString kMissing = u"missing required field"_s;
} // namespace

JsonReader::JsonReader(const QJsonObject& object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{ }

QString JsonReader::childPath(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + QLatin1Char('.') + key;
}

QString JsonReader::elementPath(const QString& arrayPath, qsizetype index)
{
    return arrayPath + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString JsonReader::expectedObject()
{
    return u"expected an object"_s;
}

void JsonReader::failAt(const QString& path, const QString& message)
{
    if (!m_error)
        m_error = JsonError { path, message };
}

void JsonReader::fail(QLatin1StringView key, const QString& message)
{
    failAt(childPath(key), message);
}

std::optional<QJsonValue> JsonReader::member(QLatin1StringView key, bool required)
{
    if (m_error)
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(key, v.isNull() ? u"required field is null"_s : kMissing);
        return std::nullopt;
    }
    return v;
}

std::optional<QJsonObject> JsonReader::objectMember(QLatin1StringView key, bool required)
{
    const auto v = member(key, required);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        fail(key, expectedObject());
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QJsonArray> JsonReader::arrayMember(QLatin1StringView key, bool required)
{
    const auto v = member(key, required);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        fail(key, u"expected an array"_s);
        return std::nullopt;
    }
    return v->toArray();
}

std::optional<QString> JsonReader::stringMember(QLatin1StringView key, bool required)
{
    const auto v = member(key, required);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        fail(key, u"expected a string"_s);
        return std::nullopt;
    }
    return v->toString();
}

QString JsonReader::requireString(const char* key)
{
    return stringMember(QLatin1StringView(key), true).value_or(QString());
}

QString JsonReader::optionalString(const char* key)
{
    return stringMember(QLatin1StringView(key), false).value_or(QString());
}

std::optional<Decimal> JsonReader::optionalDecimal(const char* key)
{
    return readDecimal(QLatin1StringView(key), false);
}

Decimal JsonReader::requireDecimal(const char* key)
{
    return readDecimal(QLatin1StringView(key), true).value_or(Decimal());
}

std::optional<Decimal> JsonReader::readDecimal(QLatin1StringView key, bool required)
{
    const auto v = member(key, required);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        fail(key, u"expected a decimal string"_s);
        return std::nullopt;
    }
    const QString text = v->toString();
    const auto d = Decimal::fromString(text);
    if (!d)
        fail(key, u"invalid decimal string \"%1\""_s.arg(text));
    return d;
}

std::optional<QDateTime> JsonReader::readDateTime(QLatin1StringView key, bool required)
{
    const auto v = member(key, required);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        fail(key, u"expected an ISO-8601 date-time string"_s);
        return std::nullopt;
    }
    const QString text = v->toString();
    const auto dt = IsoDate::parse(text);
    if (!dt)
        fail(key, u"invalid ISO-8601 date-time \"%1\""_s.arg(text));
    return dt;
}

QDateTime JsonReader::requireDateTime(const char* key)
{
    return readDateTime(QLatin1StringView(key), true).value_or(QDateTime());
}

std::optional<QDateTime> JsonReader::optionalDateTime(const char* key)
{
    return readDateTime(QLatin1StringView(key), false);
}

std::optional<bool> JsonReader::readBool(QLatin1StringView key, bool required)
{
    const auto v = member(key, required);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        fail(key, u"expected a boolean"_s);
        return std::nullopt;
    }
    return v->toBool();
}

bool JsonReader::requireBool(const char* key)
{
    return readBool(QLatin1StringView(key), true).value_or(false);
}

std::optional<bool> JsonReader::optionalBool(const char* key)
{
    return readBool(QLatin1StringView(key), false);
}

int JsonReader::optionalInt(const char* key, int fallback)
{
    const QLatin1StringView k(key);
    const auto v = member(k, false);
    if (!v)
        return fallback;
    const double d = v->isDouble() ? v->toDouble() : 0.5;
    if (std::trunc(d) != d || d < double(std::numeric_limits<int>::min())
        || d > double(std::numeric_limits<int>::max())) {
        fail(k, u"expected an integer"_s);
        return fallback;
    }
    return int(d);
}

QStringList JsonReader::requireStringList(const char* key)
{
    const QLatin1StringView k(key);
    const auto array = arrayMember(k, true);
    if (!array)
        return {};
    QStringList list;
    list.reserve(array->size());
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue v = array->at(i);
        if (!v.isString()) {
            failAt(elementPath(childPath(k), i), u"expected a string"_s);
            return {};
        }
        list.append(v.toString());
    }
    return list;
}

qsizetype JsonReader::requireObjectArrayLength(const char* key)
{
    const QLatin1StringView k(key);
    const auto array = arrayMember(k, true);
    if (!array)
        return 0;
    for (qsizetype i = 0; i < array->size(); ++i) {
        if (!array->at(i).isObject()) {
            failAt(elementPath(childPath(k), i), expectedObject());
            return 0;
        }
    }
    return array->size();
}

QVariantMap JsonReader::optionalVariantMap(const char* key)
{
    const auto object = objectMember(QLatin1StringView(key), false);
    return object ? object->toVariantMap() : QVariantMap();
}

namespace {

// One open object or array while scanning a document.
struct Frame
{
    bool isObject = false;
    QString path;
    QSet<QString> keys;
    QString lastKey;
    int index = 0;
    bool expectKey = false;
};

QString memberPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

// The path of the first key that appears twice in one object ("usages[0].totalUsage"), in a document that is
// already known to be valid JSON. QJsonDocument keeps the last of two equal keys without a word, so the bytes
// are read once more here.
std::optional<QString> firstDuplicateKey(const QByteArray& json)
{
    QList<Frame> stack;
    const auto childPath = [&stack]() -> QString {
        if (stack.isEmpty())
            return {};
        const Frame& parent = stack.constLast();
        return parent.isObject ? memberPath(parent.path, parent.lastKey)
                               : parent.path + u'[' + QString::number(parent.index) + u']';
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        switch (c) {
        case '{':
        case '[': {
            Frame frame;
            frame.isObject = c == '{';
            frame.expectKey = frame.isObject;
            frame.path = childPath();
            stack.append(frame);
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case ',':
            if (!stack.isEmpty()) {
                Frame& top = stack.last();
                if (top.isObject)
                    top.expectKey = true;
                else
                    ++top.index;
            }
            break;
        case '"': {
            const qsizetype begin = i;
            bool escaped = false;
            for (++i; i < json.size(); ++i) {
                if (escaped)
                    escaped = false;
                else if (json.at(i) == '\\')
                    escaped = true;
                else if (json.at(i) == '"')
                    break;
            }
            if (stack.isEmpty() || !stack.constLast().isObject || !stack.constLast().expectKey)
                break;
            const QByteArray raw = json.mid(begin, i - begin + 1);
            QString key = QString::fromUtf8(raw.mid(1, raw.size() - 2));
            if (raw.contains('\\'))
                key = QJsonDocument::fromJson("[" + raw + "]").array().at(0).toString();
            Frame& top = stack.last();
            top.expectKey = false;
            if (top.keys.contains(key))
                return memberPath(top.path, key);
            top.keys.insert(key);
            top.lastKey = key;
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace

Parsed<QJsonObject> JsonReader::parseDocument(const QByteArray& body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return JsonError::malformedJson(u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    }
    if (!doc.isObject())
        return JsonError { QString(), u"expected a JSON object"_s };
    if (const auto duplicate = firstDuplicateKey(body))
        return JsonError { *duplicate, u"the key appears twice in one object"_s };
    return doc.object();
}

} // namespace bd
