#include "ui/commitmentsdialog.h"

#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

enum Column { LicenceColumn, QuantityColumn, FromColumn, NearColumn, ColumnCount };

QString nearText(const LicenceCommitment& c)
{
    return c.nearPercent ? QString::number(*c.nearPercent) : QString();
}

} // namespace

CommitmentsDialog::CommitmentsDialog(const QList<LicenceCommitment>& commitments, const QStringList& licences,
    int thresholdPercent, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_threshold(new QSpinBox(this))
    , m_problem(new QLabel(this))
    , m_import(new QPushButton(tr("&Import prepaid quantities"), this))
    , m_imported(new QLabel(this))
{
    setObjectName(u"commitmentsDialog"_s);
    setWindowTitle(tr("Licence commitments"));
    auto* intro
        = new QLabel(tr("What your contract commits you to per billing cycle, licence by licence. Genesys "
                        "Cloud's usage report does not carry it: the dashboard compares usage with what "
                        "you enter here, and warns before a cycle goes over. Leave a quantity empty for "
                        "no commitment (on demand); a first day and a licence's own “near at” share are "
                        "optional. Kept for this org on this computer only."),
            this);
    intro->setWordWrap(true);
    m_table->setObjectName(u"commitmentTable"_s);
    m_table->setHorizontalHeaderLabels(
        { tr("Licence"), tr("Per cycle"), tr("From (YYYY-MM-DD)"), tr("Near at %") });
    m_table->horizontalHeaderItem(NearColumn)
        ->setToolTip(tr("This licence's own share of its commitment from which it is near; empty: the "
                        "“Near at” below"));
    m_table->horizontalHeader()->setSectionResizeMode(LicenceColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(QuantityColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FromColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NearColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setTabKeyNavigation(true); // Tab walks the cells: it is a form
    for (const LicenceCommitment& c : commitments)
        addRow(c.licence, c.quantity.toString(), c.from.isValid() ? c.from.toString(Qt::ISODate) : QString(),
            nearText(c));
    for (const QString& licence : licences) {
        const bool listed = std::any_of(commitments.cbegin(), commitments.cend(),
            [&](const LicenceCommitment& c) { return c.licence.compare(licence, Qt::CaseInsensitive) == 0; });
        if (!listed)
            addRow(licence, {}, {}, {});
    }
    auto* add = new QPushButton(tr("&Add a row"), this);
    auto* remove = new QPushButton(tr("&Remove row"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow({}, {}, {}, {});
        m_table->setCurrentCell(m_table->rowCount() - 1, LicenceColumn);
        m_table->editItem(m_table->currentItem());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    m_import->setObjectName(u"importPrepaid"_s);
    m_import->hide();
    m_imported->setObjectName(u"importedNote"_s);
    m_imported->setWordWrap(true);
    m_imported->hide();
    auto* rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    rowButtons->addWidget(m_import);

    m_threshold->setObjectName(u"commitmentThreshold"_s);
    m_threshold->setRange(1, 100);
    m_threshold->setSuffix(u" %"_s);
    m_threshold->setValue(thresholdPercent);
    m_threshold->setToolTip(tr("A licence at or above this share of its commitment is near it (a warning)"));
    auto* form = new QFormLayout;
    form->addRow(tr("Near at"), m_threshold);

    m_problem->setObjectName(u"commitmentProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CommitmentsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CommitmentsDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_imported);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(760, 440);
}

int CommitmentsDialog::thresholdPercent() const
{
    return m_threshold->value();
}

void CommitmentsDialog::addRow(
    const QString& licence, const QString& quantity, const QString& from, const QString& nearAt)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, LicenceColumn, new QTableWidgetItem(licence));
    auto* amount = new QTableWidgetItem(quantity);
    amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, QuantityColumn, amount);
    m_table->setItem(row, FromColumn, new QTableWidgetItem(from));
    auto* near = new QTableWidgetItem(nearAt);
    near->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, NearColumn, near);
}

void CommitmentsDialog::offerImport(const QList<LicenceCommitment>& prepaid, const QString& source)
{
    m_import->setVisible(!prepaid.isEmpty());
    m_import->setToolTip(tr("From %1. Replaces the rows of the licences it prepays; nothing is kept until "
                            "you save.")
                             .arg(source));
    disconnect(m_import, &QPushButton::clicked, this, nullptr);
    connect(m_import, &QPushButton::clicked, this, [this, prepaid, source] {
        importRows(prepaid);
        QStringList licences;
        for (const LicenceCommitment& c : prepaid) {
            if (!licences.contains(c.licence, Qt::CaseInsensitive))
                licences << c.licence;
        }
        m_imported->setText(tr("Imported the prepaid quantities of %n licence(s), from %1. Check them, then "
                               "save.",
            nullptr, int(licences.size()))
                                .arg(source));
        m_imported->show();
    });
}

void CommitmentsDialog::importRows(const QList<LicenceCommitment>& prepaid)
{
    const auto imported = [&](const QString& licence) {
        return std::any_of(prepaid.cbegin(), prepaid.cend(), [&](const LicenceCommitment& c) {
            return c.licence.trimmed().compare(licence.trimmed(), Qt::CaseInsensitive) == 0;
        });
    };
    for (int row = m_table->rowCount() - 1; row >= 0; --row) {
        if (imported(m_table->item(row, LicenceColumn)->text()))
            m_table->removeRow(row);
    }
    for (const LicenceCommitment& c : prepaid)
        addRow(c.licence, c.quantity.toString(), c.from.isValid() ? c.from.toString(Qt::ISODate) : QString(),
            nearText(c));
    m_table->sortItems(LicenceColumn); // each imported licence where the eye looks for it
}

bool CommitmentsDialog::readRows()
{
    m_result.clear();
    const auto problem = [this](int row, int column, const QString& text) {
        m_table->setCurrentCell(row, column);
        m_problem->setText(text);
        m_problem->setStyleSheet(u"color: %1"_s.arg(Theme::colour(Theme::Tone::Error, palette()).name()));
        m_problem->show();
        m_table->setFocus();
        return false;
    };
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString licence = m_table->item(row, LicenceColumn)->text();
        const QString quantity = m_table->item(row, QuantityColumn)->text();
        const QString from = m_table->item(row, FromColumn)->text();
        const QString nearAt = m_table->item(row, NearColumn)->text();
        if (quantity.trimmed().isEmpty() && from.trimmed().isEmpty() && nearAt.trimmed().isEmpty())
            continue; // no commitment
        QString error;
        const auto c = LicenceCommitments::fromFields(licence, quantity, from, &error, nearAt);
        if (!c) {
            // The field the problem is in: the first that does not read, in the order they are read.
            const auto amount = Decimal::fromString(quantity.trimmed());
            const bool badDay
                = !from.trimmed().isEmpty() && !QDate::fromString(from.trimmed(), Qt::ISODate).isValid();
            const int column = licence.trimmed().isEmpty() ? LicenceColumn
                : !amount || *amount <= Decimal()          ? QuantityColumn
                : badDay                                   ? FromColumn
                                                           : NearColumn;
            return problem(row, column, error);
        }
        m_result.append(*c);
        if (const QString clash = LicenceCommitments::conflict(m_result); !clash.isEmpty())
            return problem(row, FromColumn, clash);
    }
    m_problem->hide();
    return true;
}

void CommitmentsDialog::accept()
{
    if (readRows())
        QDialog::accept();
}

} // namespace bd
