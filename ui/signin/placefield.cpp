#include "ui/signin/placefield.h"

#include "api/apiendpoint.h"
#include "api/region.h"
#include "auth/profile.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
constexpr int CustomRegion = -1; // item data of the "Custom base URL" entry
} // namespace

PlaceField::PlaceField(QWidget* parent)
    : QWidget(parent)
    , m_region(new QComboBox(this))
    , m_hosts(Theme::mutedLabel(QString(), this))
    , m_baseUrl(new QLineEdit(this))
    , m_loginUrl(new QLineEdit(this))
{
    m_region->setObjectName(u"region"_s);
    const QList<Region>& regions = Regions::all();
    for (int i = 0; i < regions.size(); ++i)
        m_region->addItem(u"%1 — %2"_s.arg(regions.at(i).displayName, regions.at(i).env), i);
    m_region->insertSeparator(m_region->count());
    m_region->addItem(tr("Custom base URL…"), CustomRegion);
    m_region->setMaxVisibleItems(22);
    m_region->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Word-wrapped labels ask for little width and wrap early; give it the field's width.
    m_hosts->setMinimumWidth(500);
    m_baseUrl->setObjectName(u"baseUrl"_s);
    m_baseUrl->setPlaceholderText(u"https://api.example.com  ·  http://127.0.0.1:8080"_s);
    m_baseUrl->setToolTip(tr("Base URL"));
    m_loginUrl->setObjectName(u"loginUrl"_s);
    m_loginUrl->setPlaceholderText(tr("Sign-in URL, if it differs (optional)"));
    m_loginUrl->setToolTip(
        tr("Where the OAuth sign-in goes; empty: the base URL (for a Genesys API host, its "
           "login host)"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_region);
    layout->addWidget(m_hosts);
    layout->addWidget(m_baseUrl);
    layout->addWidget(m_loginUrl);
    connect(m_region, &QComboBox::currentIndexChanged, this, &PlaceField::update);
    connect(m_region, &QComboBox::currentIndexChanged, this, &PlaceField::edited);
    connect(m_baseUrl, &QLineEdit::textEdited, this, &PlaceField::edited);
    connect(m_loginUrl, &QLineEdit::textEdited, this, &PlaceField::edited);
    update();
}

PlaceField::~PlaceField() = default;

void PlaceField::setPlace(const Profile& profile)
{
    if (!profile.baseUrl.isEmpty()) {
        m_region->setCurrentIndex(m_region->findData(CustomRegion));
        m_baseUrl->setText(profile.baseUrl.toString());
        m_loginUrl->setText(profile.loginUrl.toString());
        return;
    }
    const QList<Region>& regions = Regions::all();
    const auto found = Regions::find(profile.region);
    for (int i = 0; found && i < regions.size(); ++i) {
        if (regions.at(i).key == found->key)
            m_region->setCurrentIndex(m_region->findData(i));
    }
}

void PlaceField::writeTo(Profile* profile) const
{
    const int data = m_region->currentData().toInt();
    if (data == CustomRegion) {
        profile->baseUrl = QUrl(m_baseUrl->text().trimmed(), QUrl::StrictMode);
        const QString login = m_loginUrl->text().trimmed();
        profile->loginUrl = login.isEmpty() ? QUrl() : QUrl(login, QUrl::StrictMode);
    } else
        profile->region = Regions::all().at(data).key;
}

QUrl PlaceField::loginBase(QString* error) const
{
    Profile p;
    writeTo(&p);
    QString why;
    const ApiEndpoint endpoint = p.baseUrl.isEmpty() ? ApiEndpoint::forRegion(*Regions::find(p.region))
                                                     : ApiEndpoint::fromUrls(p.baseUrl, p.loginUrl, &why);
    if (error)
        *error = why;
    return endpoint.loginBase();
}

void PlaceField::setReadOnly(bool readOnly)
{
    m_region->setEnabled(!readOnly);
    m_baseUrl->setReadOnly(readOnly);
    m_loginUrl->setReadOnly(readOnly);
}

QString PlaceField::problem() const
{
    if (m_region->currentData().toInt() != CustomRegion)
        return {};
    Profile p;
    writeTo(&p);
    QString why;
    if (!ApiEndpoint::isAcceptableUrl(p.baseUrl, &why))
        return why;
    if (!p.loginUrl.isEmpty() && !ApiEndpoint::isAcceptableUrl(p.loginUrl, &why))
        return tr("Sign-in URL: %1").arg(why);
    return {};
}

QWidget* PlaceField::problemField() const
{
    if (m_region->currentData().toInt() != CustomRegion)
        return m_region;
    Profile p;
    writeTo(&p);
    return ApiEndpoint::isAcceptableUrl(p.baseUrl, nullptr) ? m_loginUrl : m_baseUrl;
}

void PlaceField::update()
{
    const int data = m_region->currentData().toInt();
    const bool custom = data == CustomRegion;
    m_baseUrl->setVisible(custom);
    m_loginUrl->setVisible(custom);
    if (custom) {
        m_hosts->setText(
            tr("Sign-in goes to the same address unless a sign-in URL is given (a Genesys API host "
               "signs in at its login host). Plain http only to this computer."));
    } else {
        const Region& region = Regions::all().at(data);
        m_hosts->setText(
            tr("API %1 · sign-in %2 · key %3").arg(region.apiHost(), region.loginHost(), region.key));
    }
}

} // namespace bd
