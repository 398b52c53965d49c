#include "api/apierror.h"

#include "domain/errorbody.h"
#include "domain/servertext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bd {

ApiError::ApiError(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
{ }

ApiError ApiError::fromHttp(int httpStatus, const QByteArray& body, const QString& correlationId)
{
    ApiError error(Kind::Http, {});
    error.m_httpStatus = httpStatus;
    error.m_correlationId = ServerText::clean(correlationId, 100);
    const auto parsed = ErrorBody::fromJson(body);
    if (parsed.ok()) {
        // Server text reaches terminals and dialogs: no escape sequences, no control characters, no essays.
        error.m_code = ServerText::clean(parsed.value().code, 100);
        error.m_message = ServerText::clean(parsed.value().message);
        error.m_contextId = ServerText::clean(parsed.value().contextId, 100);
    }
    if (error.m_message.isEmpty())
        error.m_message = u"HTTP %1"_s.arg(httpStatus);
    return error;
}

ApiError ApiError::cancelled()
{
    return ApiError(Kind::Cancelled, u"Cancelled."_s);
}

QStringList ApiError::missingPermissions() const
{
    if (m_code != u"missing.any.permissions"_s && m_code != u"missing.permissions"_s)
        return {};
    // "… You must have at least one of the following permissions assigned: [a:b:c, d:e:f]"
    static const QRegularExpression list(u"\\[([^\\]]*)\\]"_s);
    const auto match = list.match(m_message);
    QStringList permissions;
    if (match.hasMatch()) {
        const QStringList parts = match.captured(1).split(u',', Qt::SkipEmptyParts);
        for (const QString& part : parts)
            permissions << part.trimmed();
    }
    return permissions;
}

QString ApiError::userMessage() const
{
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return u"Cancelled."_s;
    case Kind::Network:
        return u"Could not reach Genesys Cloud: %1"_s.arg(m_message);
    case Kind::Timeout:
        return m_message.isEmpty() ? u"Genesys Cloud did not answer in time."_s
                                   : u"Genesys Cloud did not answer in time: %1."_s.arg(m_message);
    case Kind::Parse:
        return u"Genesys Cloud sent an answer this app cannot read (%1)."_s.arg(m_message);
    case Kind::Auth:
    case Kind::Config:
    case Kind::StillGenerating:
        return m_message;
    case Kind::Http:
        break;
    }
    const QStringList permissions = missingPermissions();
    if (!permissions.isEmpty()) {
        return permissions.size() == 1
            ? u"Your role lacks the permission %1."_s.arg(permissions.first())
            : u"Your role needs one of these permissions: %1."_s.arg(permissions.join(u", "_s));
    }
    switch (m_httpStatus) {
    case 400:
        return u"Genesys Cloud refused the request: %1"_s.arg(m_message);
    case 401:
        return u"Your sign-in is no longer valid; sign in again."_s;
    case 403:
        return u"Your role is not allowed to see this: %1"_s.arg(m_message);
    case 404:
        return u"Not found: %1"_s.arg(m_message);
    case 429:
        return u"Genesys Cloud is limiting requests; try again in a minute."_s;
    default:
        if (m_httpStatus >= 500)
            return u"Genesys Cloud had a problem (HTTP %1): %2"_s.arg(m_httpStatus).arg(m_message);
        return u"HTTP %1: %2"_s.arg(m_httpStatus).arg(m_message);
    }
}

QString ApiError::fullText() const
{
    QStringList details;
    if (m_httpStatus)
        details << u"HTTP %1"_s.arg(m_httpStatus);
    if (!m_code.isEmpty())
        details << u"code %1"_s.arg(m_code);
    if (!m_contextId.isEmpty())
        details << u"context id %1"_s.arg(m_contextId);
    else if (!m_correlationId.isEmpty())
        details << u"correlation id %1"_s.arg(m_correlationId);
    const QString text = userMessage();
    return details.isEmpty() ? text : u"%1 (%2)"_s.arg(text, details.join(u", "_s));
}

} // namespace bd
