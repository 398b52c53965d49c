#include "ui/signin/profilemenu.h"

#include "auth/gcconfig.h"
#include "auth/profilestore.h"
#include "auth/secretstore.h"

#include <QActionGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace bd {

ProfileMenu::ProfileMenu(ProfileStore* profiles, SecretStore* secrets, QWidget* parent)
    : QMenu(tr("&Profile"), parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    connect(m_profiles, &ProfileStore::changed, this, &ProfileMenu::rebuild);
    rebuild();
}

void ProfileMenu::setCurrentProfile(const QString& name, bool demo)
{
    m_current = name;
    m_demo = demo;
    rebuild();
}

void ProfileMenu::rebuild()
{
    clear(); // the actions; the group and the submenu of the last build go with them
    delete m_group;
    delete m_removeMenu;
    auto* group = new QActionGroup(this);
    m_group = group;
    group->setExclusive(true);
    const QList<Profile> all = m_profiles->profiles();
    for (const Profile& profile : all) {
        QAction* action = addAction(profile.displayText());
        action->setCheckable(true);
        action->setChecked(profile.name == m_current);
        action->setToolTip(Profile::methodText(profile.method));
        group->addAction(action);
        const QString name = profile.name;
        connect(action, &QAction::triggered, this, [this, name] {
            if (name != m_current)
                Q_EMIT profileChosen(name);
        });
    }
    if (all.isEmpty())
        addAction(tr("No saved profiles"))->setEnabled(false);
    QAction* demo = addAction(tr("Demo data (no account)"));
    demo->setObjectName(u"demoAction"_s);
    demo->setCheckable(true);
    demo->setChecked(m_demo);
    demo->setToolTip(tr("The simulated org of the built-in billing-sim"));
    group->addAction(demo);
    connect(demo, &QAction::triggered, this, [this] {
        if (!m_demo)
            Q_EMIT demoRequested();
    });
    addSeparator();
    connect(
        addAction(tr("Sign in to another org…")), &QAction::triggered, this, &ProfileMenu::signInRequested);
    connect(addAction(tr("Import from Genesys CLI…")), &QAction::triggered, this,
        &ProfileMenu::importInteractively);
    addSeparator();
    QAction* signOutAction
        = addAction(m_current.isEmpty() ? tr("Sign out") : tr("Sign out of “%1”").arg(m_current));
    signOutAction->setObjectName(u"signOutAction"_s);
    signOutAction->setEnabled(!m_current.isEmpty());
    connect(signOutAction, &QAction::triggered, this, &ProfileMenu::signOut);
    // Any saved profile can be removed, open or not: one that cannot sign in any more must not be stuck.
    QMenu* remove = addMenu(tr("Remove profile"));
    m_removeMenu = remove;
    remove->setObjectName(u"removeProfileMenu"_s);
    remove->setEnabled(!all.isEmpty());
    for (const Profile& profile : all) {
        const QString name = profile.name;
        connect(remove->addAction(profile.displayText() + u"…"_s), &QAction::triggered, this,
            [this, name] { removeInteractively(name); });
    }
}

QString ProfileMenu::importGcConfig(
    const QString& path, ProfileStore* profiles, SecretStore* secrets, QString* error)
{
    const auto entries = GcConfig::readFile(path, error);
    if (!entries)
        return {};
    QStringList imported;
    QStringList skipped;
    for (const GcConfig::Entry& entry : *entries) {
        if (!entry.problem.isEmpty()) {
            skipped.append(u"%1 (%2)"_s.arg(entry.name, entry.problem));
            continue;
        }
        profiles->save(entry.profile());
        const Secrets entrySecrets = entry.secrets();
        if (!entrySecrets.isEmpty())
            secrets->write(entry.name, entrySecrets);
        imported.append(entry.name);
    }
    QString summary = imported.isEmpty()
        ? tr("No profile could be imported from %1.").arg(path)
        : tr("Imported %n profile(s): %1.", nullptr, int(imported.size())).arg(imported.join(u", "_s));
    if (!skipped.isEmpty())
        summary += u' ' + tr("Skipped %n: %1.", nullptr, int(skipped.size())).arg(skipped.join(u"; "_s));
    return summary;
}

void ProfileMenu::importInteractively()
{
    QString path = GcConfig::defaultPath();
    if (!QFileInfo::exists(path)) {
        path = QFileDialog::getOpenFileName(
            parentWidget(), tr("Import Genesys CLI profiles"), QString(), tr("Genesys CLI config (*.toml)"));
        if (path.isEmpty())
            return;
    }
    QString error;
    const QString summary = importGcConfig(path, m_profiles, m_secrets, &error);
    if (summary.isEmpty())
        QMessageBox::warning(parentWidget(), tr("Import from Genesys CLI"), error);
    else
        QMessageBox::information(parentWidget(), tr("Import from Genesys CLI"), summary);
}

void ProfileMenu::signOut()
{
    if (m_current.isEmpty())
        return;
    const QString name = m_current;
    m_secrets->remove(name, this, [this, name] { Q_EMIT signedOut(name); });
}

bool ProfileMenu::removeInteractively(const QString& name)
{
    if (!m_profiles->profile(name))
        return false;
    const auto answer = QMessageBox::question(parentWidget(), tr("Remove profile"),
        tr("Remove the profile “%1” and delete its stored secret or token?").arg(name));
    if (answer != QMessageBox::Yes)
        return false;
    m_secrets->remove(name);
    m_profiles->remove(name);
    if (name == m_current)
        m_current.clear();
    rebuild();
    Q_EMIT profileRemoved(name);
    return true;
}

} // namespace bd
