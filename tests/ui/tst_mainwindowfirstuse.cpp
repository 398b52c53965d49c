// The main window as a new user first meets it, on the built-in demo org: the window's shortcuts work
// wherever the focus is, and nothing shows billing-sim's loopback address.

#include "api/apiclient.h"
#include "api/apisession.h"
#include "auth/profile.h"
#include "auth/profilestore.h"
#include "auth/secretstore.h"
#include "i18n/translations.h"
#include "load/usageseriescontroller.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/usagepage.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

QList<QPushButton*> buttonsOf(const QWidget* banner)
{
    QList<QPushButton*> shown;
    for (QPushButton* button : banner->findChildren<QPushButton*>()) {
        if (button->isVisibleTo(banner) && !button->text().isEmpty())
            shown << button;
    }
    return shown;
}

QStringList buttonTexts(const QWidget* banner)
{
    QStringList texts;
    for (const QPushButton* button : buttonsOf(banner))
        texts << button->text();
    return texts;
}

QPushButton* buttonNamed(const QWidget* banner, const QString& text)
{
    for (QPushButton* button : buttonsOf(banner)) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

/// Claims Ctrl+E and Ctrl+B for a line edit, as QLineEdit does under the X11 key scheme of a desktop session
/// ("end of line", "back one character"); the offscreen platform's scheme leaves them free.
class EmacsKeys final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() != QEvent::ShortcutOverride)
            return false;
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_E || key->key() == Qt::Key_B))
            event->accept();
        return false;
    }
};

} // namespace

class TestMainWindowFirstUse : public QObject
{
    Q_OBJECT

    /// The demo org in `window`, its first load settled.
    static bool openDemo(MainWindow& window)
    {
        QString error;
        if (!window.useDemo(&error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        window.resize(1280, 800);
        window.show();
        window.start();
        UsagePage* page = window.usagePage();
        return page
            && QTest::qWaitFor(
                [&] { return page->controller()->summary().total > 0 && !page->controller()->isRunning(); },
                30'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(QCoreApplication::instance());
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { QSettings().clear(); }

    void windowShortcuts_workWhileAFilterBoxHasFocus()
    {
        MainWindow window;
        QVERIFY(openDemo(window));
        auto* filter = window.usagePage()->findChild<QLineEdit*>(u"licenceFilter"_s);
        QVERIFY(filter);
        filter->setText(u"CX"_s);
        EmacsKeys emacs;
        filter->installEventFilter(&emacs);
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());

        // Ctrl+B, "back one character" to a line edit, switches to stacked bars.
        auto* stacked = window.findChild<QAction*>(u"stackedAction"_s);
        QVERIFY(stacked);
        QVERIFY(!stacked->isChecked());
        QTest::keyClick(filter, Qt::Key_B, Qt::ControlModifier);
        QVERIFY(stacked->isChecked());
        QCOMPARE(filter->text(), u"CX"_s);

        // Ctrl+E, "end of line" to a line edit, opens the export.
        bool exportOpened = false;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                exportOpened = true;
                dialog->reject();
            }
        });
        closer.start(10);
        filter->setCursorPosition(0);
        QTest::keyClick(filter, Qt::Key_E, Qt::ControlModifier);
        closer.stop();
        QVERIFY(exportOpened);
        QCOMPARE(filter->cursorPosition(), 0);

        // The field keeps the keys that are its own: Ctrl+A selects its text, not anything of the window's.
        QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(filter->selectedText(), u"CX"_s);
    }

