#include "auth/secretstore.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace bd {

SecretStore::SecretStore(QObject* parent)
    : QObject(parent)
    , m_service(u"Billing Dashboard"_s)
{ }

SecretStore::~SecretStore() = default;

void SecretStore::setKeychainEnabled(bool enabled)
{
    if (!enabled)
        fallBack(tr("the keychain is switched off"));
}

QString SecretStore::keyFor(const QString& profile) const
{
    return u"profile:"_s + profile;
}

void SecretStore::fallBack(const QString& reason)
{
    if (m_sessionOnly)
        return;
    m_sessionOnly = true;
    // The reason is QtKeychain's or D-Bus's wording; it never contains a secret.
    Q_EMIT sessionOnly(
        tr("No keychain is available (%1). Client secrets and tokens are kept in memory for this "
           "session only: you will be asked for them again next time.")
            .arg(reason));
}

void SecretStore::startJob(QKeychain::Job* job, std::function<void(QKeychain::Job*)> onFinished)
{
    // Never the plain-text QSettings fallback: a secret on disk in clear is worse than asking again.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    auto settled = std::make_shared<bool>(false);
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, settled, onFinished, timer] {
        timer->deleteLater();
        if (*settled)
            return;
        *settled = true;
        // A D-Bus session without a Secret Service can leave a job hanging for its activation timeout.
        fallBack(tr("the keychain service did not answer"));
        onFinished(nullptr);
    });
    connect(job, &QKeychain::Job::finished, this, [settled, onFinished, timer](QKeychain::Job* finished) {
        timer->stop();
        timer->deleteLater();
        if (*settled)
            return;
        *settled = true;
        onFinished(finished);
    });
    timer->start(m_timeoutMs);
    job->start();
}

void SecretStore::read(const QString& profile, QObject* context, ReadDone done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto deliver = [guard, hasContext, done](const Secrets& secrets) {
        if (hasContext && !guard)
            return;
        if (done)
            done(secrets);
    };
    const auto cached = m_memory.constFind(profile);
    if (cached != m_memory.cend() || m_sessionOnly) {
        const Secrets secrets = cached != m_memory.cend() ? *cached : Secrets();
        QTimer::singleShot(0, this, [deliver, secrets] { deliver(secrets); });
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(keyFor(profile));
    startJob(job, [this, profile, deliver](QKeychain::Job* finished) {
        if (!finished) {
            deliver(m_memory.value(profile));
            return;
        }
        if (finished->error() == QKeychain::NoError) {
            const auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(finished);
            const Secrets secrets = Secrets::fromJson(readJob->textData().toUtf8());
            if (!m_memory.contains(profile)) // a write made meanwhile is newer
                m_memory.insert(profile, secrets);
            deliver(m_memory.value(profile));
            return;
        }
        if (finished->error() != QKeychain::EntryNotFound)
            fallBack(finished->errorString());
        deliver(m_memory.value(profile));
    });
}

void SecretStore::write(
    const QString& profile, const Secrets& secrets, QObject* context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto notify = [guard, hasContext, done] {
        if ((hasContext && !guard) || !done)
            return;
        done();
    };
    m_memory.insert(profile, secrets);
    if (m_sessionOnly) {
        QTimer::singleShot(0, this, notify);
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(keyFor(profile));
    job->setTextData(QString::fromUtf8(secrets.toJson()));
    startJob(job, [this, notify](QKeychain::Job* finished) {
        if (finished && finished->error() != QKeychain::NoError)
            fallBack(finished->errorString());
        notify();
    });
}

void SecretStore::remove(const QString& profile, QObject* context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto notify = [guard, hasContext, done] {
        if ((hasContext && !guard) || !done)
            return;
        done();
    };
    m_memory.remove(profile);
    if (m_sessionOnly) {
        QTimer::singleShot(0, this, notify);
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(keyFor(profile));
    startJob(job, [notify](QKeychain::Job*) { notify(); });
}

} // namespace bd
