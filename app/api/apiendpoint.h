#pragma once

#include <QUrl>

namespace bd {

struct Region;

/// Where one session talks to: the API base and the login base, both validated.
class ApiEndpoint final
{
public:
    ApiEndpoint() = default;

    /// https://api.<env> and https://login.<env> for a Genesys Cloud region.
    static ApiEndpoint forRegion(const Region& region);

    /// An explicit base URL (tests, self-hosted gateways, billing-sim). Sign-in goes to the same base unless
    /// a separate login URL is given. Returns an invalid endpoint and sets *error when a URL is refused.
    static ApiEndpoint fromUrls(const QUrl& apiBase, const QUrl& loginBase, QString* error);

    /// True when a URL may be used: https anywhere, plain http only towards a loopback host.
    static bool isAcceptableUrl(const QUrl& url, QString* error);

    bool isValid() const { return m_apiBase.isValid(); }
    QUrl apiBase() const { return m_apiBase; }
    QUrl loginBase() const { return m_loginBase; }

private:
    QUrl m_apiBase;
    QUrl m_loginBase;
};

} // namespace bd
