#include "api/apierror.h"

#include "domain/errorbody.h"
#include "domain/servertext.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
struct ApiErrorText
{
    Q_DECLARE_TR_FUNCTIONS(bd::ApiError)
};
} // namespace

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
    return ApiError(Kind::Cancelled, ApiErrorText::tr("Cancelled."));
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

ApiError::Reason ApiError::reason() const
{
    switch (m_kind) {
    case Kind::None:
        return Reason::None;
    case Kind::Cancelled:
        return Reason::Cancelled;
    case Kind::Network:
        return Reason::Unreachable;
    case Kind::Timeout:
        return Reason::TimedOut;
    case Kind::Parse:
        return Reason::Unreadable;
    case Kind::Auth:
    case Kind::Config:
    case Kind::StillGenerating:
        return Reason::Described;
    case Kind::Http:
        break;
    }
    if (!missingPermissions().isEmpty())
        return Reason::MissingPermissions;
    switch (m_httpStatus) {
    case 400:
        return Reason::Refused;
    case 401:
        return Reason::SignInExpired;
    case 403:
        return Reason::Forbidden;
    case 404:
        return Reason::NotFound;
    case 429:
        return Reason::RateLimited;
    default:
        return m_httpStatus >= 500 ? Reason::ServerFault : Reason::OtherHttp;
    }
}

QString ApiError::userMessage() const
{
    switch (reason()) {
    case Reason::None:
        return {};
    case Reason::Cancelled:
        return ApiErrorText::tr("Cancelled.");
    case Reason::Unreachable:
        return ApiErrorText::tr("Could not reach Genesys Cloud: %1").arg(m_message);
    case Reason::TimedOut:
        return m_message.isEmpty()
            ? ApiErrorText::tr("Genesys Cloud did not answer in time.")
            : ApiErrorText::tr("Genesys Cloud did not answer in time: %1.").arg(m_message);
    case Reason::Unreadable:
        return ApiErrorText::tr("Genesys Cloud sent an answer this app cannot read (%1).").arg(m_message);
    case Reason::Described:
        return m_message;
    case Reason::MissingPermissions: {
        const QStringList permissions = missingPermissions();
        return permissions.size() == 1
            ? ApiErrorText::tr("Your role lacks the permission %1.").arg(permissions.first())
            : ApiErrorText::tr("Your role needs one of these permissions: %1.")
                  .arg(permissions.join(u", "_s));
    }
    case Reason::Refused:
        return ApiErrorText::tr("Genesys Cloud refused the request: %1").arg(m_message);
    case Reason::SignInExpired:
        return ApiErrorText::tr("Your sign-in is no longer valid; sign in again.");
    case Reason::Forbidden:
        return ApiErrorText::tr("Your role is not allowed to see this: %1").arg(m_message);
    case Reason::NotFound:
        return ApiErrorText::tr("Not found: %1").arg(m_message);
    case Reason::RateLimited:
        return ApiErrorText::tr("Genesys Cloud is limiting requests; try again in a minute.");
    case Reason::ServerFault:
        return ApiErrorText::tr("Genesys Cloud had a problem (HTTP %1): %2").arg(m_httpStatus).arg(m_message);
    case Reason::OtherHttp:
        break;
    }
    return ApiErrorText::tr("HTTP %1: %2").arg(m_httpStatus).arg(m_message);
}

QString ApiError::fullText() const
{
    return withDetails(userMessage());
}

QString ApiError::withDetails(const QString& sentence) const
{
    QStringList details;
    if (m_httpStatus)
        details << ApiErrorText::tr("HTTP %1").arg(m_httpStatus);
    if (!m_code.isEmpty())
        details << ApiErrorText::tr("code %1").arg(m_code);
    if (!m_contextId.isEmpty())
        details << ApiErrorText::tr("context id %1").arg(m_contextId);
    else if (!m_correlationId.isEmpty())
        details << ApiErrorText::tr("correlation id %1").arg(m_correlationId);
    return details.isEmpty() ? sentence : u"%1 (%2)"_s.arg(sentence, details.join(u", "_s));
}

} // namespace bd
