#include "store/partnerview.h"

#include "domain/datebuckets.h"
#include "domain/overviewestimate.h"

#include <map>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QDate utcDay(const std::optional<QDateTime>& at)
{
    return at ? at->toUTC().date() : QDate();
}

/// The licence a line commits, casefolded as LicenceCommitments matches names; empty for a line that is
/// another line's fair-use allowance.
QString keyOf(const SubscriptionOverviewUsage& line)
{
    return OverviewEstimate::isFairUse(line) ? QString() : line.name.trimmed().toCaseFolded();
}

} // namespace

std::optional<PartnerView> PartnerView::of(const ReportStore& store, const StoreScope& org)
{
    if (!org.isValid())
        return std::nullopt;
    for (const StoreScope& partner : store.partnersOf(org.region, org.orgId)) {
        if (auto view = ofPeriods(partner, store.orgName(partner), store.overviews(partner, org.orgId)))
            return view;
    }
    return std::nullopt;
}

std::optional<PartnerView> PartnerView::ofPeriods(
    const StoreScope& partner, const QString& partnerName, const QList<ReportStore::OverviewEntry>& periods)
{
    QList<ReportStore::OverviewEntry> kept;
    for (const ReportStore::OverviewEntry& entry : periods) {
        if (utcDay(entry.overview.billingPeriodStartDate).isValid())
            kept.append(entry);
    }
    if (kept.isEmpty())
        return std::nullopt;
    PartnerView view;
    view.m_partner = partner;
    view.m_partnerName = partnerName;
    view.m_periods = kept;
    view.m_newestStart = utcDay(kept.first().overview.billingPeriodStartDate);
    view.m_newestEnd = utcDay(kept.first().overview.billingPeriodEndDate);
    return view;
}

QString PartnerView::partnerText() const
{
    return m_partnerName.isEmpty() ? m_partner.orgId : m_partnerName;
}

QString PartnerView::sourceText() const
{
    const QString newest = m_newestEnd.isValid()
        ? tr("%1 – %2").arg(m_newestStart.toString(u"d MMM"_s), m_newestEnd.toString(u"d MMM yyyy"_s))
        : tr("from %1").arg(m_newestStart.toString(u"d MMM yyyy"_s));
    return tr(
        "%1's overview of this org (%n period(s) stored, the newest %2)", nullptr, int(m_periods.size()))
        .arg(partnerText(), newest);
}

std::optional<int> PartnerView::cycleDay() const
{
    QList<QDate> starts;
    for (const ReportStore::OverviewEntry& entry : m_periods)
        starts.append(utcDay(entry.overview.billingPeriodStartDate));
    return DateBuckets::cycleDayOf(starts);
}

QList<LicenceCommitment> PartnerView::prepaidCommitments() const
{
    // Oldest period first, so that each change of a licence's prepay starts a commitment of its own.
    std::map<QString, QList<LicenceCommitment>> byLicence; // casefolded: a stable order, names as sent
    for (auto period = m_periods.crbegin(); period != m_periods.crend(); ++period) {
        const QDate start = utcDay(period->overview.billingPeriodStartDate);
        std::map<QString, std::pair<QString, Decimal>> prepaid; // this period's lines of a licence, summed
        for (const SubscriptionOverviewUsage& line : period->overview.usages) {
            if (const QString key = keyOf(line); !key.isEmpty()) {
                auto& [name, quantity] = prepaid[key];
                name = line.name.trimmed();
                quantity += line.prepayQuantity;
            }
        }
        for (auto& [key, held] : byLicence) {
            if (!prepaid.contains(key))
                held.clear(); // the licence left the contract: what held before ends here
        }
        for (const auto& [key, line] : prepaid) {
            QList<LicenceCommitment>& held = byLicence[key];
            if (line.second <= Decimal())
                held.clear(); // a commitment of 0 is none: what held before it ended here
            else if (held.isEmpty() || held.last().quantity != line.second)
                held.append({ line.first, line.second, start });
        }
    }
    QList<LicenceCommitment> commitments;
    for (const auto& [key, held] : byLicence)
        commitments.append(held);
    return commitments;
}

QHash<QString, PrepayPrice> PartnerView::prepayPrices() const
{
    QHash<QString, PrepayPrice> prices;
    for (const ReportStore::OverviewEntry& entry : m_periods) { // newest first: the first price found stays
        for (const SubscriptionOverviewUsage& line : entry.overview.usages) {
            const QString key = keyOf(line);
            if (!key.isEmpty() && line.prepayPrice && !prices.contains(key))
                prices.insert(key, { *line.prepayPrice, entry.overview.currency });
        }
    }
    return prices;
}

} // namespace bd
