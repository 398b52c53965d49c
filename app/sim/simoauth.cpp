#include "sim/simoauth.h"

#include "sim/simoptions.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

/// A plain page for the browser, for authorize requests that cannot be redirected (RFC 6749 §4.1.2.1).
SimAnswer htmlPage(int status, const QString& title, const QString& text)
{
    SimAnswer a;
    a.status = status;
    a.contentType = "text/html; charset=utf-8";
    a.body = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body><h1>%1</h1>"
             u"<p>%2</p></body></html>"_s.arg(title.toHtmlEscaped(), text.toHtmlEscaped())
                 .toUtf8();
    return a;
}

/// A 302 to the client's redirect URI with the given query items added (and the state echoed).
SimAnswer redirectTo(QUrl target, const QList<QPair<QString, QString>>& items, const QString& state)
{
    QUrlQuery query(target);
    for (const auto& [name, value] : items)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    if (!state.isEmpty())
        query.addQueryItem(u"state"_s, QString::fromLatin1(QUrl::toPercentEncoding(state)));
    target.setQuery(query);
    SimAnswer a;
    a.status = 302;
    a.contentType = "text/html; charset=utf-8";
    a.headers.append({ "Location", target.toEncoded() });
    return a;
}

/// RFC 7636 §4.1: 43–128 characters of [A-Za-z0-9-._~].
bool isValidVerifier(const QString& verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    return std::all_of(verifier.cbegin(), verifier.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'.' || c == u'_' || c == u'~';
    });
}

/// RFC 8252 §7.3: a loopback redirect URI over plain http, any port.
bool isLoopbackRedirect(const QUrl& uri)
{
    if (!uri.isValid() || uri.scheme() != u"http"_s || uri.port() <= 0 || uri.hasFragment())
        return false;
    const QString host = uri.host();
    return host == u"127.0.0.1"_s || host == u"localhost"_s || host == u"::1"_s;
}

} // namespace

SimOAuth::SimOAuth(const SimOptions& options, const QElapsedTimer& clock)
    : m_options(options)
    , m_clock(clock)
    , m_random(SeededRandom::mix({ options.seed, 0x70CE }))
{ }

SimAnswer SimOAuth::token(const QHttpServerRequest& request)
{
    // application/x-www-form-urlencoded: '+' means a space.
    QString form = QString::fromUtf8(request.body());
    form.replace(u'+', u"%20"_s);
    const QUrlQuery fields(form);
    const QString grantType = fields.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
    if (grantType.isEmpty())
        return SimAnswer::oauthError(400, u"invalid_request"_s, u"Missing grant_type parameter."_s);
    if (grantType == u"authorization_code")
        return exchangeCode(fields);
    if (grantType != u"client_credentials")
        return SimAnswer::oauthError(400, u"unsupported_grant_type"_s,
            u"Unsupported grant type '%1': this simulator grants client_credentials and "
            u"authorization_code."_s.arg(grantType));

    const QByteArray authorization = request.value("authorization").trimmed();
    if (!authorization.toLower().startsWith("basic "))
        return SimAnswer::oauthError(401, u"invalid_client"_s, u"client authentication required"_s);
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    const QString id = QString::fromUtf8(decoded.left(colon));
    const QString secret = colon < 0 ? QString() : QString::fromUtf8(decoded.mid(colon + 1));
    if (colon < 0 || id != m_options.clientId)
        return SimAnswer::oauthError(401, u"invalid_client"_s, u"client not found"_s);
    if (secret != m_options.clientSecret)
        return SimAnswer::oauthError(401, u"invalid_client"_s, u"bad credentials"_s);
    return grant(false, {});
}

