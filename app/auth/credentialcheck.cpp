#include "auth/credentialcheck.h"

#include "api/networkaccess.h"
#include "api/tokenprovider.h"

#include <QNetworkAccessManager>

namespace bd {

CredentialCheck::CredentialCheck(QObject* parent)
    : QObject(parent)
    , m_network(NetworkAccess::create())
    , m_session(new TokenProvider(this))
{
    m_session->setNetwork(m_network.get());
    connect(m_session, &TokenProvider::signedIn, this, &CredentialCheck::accepted);
    connect(m_session, &TokenProvider::signInFailed, this, &CredentialCheck::refused);
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
