#include "auth/profilestore.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
const QString Group = u"profiles"_s;
const QString LastUsedKey = u"lastUsedProfile"_s;

// A profile name may hold '/' or '\', which QSettings reads as group separators: keys carry it
// percent-encoded.
QString keyFor(const QString& name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QString nameFor(const QString& key)
{
    return QUrl::fromPercentEncoding(key.toLatin1());
}
} // namespace

ProfileStore::ProfileStore(QObject* parent)
    : QObject(parent)
    , m_settings(new QSettings(u"BillingDashboard"_s, u"Billing Dashboard"_s, this))
{ }

ProfileStore::ProfileStore(const QString& settingsFile, QObject* parent)
    : QObject(parent)
    , m_settings(new QSettings(settingsFile, QSettings::IniFormat, this))
{ }

ProfileStore::~ProfileStore() = default;

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> list;
    const QStringList all = names();
    for (const QString& name : all) {
        if (auto p = profile(name))
            list.append(*p);
    }
    return list;
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(Group);
    const QStringList keys = m_settings->childGroups();
    m_settings->endGroup();
    QStringList result;
    for (const QString& key : keys)
        result.append(nameFor(key));
    std::sort(result.begin(), result.end(),
        [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return result;
}

bool ProfileStore::contains(const QString& name) const
{
    return names().contains(name);
}

std::optional<Profile> ProfileStore::profile(const QString& name) const
{
    if (name.isEmpty() || !contains(name))
        return std::nullopt;
    m_settings->beginGroup(Group + u'/' + keyFor(name));
    Profile p;
    p.name = name;
    p.label = m_settings->value(u"label"_s).toString();
    p.orgId = m_settings->value(u"orgId"_s).toString();
    p.region = m_settings->value(u"region"_s).toString();
    p.baseUrl = QUrl(m_settings->value(u"baseUrl"_s).toString());
    p.loginUrl = QUrl(m_settings->value(u"loginUrl"_s).toString());
    p.method = Profile::methodFromKey(m_settings->value(u"method"_s).toString())
                   .value_or(Profile::Method::Browser);
    p.clientId = m_settings->value(u"clientId"_s).toString();
    p.redirectPort = quint16(m_settings->value(u"redirectPort"_s, 0).toUInt());
    m_settings->endGroup();
    return p;
}

void ProfileStore::save(const Profile& profile)
{
    m_settings->beginGroup(Group + u'/' + keyFor(profile.name));
    m_settings->remove(QString()); // a clean slate: keys a former version wrote do not linger
    m_settings->setValue(u"label"_s, profile.label);
    m_settings->setValue(u"orgId"_s, profile.orgId);
    m_settings->setValue(u"region"_s, profile.region);
    m_settings->setValue(u"baseUrl"_s, profile.baseUrl.toString());
    m_settings->setValue(u"loginUrl"_s, profile.loginUrl.toString());
    m_settings->setValue(u"method"_s, Profile::methodKey(profile.method));
    m_settings->setValue(u"clientId"_s, profile.clientId);
    m_settings->setValue(u"redirectPort"_s, profile.redirectPort);
    m_settings->endGroup();
    m_settings->sync();
    Q_EMIT changed();
}

void ProfileStore::remove(const QString& name)
{
    m_settings->remove(Group + u'/' + keyFor(name));
    if (lastUsed() == name)
        m_settings->remove(LastUsedKey);
    m_settings->sync();
    Q_EMIT changed();
}

QString ProfileStore::lastUsed() const
{
    const QString name = m_settings->value(LastUsedKey).toString();
    return contains(name) ? name : QString();
}

void ProfileStore::setLastUsed(const QString& name)
{
    m_settings->setValue(LastUsedKey, name);
    m_settings->sync();
    Q_EMIT changed();
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

} // namespace bd