    void cancelledSignIn_leavesAWayForward()
    {
        MainWindow window;
        window.secrets()->setKeychainEnabled(false);
        Profile profile;
        profile.name = u"Lost secret"_s;
        profile.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
        profile.method = Profile::Method::ClientCredentials;
        profile.clientId = u"demo"_s;
        window.profiles()->save(profile);
        window.resize(1280, 800);
        window.show();

        // The profile has no secret: the sign-in dialog opens, and the person cancels it.
        QTimer closer;
        int dialogs = 0;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                ++dialogs;
                if (auto* box = qobject_cast<QMessageBox*>(dialog))
                    box->button(QMessageBox::Yes)->click();
                else
                    dialog->reject();
            }
        });
        closer.start(10);
        window.openProfile(profile.name);
        QTRY_COMPARE(dialogs, 1);
        auto* banner = window.findChild<MessageBanner*>(u"messageBanner"_s);
        QTRY_VERIFY(banner->text().startsWith(u"Not signed in to “Lost secret”."_s));
        QCOMPARE(
            buttonTexts(banner), (QStringList { u"Sign in…"_s, u"Open demo data"_s, u"Remove profile…"_s }));

        // Remove the profile that cannot sign in: the banner still offers the rest.
        buttonNamed(banner, u"Remove profile…"_s)->click();
        QTRY_COMPARE(dialogs, 2);
        QVERIFY(!window.profiles()->profile(profile.name));
        QTRY_VERIFY(banner->text().startsWith(u"Not signed in."_s));
        QCOMPARE(buttonTexts(banner), (QStringList { u"Sign in…"_s, u"Open demo data"_s }));
        closer.stop();

        buttonNamed(banner, u"Open demo data"_s)->click();
        QVERIFY(window.provenance().demo);
        QVERIFY(window.usagePage());
        auto* demo = window.findChild<QAction*>(u"demoAction"_s);
        QVERIFY(demo && demo->isChecked());
    }

    void rateLimit_statusBarSaysRequestsWaitAndForHowLong()
    {
        MainWindow window;
        QVERIFY(openDemo(window));
        auto* held = window.findChild<QLabel*>(u"heldBackLabel"_s);
        QVERIFY(held);
        QVERIFY(!held->isVisible());
        // Two requests a minute: a year of months waits for the limit, and the status bar says so.
        window.session()->client()->setRateLimit(2);
        window.usagePage()->load({ QDate(2025, 1, 1), QDate(2025, 12, 31) }, Granularity::Week);
        QTRY_VERIFY(held->isVisible());
        QVERIFY2(held->text().startsWith(u"Rate limit: next request in "_s), qPrintable(held->text()));
        QVERIFY(held->text().endsWith(u" s"_s));
        if (const QByteArray shots = qgetenv("BD_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1024, 640);
            QCoreApplication::sendPostedEvents(); // a resize is laid out from posted events
            window.grab().save(QFile::decodeName(shots) + u"/usage-rate-limit-1024.png"_s);
        }
        window.usagePage()->cancel();
        QTRY_VERIFY(!held->isVisible());
    }

    void demo_namesNoLoopbackAddress()
    {
        MainWindow window;
        QVERIFY(openDemo(window));
        const auto* region = window.findChild<QLabel*>(u"regionLabel"_s);
        QVERIFY(region);
        QCOMPARE(region->text(), u"demo"_s);
        const QString footer = window.usagePage()->footerText();
        QVERIFY2(footer.contains(u"(demo data)"_s), qPrintable(footer));
        QVERIFY2(!footer.contains(u"127.0.0.1"_s) && !footer.contains(u"localhost"_s), qPrintable(footer));
    }

    void demoBanner_saysItIsDemoData_andCanBeDismissed()
    {
        MainWindow window;
        QVERIFY(openDemo(window));
        window.resize(1024, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* demo = window.findChild<MessageBanner*>(u"demoBanner"_s);
        QVERIFY(demo);
        QVERIFY(demo->isVisible());
        QVERIFY(demo->text().contains(u"Demo data"_s));
        const int chartHeight = window.usagePage()->height();
        auto* dismiss = demo->findChild<QToolButton*>();
        QVERIFY(dismiss);
        QTest::mouseClick(dismiss, Qt::LeftButton);
        QVERIFY(!demo->isVisible());
        QTRY_VERIFY(window.usagePage()->height() > chartHeight); // its room goes to the page
    }
};

QTEST_MAIN(TestMainWindowFirstUse)
#include "tst_mainwindowfirstuse.moc"
