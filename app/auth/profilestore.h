#pragma once

#include "auth/profile.h"

#include <QList>
#include <QObject>

#include <optional>

class QSettings;

namespace bd {

/// Named profiles in QSettings (group "profiles"), and which one was used last. Never a secret or a token:
/// those go to the SecretStore.
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    /// Uses the dashboard's settings (organization "BillingDashboard", application "Billing Dashboard"), the
    /// same file for the window and for `billing-dashboard export --profile`.
    explicit ProfileStore(QObject* parent = nullptr);
    /// Uses a settings file of its own (tests, imports).
    explicit ProfileStore(const QString& settingsFile, QObject* parent = nullptr);
    ~ProfileStore() override;

    /// Every profile, sorted by name (case-insensitive).
    QList<Profile> profiles() const;
    QStringList names() const;
    std::optional<Profile> profile(const QString& name) const;
    bool contains(const QString& name) const;

    /// Adds or replaces the profile with this name.
    void save(const Profile& profile);
    /// Forgets a profile (its secrets are the SecretStore's business).
    void remove(const QString& name);

    /// The profile to open at start; empty when none (or it was removed).
    QString lastUsed() const;
    void setLastUsed(const QString& name);

    /// The settings file, for tests that search it.
    QString fileName() const;

Q_SIGNALS:
    /// A profile was added, changed or removed, or the last used one changed.
    void changed();

private:
    QSettings* m_settings;
};

} // namespace bd
