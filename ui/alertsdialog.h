#pragma once

#include "models/displayzone.h"
#include "store/storescope.h"

#include <QDate>
#include <QDialog>

class QTreeWidget;

namespace bd {

class ReportStore;

/// The alerts told for an org, newest first: when, what changed, for which licence or customer and period.
/// Activating one asks the window to show it (openRequested).
class AlertsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsDialog)

public:
    /// `store` nullptr: the list says that alerts need the local store.
    AlertsDialog(ReportStore* store, const StoreScope& scope, DisplayZone zone, QWidget* parent = nullptr);

    int alertCount() const;

Q_SIGNALS:
    /// Show this subject: "licence:…" on the Usage page, "customer:…" (with its name) on the Partner page.
    void openRequested(const QString& subjectKey, const QString& name, QDate periodStart);

private:
    QTreeWidget* m_list;
};

} // namespace bd
