// ServerText::clean: what a server says reaches terminals and dialogs only as plain, short text.
#include "domain/servertext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

class TestServerText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clean_removesWhatATerminalWouldObey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"Invalid date range"_s << u"Invalid date range"_s;
        QTest::newRow("clear screen") << u"\u001b[2JInvalid\u001b[0m date"_s << u"Invalid date"_s;
        QTest::newRow("colour with parameters") << u"\u001b[1;31mred\u001b[0m"_s << u"red"_s;
        QTest::newRow("other escape") << u"a\u001bcb"_s << u"ab"_s;
        QTest::newRow("controls") << u"a\u0000b\u0007c\u0008d\u009be"_s << u"abcde"_s;
        QTest::newRow("bidi override") << u"\u202egnp.exe\u202c"_s << u"gnp.exe"_s;
        QTest::newRow("white space folded") << u"  line one\r\n\tline two  "_s << u"line one line two"_s;
        QTest::newRow("non-ASCII kept")
            << u"Zugriff verweigert für „Northwind“"_s << u"Zugriff verweigert für „Northwind“"_s;
    }

    void clean_removesWhatATerminalWouldObey()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(ServerText::clean(text), expected);
    }

    void clean_longText_isCutWithAnEllipsis()
    {
        const QString cleaned = ServerText::clean(QString(5000, u'x'), 300);
        QCOMPARE(cleaned.size(), 300);
        QVERIFY(cleaned.endsWith(u'…'));
        QCOMPARE(ServerText::clean(QString(300, u'y'), 300), QString(300, u'y'));
    }
};

QTEST_GUILESS_MAIN(TestServerText)
#include "tst_servertext.moc"
