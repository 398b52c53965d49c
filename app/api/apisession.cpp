#include "api/apisession.h"

#include "api/apiclient.h"
#include "api/billingapi.h"
#include "api/connectionsettings.h"
#include "api/orgapi.h"
#include "api/tokenprovider.h"

using namespace Qt::StringLiterals;

namespace bd {

ApiSession::ApiSession() = default;

ApiSession::~ApiSession()
{
    // The jobs and the client go first: they hold pointers to the sign-in, never the other way round.
    delete m_billing;
    delete m_orgs;
    delete m_client;
}

std::unique_ptr<ApiSession> ApiSession::create(const ConnectionSettings& settings, QString* error)
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
    std::unique_ptr<ApiSession> session(new ApiSession);
    session->m_auth = new TokenProvider(session.get());
    if (!settings.accessToken.isEmpty())
        session->m_auth->useAccessToken(settings.accessToken);
    else
        session->m_auth->useClientCredentials(endpoint.loginBase(), settings.clientId, settings.clientSecret);
    session->m_client = new ApiClient(endpoint, session->m_auth, session.get());
    session->m_billing = new BillingApi(session->m_client, session.get());
    session->m_orgs = new OrgApi(session->m_client, session.get());
    session->m_placeLabel = settings.placeLabel();
    return session;
}

} // namespace bd
