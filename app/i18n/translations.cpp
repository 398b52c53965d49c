#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace bd {

void installTranslations(QCoreApplication* application)
{
    auto* translator = new QTranslator(application);
    if (translator->load(QLocale(), u"billing-dashboard"_s, u"_"_s, u":/i18n"_s)
        || translator->load(u"billing-dashboard_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace bd
