#include "domain/orgid.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bd::OrgId {

namespace {

class OrgIdText
{
    Q_DECLARE_TR_FUNCTIONS(OrgIdText)
};

} // namespace

QString canonical(const QString& text)
{
    // The shape alone: an id of no org at all (all zeros, say) is Genesys' to refuse.
    static const QRegularExpression shape(
        u"^\\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\}?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = shape.match(text.trimmed());
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

QString problem(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!canonical(trimmed).isEmpty())
        return {};
    if (trimmed.isEmpty())
        return OrgIdText::tr("No org id given.");
    const QString shown = trimmed.size() > 40 ? trimmed.left(40) + QChar(0x2026) : trimmed;
    return OrgIdText::tr("“%1” is not an org id: an org id is 36 characters of hex digits and dashes "
                         "(8-4-4-4-12).")
        .arg(shown);
}

bool looksLikeName(const QString& text)
{
    for (const QChar c : text.trimmed()) {
        if (c.isSpace() || (c.isLetter() && !QStringView(u"abcdefABCDEF").contains(c)))
            return true;
    }
    return false;
}

} // namespace bd::OrgId
