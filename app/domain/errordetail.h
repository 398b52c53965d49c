#pragma once

#include "domain/jsonerror.h"

#include <QString>

class QJsonObject;

namespace bd {

/// One entry of ErrorBody.details: which field or entity an error is about.
struct ErrorDetail
{
    QString errorCode; ///< optional
    QString fieldName; ///< optional
    QString entityId; ///< optional
    QString entityName; ///< optional

    /// Strict parse of an ErrorDetail object.
    static Parsed<ErrorDetail> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<ErrorDetail> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
