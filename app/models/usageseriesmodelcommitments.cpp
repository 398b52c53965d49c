// UsageSeriesModel: the org's licence commitments, and where each licence stands against them.
#include "domain/datebuckets.h"
#include "models/celltone.h"
#include "models/usageseriesmodel.h"

#include <QFont>
#include <QMap>

using namespace Qt::StringLiterals;

namespace bd {

void UsageSeriesModel::setCommitments(const QList<LicenceCommitment>& commitments, int thresholdPercent)
{
    if (commitments == m_commitments && thresholdPercent == m_threshold)
        return;
    // The columns come and go with the commitments: a reset, which is rare (the user edits them).
    beginResetModel();
    m_commitments = commitments;
    m_threshold = thresholdPercent;
    m_summariesValid = false;
    endResetModel();
}

int UsageSeriesModel::committedColumn() const
{
    if (m_commitments.isEmpty() || m_granularity != Granularity::Month)
        return -1;
    return (partialBucket() >= 0 ? projectedColumn() : averageColumn()) + 1;
}

int UsageSeriesModel::commitmentBucket() const
{
    for (int b = int(m_buckets.size()) - 1; b >= 0; --b) {
        if (m_states.at(b) == BucketState::Loaded && coverage(b) != Coverage::NotYet)
            return b;
    }
    return -1;
}

const QList<LicenceStanding>& UsageSeriesModel::standings() const
{
    summary(0); // (re)validates the caches
    if (!m_standings)
        m_standings = LicenceStandings::of(*this, commitmentBucket(), m_commitments, m_threshold);
    return *m_standings;
}

const LicenceStanding* UsageSeriesModel::standing(const QString& licence) const
{
    for (const LicenceStanding& s : standings()) {
        if (s.licence == licence)
            return &s;
    }
    return nullptr;
}

QDate UsageSeriesModel::commitmentDay(int bucket) const
{
    if (bucket < 0 || bucket >= m_buckets.size())
        return {};
    return DateBuckets::bucketStart(m_buckets.at(bucket).first, m_granularity, m_cycleDay);
}

int UsageSeriesModel::bucketOfCycle(QDate cycleStart) const
{
    for (int b = 0; b < m_buckets.size(); ++b) {
        if (cycleStart.isValid() && commitmentDay(b) == cycleStart)
            return b;
    }
    return -1;
}

std::optional<Decimal> UsageSeriesModel::commitmentOf(int row, int bucket) const
{
    if (row < 0 || row >= m_licences.size() || bucket < 0 || bucket >= m_buckets.size())
        return std::nullopt;
    return LicenceCommitments::on(m_commitments, m_licences.at(row), commitmentDay(bucket));
}

bool UsageSeriesModel::isWholeComplete(int bucket) const
{
    if (bucket < 0 || bucket >= m_buckets.size() || m_states.at(bucket) != BucketState::Loaded
        || coverage(bucket) != Coverage::Complete)
        return false;
    const DateBucket& b = m_buckets.at(bucket);
    return DateBuckets::bucketStart(b.first, m_granularity, m_cycleDay) == b.first
        && DateBuckets::bucketEnd(b.first, m_granularity, m_cycleDay) == b.last;
}

int UsageSeriesModel::lastWholeBucket() const
{
    for (int b = int(m_buckets.size()) - 1; b >= 0; --b) {
        if (isWholeComplete(b))
            return b;
    }
    return -1;
}

QList<IdleCommitment> UsageSeriesModel::idleCommitment() const
{
    QList<IdleCommitment> idle;
    const int bucket = lastWholeBucket();
    if (m_commitments.isEmpty() || m_granularity != Granularity::Month || bucket < 0)
        return idle;
    for (const LicenceStanding& s : LicenceStandings::of(*this, bucket, m_commitments, m_threshold)) {
        const int row = m_rowOf.value(s.licence, -1);
        if (!s.committed || s.used >= *s.committed || (row >= 0 && isMetered(row)))
            continue;
        idle.append({ s.licence, *s.committed, *s.committed - s.used,
            m_prepayPrices.contains(s.licence.trimmed().toCaseFolded())
                ? std::optional<PrepayPrice>(m_prepayPrices.value(s.licence.trimmed().toCaseFolded()))
                : std::nullopt });
    }
    return idle;
}

QString UsageSeriesModel::idleText() const
{
    const QList<IdleCommitment> idle = idleCommitment();
    const int bucket = lastWholeBucket();
    if (m_commitments.isEmpty() || m_granularity != Granularity::Month || bucket < 0)
        return {};
    const QList<LicenceStanding> standings = LicenceStandings::of(*this, bucket, m_commitments, m_threshold);
    if (std::none_of(
            standings.cbegin(), standings.cend(), [](const LicenceStanding& s) { return s.committed; }))
        return {}; // no commitment held yet in that cycle
    if (idle.isEmpty())
        return tr("No idle commitment in %1: every committed seat was used.").arg(bucketLabel(bucket));
    QMap<QString, Decimal> value; // per currency: amounts in two currencies are never added
    int unpriced = 0;
    QStringList items;
    for (const IdleCommitment& i : idle) {
        if (const auto v = i.value())
            value[i.price->currency] += *v;
        else
            ++unpriced;
        items << tr("%1 of %2 idle on %3").arg(i.idle.toString(), i.committed.toString(), i.licence);
    }
    QStringList money;
    for (auto it = value.cbegin(); it != value.cend(); ++it)
        money << u"%1 %2"_s.arg(it.key(), it.value().toString(2));
    QString priced;
    if (money.isEmpty())
        priced = tr("; the prepay price is not known (a partner's overview of this org gives it)");
    else if (unpriced == 0)
        priced = tr("; %1 at prepay price").arg(money.join(u" · "_s));
    else
        priced = tr("; %1 at prepay price for the %n priced", nullptr, int(idle.size()) - unpriced)
                     .arg(money.join(u" · "_s));
    return tr("Idle commitment in %1 on %n licence(s): %2%3.", nullptr, int(idle.size()))
        .arg(bucketLabel(bucket), items.join(u", "_s), priced);
}

QVariant UsageSeriesModel::commitmentData(int row, int column, int role) const
{
    const LicenceStanding* s = standing(m_licences.at(row));
    if (!s)
        return role == Qt::DisplayRole && column == committedColumn() ? QVariant(u"–"_s) : QVariant();
    std::optional<Decimal> number;
    if (column == committedColumn())
        number = s->committed;
    else if (column == usedPercentColumn())
        number = s->usedPercent;
    else if (s->committed)
        number = s->over;
    switch (role) {
    case Qt::DisplayRole:
        if (!number)
            return column == committedColumn() ? tr("none") : QVariant(u"–"_s);
        return column == usedPercentColumn() ? tr("%1 %").arg(number->rounded(0).toString())
                                             : number->toString();
    case SortRole:
    case DecimalRole:
        return number ? QVariant::fromValue(*number) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ToneRole:
        if (column != committedColumn() && s->state == CommitmentState::Exceeded)
            return int(CellTone::Bad);
        return {};
    case Qt::FontRole: {
        if (!s->toDate)
            return {};
        QFont font;
        font.setItalic(true); // of a cycle to date
        return font;
    }
    case Qt::ToolTipRole: {
        const int bucket = commitmentBucket();
        QString tip = tr("%1 in %2: %3").arg(s->licence, bucketLabel(bucket), Commitments::label(s->state));
        if (s->committed)
            tip += u"\n"_s
                + tr("%1 used of %2 committed (%3 %)")
                      .arg(s->used.toString(), s->committed->toString(),
                          s->usedPercent ? s->usedPercent->rounded(1).toString() : u"–"_s)
                + u"\n"_s + tr("Near from %1 % of it").arg(s->nearPercent);
        else
            tip += u"\n"_s + tr("No commitment: usage is billed at the on-demand price.");
        if (s->toDate)
            tip += u"\n"_s + tr("The cycle is open: this is its usage to date.");
        if (s->state == CommitmentState::ProjectedToExceed && s->projection)
            tip += u"\n"_s
                + tr("Likely to end at %1, past the commitment.").arg(s->projection->likely.toString());
        return tip;
    }
    default:
        return {};
    }
}

QVariant UsageSeriesModel::commitmentHeader(int section, int role) const
{
    if (role == Qt::DisplayRole) {
        if (section == committedColumn())
            return tr("Committed");
        if (section == usedPercentColumn())
            return tr("Used %");
        return tr("Over");
    }
    if (role == Qt::ToolTipRole) {
        const int bucket = commitmentBucket();
        const QString in = bucket >= 0 ? bucketLabel(bucket) : tr("the newest period loaded");
        if (section == committedColumn())
            return tr("The quantity committed per billing cycle, as entered under Commitments (in %1)")
                .arg(in);
        if (section == usedPercentColumn())
            return tr("Usage in %1 as a share of the commitment; near at %2 % unless a licence has its own")
                .arg(in)
                .arg(m_threshold);
        return tr("Usage in %1 above the commitment: overage").arg(in);
    }
    return {};
}

} // namespace bd
