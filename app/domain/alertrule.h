#pragma once

#include "domain/commitmentstate.h"
#include "domain/decimal.h"

#include <QDate>
#include <QString>

#include <optional>

namespace bd {

/// What was last told about one subject (a licence, or a partner's customer) in one billing period: its
/// state, and for an exceeded one how far past its commitment it had gone.
struct AlertMark
{
    CommitmentState state = CommitmentState::Ok;
    int band = 0; ///< Alerts::band(): the further 25 % steps beyond 100 % of the commitment

    friend bool operator==(const AlertMark&, const AlertMark&) = default;
};

/// One subject's standing in one period, to be told when it is news.
struct AlertSubject
{
    QString key; ///< what the mark is kept under: a licence's name, a customer's org id
    QString name; ///< what a person reads: the licence, the customer's name
    QDate periodStart; ///< the period the state belongs to: a new period starts with nothing told
    AlertMark mark;
    std::optional<Decimal> usedPercent; ///< of its commitment (for a customer: its most used line's)
    QString detail; ///< the figures behind the state, e.g. "118 of 100, 118 %"
};

/// The rule that keeps alerts from becoming noise. Pure.
namespace Alerts {

inline constexpr int BandPercent = 25;

/// For an exceeded line: how many whole further steps of BandPercent its use has gone past 100 % of its
/// commitment (112 % → 0, 125 % → 1, 160 % → 2). 0 for every other state or without a percentage.
int band(CommitmentState state, std::optional<Decimal> usedPercent);

/// The states nobody needs waking for: ok, on demand (billed at the on-demand price, as agreed) and ramp
/// (not billed on usage). Moves among them are not news.
bool isQuiet(CommitmentState state);

/// Whether `now` is news after `last` (nullopt: nothing told yet in this period, as if it had been Ok): a
/// change of state into, out of or between the states that are not quiet, or an exceeded line that has
/// reached a further band. The same state again is not.
bool isNews(const std::optional<AlertMark>& last, const AlertMark& now);

/// The one line that tells it, e.g. "Genesys Cloud CX 3: warning → exceeded (118 of 100, 118 %)", or
/// "…: exceeded, past 125 %" for a further band.
QString text(const AlertSubject& subject, const std::optional<AlertMark>& last);

} // namespace Alerts

} // namespace bd
