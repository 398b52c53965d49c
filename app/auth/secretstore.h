#pragma once

#include "auth/secrets.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace QKeychain {
class Job;
}

namespace bd {

/// Client secrets and tokens in the operating system's keychain (QtKeychain: Secret Service on Linux,
/// Keychain on macOS, Credential Store on Windows), one entry per profile. Where no keychain service answers
/// (no D-Bus session, no Secret Service), secrets are kept in memory for this session only, and sessionOnly()
/// says so once. Never written anywhere else: QtKeychain's plain-text fallback stays off.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    /// Called with the profile's secrets (empty when there are none).
    using ReadDone = std::function<void(const Secrets&)>;

    explicit SecretStore(QObject* parent = nullptr);
    ~SecretStore() override;

    /// The keychain service the entries are filed under (default "Billing Dashboard").
    void setServiceName(const QString& name) { m_service = name; }
    /// false: never touch the keychain, keep everything in memory (e.g. --no-keychain).
    void setKeychainEnabled(bool enabled);
    /// True once secrets can no longer reach the keychain (none answered, or it was switched off).
    bool isSessionOnly() const { return m_sessionOnly; }

    /// Reads a profile's secrets; `done` runs later on the event loop, unless `context` is gone by then.
    void read(const QString& profile, QObject* context, ReadDone done);
    /// Stores a profile's secrets (replacing what was there); `done` runs once they are stored (or kept in
    /// memory).
    void write(const QString& profile, const Secrets& secrets, QObject* context = nullptr,
        std::function<void()> done = {});
    /// Deletes a profile's secrets from the keychain and from memory (sign-out).
    void remove(const QString& profile, QObject* context = nullptr, std::function<void()> done = {});

Q_SIGNALS:
    /// Emitted once, the first time the keychain cannot be used: the message explains what that means.
    void sessionOnly(const QString& message);

private:
    QString keyFor(const QString& profile) const;
    void startJob(QKeychain::Job* job, std::function<void(QKeychain::Job*)> onFinished);
    void fallBack(const QString& reason);

    QString m_service;
    QHash<QString, Secrets> m_memory; // this session's secrets: a cache over the keychain, or the only copy
    bool m_sessionOnly = false;
    int m_timeoutMs = 10'000;
};

} // namespace bd
