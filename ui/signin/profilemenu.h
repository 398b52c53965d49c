#pragma once

#include <QMenu>
#include <QPointer>

class QActionGroup;

namespace bd {

class ProfileStore;
class SecretStore;

/// The profile switcher for the main window's menu bar or a tool button: one checkable entry per saved
/// profile (the current one checked), then "Sign in to another org…", "Import from Genesys CLI…", "Sign out"
/// and "Remove profile…". It rebuilds itself when the profiles change. Signing out and removing delete the
/// profile's secrets themselves; switching and signing in are the window's to do (through the signals).
class ProfileMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileMenu)

public:
    ProfileMenu(ProfileStore* profiles, SecretStore* secrets, QWidget* parent = nullptr);

    /// The profile the window is showing (checked in the menu; Sign out applies to it); `demo` when it shows
    /// the demo org instead.
    void setCurrentProfile(const QString& name, bool demo = false);
    /// Asks whether to remove a saved profile and its secrets; true when it was removed.
    bool removeInteractively(const QString& name);

    /// Reads a gc config file into profiles and secrets; returns a summary for a person ("Imported 3
    /// profiles: …; skipped 1: …") or sets *error when the file cannot be read.
    static QString importGcConfig(
        const QString& path, ProfileStore* profiles, SecretStore* secrets, QString* error);

Q_SIGNALS:
    /// The person picked another saved profile.
    void profileChosen(const QString& name);
    /// The person wants to sign in to an org that has no profile yet.
    void signInRequested();
    /// The person wants the built-in demo org.
    void demoRequested();
    /// The current profile's secrets were deleted: close its session (what is shown may stay, read-only).
    void signedOut(const QString& name);
    /// A profile was removed with its secrets.
    void profileRemoved(const QString& name);

private:
    void rebuild();
    void importInteractively();
    void signOut();

    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    QString m_current;
    bool m_demo = false;
    QPointer<QActionGroup> m_group;
    QPointer<QMenu> m_removeMenu;
};

} // namespace bd
