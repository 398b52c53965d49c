#include "api/apisession.h"

#include "api/apiclient.h"
#include "api/authsession.h"
#include "api/billingapi.h"
#include "api/connectionsettings.h"
#include "api/orgapi.h"

using namespace Qt::StringLiterals;

namespace bd {

ApiSession::ApiSession(QObject* parent)
    : QObject(parent)
{
}

ApiSession::~ApiSession()
{
    // The jobs and the client go first: they hold pointers to the sign-in, never the other way round.
    delete m_billing;
    delete m_orgs;
    delete m_client;
}

ApiSession* ApiSession::create(const ConnectionSettings& settings, QString* error, QObject* parent)
{
    const ApiEndpoint endpoint = settings.endpoint(error);
    if (!endpoint.isValid())
        return nullptr;
    if (!settings.hasCredentials()) {
        if (error)
            *error = u"No credentials: give a client id and secret, or an access token "
                     "(or set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET)."_s;
        return nullptr;
    }
    auto* session = new ApiSession(parent);
    session->m_auth = new AuthSession(session);
    if (!settings.accessToken.isEmpty())
        session->m_auth->useAccessToken(settings.accessToken);
    else
        session->m_auth->useClientCredentials(endpoint.loginBase(), settings.clientId, settings.clientSecret);
    session->m_client = new ApiClient(endpoint, session->m_auth, session);
    session->m_billing = new BillingApi(session->m_client, session);
    session->m_orgs = new OrgApi(session->m_client, session);
    session->m_placeLabel = settings.placeLabel();
    return session;
}

} // namespace bd
