// The main window with saved profiles, against billing-sim: a profile opens with its secret from the secret
// store, names its org and loads; signing out of it falls back to the demo org.

#include "auth/profile.h"
#include "auth/profilestore.h"
#include "auth/secrets.h"
#include "auth/secretstore.h"
#include "i18n/translations.h"
#include "load/usageseriescontroller.h"
#include "models/usageseriesmodel.h"
#include "session/sessioncontroller.h"
#include "simfixture.h"
#include "ui/mainwindow.h"
#include "ui/rangebar.h"
#include "ui/signin/profilemenu.h"
#include "ui/usagepage.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::SimFixture;

class TestMainWindowProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(
            QCoreApplication::instance()); // the English plural forms, as the dashboard has them
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void openProfile_clientCredentials_namesTheOrgAndLoads()
    {
        sim::SimOptions options;
        options.clientSecret = u"s3cr3t-Value-42"_s;
        BD_SIM_FIXTURE(sim, options);
        MainWindow window;
        window.secrets()->setKeychainEnabled(false); // no keychain service here: secrets stay in memory
        Profile profile;
        profile.name = u"Sim org"_s;
        profile.baseUrl = sim.server->baseUrl();
        profile.method = Profile::Method::ClientCredentials;
        profile.clientId = u"demo"_s;
        window.profiles()->save(profile);
        Secrets secrets;
        secrets.clientSecret = options.clientSecret;
        bool written = false;
        window.secrets()->write(profile.name, secrets, this, [&written] { written = true; });
        QTRY_VERIFY(written);

        window.show();
        window.openProfile(profile.name);
        QTRY_VERIFY(window.usagePage() && !window.provenance().demo
            && window.provenance().region == profile.placeText());
        QSignalSpy settled(window.usagePage(), &UsagePage::loadSettled);
        QVERIFY(settled.wait(20'000));
        QTRY_COMPARE(window.findChild<QLabel*>(u"orgLabel"_s)->text(), sim.server->data().orgName());
        QVERIFY(window.usagePage()->controller()->model()->count(UsageSeriesModel::BucketState::Loaded) > 0);
        QVERIFY(!window.findChild<QWidget*>(u"demoBanner"_s)->isVisibleTo(&window));
        // The org's name is remembered with the profile; the secret is not in the settings.
        QTRY_COMPARE(window.profiles()->profile(profile.name)->label, sim.server->data().orgName());
        QCOMPARE(window.profiles()->lastUsed(), profile.name);
        QFile file(window.profiles()->fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("Sim"));
        QVERIFY(!stored.contains(options.clientSecret.toUtf8()));
        QVERIFY(!window.windowTitle().contains(options.clientSecret));

        // Signing out of the open profile leaves its org for the demo.
        auto* menu = window.findChild<ProfileMenu*>(u"profileMenu"_s);
        QVERIFY(menu);
        auto* signOut = menu->findChild<QAction*>(u"signOutAction"_s);
        QVERIFY(signOut && signOut->isEnabled());
        signOut->trigger();
        QTRY_VERIFY(window.provenance().demo);
        QVERIFY(window.findChild<QWidget*>(u"demoBanner"_s)->isVisibleTo(&window));
    }

    void openProfile_missingSecret_asksToSignInAndOpensNothing()
    {
        BD_SIM_FIXTURE(sim);
        ProfileStore profiles;
        SecretStore secrets;
        secrets.setKeychainEnabled(false);
        SessionController sessions(&profiles, &secrets);
        Profile profile;
        profile.name = u"No secret"_s;
        profile.baseUrl = sim.server->baseUrl();
        profile.method = Profile::Method::ClientCredentials;
        profile.clientId = u"demo"_s;
        profiles.save(profile);
        // With no secret the window is asked to sign in on this profile, with the reason; nothing is opened.
        bool opened = false;
        std::optional<Profile> asked;
        QString notice;
        sessions.openProfile(
            profile, this, [&opened](std::unique_ptr<ApiSession>, const Profile&) { opened = true; },
            [&asked, &notice](const Profile& p, const QString& why) {
                asked = p;
                notice = why;
            });
        QTRY_VERIFY(asked.has_value());
        QCOMPARE(asked->name, profile.name);
        QVERIFY2(notice.contains(u"secret"_s, Qt::CaseInsensitive), qPrintable(notice));
        QVERIFY(!opened);
        QVERIFY(profiles.lastUsed() != profile.name); // only an opened profile becomes the last used one
    }
};

QTEST_MAIN(TestMainWindowProfiles)
#include "tst_mainwindowprofiles.moc"
