#pragma once

#include "api/apijob.h"
#include "domain/trusteebillingoverview.h"

namespace bd {

/// Fetches a partner's view of one customer org's billing period (billingPeriodIndex 0 = the active one).
/// A period past the end of the history fails with HTTP 404 (see ApiError::httpStatus()).
class OverviewJob final : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewJob)

public:
    OverviewJob(ApiClient* client, const QString& trustorOrgId, int billingPeriodIndex, QObject* parent);

    void start();
    QString trustorOrgId() const { return m_trustorOrgId; }
    int billingPeriodIndex() const { return m_index; }
    /// The body as Genesys sent it, for the local store; empty before overviewReady().
    QByteArray body() const { return m_body; }

Q_SIGNALS:
    void overviewReady(const bd::TrusteeBillingOverview& overview, int billingPeriodIndex);

private:
    QString m_trustorOrgId;
    int m_index;
    QByteArray m_body;
};

} // namespace bd
