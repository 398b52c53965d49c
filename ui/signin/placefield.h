#pragma once

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace bd {

struct Profile;

/// Where an org lives: one of the Genesys Cloud regions (with its API and sign-in hosts shown under it) or a
/// custom base URL, with a sign-in URL when it differs (a Genesys region's API host signs in at its login
/// host by itself).
class PlaceField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceField)

public:
    explicit PlaceField(QWidget* parent = nullptr);
    ~PlaceField() override;

    /// Shows a profile's place.
    void setPlace(const Profile& profile);
    /// Writes the place into a profile (a region key, or a base URL).
    void writeTo(Profile* profile) const;
    /// The sign-in base of the place; invalid with *error set when the URL is unusable.
    QUrl loginBase(QString* error) const;
    void setReadOnly(bool readOnly);
    /// Why the place cannot be used (a URL that is not one, plain http to another computer), naming what
    /// was typed; empty when it can.
    QString problem() const;
    /// The field to put right when problem() is not empty.
    QWidget* problemField() const;

Q_SIGNALS:
    /// The region or a URL was changed.
    void edited();

private:
    void update();

    QComboBox* m_region;
    QLabel* m_hosts;
    QLineEdit* m_baseUrl;
    QLineEdit* m_loginUrl;
};

} // namespace bd
