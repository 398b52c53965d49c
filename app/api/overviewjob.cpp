#include "api/overviewjob.h"

#include "api/apiresponse.h"
#include "domain/trusteebillingoverview.h"

using namespace Qt::StringLiterals;

namespace bd {

OverviewJob::OverviewJob(
    ApiClient* client, const QString& trustorOrgId, int billingPeriodIndex, QObject* parent)
    : ApiJob(client, parent)
    , m_trustorOrgId(trustorOrgId)
    , m_index(billingPeriodIndex)
{ }

void OverviewJob::start()
{
    ApiRequest request;
    request.path = u"/api/v2/billing/trusteebillingoverview/%1"_s.arg(
        QString::fromLatin1(QUrl::toPercentEncoding(m_trustorOrgId)));
    request.query.addQueryItem(u"billingPeriodIndex"_s, QString::number(m_index));
    send(request, [this](const ApiResponse& response) {
        if (!response.ok()) {
            fail(response.error);
            return;
        }
        auto parsed = TrusteeBillingOverview::fromJson(response.body);
        if (!parsed.ok()) {
            failParse(parsed.error());
            return;
        }
        m_body = response.body;
        succeed([&] { Q_EMIT overviewReady(parsed.value(), m_index); });
    });
}

} // namespace bd
