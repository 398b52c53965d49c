#include "domain/jsonerror.h"

using namespace Qt::StringLiterals;

namespace bd {

QString JsonError::toString() const
{
    return field.isEmpty() ? message : field + u": "_s + message;
}

namespace {
constexpr QStringView MalformedPrefix = u"malformed JSON: ";
} // namespace

bool JsonError::isMalformedJson() const
{
    return field.isEmpty() && message.startsWith(MalformedPrefix);
}

JsonError JsonError::malformedJson(const QString& why)
{
    return JsonError { QString(), MalformedPrefix.toString() + why };
}

} // namespace bd
