#include "ui/signin/signindialog.h"

#include "auth/credentialcheck.h"
#include "ui/signin/placefield.h"
#include "ui/theme.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

SignInDialog::SignInDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in to Genesys Cloud"));
    buildUi();
    updateForMethod();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    auto* title = new QLabel(tr("Sign in to a Genesys Cloud organization"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    layout->addWidget(
        Theme::mutedLabel(tr("The profile keeps the place, the sign-in method and the client id. Secrets and "
                             "tokens go to the system keychain, never to a settings file."),
            this));

    m_notice = Theme::noticeLabel(Theme::Tone::Warning, this);
    layout->addWidget(m_notice);

    m_fields = new QWidget(this);
    auto* form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 6, 0, 0);
    // Every field takes the row's width: a wrapped hint as wide as its text would be laid out one line short.
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form = form;

    m_name = new QLineEdit(m_fields);
    m_name->setObjectName(u"profileName"_s);
    m_name->setPlaceholderText(tr("e.g. Northwind EU"));
    m_name->setClearButtonEnabled(true);
    form->addRow(tr("Profile &name:"), m_name);

    m_place = new PlaceField(m_fields);
    form->addRow(tr("&Region:"), m_place);

    auto* methodRow = new QHBoxLayout;
    methodRow->setSpacing(14);
    m_methods = new QButtonGroup(this);
    m_methods->setObjectName(u"signInMethods"_s);
    const QList<std::pair<Profile::Method, QString>> methods = {
        { Profile::Method::Browser, tr("&Browser sign-in") },
        { Profile::Method::ClientCredentials, tr("&Client credentials") },
        { Profile::Method::AccessToken, tr("Access &token") },
    };
    for (const auto& [method, text] : methods) {
        auto* button = new QRadioButton(text, m_fields);
        m_methods->addButton(button, int(method));
        methodRow->addWidget(button);
    }
    methodRow->addStretch();
    m_methods->button(int(Profile::Method::Browser))->setChecked(true);
    form->addRow(tr("Sign in with:"), methodRow);

    m_clientId = new QLineEdit(m_fields);
    m_clientId->setObjectName(u"clientId"_s);
    form->addRow(tr("Client &id:"), m_clientId);
    m_clientSecret = new QLineEdit(m_fields);
    m_clientSecret->setObjectName(u"clientSecret"_s);
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setPlaceholderText(tr("kept in the system keychain"));
    form->addRow(tr("Client &secret:"), m_clientSecret);
    m_token = new QLineEdit(m_fields);
    m_token->setObjectName(u"accessToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("paste an access token"));
    form->addRow(tr("Access &token:"), m_token);
    m_methodHint = Theme::mutedLabel(QString(), m_fields);
    m_methodHint->setMinimumWidth(500);
    form->addRow(QString(), m_methodHint);
    layout->addWidget(m_fields);

    m_error = Theme::noticeLabel(Theme::Tone::Error, this);
    m_error->setObjectName(u"error"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);

    auto* statusRow = new QHBoxLayout;
    m_status = Theme::noticeLabel(Theme::Tone::Info, this);
    statusRow->addWidget(m_status, 1);
    m_copyLink = new QPushButton(tr("Copy link"), this);
    m_copyLink->setObjectName(u"copyLinkButton"_s);
    m_copyLink->setToolTip(tr("Copy the sign-in address, to open it in a browser yourself"));
    m_copyLink->setVisible(false);
    statusRow->addWidget(m_copyLink);
    layout->addLayout(statusRow);

    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_methods, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateForMethod();
    });
    // An error about what was typed goes once the person changes it.
    auto clearError = [this] {
        if (!m_signIn->isEnabled())
            return; // a sign-in under way keeps its status
        m_error->clear();
        m_error->setVisible(false);
    };
    for (QLineEdit* edit : { m_name, m_clientId, m_clientSecret, m_token })
        connect(edit, &QLineEdit::textEdited, this, clearError);
    connect(m_place, &PlaceField::edited, this, clearError);
    connect(m_place, &PlaceField::edited, this, &SignInDialog::growToFit); // a custom URL's hint
    connect(m_methods, &QButtonGroup::idToggled, this, clearError);
    connect(m_copyLink, &QPushButton::clicked, this, [this] {
        if (m_browser)
            QApplication::clipboard()->setText(m_browser->authorizationUrl().toString(QUrl::FullyEncoded));
    });

    m_browser = new BrowserSignIn(this);
    connect(m_browser, &BrowserSignIn::waitingForBrowser, this, [this](const QUrl&, bool opened) {
        showBusy(opened
                ? tr("Waiting for you to sign in in your web browser… Come back here when the browser "
                     "says you are signed in.")
                : tr("No web browser could be opened. Copy the link and open it in a browser."));
        m_copyLink->setVisible(true);
    });
    connect(
        m_browser, &BrowserSignIn::exchangingCode, this, [this] { showBusy(tr("Finishing the sign-in…")); });
    connect(
        m_browser, &BrowserSignIn::succeeded, this, [this](const QString& token, const QDateTime& expiresAt) {
            m_secrets = Secrets { {}, token, expiresAt };
            setBusy(false);
            QDialog::accept();
        });
    connect(m_browser, &BrowserSignIn::failed, this, [this](const ApiError& error) {
        setBusy(false);
        if (error.kind() != ApiError::Kind::Cancelled)
            showError(error.message());
    });

    setMinimumWidth(620);
}

