#pragma once

#include "auth/browsersignin.h"
#include "auth/profile.h"
#include "auth/secrets.h"

#include <QDialog>
#include <QList>

class QButtonGroup;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bd {

class CredentialCheck;
class PlaceField;
class BrowserSignIn;

/// Sign in to a Genesys Cloud org and name it as a profile: region (the 18 environments with their host
/// suffixes) or a custom base URL, and one of three methods — browser sign-in (PKCE, the system browser),
/// client credentials, or a pasted access token. Checks what it can before accepting: the browser sign-in and
/// the client credentials are tried for real, so accept() means the credentials work. Secrets never reach the
/// title.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    explicit SignInDialog(QWidget* parent = nullptr);
    ~SignInDialog() override;

    /// Fills the form from a saved profile (switching to a profile whose secret is missing, or editing).
    void setProfile(const Profile& profile);
    /// Signing in again to the same profile: name, place and method are fixed, only credentials are asked.
    void setReauthentication(bool reauthenticate);
    /// Names already taken by other profiles (a new profile must not overwrite one silently).
    void setExistingNames(const QStringList& names) { m_existingNames = names; }
    /// Replaces the system browser (tests, screenshots).
    void setBrowserOpener(BrowserSignIn::BrowserOpener opener);
    /// A message shown above the form, e.g. "Your session with Northwind has expired."
    void setNotice(const QString& text);

    /// The profile as entered (valid after accept()).
    Profile profile() const;
    /// The secret or token to store (valid after accept()).
    Secrets secrets() const { return m_secrets; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    void buildUi();
    void updateForMethod();
    void showError(const QString& text);
    void showBusy(const QString& text);
    void growToFit();
    void setBusy(bool busy);
    Profile::Method currentMethod() const;
    void verifyClientCredentials(const Profile& profile);

    QFormLayout* m_form = nullptr;
    /// A field that is not right yet, and why.
    struct Problem
    {
        QWidget* field;
        QString text;
    };
    /// Every field that stops a sign-in, in the order of the form.
    QList<Problem> problems() const;

    QLabel* m_notice = nullptr;
    QLineEdit* m_name = nullptr;
    PlaceField* m_place = nullptr;
    QButtonGroup* m_methods = nullptr;
    QWidget* m_fields = nullptr;
    QLineEdit* m_clientId = nullptr;
    QLineEdit* m_clientSecret = nullptr;
    QLineEdit* m_token = nullptr;
    QLabel* m_methodHint = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_copyLink = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_signIn = nullptr;

    BrowserSignIn* m_browser = nullptr;
    CredentialCheck* m_check = nullptr;
    QStringList m_existingNames;
    QString m_originalName;
    quint16 m_redirectPort = 0;
    QString m_label;
    bool m_reauthenticate = false;
    Secrets m_secrets;
};

} // namespace bd
