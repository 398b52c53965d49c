#include "domain/jsonerror.h"

using namespace Qt::StringLiterals;

namespace bd {

QString JsonError::toString() const
{
    return field.isEmpty() ? message : field + u": "_s + message;
}

} // namespace bd
