#include "domain/alertrule.h"

using namespace Qt::StringLiterals;

namespace bd {

int Alerts::band(CommitmentState state, std::optional<Decimal> usedPercent)
{
    if (state != CommitmentState::Exceeded || !usedPercent)
        return 0;
    const Decimal beyond = *usedPercent - Decimal::fromInt(100);
    int steps = 0;
    // Whole steps only, in exact decimals: 124.999 % is still the first band.
    while (steps < 1000 && Decimal::fromInt(qint64(steps + 1) * BandPercent) <= beyond)
        ++steps;
    return steps;
}

bool Alerts::isQuiet(CommitmentState state)
{
    return state == CommitmentState::Ok || state == CommitmentState::OnDemand
        || state == CommitmentState::Ramp;
}

bool Alerts::isNews(const std::optional<AlertMark>& last, const AlertMark& now)
{
    const AlertMark before = last.value_or(AlertMark {});
    if (isQuiet(before.state) && isQuiet(now.state))
        return false;
    if (now.state != before.state)
        return true;
    return now.state == CommitmentState::Exceeded && now.band > before.band;
}

QString Alerts::text(const AlertSubject& subject, const std::optional<AlertMark>& last)
{
    const AlertMark before = last.value_or(AlertMark {});
    const AlertMark& now = subject.mark;
    QString change = Commitments::key(now.state);
    if (before.state != now.state && last)
        change = Commitments::key(before.state) + u" → "_s + change;
    if (now.state == CommitmentState::Exceeded && now.band > 0)
        change += u", past %1 %"_s.arg(100 + now.band * BandPercent);
    return subject.name + u": "_s + change
        + (subject.detail.isEmpty() ? QString() : u" ("_s + subject.detail + u')');
}

} // namespace bd
