#pragma once

#include "domain/alertrule.h"
#include "store/storescope.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace bd {

class ReportStore;

/// What alerts have told, kept in a store so that a restart, a second window or a cron check does not tell
/// it again: each subject's last mark per period, and a log of what was told.
class AlertLedger final
{
public:
    /// `store` nullptr: nothing is remembered, so every state that is not quiet is news each time.
    AlertLedger(ReportStore* store, const StoreScope& scope);

    struct Review
    {
        std::optional<AlertMark> last; ///< what was last told in the subject's period
        bool isNews = false;
        QString text; ///< Alerts::text(): the line that tells it
    };
    /// Reviews `subjects` against what was told (Alerts::isNews) and records the news as told at `at`; one
    /// Review per subject, in order. A record that cannot be written sets *error (the news is still news).
    QList<Review> review(const QList<AlertSubject>& subjects, const QDateTime& at, QString* error = nullptr);

    /// review(), keeping only the lines that are news (what a window tells the desktop).
    QStringList news(const QList<AlertSubject>& subjects, const QDateTime& at, QString* error = nullptr);

    bool remembers() const { return m_store != nullptr; }

private:
    ReportStore* m_store;
    StoreScope m_scope;
};

} // namespace bd
