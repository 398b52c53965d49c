#include "store/alertledger.h"

#include "store/reportstore.h"

namespace bd {

AlertLedger::AlertLedger(ReportStore* store, const StoreScope& scope)
    : m_store(store)
    , m_scope(scope)
{ }

QList<AlertLedger::Review> AlertLedger::review(
    const QList<AlertSubject>& subjects, const QDateTime& at, QString* error)
{
    QList<Review> reviews;
    reviews.reserve(subjects.size());
    for (const AlertSubject& subject : subjects) {
        Review r;
        if (m_store)
            r.last = m_store->alertMark(m_scope, subject.key, subject.periodStart);
        r.isNews = Alerts::isNews(r.last, subject.mark);
        r.text = Alerts::text(subject, r.last);
        if (r.isNews && m_store) {
            QString why;
            if (!m_store->putAlert(m_scope, subject, r.text, at, &why) && error && error->isEmpty())
                *error = why;
        }
        reviews.append(r);
    }
    return reviews;
}

QStringList AlertLedger::news(const QList<AlertSubject>& subjects, const QDateTime& at, QString* error)
{
    QStringList lines;
    for (const Review& r : review(subjects, at, error)) {
        if (r.isNews)
            lines << r.text;
    }
    return lines;
}

} // namespace bd
