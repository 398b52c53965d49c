#pragma once

#include "domain/jsonerror.h"
#include "domain/trustor.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QJsonObject;

namespace bd {

/// One page of GET /api/v2/orgauthorization/trustors.
struct TrustorListing
{
    QList<Trustor> entities; ///< the trustors on this page
    int pageSize = 0; ///< 0 when absent
    int pageNumber = 1; ///< 1 when absent
    int total = 0; ///< 0 when absent
    int pageCount = 0; ///< 0 when absent
    QString nextUri; ///< empty on the last page

    /// True when another page follows (nextUri given, or pageNumber < pageCount).
    bool hasNextPage() const { return !nextUri.isEmpty() || pageNumber < pageCount; }

    /// Strict parse of a response body.
    static Parsed<TrustorListing> fromJson(const QByteArray& body);
    /// Strict parse of a TrustorEntityListing object.
    static Parsed<TrustorListing> fromJson(const QJsonObject& object);
    /// Strict parse, reporting errors under `path`.
    static Parsed<TrustorListing> fromJson(const QJsonObject& object, const QString& path);
};

} // namespace bd