SimAnswer SimOAuth::authorize(const QHttpServerRequest& request)
{
    const QUrlQuery query = request.query();
    const auto value
        = [&query](const QString& name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    // Without a known client and a loopback redirect URI there is nowhere safe to send the browser: say so on
    // a page (RFC 6749 §4.1.2.1). Everything else is reported to the client through the redirect.
    const QString clientId = value(u"client_id"_s);
    if (clientId.isEmpty() || clientId != m_options.browserClientId) {
        return htmlPage(400, u"Unknown OAuth client"_s,
            u"The client_id '%1' is not an authorization-code client of this organization."_s.arg(clientId));
    }
    const QUrl redirect(value(u"redirect_uri"_s), QUrl::StrictMode);
    if (!isLoopbackRedirect(redirect)) {
        return htmlPage(400, u"Invalid redirect URI"_s,
            u"The redirect_uri '%1' is not allowed: use http://127.0.0.1:PORT/… (a loopback address)."_s.arg(
                value(u"redirect_uri"_s)));
    }
    const QString state = value(u"state"_s);
    const auto fail = [&](const QString& code, const QString& description) {
        return redirectTo(redirect, { { u"error"_s, code }, { u"error_description"_s, description } }, state);
    };
    if (value(u"response_type"_s) != u"code"_s)
        return fail(u"unsupported_response_type"_s, u"response_type must be 'code'."_s);
    const QString challenge = value(u"code_challenge"_s);
    if (challenge.isEmpty())
        return fail(u"invalid_request"_s, u"code_challenge is required (PKCE)."_s);
    if (value(u"code_challenge_method"_s) != u"S256"_s)
        return fail(u"invalid_request"_s, u"code_challenge_method must be S256."_s);
    if (m_options.denyConsent)
        return fail(u"access_denied"_s, u"The user denied the authorization request."_s);

    // The person is taken as signed in and consenting (no login form): the code is issued at once.
    const QString code = randomText(24);
    m_codes.insert(code,
        { clientId, redirect.toString(QUrl::FullyEncoded), challenge,
            m_clock.elapsed() + qint64(m_options.authCodeLifetimeSecs) * 1000, false });
    return redirectTo(redirect, { { u"code"_s, code } }, state);
}

SimAnswer SimOAuth::exchangeCode(const QUrlQuery& fields)
{
    const auto value
        = [&fields](const QString& name) { return fields.queryItemValue(name, QUrl::FullyDecoded); };
    const auto invalidGrant = [](const QString& description) {
        return SimAnswer::oauthError(400, u"invalid_grant"_s, description);
    };
    const QString codeText = value(u"code"_s);
    if (codeText.isEmpty())
        return SimAnswer::oauthError(400, u"invalid_request"_s, u"Missing code parameter."_s);
    const auto code = m_codes.find(codeText);
    if (code == m_codes.end())
        return invalidGrant(u"The authorization code is not valid."_s);
    if (code->used) {
        // RFC 6749 §4.1.2: a code presented twice may have been stolen; revoke what it bought.
        for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
            if (it->fromCode == codeText)
                it->revoked = true;
        }
        return invalidGrant(u"The authorization code has already been used; sign in again."_s);
    }
    code->used = true; // one attempt per code, successful or not
    if (m_clock.elapsed() >= code->expiresMs)
        return invalidGrant(u"The authorization code has expired; sign in again."_s);
    if (value(u"client_id"_s) != code->clientId)
        return invalidGrant(u"The authorization code was issued to another client."_s);
    if (QUrl(value(u"redirect_uri"_s)).toString(QUrl::FullyEncoded) != code->redirectUri)
        return invalidGrant(u"The redirect_uri does not match the one of the authorization request."_s);
    const QString verifier = value(u"code_verifier"_s);
    if (!isValidVerifier(verifier)) {
        return SimAnswer::oauthError(400, u"invalid_request"_s,
            u"code_verifier is missing or malformed: 43 to 128 characters of A-Z a-z 0-9 - . _ ~."_s);
    }
    const QByteArray challenge
        = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256).toBase64(Base64Url);
    if (QString::fromLatin1(challenge) != code->challenge)
        return invalidGrant(u"The code_verifier does not match the code_challenge."_s);
    return grant(true, codeText);
}

SimAnswer SimOAuth::grant(bool isUser, const QString& fromCode)
{
    const QString access = randomText(32);
    m_tokens.insert(
        access, { m_clock.elapsed() + qint64(m_options.tokenLifetimeSecs) * 1000, false, isUser, fromCode });
    return SimAnswer::json(200,
        { { u"access_token"_s, access }, { u"token_type"_s, u"bearer"_s },
            { u"expires_in"_s, m_options.tokenLifetimeSecs } });
}

QString SimOAuth::randomText(int bytes)
{
    return QString::fromLatin1(m_random.bytes(bytes).toBase64(Base64Url));
}

std::variant<SimCaller, SimAnswer> SimOAuth::authenticate(
    const QHttpServerRequest& request, const QString& contextId) const
{
    const QByteArray authorization = request.value("authorization").trimmed();
    if (!authorization.toLower().startsWith("bearer ")) {
        return SimAnswer::error(401, u"authentication.required"_s,
            u"No authentication bearer token specified in authorization header."_s, contextId);
    }
    const QString bearer = QString::fromLatin1(authorization.mid(7).trimmed());
    const auto token = m_tokens.constFind(bearer);
    if (token == m_tokens.cend())
        return SimAnswer::error(
            401, u"authentication.required"_s, u"Invalid login credentials."_s, contextId);
    if (token->revoked || m_clock.elapsed() >= token->expiresMs)
        return SimAnswer::error(
            401, u"credentials.expired"_s, u"The supplied access token has expired."_s, contextId);
    return SimCaller { bearer, token->isUser };
}

void SimOAuth::expireAllTokens()
{
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it)
        it->revoked = true;
}

} // namespace bd::sim
