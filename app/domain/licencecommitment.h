#pragma once

#include "domain/decimal.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace bd {

/// A quantity a customer contracted for one licence per billing cycle, from a day on. The billable-usage
/// report carries no commitment, so an org's admin enters these (or imports a partner's prepay quantities).
struct LicenceCommitment
{
    QString licence; ///< the charge name, as the usage report names it ("Genesys Cloud CX 3")
    Decimal quantity; ///< per billing cycle
    QDate from; ///< the first day it holds; invalid: from the start
    /// The share (1–100) of the quantity from which this licence is near; none: the org's.
    std::optional<int> nearPercent = std::nullopt;

    friend bool operator==(const LicenceCommitment&, const LicenceCommitment&) = default;
};

/// What one prepaid unit of a licence costs, as a partner's trustee overview prices it.
struct PrepayPrice
{
    Decimal amount;
    QString currency; ///< ISO 4217

    friend bool operator==(const PrepayPrice&, const PrepayPrice&) = default;
};

namespace LicenceCommitments {

/// The commitment for `licence` that holds on `day`: the latest one for it that holds by then; nullptr for
/// none. Names match without regard to case or surrounding spaces.
const LicenceCommitment* holding(
    const QList<LicenceCommitment>& commitments, const QString& licence, QDate day);
/// The quantity of holding(), or nullopt.
std::optional<Decimal> on(const QList<LicenceCommitment>& commitments, const QString& licence, QDate day);

/// A commitment from the fields a person fills in: the licence, the quantity per cycle (a number above 0: no
/// commitment is no row), the first day (YYYY-MM-DD, or empty: from the start) and the share it is near from
/// (1–100, "85" or "85 %"; empty: the org's). nullopt with *error set to one sentence when they do not make
/// one.
std::optional<LicenceCommitment> fromFields(const QString& licence, const QString& quantity,
    const QString& from, QString* error, const QString& nearAt = {});

/// Why these commitments cannot all hold (one licence committed twice from the same day), or an empty
/// string.
QString conflict(const QList<LicenceCommitment>& commitments);

/// Reads "Genesys Cloud CX 3=120" or "Genesys Cloud CX 3=120@2026-07-01" (a command line's form); nullopt
/// with *error set when it is not one.
std::optional<LicenceCommitment> parse(const QString& text, QString* error);

} // namespace LicenceCommitments

} // namespace bd
