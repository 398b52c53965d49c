#include "api/trustorsjob.h"

#include "api/apiresponse.h"
#include "domain/trustorlisting.h"

using namespace Qt::StringLiterals;

namespace bd {

namespace {
// A listing that claims more pages than this is treated as broken rather than followed forever.
constexpr int MaxPages = 1000;
} // namespace

TrustorsJob::TrustorsJob(ApiClient* client, int pageSize, QObject* parent)
    : ApiJob(client, parent)
    , m_pageSize(pageSize)
{ }

TrustorsJob::~TrustorsJob() = default;

void TrustorsJob::start()
{
    requestPage(1);
}

void TrustorsJob::requestPage(int pageNumber)
{
    ApiRequest request;
    request.path = u"/api/v2/orgauthorization/trustors"_s;
    request.query.addQueryItem(u"pageSize"_s, QString::number(m_pageSize));
    request.query.addQueryItem(u"pageNumber"_s, QString::number(pageNumber));
    send(request, [this, pageNumber](const ApiResponse& response) {
        if (!response.ok()) {
            fail(response.error);
            return;
        }
        auto parsed = TrustorListing::fromJson(response.body);
        if (!parsed.ok()) {
            failParse(parsed.error());
            return;
        }
        const TrustorListing& page = parsed.value();
        m_trustors += page.entities;
        const bool more = !page.entities.isEmpty() && (pageNumber < page.pageCount || !page.nextUri.isEmpty())
            && pageNumber < MaxPages;
        if (more) {
            Q_EMIT progress(
                tr("Listing customer orgs (page %1 of %2)").arg(pageNumber + 1).arg(page.pageCount));
            requestPage(pageNumber + 1);
            return;
        }
        succeed([this] { Q_EMIT trustorsReady(m_trustors); });
    });
}

} // namespace bd