void SignInDialog::setBrowserOpener(BrowserSignIn::BrowserOpener opener)
{
    m_browser->setBrowserOpener(std::move(opener));
}

void SignInDialog::setNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    growToFit();
}

void SignInDialog::setProfile(const Profile& profile)
{
    m_originalName = profile.name;
    m_label = profile.label;
    m_redirectPort = profile.redirectPort;
    m_name->setText(profile.name);
    m_place->setPlace(profile);
    m_methods->button(int(profile.method))->setChecked(true);
    m_clientId->setText(profile.clientId);
    updateForMethod();
}

void SignInDialog::setReauthentication(bool reauthenticate)
{
    m_reauthenticate = reauthenticate;
    m_name->setReadOnly(reauthenticate);
    m_place->setReadOnly(reauthenticate);
    for (QAbstractButton* button : m_methods->buttons())
        button->setEnabled(!reauthenticate);
    m_clientId->setReadOnly(reauthenticate);
    setWindowTitle(reauthenticate ? tr("Sign in again") : tr("Sign in to Genesys Cloud"));
}

Profile::Method SignInDialog::currentMethod() const
{
    return Profile::Method(m_methods->checkedId());
}

void SignInDialog::updateForMethod()
{
    const Profile::Method method = currentMethod();
    m_form->setRowVisible(m_clientId, method != Profile::Method::AccessToken);
    m_form->setRowVisible(m_clientSecret, method == Profile::Method::ClientCredentials);
    m_form->setRowVisible(m_token, method == Profile::Method::AccessToken);
    switch (method) {
    case Profile::Method::Browser:
        m_clientId->setPlaceholderText(tr("OAuth client with the authorization code grant"));
        m_methodHint->setText(
            tr("Your web browser opens Genesys Cloud's sign-in page. Sign in there, then come "
               "back: the dashboard works as you, with your permissions."));
        m_signIn->setText(tr("Sign in with browser"));
        break;
    case Profile::Method::ClientCredentials:
        m_clientId->setPlaceholderText(tr("OAuth client with the client credentials grant"));
        m_methodHint->setText(
            tr("For partner and reporting clients. A new token is fetched before the old one "
               "expires."));
        m_signIn->setText(tr("Sign in"));
        break;
    case Profile::Method::AccessToken:
        m_methodHint->setText(tr("A pasted token cannot be renewed: when it expires, paste a new one."));
        m_signIn->setText(tr("Sign in"));
        break;
    }
    m_error->setVisible(false);
    growToFit();
}

Profile SignInDialog::profile() const
{
    Profile p;
    p.name = m_name->text().trimmed();
    p.label = m_label;
    p.method = currentMethod();
    m_place->writeTo(&p);
    if (p.method != Profile::Method::AccessToken)
        p.clientId = m_clientId->text().trimmed();
    p.redirectPort = p.method == Profile::Method::Browser ? m_redirectPort : 0;
    return p;
}

