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

void ProfileMenu::setCurrentProfile(const QString& name)
{
    m_current = name;
    rebuild();
}

void ProfileMenu::rebuild()
{
    clear();
    auto* group = new QActionGroup(this);
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
    QAction* removeAction = addAction(tr("Remove profile…"));
    removeAction->setEnabled(!m_current.isEmpty());
    connect(removeAction, &QAction::triggered, this, &ProfileMenu::removeInteractively);
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

void ProfileMenu::removeInteractively()
{
    if (m_current.isEmpty())
        return;
    const QString name = m_current;
    const auto answer = QMessageBox::question(parentWidget(), tr("Remove profile"),
        tr("Remove the profile “%1” and delete its stored secret or token?").arg(name));
    if (answer != QMessageBox::Yes)
        return;
    m_secrets->remove(name);
    m_profiles->remove(name);
    m_current.clear();
    rebuild();
    Q_EMIT profileRemoved(name);
}

} // namespace bd
