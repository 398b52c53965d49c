#pragma once

#include "domain/errordetail.h"
#include "domain/jsonerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>

class QJsonObject;

namespace bd {

/// Genesys Cloud error response body; every field optional, but wrongly typed fields are still errors.
struct ErrorBody
{
    QString message; ///< human-readable text to show
    QString code; ///< e.g. "missing.any.permissions"
    QString contextId; ///< support correlation id; show it to the user
    QString messageWithParams; ///< message template with {placeholders}
    QString entityId; ///< optional
    QString entityName; ///< optional
    int status = 0; ///< HTTP status echoed in the body; 0 when absent
    QVariantMap messageParams; ///< values for messageWithParams
    QList<ErrorDetail> details; ///< per-field details

    /// Strict parse of a response body.
    static Parsed<ErrorBody> fromJson(const QByteArray& body);
    /// Strict parse of an ErrorBody object.
    static Parsed<ErrorBody> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<ErrorBody> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
