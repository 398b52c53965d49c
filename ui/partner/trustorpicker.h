#pragma once

#include "domain/trustor.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QTableView;

namespace bd {

class SortProxyModel;
class TrustorListModel;

/// Picks the customer org: the trustors list (searchable by name and id, showing whether the trust is
/// enabled), a field to paste an org id, and the recently opened orgs (remembered in QSettings).
class TrustorPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustorPicker)

public:
    /// Most recent orgs remembered.
    static constexpr int MaxRecent = 8;

    explicit TrustorPicker(QWidget* parent = nullptr);
    ~TrustorPicker() override;

    /// Shows the trustors list.
    void setTrustors(const QList<Trustor>& trustors);
    /// A line under the list ("Loading customers…", an error), empty to hide it.
    void setMessage(const QString& text);
    TrustorListModel* model() const { return m_model; }
    /// Filters the list by name or id, as typing in the search field does.
    void setFilterText(const QString& text);
    /// Remembers an opened org at the top of the recent list.
    void remember(const QString& orgId, const QString& name);
    /// Marks the org just opened: its row is selected when listed, and a search or pasted id that led
    /// elsewhere is cleared.
    void showOpened(const QString& orgId);
    /// The remembered org ids, most recent first.
    QStringList recentIds() const;

Q_SIGNALS:
    /// The user chose an org (from the list, the id field or the recent list). `name` may be empty.
    void trustorChosen(const QString& orgId, const QString& name);

private:
    void chooseIndex(const QModelIndex& proxyIndex);
    void openTypedId();
    void reloadRecent();

    TrustorListModel* m_model;
    SortProxyModel* m_proxy;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_message;
    QLineEdit* m_idEdit;
    QPushButton* m_openButton;
    QLabel* m_idProblem; ///< why the pasted text is not an org id
    QComboBox* m_recent;
};

} // namespace bd
