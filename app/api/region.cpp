#include "api/region.h"

using namespace Qt::StringLiterals;

namespace bd {

const QList<Region>& Regions::all()
{
    static const QList<Region> regions {
        { u"us_east_1"_s, u"mypurecloud.com"_s, u"Americas (US East)"_s },
        { u"eu_west_1"_s, u"mypurecloud.ie"_s, u"EMEA (Dublin)"_s },
        { u"ap_southeast_2"_s, u"mypurecloud.com.au"_s, u"Asia Pacific (Sydney)"_s },
        { u"ap_northeast_1"_s, u"mypurecloud.jp"_s, u"Asia Pacific (Tokyo)"_s },
        { u"eu_central_1"_s, u"mypurecloud.de"_s, u"EMEA (Frankfurt)"_s },
        { u"us_west_2"_s, u"usw2.pure.cloud"_s, u"Americas (US West)"_s },
        { u"ca_central_1"_s, u"cac1.pure.cloud"_s, u"Americas (Canada)"_s },
        { u"ap_northeast_2"_s, u"apne2.pure.cloud"_s, u"Asia Pacific (Seoul)"_s },
        { u"eu_west_2"_s, u"euw2.pure.cloud"_s, u"EMEA (London)"_s },
        { u"ap_south_1"_s, u"aps1.pure.cloud"_s, u"Asia Pacific (Mumbai)"_s },
        { u"us_east_2"_s, u"use2.us-gov-pure.cloud"_s, u"Americas (FedRAMP)"_s },
        { u"sa_east_1"_s, u"sae1.pure.cloud"_s, u"Americas (São Paulo)"_s },
        { u"me_central_1"_s, u"mec1.pure.cloud"_s, u"Middle East (UAE)"_s },
        { u"ap_northeast_3"_s, u"apne3.pure.cloud"_s, u"Asia Pacific (Osaka)"_s },
        { u"eu_central_2"_s, u"euc2.pure.cloud"_s, u"EMEA (Zurich)"_s },
        { u"mx_central_1"_s, u"mxc1.pure.cloud"_s, u"Americas (Mexico)"_s },
        { u"ap_southeast_1"_s, u"apse1.pure.cloud"_s, u"Asia Pacific (Jakarta)"_s },
        { u"eusc_de_east_1"_s, u"edee1.eusc-pure.cloud"_s, u"EU Sovereign Cloud (Germany)"_s },
    };
    return regions;
}

std::optional<Region> Regions::find(QStringView keyOrEnv)
{
    const QStringView wanted = keyOrEnv.trimmed();
    for (const Region& region : all()) {
        if (wanted.compare(region.key, Qt::CaseInsensitive) == 0
            || wanted.compare(region.env, Qt::CaseInsensitive) == 0)
            return region;
    }
    return std::nullopt;
}

} // namespace bd
