#include "domain/granularity.h"

namespace bd {

QList<Granularity> allGranularities()
{
    return { Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Quarter };
}

QString granularityName(Granularity g)
{
    switch (g) {
    case Granularity::Day:
        return QStringLiteral("day");
    case Granularity::Week:
        return QStringLiteral("week");
    case Granularity::Month:
        return QStringLiteral("month");
    case Granularity::Quarter:
        return QStringLiteral("quarter");
    }
    return {};
}

std::optional<Granularity> granularityFromName(QStringView name)
{
    for (Granularity g : allGranularities()) {
        if (name.compare(granularityName(g), Qt::CaseInsensitive) == 0)
            return g;
    }
    return std::nullopt;
}

} // namespace bd
