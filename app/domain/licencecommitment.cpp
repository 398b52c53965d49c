#include "domain/licencecommitment.h"

using namespace Qt::StringLiterals;

namespace bd {

std::optional<Decimal> LicenceCommitments::on(
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
    return best ? std::optional<Decimal>(best->quantity) : std::nullopt;
}

std::optional<LicenceCommitment> LicenceCommitments::parse(const QString& text, QString* error)
{
    const qsizetype equals = text.lastIndexOf(u'=');
    if (equals <= 0) {
        *error = u"“%1” is not LICENCE=QUANTITY, e.g. “Genesys Cloud CX 3=120”"_s.arg(text);
        return std::nullopt;
    }
    LicenceCommitment c;
    c.licence = text.left(equals).trimmed();
    QString quantity = text.mid(equals + 1).trimmed();
    if (const qsizetype at = quantity.indexOf(u'@'); at >= 0) {
        const QString day = quantity.mid(at + 1).trimmed();
        c.from = QDate::fromString(day, Qt::ISODate);
        if (!c.from.isValid()) {
            *error = u"“%1”: “%2” is not a date (YYYY-MM-DD)"_s.arg(text, day);
            return std::nullopt;
        }
        quantity = quantity.left(at).trimmed();
    }
    const auto value = Decimal::fromString(quantity);
    if (c.licence.isEmpty() || !value || value->isNegative()) {
        *error = u"“%1”: the quantity must be a number of 0 or more"_s.arg(text);
        return std::nullopt;
    }
    c.quantity = *value;
    return c;
}

} // namespace bd
