#pragma once

#include "domain/rangepreset.h"
#include "load/loadsummary.h"
#include "models/displayzone.h"

#include <QDateTime>

#include <functional>

namespace bd {

class MessageBanner;

/// What the usage page says about a load: the banner once it settles (with the action that helps) and the
/// status line while it runs.
namespace LoadBanner {

/// Shows the most important thing about a settled load, with `retry` behind its action; nothing for a
/// complete load, or for a sign-in or permission failure (that was said when it happened).
/// A range that starts after the data cut-off `dataThrough` gets "no data yet", never "no usage".
void show(MessageBanner* banner, const LoadSummary& summary, const DateRange& range, QDate dataThrough,
    const std::function<void()>& retry);
/// Genesys could not be reached and stored reports stand in: "Offline — showing data fetched 28 Nov 10:42",
/// with `retry` behind its action.
void showOffline(
    MessageBanner* banner, const QDateTime& fetchedAt, DisplayZone zone, const std::function<void()>& retry);
/// "12 of 12 reports · 11 from the store · data through 30 Nov 2026 · updated 10:42". The update time is
/// shown in `zone`, named, with its day when it is not today's.
QString statusText(const LoadSummary& summary, int fromStore, QDate dataThrough, const QDateTime& updatedAt,
    DisplayZone zone);

} // namespace LoadBanner

} // namespace bd
