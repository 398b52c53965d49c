#include "csv/exportfooter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

/// The translation context of this file's texts.
struct ExportFooterText
{
    Q_DECLARE_TR_FUNCTIONS(bd::ExportFooter)
};

} // namespace

QString ExportFooter::build(
    const QStringList& subject, const Provenance& provenance, const QDateTime& fetchedAt)
{
    QStringList parts = subject;
    if (!provenance.orgName.isEmpty())
        parts << (provenance.demo ? ExportFooterText::tr("%1 (demo data)").arg(provenance.orgName)
                                  : provenance.orgName);
    else if (provenance.demo)
        parts << ExportFooterText::tr("demo data");
    if (!provenance.region.isEmpty() && !provenance.demo)
        parts << provenance.region;
    parts << (fetchedAt.isValid()
            ? ExportFooterText::tr("fetched %1 UTC").arg(fetchedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s))
            : ExportFooterText::tr("nothing fetched yet"));
    parts << ExportFooterText::tr("Billing Dashboard %1").arg(QStringLiteral(BD_VERSION));
    parts.removeAll(QString());
    return parts.join(u" · "_s);
}

} // namespace bd
