#include "domain/licencecommitment.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bd {

std::optional<Decimal> LicenceCommitments::on(
    const QList<LicenceCommitment>& commitments, const QString& licence, QDate day)
{
    const LicenceCommitment* c = holding(commitments, licence, day);
    return c ? std::optional<Decimal>(c->quantity) : std::nullopt;
}

const LicenceCommitment* LicenceCommitments::holding(
    const QList<LicenceCommitment>& commitments, const QString& licence, QDate day)
{
    const QString wanted = licence.trimmed();
    const LicenceCommitment* best = nullptr;
    for (const LicenceCommitment& c : commitments) {
        if (c.licence.trimmed().compare(wanted, Qt::CaseInsensitive) != 0)
            continue;
        if (c.from.isValid() && day.isValid() && c.from > day)
            continue;
        if (!best || (c.from.isValid() && (!best->from.isValid() || c.from >= best->from)))
            best = &c;
    }
    return best;
}

std::optional<LicenceCommitment> LicenceCommitments::fromFields(const QString& licence,
    const QString& quantity, const QString& from, QString* error, const QString& nearAt)
{
    LicenceCommitment c;
    c.licence = licence.trimmed();
    if (c.licence.isEmpty()) {
        *error = QCoreApplication::translate("bd::LicenceCommitments", "A commitment needs its licence.");
        return std::nullopt;
    }
    const auto value = Decimal::fromString(quantity.trimmed());
    if (!value || value->isNegative() || value->isZero()) {
        *error = QCoreApplication::translate("bd::LicenceCommitments",
            "“%1” is not a quantity for %2: give a number above 0, such as 120 or 2.5 (leave it empty for no "
            "commitment).")
                     .arg(quantity.trimmed(), c.licence);
        return std::nullopt;
    }
    c.quantity = *value;
    if (!from.trimmed().isEmpty()) {
        c.from = QDate::fromString(from.trimmed(), Qt::ISODate);
        if (!c.from.isValid()) {
            *error = QCoreApplication::translate(
                "bd::LicenceCommitments", "“%1” is not a day for %2: use YYYY-MM-DD, or leave it empty.")
                         .arg(from.trimmed(), c.licence);
            return std::nullopt;
        }
    }
    if (QString near = nearAt.trimmed(); !near.isEmpty()) {
        if (near.endsWith(u'%'))
            near = near.chopped(1).trimmed();
        bool ok = false;
        const int percent = near.toInt(&ok);
        if (!ok || percent < 1 || percent > 100) {
            *error = QCoreApplication::translate("bd::LicenceCommitments",
                "“%1” is not a share for %2: give a whole percentage from 1 to 100, or leave it empty for "
                "the org's.")
                         .arg(nearAt.trimmed(), c.licence);
            return std::nullopt;
        }
        c.nearPercent = percent;
    }
    return c;
}

QString LicenceCommitments::conflict(const QList<LicenceCommitment>& commitments)
{
    for (qsizetype i = 0; i < commitments.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (commitments.at(i).licence.compare(commitments.at(j).licence, Qt::CaseInsensitive) == 0
                && commitments.at(i).from == commitments.at(j).from)
                return QCoreApplication::translate("bd::LicenceCommitments",
                    "%1 is committed twice from the same day: give the later commitment the day it starts.")
                    .arg(commitments.at(i).licence);
        }
    }
    return {};
}

std::optional<LicenceCommitment> LicenceCommitments::parse(const QString& text, QString* error)
{
    const qsizetype equals = text.lastIndexOf(u'=');
    if (equals <= 0) {
        *error = u"“%1” is not LICENCE=QUANTITY, e.g. “Genesys Cloud CX 3=120”"_s.arg(text);
        return std::nullopt;
    }
    QString quantity = text.mid(equals + 1);
    QString from;
    if (const qsizetype at = quantity.indexOf(u'@'); at >= 0) {
        from = quantity.mid(at + 1);
        if (from.trimmed().isEmpty()) {
            *error = u"“%1”: give the day after @ (YYYY-MM-DD)"_s.arg(text);
            return std::nullopt;
        }
        quantity = quantity.left(at);
    }
    return fromFields(text.left(equals), quantity, from, error);
}

} // namespace bd
