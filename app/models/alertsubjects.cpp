#include "models/alertsubjects.h"

#include "domain/datebuckets.h"
#include "domain/subscriptionoverviewusage.h"
#include "models/usageseriesmodel.h"

using namespace Qt::StringLiterals;

namespace bd {

namespace {

const QString LicencePrefix = u"licence:"_s;
const QString CustomerPrefix = u"customer:"_s;

} // namespace

AlertSubjects::SubjectKind AlertSubjects::kindOf(const QString& key)
{
    return key.startsWith(LicencePrefix) ? SubjectKind::Licence
        : key.startsWith(CustomerPrefix) ? SubjectKind::Customer
                                         : SubjectKind::Unknown;
}

QString AlertSubjects::customerOrgId(const QString& key)
{
    return kindOf(key) == SubjectKind::Customer ? key.mid(CustomerPrefix.size()) : QString();
}

QList<AlertSubject> AlertSubjects::ofLicences(
    const QList<LicenceStanding>& standings, QDate cycleStart, QDate cycleEnd)
{
    QList<AlertSubject> subjects;
    for (const LicenceStanding& s : standings) {
        AlertSubject subject;
        subject.key = LicencePrefix + s.licence.trimmed().toCaseFolded();
        subject.name = s.licence;
        subject.periodStart = cycleStart;
        subject.mark = { s.state, Alerts::band(s.state, s.usedPercent) };
        subject.usedPercent = s.usedPercent;
        if (s.committed)
            subject.detail = u"%1 of %2, %3 %"_s.arg(s.used.toString(), s.committed->toString(),
                s.usedPercent ? s.usedPercent->rounded(0).toString() : QString());
        else if (!s.used.isZero())
            subject.detail = u"%1 used, no commitment"_s.arg(s.used.toString());
        if (s.state == CommitmentState::ProjectedToExceed && s.projection)
            subject.detail += u"; likely %1 by %2"_s.arg(
                s.projection->likely.toString(), cycleEnd.toString(Qt::ISODate));
        subjects.append(subject);
    }
    return subjects;
}

QList<AlertSubject> AlertSubjects::ofUsage(const UsageSeriesModel& model, QDate lastCompleteDay)
{
    const int bucket = model.commitmentBucket();
    if (bucket < 0 || model.granularity() != Granularity::Month)
        return {};
    const DateBucket& b = model.buckets().at(bucket);
    if (b.last < lastCompleteDay)
        return {};
    const QDate start = DateBuckets::bucketStart(b.first, Granularity::Month, model.cycleDay());
    return ofLicences(
        model.standings(), start, DateBuckets::bucketEnd(b.first, Granularity::Month, model.cycleDay()));
}

QList<AlertSubject> AlertSubjects::ofPortfolio(const QList<PortfolioCustomer>& customers, int* unreadable)
{
    QList<AlertSubject> subjects;
    int left = 0;
    for (const PortfolioCustomer& c : customers) {
        const PortfolioCell& active = c.cells.value(0);
        if (!active.overview || !active.overview->billingPeriodStartDate) {
            ++left;
            continue;
        }
        AlertSubject subject;
        subject.key = CustomerPrefix + c.orgId;
        subject.name = c.name;
        subject.periodStart = active.overview->billingPeriodStartDate->toUTC().date();
        const PeriodStanding& standing = active.standing;
        QStringList drivers;
        for (const LineStanding& line : standing.drivers) {
            const SubscriptionOverviewUsage& usage = active.overview->usages.at(line.line);
            if (line.usedPercent && (!subject.usedPercent || *line.usedPercent > *subject.usedPercent))
                subject.usedPercent = line.usedPercent;
            QString text = usage.name.isEmpty() ? usage.partNumber : usage.name;
            if (line.usedPercent)
                text += u' ' + line.usedPercent->rounded(0).toString() + u" %"_s;
            if (line.projectedExceedBy)
                text += u", likely over by %1"_s.arg(line.projectedExceedBy->toString());
            if (!line.overageCost.isZero())
                text += u", overage %1 %2"_s.arg(line.overageCost.toString(2), active.overview->currency);
            drivers << text;
        }
        subject.mark = { standing.state, Alerts::band(standing.state, subject.usedPercent) };
        subject.detail = drivers.join(u"; "_s);
        subjects.append(subject);
    }
    if (unreadable)
        *unreadable = left;
    return subjects;
}

} // namespace bd
