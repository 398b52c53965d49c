// The sign-in dialog, offscreen: regions, validation, the three methods against billing-sim, the profile
// menu. With BD_SIGNIN_SCREENSHOTS=<dir> it also renders the screenshots packaging/screenshots/signin-*.png.

#include "api/region.h"
#include "auth/profilestore.h"
#include "auth/secretstore.h"
#include "domain/utc.h"
#include "sim/billingsimserver.h"
#include "ui/signin/profilemenu.h"
#include "ui/signin/signindialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

class TestSignInDialog final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::BillingSimServer> m_sim;
    QNetworkAccessManager m_browser;

    static QLineEdit* field(SignInDialog& dialog, const QString& objectName)
    {
        auto* edit = dialog.findChild<QLineEdit*>(objectName);
        if (!edit)
            qWarning("no line edit named %s", qPrintable(objectName));
        return edit;
    }

    static QComboBox* regionBox(SignInDialog& dialog) { return dialog.findChild<QComboBox*>(u"region"_s); }

    static void chooseMethod(SignInDialog& dialog, Profile::Method method)
    {
        dialog.findChild<QButtonGroup*>(u"signInMethods"_s)->button(int(method))->click();
    }

    static void chooseCustomUrl(SignInDialog& dialog, const QUrl& url)
    {
        QComboBox* combo = regionBox(dialog);
        combo->setCurrentIndex(combo->count() - 1);
        field(dialog, u"baseUrl"_s)->setText(url.toString());
    }

    static void clickSignIn(SignInDialog& dialog)
    {
        auto* button = dialog.findChild<QPushButton*>(u"signInButton"_s);
        QVERIFY(button);
        button->click();
    }

    /// A browser that follows the authorize redirect back to the app's loopback listener.
    BrowserSignIn::BrowserOpener playingBrowser()
    {
        return [this](const QUrl& url) {
            QNetworkReply* reply = m_browser.get(QNetworkRequest(url)); // follows the 302 to 127.0.0.1
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
            return true;
        };
    }

    /// Every label shown is as tall as its wrapped text needs and lies inside the dialog, once the window
    /// system has applied the dialog's new size.
    static void verifyNoLabelIsCut(SignInDialog& dialog)
    {
        for (QLabel* label : dialog.findChildren<QLabel*>()) {
            if (!label->isVisibleTo(&dialog) || label->text().isEmpty())
                continue;
            const auto needed = [label] {
                return label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
            };
            QTRY_VERIFY2(label->height() >= needed(),
                qPrintable(u"“%1” is %2 px tall, needs %3"_s.arg(label->text().left(40))
                               .arg(label->height())
                               .arg(needed())));
            const QRect inDialog(label->mapTo(&dialog, QPoint()), label->size());
            QVERIFY2(dialog.rect().contains(inDialog),
                qPrintable(u"“%1” lies outside the dialog"_s.arg(label->text().left(40))));
        }
    }

    static void save(QWidget& widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("BD_SIGNIN_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        widget.adjustSize();
        QVERIFY(widget.grab().save(dir + u'/' + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        sim::SimOptions options;
        options.now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), bd::UtcZone);
        m_sim = std::make_unique<sim::BillingSimServer>(options);
        QVERIFY(m_sim->listen() != 0);
    }

    void regions_listAllEighteenWithHostSuffixes_plusCustomUrl()
    {
        SignInDialog dialog;
        QComboBox* combo = regionBox(dialog);
        QStringList texts;
        for (int i = 0; i < combo->count(); ++i) {
            if (!combo->itemText(i).isEmpty())
                texts.append(combo->itemText(i));
        }
        QCOMPARE(texts.size(), Regions::all().size() + 1);
        QCOMPARE(Regions::all().size(), 18);
        for (const Region& region : Regions::all()) {
            QVERIFY2(
                texts.contains(u"%1 — %2"_s.arg(region.displayName, region.env)), qPrintable(region.key));
        }
        QCOMPARE(texts.last(), u"Custom base URL…"_s);
        QCOMPARE(dialog.windowTitle(), u"Sign in to Genesys Cloud"_s);
    }

    void validation_showsClearErrors_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("expected");
        const int cc = int(Profile::Method::ClientCredentials);
        QTest::newRow("no name") << cc << QString() << QString() << u"Give the profile a name."_s;
        QTest::newRow("remote http") << cc << u"x"_s << u"http://api.example.com"_s
                                     << u"Plain http is only allowed"_s;
        QTest::newRow("no client id") << cc << u"x"_s << QString() << u"Enter the OAuth client id."_s;
        QTest::newRow("taken name") << int(Profile::Method::AccessToken) << u"Taken"_s << QString()
                                    << u"already exists"_s;
        QTest::newRow("no token") << int(Profile::Method::AccessToken) << u"x"_s << QString()
                                  << u"Paste the access token"_s;
    }

    void validation_showsClearErrors()
    {
        QFETCH(int, method);
        QFETCH(QString, name);
        QFETCH(QString, baseUrl);
        QFETCH(QString, expected);
        SignInDialog dialog;
        dialog.setExistingNames({ u"Taken"_s });
        chooseMethod(dialog, Profile::Method(method));
        field(dialog, u"profileName"_s)->setText(name);
        if (!baseUrl.isEmpty())
            chooseCustomUrl(dialog, QUrl(baseUrl));
        clickSignIn(dialog);
        QVERIFY2(dialog.findChild<QLabel*>(u"error"_s)->text().contains(expected),
            qPrintable(dialog.findChild<QLabel*>(u"error"_s)->text()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open, nothing accepted
    }

    // Every problem at once, the first wrong field focused, and the error gone once the person types.
    void validation_saysEverythingAtOnceAndFocusesTheFirstField()
    {
        SignInDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        chooseMethod(dialog, Profile::Method::ClientCredentials);
        chooseCustomUrl(dialog, QUrl());
        field(dialog, u"baseUrl"_s)->setText(u"not a url"_s);
        clickSignIn(dialog);
        auto* error = dialog.findChild<QLabel*>(u"error"_s);
        const QStringList lines = error->text().split(u'\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), u"Give the profile a name."_s);
        QVERIFY2(lines.at(1).startsWith(u"“not a url” is not a valid URL"_s), qPrintable(lines.at(1)));
        QCOMPARE(lines.at(2), u"Enter the OAuth client id."_s);
        QCOMPARE(lines.at(3), u"Enter the client secret."_s);
        QTRY_VERIFY(field(dialog, u"profileName"_s)->hasFocus());

        QTest::keyClicks(field(dialog, u"profileName"_s), u"Sim"_s);
        QVERIFY(error->isHidden());
        QVERIFY(error->text().isEmpty());
        clickSignIn(dialog);
        QCOMPARE(error->text().split(u'\n').size(), 3);
        QTRY_VERIFY(field(dialog, u"baseUrl"_s)->hasFocus());

        // A sign-in URL that is not one is said as such.
        field(dialog, u"baseUrl"_s)->setText(u"https://api.example.com"_s);
        field(dialog, u"loginUrl"_s)->setText(u"http://login.example.com"_s);
        clickSignIn(dialog);
        QVERIFY2(error->text().startsWith(u"Sign-in URL: Plain http is only allowed"_s),
            qPrintable(error->text()));
        QTRY_VERIFY(field(dialog, u"loginUrl"_s)->hasFocus());
    }

    // The dialog grows with what it has to say: a long error, a notice, the browser wait.
    void messages_growTheDialog_andNoneIsCut()
    {
        SignInDialog dialog;
        dialog.setBrowserOpener([](const QUrl&) { return true; }); // nobody answers: the dialog waits
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QSize before = dialog.size();
        dialog.setNotice(
            u"Your session at Northwind EU has ended. Sign in again to go on reading its billing: "
            "the profile, its place and its client id are kept, and only the credentials are "
            "asked for again."_s);
        chooseMethod(dialog, Profile::Method::ClientCredentials);
        chooseCustomUrl(dialog, QUrl());
        verifyNoLabelIsCut(dialog);
        field(dialog, u"baseUrl"_s)->setText(u"not a url, but a sentence pasted by mistake into the field"_s);
        clickSignIn(dialog);
        QCOMPARE(dialog.findChild<QLabel*>(u"error"_s)->text().split(u'\n').size(), 4);
        QVERIFY2(dialog.height() > before.height(), "the dialog did not grow");
        QCOMPARE(dialog.width(), before.width());
        verifyNoLabelIsCut(dialog);

        chooseMethod(dialog, Profile::Method::Browser);
        field(dialog, u"profileName"_s)->setText(u"Me at Northwind"_s);
        chooseCustomUrl(dialog, m_sim->baseUrl());
        field(dialog, u"clientId"_s)->setText(m_sim->options().browserClientId);
        clickSignIn(dialog);
        auto* copyLink = dialog.findChild<QPushButton*>(u"copyLinkButton"_s);
        QTRY_VERIFY(copyLink->isVisibleTo(&dialog));
        const QList<QLabel*> labels = dialog.findChildren<QLabel*>();
        const auto waiting = std::find_if(labels.begin(), labels.end(), [&](QLabel* label) {
            return label->isVisibleTo(&dialog)
                && label->text().startsWith(u"Waiting for you to sign in in your web browser…"_s);
        });
        QVERIFY2(waiting != labels.end(), "no “waiting for your browser” status");
        QVERIFY(dialog.findChild<QLabel*>(u"error"_s)->isHidden());
        QVERIFY(!dialog.findChild<QPushButton*>(u"signInButton"_s)->isEnabled());
        verifyNoLabelIsCut(dialog);
        dialog.reject();
    }

    void clientCredentials_rightSecret_accepts_wrongSecret_says_why()
    {
        SignInDialog dialog;
        chooseMethod(dialog, Profile::Method::ClientCredentials);
        field(dialog, u"profileName"_s)->setText(u"Northwind"_s);
        chooseCustomUrl(dialog, m_sim->baseUrl());
        field(dialog, u"clientId"_s)->setText(u"demo"_s);
        field(dialog, u"clientSecret"_s)->setText(u"wrong-secret"_s);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        clickSignIn(dialog);
        QTRY_VERIFY(dialog.findChild<QLabel*>(u"error"_s)->text().contains(u"Sign-in refused"_s));
        QCOMPARE(accepted.size(), 0);
        QVERIFY(!dialog.windowTitle().contains(u"wrong-secret"_s));

        field(dialog, u"clientSecret"_s)->setText(u"demo"_s);
        clickSignIn(dialog);
        QTRY_COMPARE(accepted.size(), 1);
        const Profile profile = dialog.profile();
        QCOMPARE(profile.name, u"Northwind"_s);
        QCOMPARE(profile.method, Profile::Method::ClientCredentials);
        QCOMPARE(profile.baseUrl, m_sim->baseUrl());
        QCOMPARE(profile.clientId, u"demo"_s);
        QCOMPARE(dialog.secrets().clientSecret, u"demo"_s);
    }

    void browserSignIn_againstSim_acceptsWithAUserToken()
    {
        SignInDialog dialog;
        dialog.setBrowserOpener(playingBrowser());
        field(dialog, u"profileName"_s)->setText(u"Me at Northwind"_s);
        chooseCustomUrl(dialog, m_sim->baseUrl());
        field(dialog, u"clientId"_s)->setText(m_sim->options().browserClientId);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        clickSignIn(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15'000);
        QCOMPARE(dialog.profile().method, Profile::Method::Browser);
        QVERIFY(!dialog.secrets().accessToken.isEmpty());
        QVERIFY(dialog.secrets().accessTokenExpiresAt.isValid());
        QVERIFY(dialog.secrets().clientSecret.isEmpty());
    }

    void browserSignIn_deniedConsent_showsTheReason()
    {
        m_sim->setDenyConsent(true);
        SignInDialog dialog;
        dialog.setBrowserOpener(playingBrowser());
        field(dialog, u"profileName"_s)->setText(u"Me"_s);
        chooseCustomUrl(dialog, m_sim->baseUrl());
        field(dialog, u"clientId"_s)->setText(m_sim->options().browserClientId);
        clickSignIn(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.findChild<QLabel*>(u"error"_s)->text().contains(u"declined"_s), 15'000);
        m_sim->setDenyConsent(false);
    }

    void accessToken_acceptsAndKeepsItOutOfTheTitle()
    {
        SignInDialog dialog;
        chooseMethod(dialog, Profile::Method::AccessToken);
        field(dialog, u"profileName"_s)->setText(u"Pasted"_s);
        field(dialog, u"accessToken"_s)->setText(u"  tok-123  "_s);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        clickSignIn(dialog);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.secrets().accessToken, u"tok-123"_s);
        QVERIFY(dialog.profile().clientId.isEmpty());
        QVERIFY(!dialog.windowTitle().contains(u"tok-123"_s));
        QCOMPARE(field(dialog, u"accessToken"_s)->echoMode(), QLineEdit::Password);
    }

    void reauthentication_locksEverythingButCredentials()
    {
        Profile profile;
        profile.name = u"Northwind"_s;
        profile.region = u"eu_west_1"_s;
        profile.method = Profile::Method::Browser;
        profile.clientId = u"abc"_s;
        SignInDialog dialog;
        dialog.setProfile(profile);
        dialog.setReauthentication(true);
        dialog.setNotice(u"Your session with Northwind has expired."_s);
        QCOMPARE(dialog.windowTitle(), u"Sign in again"_s);
        QVERIFY(field(dialog, u"profileName"_s)->isReadOnly());
        QVERIFY(!regionBox(dialog)->isEnabled());
        QCOMPARE(dialog.profile(), profile);
    }

    void profileMenu_listsProfiles_andImportsGcConfig()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath(u"profiles.ini"_s));
        SecretStore secrets;
        secrets.setKeychainEnabled(false);
        Profile p;
        p.name = u"Alpha"_s;
        p.region = u"us_east_1"_s;
        p.method = Profile::Method::ClientCredentials;
        p.clientId = u"a"_s;
        profiles.save(p);
        ProfileMenu menu(&profiles, &secrets);
        menu.setCurrentProfile(u"Alpha"_s);
        QStringList texts;
        const QList<QAction*> actions = menu.actions();
        for (QAction* a : actions)
            texts.append(a->text());
        QVERIFY(texts.contains(u"Alpha · US East (Virginia)"_s) || texts.first().startsWith(u"Alpha · "_s));
        QVERIFY(texts.contains(u"Sign out of “Alpha”"_s));

        const QString config = dir.filePath(u"config.toml"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "[beta]\nenvironment = \"mypurecloud.ie\"\nclient_credentials = \"b\"\nclient_secret = \"bs\"\n"
            "[gamma]\nenvironment = \"nowhere\"\naccess_token = \"t\"\n");
        file.close();
        QString error;
        const QString summary = ProfileMenu::importGcConfig(config, &profiles, &secrets, &error);
        QVERIFY2(summary.contains(u"beta"_s) && summary.contains(u"Skipped 1"_s), qPrintable(summary));
        QVERIFY(profiles.contains(u"beta"_s));
        QVERIFY(!profiles.contains(u"gamma"_s));
        QVERIFY(!QFile(profiles.fileName()).open(QIODevice::ReadOnly)
            || !QFile(profiles.fileName()).readAll().contains("bs"));
        QCOMPARE(menu.actions().size(), actions.size() + 1); // rebuilt with the new profile

        QSignalSpy signedOut(&menu, &ProfileMenu::signedOut);
        const QList<QAction*> now = menu.actions();
        for (QAction* a : now) {
            if (a->text().startsWith(u"Sign out"_s))
                a->trigger();
        }
        QTRY_COMPARE(signedOut.size(), 1);
    }

    void screenshots()
    {
        if (qEnvironmentVariableIsEmpty("BD_SIGNIN_SCREENSHOTS"))
            QSKIP("set BD_SIGNIN_SCREENSHOTS=<dir> to render the screenshots");
        {
            SignInDialog dialog;
            regionBox(dialog)->setCurrentIndex(1);
            field(dialog, u"profileName"_s)->setText(u"Northwind EU"_s);
            field(dialog, u"clientId"_s)->setText(u"7de3af06-8a0b-4a5d-b0b4-6f1b7c2e9a41"_s);
            dialog.show();
            save(dialog, u"signin-browser.png"_s);
        }
        {
            SignInDialog dialog;
            chooseMethod(dialog, Profile::Method::ClientCredentials);
            field(dialog, u"profileName"_s)->setText(u"Contoso partner"_s);
            field(dialog, u"clientId"_s)->setText(u"c0a8f1d2-5b7e-4c3a-9e21-0d4f6a8b2c11"_s);
            field(dialog, u"clientSecret"_s)->setText(u"not-the-real-secret"_s);
            dialog.show();
            save(dialog, u"signin-client-credentials.png"_s);
        }
        {
            SignInDialog dialog;
            dialog.setBrowserOpener([](const QUrl&) { return true; }); // nobody answers: the dialog waits
            field(dialog, u"profileName"_s)->setText(u"Me at Northwind"_s);
            chooseCustomUrl(dialog, m_sim->baseUrl());
            field(dialog, u"clientId"_s)->setText(m_sim->options().browserClientId);
            dialog.show();
            clickSignIn(dialog);
            save(dialog, u"signin-waiting.png"_s);
            dialog.reject();
        }
        {
            SignInDialog dialog;
            chooseMethod(dialog, Profile::Method::AccessToken);
            field(dialog, u"profileName"_s)->setText(u"Lab"_s);
            chooseCustomUrl(dialog, QUrl(u"http://gateway.example.com"_s));
            field(dialog, u"accessToken"_s)->setText(u"abc"_s);
            dialog.show();
            clickSignIn(dialog);
            save(dialog, u"signin-error.png"_s);
        }
    }
};

} // namespace bd

QTEST_MAIN(bd::TestSignInDialog)
#include "tst_signindialog.moc"
