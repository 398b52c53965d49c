// The main window with the local store, against billing-sim: a second window on the same org shows the
// year from the store with no usage request and says so; the Stored data view names the org and forgets it;
// a damaged store is said once in the window's banner and left as it was, and the window still loads.

#include "auth/profile.h"
#include "auth/profilestore.h"
#include "auth/secrets.h"
#include "auth/secretstore.h"
#include "i18n/translations.h"
#include "load/usageseriescontroller.h"
#include "models/usageseriesmodel.h"
#include "simfixture.h"
#include "store/reportstore.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/storeddatadialog.h"
#include "ui/usagepage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

class TestMainWindowStore : public QObject
{
    Q_OBJECT

    /// A window on the sim's org through a saved client-credentials profile, loaded once.
    static bool openAndSettle(MainWindow& window, const test::SimFixture& sim, const QString& storePath)
    {
        window.secrets()->setKeychainEnabled(false);
        Profile profile;
        profile.name = u"Sim org"_s;
        profile.baseUrl = sim.server->baseUrl();
        profile.method = Profile::Method::ClientCredentials;
        profile.clientId = u"demo"_s;
        if (const auto saved = window.profiles()->profile(profile.name))
            profile = *saved; // keeps the org id a first window remembered
        profile.baseUrl = sim.server->baseUrl();
        window.profiles()->save(profile);
        Secrets secrets;
        secrets.clientSecret = u"demo"_s;
        bool written = false;
        window.secrets()->write(profile.name, secrets, &window, [&written] { written = true; });
        if (!QTest::qWaitFor([&] { return written; }, 10'000))
            return false;
        if (!storePath.isEmpty())
            window.useStore(storePath);
        window.resize(1280, 800);
        window.show();
        window.openProfile(profile.name);
        if (!QTest::qWaitFor([&] { return window.usagePage() && !window.provenance().demo; }, 10'000))
            return false;
        UsagePage* page = window.usagePage();
        return QTest::qWaitFor(
            [&] {
                const UsageSeriesController* c = page->controller();
                return c->summary().total > 0 && !c->isRunning() && !c->isProjecting();
            },
            30'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(QCoreApplication::instance());
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init() { QSettings().clear(); }

    void secondWindow_showsTheYearFromTheStoreWithNoUsageRequest()
    {
        BD_SIM_FIXTURE(sim);
        QTemporaryDir dir;
        const QString storePath = dir.filePath(u"store.sqlite"_s);
        {
            MainWindow first;
            QVERIFY(openAndSettle(first, sim, storePath));
            QCOMPARE(first.usagePage()->controller()->servedFromStore(), 0);
            // organizations/me gave the org's id: it is remembered, and the store names the org.
            QTRY_VERIFY(!first.profiles()->profile(u"Sim org"_s)->orgId.isEmpty());
            QCOMPARE(first.storeScope().orgId, sim.server->data().orgId());
            QTRY_COMPARE(first.store()->summary().value(0).orgName, sim.server->data().orgName());
        }
        const int usageRequests = sim.requests(u"/billableusage"_s).size();
        MainWindow second;
        QVERIFY(openAndSettle(second, sim, storePath));
        const UsageSeriesController* controller = second.usagePage()->controller();
        QCOMPARE(controller->servedFromStore(), controller->summary().total);
        QCOMPARE(sim.requests(u"/billableusage"_s).size(), usageRequests);
        QVERIFY2(second.usagePage()->status().text.contains(
                     u"%1 from the store"_s.arg(controller->summary().total)),
            qPrintable(second.usagePage()->status().text));
        QVERIFY(controller->model()->licenceCount() > 0);
    }

    void unreachable_showsTheStoredYearWithTheOfflineBanner()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(u"store.sqlite"_s);
        QUrl deadUrl;
        {
            BD_SIM_FIXTURE(sim);
            MainWindow first;
            QVERIFY(openAndSettle(first, sim, storePath));
            QTRY_VERIFY(!first.profiles()->profile(u"Sim org"_s)->orgId.isEmpty());
            deadUrl = sim.server->baseUrl();
        }
        // The same profile, the same address, nothing listening any more: the sign-in cannot be reached.
        MainWindow window;
        window.secrets()->setKeychainEnabled(false);
        Secrets secrets;
        secrets.clientSecret = u"demo"_s;
        bool written = false;
        window.secrets()->write(u"Sim org"_s, secrets, &window, [&written] { written = true; });
        QTRY_VERIFY(written);
        QVERIFY(window.useStore(storePath));
        window.resize(1280, 800);
        window.show();
        window.openProfile(u"Sim org"_s);
        QTRY_VERIFY(window.usagePage() && !window.provenance().demo);
        const UsageSeriesController* controller = window.usagePage()->controller();
        QTRY_VERIFY_WITH_TIMEOUT(controller->summary().total > 0 && !controller->isRunning(), 30'000);
        QCOMPARE(controller->servedFromStore(), controller->summary().total);
        QVERIFY(controller->model()->licenceCount() > 0);
        // Naming the org fails as the sign-in does: the window says it is offline, not that something broke.
        const auto* banner = window.findChild<MessageBanner*>(u"messageBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().startsWith(u"Offline"_s), 30'000);
        if (const QByteArray shots = qgetenv("BD_SCREENSHOT_DIR"); !shots.isEmpty())
            window.grab().save(QFile::decodeName(shots) + u"/usage-offline.png"_s);
    }

    void storedDataView_namesTheOrgAndForgetsIt()
    {
        BD_SIM_FIXTURE(sim);
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(openAndSettle(window, sim, dir.filePath(u"store.sqlite"_s)));
        QTRY_COMPARE(window.store()->summary().value(0).orgName, sim.server->data().orgName());
        StoredDataDialog dialog(window.store(), {}, &window);
        dialog.show();
        const auto* table = dialog.findChild<QTableView*>(u"storedOrgs"_s);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), sim.server->data().orgName());
        QVERIFY(table->model()->index(0, 2).data().toInt() >= 12);
        if (const QByteArray shots = qgetenv("BD_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(QFile::decodeName(shots) + u"/stored-data.png"_s);
        QVERIFY(dialog.forgetRow(0, false));
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(dialog.findChild<QLabel*>(u"storeSummary"_s)->text().startsWith(u"Nothing is stored yet"_s));
        QVERIFY(window.store()->summary().isEmpty());
    }

    void storedDataView_withoutAStore_saysWhy()
    {
        StoredDataDialog dialog(nullptr, u"No local store is in use (--no-store)."_s);
        QCOMPARE(dialog.findChild<QLabel*>(u"storeSummary"_s)->text(),
            u"No local store is in use (--no-store)."_s);
        QVERIFY(!dialog.findChild<QTableView*>(u"storedOrgs"_s)->isVisibleTo(&dialog));
    }

    void damagedStore_isSaidOnceAndTheWindowStillLoads()
    {
        BD_SIM_FIXTURE(sim);
        QTemporaryDir dir;
        const QString storePath = dir.filePath(u"store.sqlite"_s);
        QFile garbage(storePath);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        MainWindow window;
        QVERIFY(!window.useStore(storePath));
        QVERIFY(!window.store());
        const auto* banner = window.findChild<MessageBanner*>(u"messageBanner"_s);
        QVERIFY2(banner->text().contains(u"damaged"_s) && banner->text().contains(u"works without it"_s),
            qPrintable(banner->text()));
        QVERIFY(openAndSettle(window, sim, {}));
        QVERIFY(window.usagePage()->controller()->fetched() > 0);
        QFile after(storePath);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), QByteArray(4096, 'x'));
    }
};

QTEST_MAIN(TestMainWindowStore)
#include "tst_mainwindowstore.moc"
