#pragma once

#include "api/apierror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
class QUrlQuery;

namespace bd {

class LoopbackReceiver;

/// Browser sign-in for a person (OAuth 2.0 for Native Apps, RFC 8252): authorization code with PKCE (S256)
/// and state, the system browser, and a loopback redirect on 127.0.0.1. Ends with succeeded() or failed(),
/// once.
///
/// Written on QTcpServer rather than Qt 6.4's QOAuth2AuthorizationCodeFlow: that flow has no PKCE (6.8), and
/// it only logs a state mismatch or a refused code exchange instead of reporting them, which would leave the
/// person waiting without a reason.
class BrowserSignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserSignIn)

public:
    /// Opens a URL in the person's browser; returns false when none could be started.
    using BrowserOpener = std::function<bool(const QUrl&)>;

    explicit BrowserSignIn(QObject* parent = nullptr);
    ~BrowserSignIn() override;

    /// Replaces the system browser (QDesktopServices::openUrl), e.g. by a test that plays the browser.
    void setBrowserOpener(BrowserOpener opener) { m_openBrowser = std::move(opener); }
    /// The network the code exchange goes through; by default one of its own.
    void setNetwork(QNetworkAccessManager* network) { m_network = network; }
    /// A fixed loopback port for OAuth clients that list an exact redirect URI; 0 (default) picks a free one.
    void setRedirectPort(quint16 port) { m_redirectPort = port; }

    /// Starts a sign-in against loginBase (https://login.<env>, or a loopback http URL) for an
    /// authorization-code client; waitingForBrowser() follows, or failed() when it cannot start.
    void start(const QUrl& loginBase, const QString& clientId);
    /// Gives up: failed(Cancelled) follows if a sign-in was under way.
    void cancel();
    bool isActive() const { return m_active; }

    /// The authorize URL the browser was sent to (for "copy the link" when no browser opened).
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    /// http://127.0.0.1:PORT/callback while waiting.
    QUrl redirectUri() const { return m_redirectUri; }

Q_SIGNALS:
    /// The authorize URL is ready; `opened` is false when no browser could be started (show the link
    /// instead).
    void waitingForBrowser(const QUrl& authorizationUrl, bool opened);
    /// The browser came back with a code; it is being exchanged for a token.
    void exchangingCode();
    /// Signed in: a user access token and when it expires (invalid when the server did not say).
    void succeeded(const QString& accessToken, const QDateTime& expiresAt);
    void failed(const bd::ApiError& error);

private:
    void onCallback(const QUrlQuery& query);
    void onTokenReply(QNetworkReply* reply);
    void finishWithError(ApiError::Kind kind, const QString& message);
    void answerBrowser(bool ok, const QString& title, const QString& text);

    BrowserOpener m_openBrowser;
    QNetworkAccessManager* m_network = nullptr;
    QNetworkAccessManager* m_ownNetwork = nullptr;
    LoopbackReceiver* m_receiver = nullptr;
    QTimer* m_timeout;
    QPointer<QNetworkReply> m_exchange;
    quint16 m_redirectPort = 0;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_active = false;
    QUrl m_loginBase;
    QString m_clientId;
    QString m_state;
    QString m_verifier;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
};

} // namespace bd
