#pragma once

#include "api/apierror.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace bd {

class TokenProvider;

/// Signs in once with an OAuth client id and secret, so that a mistyped secret is reported while the person
/// is still in the sign-in dialog. It has its own session on a network made by NetworkAccess::create(), so
/// the secret follows no redirect to another origin. Ends with accepted() or refused(), once per start().
class CredentialCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialCheck)

public:
    explicit CredentialCheck(QObject* parent = nullptr);
    ~CredentialCheck() override;

    /// Starts a sign-in at loginBase (https://login.<env>, or a loopback http URL); replaces one under way.
    void start(const QUrl& loginBase, const QString& clientId, const QString& clientSecret);
    /// Stops a sign-in under way; neither signal follows.
    void cancel();

Q_SIGNALS:
    void accepted();
    void refused(const bd::ApiError& error);

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    TokenProvider* m_session;
};

} // namespace bd
