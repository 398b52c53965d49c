#pragma once

#include <QString>

namespace bd {

/// Who is looking at what: the signed-in org and its region, for export footers and the window header.
struct Provenance
{
    QString orgName;
    QString region; ///< region key or host, e.g. "eu_west_1", "127.0.0.1:40123"
    bool demo = false;
};

} // namespace bd
