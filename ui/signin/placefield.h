#pragma once

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace bd {

struct Profile;

/// Where an org lives: one of the Genesys Cloud regions (with its API and sign-in hosts shown under it) or a
/// custom base URL.
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

private:
    void update();

    QComboBox* m_region;
    QLabel* m_hosts;
    QLineEdit* m_baseUrl;
};

} // namespace bd
