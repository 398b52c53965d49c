#pragma once

#include <QObject>

#include <memory>

namespace bd {

class ApiClient;
class TokenProvider;
class BillingApi;
class OrgApi;
struct ConnectionSettings;

/// Everything one signed-in org needs, wired together: TokenProvider, ApiClient, BillingApi and OrgApi.
class ApiSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiSession)

public:
    /// Builds a session from settings; nullptr with *error set when the settings cannot work.
    static std::unique_ptr<ApiSession> create(const ConnectionSettings& settings, QString* error);
    ~ApiSession() override;

    TokenProvider* auth() const { return m_auth; }
    ApiClient* client() const { return m_client; }
    BillingApi* billing() const { return m_billing; }
    OrgApi* orgs() const { return m_orgs; }
    /// Region key or host, for display.
    QString placeLabel() const { return m_placeLabel; }

private:
    ApiSession();

    TokenProvider* m_auth = nullptr;
    ApiClient* m_client = nullptr;
    BillingApi* m_billing = nullptr;
    OrgApi* m_orgs = nullptr;
    QString m_placeLabel;
};

} // namespace bd
