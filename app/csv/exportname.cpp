#include "csv/exportname.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace bd::ExportName {

namespace {

QString slug(const QString& text)
{
    static const QRegularExpression unsafe(uR"([\s/\\:*?"<>|]+)"_s);
    QString s = text.toLower().replace(unsafe, u"-"_s);
    while (s.startsWith(u'-') || s.startsWith(u'.'))
        s.remove(0, 1);
    while (s.endsWith(u'-') || s.endsWith(u'.'))
        s.chop(1);
    return s;
}

} // namespace

QString suggest(const QString& subject, const QString& org, QDate first, QDate last)
{
    QStringList parts { slug(subject), slug(org) };
    if (first.isValid())
        parts << first.toString(Qt::ISODate);
    if (last.isValid() && last != first)
        parts << last.toString(Qt::ISODate);
    parts.removeAll(QString());
    return parts.join(u'-');
}

} // namespace bd::ExportName
