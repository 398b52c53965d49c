#include "ui/storeddatadialog.h"

#include "models/storeddatamodel.h"
#include "store/reportstore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

StoredDataDialog::StoredDataDialog(ReportStore* store, const QString& unavailable, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_model(new StoredDataModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_forget(new QPushButton(tr("&Forget this org…"), this))
{
    setWindowTitle(tr("Stored data"));
    m_summary->setObjectName(u"storeSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(u"storedOrgs"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StoredDataModel::OrgColumn, QHeaderView::Stretch);
    m_forget->setObjectName(u"forgetOrg"_s);
    m_forget->setEnabled(false);
    m_forget->setToolTip(tr("Delete every report and billing period stored for the selected org. Closed "
                            "periods will be fetched again when next shown."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_forget, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_forget, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            forgetRow(rows.first().row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { m_forget->setEnabled(m_table->selectionModel()->hasSelection()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 360);

    if (!m_store) {
        m_summary->setText(unavailable);
        m_table->hide();
        m_forget->hide();
        return;
    }
    reload();
}

StoredDataDialog::~StoredDataDialog() = default;

void StoredDataDialog::reload()
{
    m_model->setOrgs(m_store->summary());
    const QLocale locale;
    m_summary->setText(m_model->rowCount() == 0
            ? tr("Nothing is stored yet. Reports are kept in %1 as they are fetched.").arg(m_store->path())
            : tr("%1 in %2 (%3 on disk). Closed billing periods and windows that had ended when fetched are "
                 "served from here without asking Genesys Cloud again.")
                  .arg(locale.formattedDataSize(m_model->totalBytes()), m_store->path(),
                      locale.formattedDataSize(m_store->fileSize())));
    m_forget->setEnabled(false);
}

bool StoredDataDialog::forgetRow(int row, bool confirm)
{
    const StoreScope scope = m_model->scopeAt(row);
    if (!m_store || !scope.isValid())
        return false;
    if (confirm
        && QMessageBox::question(this, tr("Forget this org"),
               tr("Delete everything stored for %1 (%2)? It is fetched again from Genesys Cloud when next "
                  "shown.")
                   .arg(m_model->orgTextAt(row), scope.region))
            != QMessageBox::Yes)
        return false;
    QString error;
    if (!m_store->forget(scope, &error)) {
        QMessageBox::warning(this, tr("Forget this org"), error);
        return false;
    }
    reload();
    return true;
}

} // namespace bd
