#include "auth/credentialcheck.h"

#include "api/authsession.h"
#include "api/networkaccess.h"

#include <QNetworkAccessManager>

namespace bd {

CredentialCheck::CredentialCheck(QObject* parent)
    : QObject(parent)
    , m_network(NetworkAccess::create())
    , m_session(new AuthSession(this))
{
    m_session->setNetwork(m_network.get());
    connect(m_session, &AuthSession::signedIn, this, &CredentialCheck::accepted);
    connect(m_session, &AuthSession::signInFailed, this, &CredentialCheck::refused);
}

CredentialCheck::~CredentialCheck()
{
    m_session->clear();
}

void CredentialCheck::start(const QUrl& loginBase, const QString& clientId, const QString& clientSecret)
{
    m_session->clear();
    m_session->useClientCredentials(loginBase, clientId, clientSecret);
    m_session->signIn();
}

void CredentialCheck::cancel()
{
    m_session->clear();
}

} // namespace bd
