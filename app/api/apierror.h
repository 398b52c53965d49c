#pragma once

#include <QMetaType>
#include <QString>

class QNetworkReply;

namespace bd {

/// Everything that can go wrong with one API call, typed, with a sentence a person understands.
class ApiError final
{
public:
    enum class Kind {
        None, ///< no error
        Network, ///< no HTTP answer: refused, dropped, DNS, TLS
        Timeout, ///< the transfer timed out
        Http, ///< an HTTP error status with (usually) a Genesys ErrorBody
        Parse, ///< the answer is not what the contract says
        Auth, ///< sign-in failed or credentials are missing
        StillGenerating, ///< a report stayed InProgress past the time limit
        Cancelled, ///< the caller cancelled
        Config, ///< wrong settings (region, URL, missing credentials)
    };

    ApiError() = default;
    ApiError(Kind kind, QString message);

    /// An error from an HTTP answer: reads Genesys' ErrorBody (code, message, contextId) and correlation id.
    static ApiError fromHttp(int httpStatus, const QByteArray& body, const QString& correlationId);
    static ApiError cancelled();

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    QString code() const { return m_code; } ///< Genesys code, e.g. "missing.any.permissions"
    QString message() const { return m_message; } ///< the server's (or our) technical message
    QString contextId() const { return m_contextId; }
    QString correlationId() const { return m_correlationId; }
    /// A refused sign-in or permission (401, 403, a failed sign-in): about the whole org, not one request, so
    /// every other request to it would fail the same way.
    bool affectsWholeOrg() const
    {
        return m_httpStatus == 401 || m_httpStatus == 403 || m_kind == Kind::Auth;
    }
    /// Permissions named by a 403 missing.any.permissions, e.g. {"billing:subscription:read", …}.
    QStringList missingPermissions() const;

    /// What a person is told, as a stable id: tests and callers branch on it, userMessage() words it.
    enum class Reason {
        None,
        Cancelled,
        Unreachable, ///< Kind::Network
        TimedOut,
        Unreadable, ///< Kind::Parse
        Described, ///< Auth, Config, StillGenerating: message() is already the sentence
        MissingPermissions, ///< a 403 naming the permissions the role lacks
        Refused, ///< 400
        SignInExpired, ///< 401
        Forbidden, ///< 403 without a permission list
        NotFound, ///< 404
        RateLimited, ///< 429
        ServerFault, ///< 5xx
        OtherHttp,
    };
    Reason reason() const;
    /// One translated sentence for a person, e.g. "Your role lacks the permission billing:subscription:read."
    QString userMessage() const;
    /// The sentence plus the details support asks for (status, code, context id).
    QString fullText() const;
    /// Another sentence about this error, followed by the same details.
    QString withDetails(const QString& sentence) const;

    void setMessage(const QString& message) { m_message = message; }

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_code;
    QString m_message;
    QString m_contextId;
    QString m_correlationId;
};

} // namespace bd

Q_DECLARE_METATYPE(bd::ApiError)
