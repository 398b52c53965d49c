#pragma once

#include "api/apijob.h"
#include "domain/trustor.h"

#include <QList>

namespace bd {

/// Lists every org that trusts the caller's org, following the pages of orgauthorization/trustors.
class TrustorsJob final : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustorsJob)

public:
    TrustorsJob(ApiClient* client, int pageSize, QObject* parent);
    ~TrustorsJob() override;

    void start();

Q_SIGNALS:
    void trustorsReady(const QList<bd::Trustor>& trustors);

private:
    void requestPage(int pageNumber);

    int m_pageSize;
    QList<Trustor> m_trustors;
};

} // namespace bd
