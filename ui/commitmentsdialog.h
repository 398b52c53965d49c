#pragma once

#include "domain/licencecommitment.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace bd {

/// Where an org's admin enters what was contracted per licence and billing cycle (the billable-usage report
/// carries no commitment). One row per licence: the quantity per cycle, and optionally the day it holds
/// from and its own "near at" share; an empty quantity means no commitment. A row can be added for a licence
/// not in the load, and a licence with a changed commitment gets a second row with its new first day.
class CommitmentsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommitmentsDialog)

public:
    /// Rows for `commitments`, then an empty one for each of `licences` that has none.
    CommitmentsDialog(const QList<LicenceCommitment>& commitments, const QStringList& licences,
        int thresholdPercent, QWidget* parent = nullptr);

    /// Offers to fill the rows with a partner's prepaid quantities (PartnerView::prepaidCommitments);
    /// `source` says whose overview and which periods they come from.
    void offerImport(const QList<LicenceCommitment>& prepaid, const QString& source);

    /// What the rows say; valid only after accept().
    QList<LicenceCommitment> commitments() const { return m_result; }
    int thresholdPercent() const;

    void accept() override;

private:
    void addRow(const QString& licence, const QString& quantity, const QString& from, const QString& nearAt);
    /// Reads every row into m_result; false (with the row selected and the problem shown) at the first
    /// that does not read.
    bool readRows();
    /// Replaces the rows of every licence in `prepaid` with its commitments.
    void importRows(const QList<LicenceCommitment>& prepaid);

    QTableWidget* m_table;
    QSpinBox* m_threshold;
    QLabel* m_problem;
    QPushButton* m_import;
    QLabel* m_imported;
    QList<LicenceCommitment> m_result;
};

} // namespace bd