void SignInDialog::showError(const QString& text)
{
    m_status->setVisible(false);
    m_copyLink->setVisible(false);
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    growToFit();
}

void SignInDialog::showBusy(const QString& text)
{
    m_error->setVisible(false);
    m_status->setText(text);
    m_status->setVisible(true);
    growToFit();
}

void SignInDialog::growToFit()
{
    // A window's layout does not grow it for wrapped text, whose height depends on the width: a long error
    // would be cut off at the bottom. The dialog grows as tall as its messages need, never narrower.
    if (!isVisible())
        return; // showing the dialog sizes it for its text
    QLayout* top = layout();
    top->activate();
    int needed = std::max(top->totalMinimumSize().height(), top->totalHeightForWidth(width()));
    if (const QScreen* shown = screen())
        needed = std::min(needed, shown->availableGeometry().height()); // the buttons stay on screen
    if (needed > height())
        resize(width(), needed);
}

void SignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_fields->setEnabled(!busy);
    if (!busy) {
        m_status->setVisible(false);
        m_copyLink->setVisible(false);
    }
}

QList<SignInDialog::Problem> SignInDialog::problems() const
{
    const Profile p = profile();
    QList<Problem> found;
    if (p.name.isEmpty())
        found.append({ m_name, tr("Give the profile a name.") });
    else if (!m_reauthenticate && p.name != m_originalName && m_existingNames.contains(p.name))
        found.append({ m_name, tr("A profile named “%1” already exists: choose another name.").arg(p.name) });
    if (const QString place = m_place->problem(); !place.isEmpty())
        found.append({ m_place->problemField(), place });
    if (p.method != Profile::Method::AccessToken && p.clientId.isEmpty())
        found.append({ m_clientId, tr("Enter the OAuth client id.") });
    if (p.method == Profile::Method::ClientCredentials && m_clientSecret->text().isEmpty())
        found.append({ m_clientSecret, tr("Enter the client secret.") });
    if (p.method == Profile::Method::AccessToken) {
        const QString token = m_token->text().trimmed();
        if (token.isEmpty() || token.contains(u' '))
            found.append({ m_token, tr("Paste the access token (one word, without “Bearer”).") });
    }
    return found;
}

void SignInDialog::accept()
{
    // Everything that is wrong is said at once, and the first field to put right gets the focus.
    if (const QList<Problem> found = problems(); !found.isEmpty()) {
        QStringList lines;
        for (const Problem& problem : found)
            lines << problem.text;
        showError(lines.join(u'\n'));
        found.first().field->setFocus();
        return;
    }
    const Profile p = profile();
    QString why;
    if (!p.isValid(&why)) {
        showError(why);
        return;
    }
    const QUrl login = m_place->loginBase(&why);
    if (!login.isValid()) {
        showError(why);
        return;
    }
    switch (p.method) {
    case Profile::Method::Browser:
        setBusy(true);
        m_browser->setRedirectPort(p.redirectPort);
        m_browser->start(login, p.clientId);
        return;
    case Profile::Method::ClientCredentials:
        verifyClientCredentials(p);
        return;
    case Profile::Method::AccessToken: {
        m_secrets = Secrets { {}, m_token->text().trimmed(), {} };
        QDialog::accept();
        return;
    }
    }
}

void SignInDialog::verifyClientCredentials(const Profile& profile)
{
    // Sign in once for real, so a mistyped secret is reported here and not after the dialog has closed.
    if (!m_check) {
        m_check = new CredentialCheck(this);
        connect(m_check, &CredentialCheck::accepted, this, [this] {
            m_secrets = Secrets { m_clientSecret->text(), {}, {} };
            setBusy(false);
            QDialog::accept();
        });
        connect(m_check, &CredentialCheck::refused, this, [this](const ApiError& error) {
            setBusy(false);
            showError(error.message());
        });
    }
    QString why;
    setBusy(true);
    showBusy(tr("Checking the client credentials…"));
    m_check->start(m_place->loginBase(&why), profile.clientId, m_clientSecret->text());
}

void SignInDialog::reject()
{
    if (m_browser->isActive())
        m_browser->cancel();
    if (m_check)
        m_check->cancel();
    QDialog::reject();
}

} // namespace bd
