#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace bd {

class ReportStore;
class StoredDataModel;

/// File ▸ Stored data: what the local store holds per org (reports, periods, size, the span of the data,
/// the last fetch), where it lives, and "Forget this org". Without a store it says why there is none.
class StoredDataDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoredDataDialog)

public:
    /// `store` may be nullptr; `unavailable` then says why (it could not be opened, or --no-store).
    StoredDataDialog(ReportStore* store, const QString& unavailable, QWidget* parent = nullptr);
    ~StoredDataDialog() override;

    /// Forgets the org of a row, after asking unless `confirm` is false; false when nothing was forgotten.
    bool forgetRow(int row, bool confirm = true);

private:
    void reload();

    ReportStore* m_store;
    StoredDataModel* m_model;
    QLabel* m_summary;
    QTableView* m_table;
    QPushButton* m_forget;
};

} // namespace bd
