#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bd {

/// One Genesys Cloud environment: its key (as the CLI spells it), host suffix and a friendly name.
struct Region
{
    QString key; ///< e.g. "eu_west_1"
    QString env; ///< host suffix, e.g. "mypurecloud.ie"
    QString displayName; ///< e.g. "EMEA (Dublin)"

    /// The API base, https://api.<env>.
    QString apiHost() const { return QStringLiteral("api.") + env; }
    /// The login base, https://login.<env>.
    QString loginHost() const { return QStringLiteral("login.") + env; }
};

/// The 18 environments of the contract.
class Regions final
{
public:
    /// Every known environment, in the contract's order.
    static const QList<Region>& all();
    /// The environment with this key ("us_east_1") or host suffix ("mypurecloud.com"); case-insensitive.
    static std::optional<Region> find(QStringView keyOrEnv);
};

} // namespace bd
