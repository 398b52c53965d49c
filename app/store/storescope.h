#pragma once

#include <QString>

namespace bd {

/// Whose data a stored report is: the org, and the Genesys region (API host) it was read from. The same org
/// id in two regions is two orgs; billing-sim's demo org is filed under the region "demo", whatever its port.
struct StoreScope
{
    QString region; ///< "demo", or the API host, e.g. "api.mypurecloud.ie"
    QString orgId;

    bool isValid() const { return !region.isEmpty() && !orgId.isEmpty(); }
    friend bool operator==(const StoreScope&, const StoreScope&) = default;
};

} // namespace bd
