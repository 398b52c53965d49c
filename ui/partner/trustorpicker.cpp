#include "ui/partner/trustorpicker.h"

#include "domain/orgid.h"
#include "models/sortproxymodel.h"
#include "models/trustorlistmodel.h"
#include "ui/tonedelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

namespace {
const QString RecentKey = u"partner/recentOrgs"_s;
// Recent entries are stored as "id<TAB>name" so a name with any other character survives.
constexpr QChar Separator = u'\t';
} // namespace

TrustorPicker::TrustorPicker(QWidget* parent)
    : QWidget(parent)
    , m_model(new TrustorListModel(this))
    , m_proxy(new SortProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_message(new QLabel(this))
    , m_idEdit(new QLineEdit(this))
    , m_openButton(new QPushButton(tr("Open"), this))
    , m_idProblem(new QLabel(this))
    , m_recent(new QComboBox(this))
{
    m_search->setObjectName(u"trustorSearch"_s);
    m_table->setObjectName(u"trustorTable"_s);
    m_message->setObjectName(u"trustorMessage"_s);
    m_idEdit->setObjectName(u"orgIdEdit"_s);
    m_openButton->setObjectName(u"openOrgButton"_s);
    m_idProblem->setObjectName(u"orgIdProblem"_s);
    m_idProblem->setWordWrap(true);
    m_idProblem->hide();
    m_recent->setObjectName(u"recentOrgs"_s);

    m_search->setPlaceholderText(tr("Search customers by name or org id"));
    m_search->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TrustorListModel::SortRole);
    m_proxy->setFilterKeyColumn(-1); // name and id alike
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control; arrows move between cells
    m_table->setItemDelegate(new ToneDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TrustorListModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setColumnHidden(TrustorListModel::IdColumn, true); // searchable, shown in the tooltip and title
    m_table->horizontalHeader()->setSectionResizeMode(TrustorListModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        TrustorListModel::TrustColumn, QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_message->setWordWrap(true);
    m_message->hide();
    m_idEdit->setPlaceholderText(tr("Paste an org id"));
    m_idEdit->setClearButtonEnabled(true);
    m_openButton->setEnabled(false);
    m_recent->setPlaceholderText(tr("Recently opened"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(tr("<b>Customers</b>"), this);
    layout->addWidget(heading);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    auto* idRow = new QHBoxLayout;
    idRow->addWidget(m_idEdit, 1);
    idRow->addWidget(m_openButton);
    layout->addLayout(idRow);
    layout->addWidget(m_idProblem);
    layout->addWidget(m_recent);

    connect(m_search, &QLineEdit::textChanged, this, &TrustorPicker::setFilterText);
    connect(m_table, &QAbstractItemView::clicked, this, &TrustorPicker::chooseIndex);
    connect(m_table, &QAbstractItemView::activated, this, &TrustorPicker::chooseIndex);
    connect(m_idEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        const bool valid = !OrgId::canonical(text).isEmpty();
        m_openButton->setEnabled(valid);
        // Why Open stays disabled, once there is something to judge; a name is offered to the search.
        QString why;
        if (!valid && !text.trimmed().isEmpty()) {
            why = OrgId::problem(text);
            if (OrgId::looksLikeName(text))
                why += u' ' + tr("To find a customer by name, use the search above.");
        }
        m_idProblem->setText(why);
        m_idProblem->setVisible(!why.isEmpty());
    });
    connect(m_idEdit, &QLineEdit::returnPressed, this, &TrustorPicker::openTypedId);
    connect(m_openButton, &QPushButton::clicked, this, &TrustorPicker::openTypedId);
    connect(m_recent, &QComboBox::activated, this, [this](int index) {
        const QString id = m_recent->itemData(index).toString();
        if (!id.isEmpty())
            Q_EMIT trustorChosen(id, m_recent->itemData(index, Qt::UserRole + 1).toString());
    });
    reloadRecent();
}

TrustorPicker::~TrustorPicker() = default;

void TrustorPicker::setTrustors(const QList<Trustor>& trustors)
{
    m_model->setTrustors(trustors);
    setMessage(trustors.isEmpty() ? tr("No customer org trusts this org.") : QString());
}

void TrustorPicker::setMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void TrustorPicker::setFilterText(const QString& text)
{
    if (m_search->text() != text)
        m_search->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text.trimmed());
}

void TrustorPicker::chooseIndex(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const Trustor t = m_model->trustor(m_proxy->mapToSource(proxyIndex).row());
    Q_EMIT trustorChosen(t.id, t.organization.name);
}

void TrustorPicker::openTypedId()
{
    const QString id = OrgId::canonical(m_idEdit->text());
    if (id.isEmpty())
        return;
    const int row = m_model->rowOfId(id);
    Q_EMIT trustorChosen(id, row >= 0 ? m_model->trustor(row).organization.name : QString());
}

void TrustorPicker::showOpened(const QString& orgId)
{
    m_idEdit->clear();
    const int row = m_model->rowOfId(OrgId::canonical(orgId));
    QModelIndex shown = row >= 0 ? m_proxy->mapFromSource(m_model->index(row, TrustorListModel::NameColumn))
                                 : QModelIndex();
    if (row >= 0 && !shown.isValid()) {
        setFilterText({}); // the search hid it: a stale search is worse than none
        shown = m_proxy->mapFromSource(m_model->index(row, TrustorListModel::NameColumn));
    }
    if (shown.isValid()) {
        m_table->selectionModel()->setCurrentIndex(
            shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(shown);
    } else {
        m_table->clearSelection();
    }
}

void TrustorPicker::remember(const QString& orgId, const QString& name)
{
    QSettings settings;
    QStringList entries = settings.value(RecentKey).toStringList();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                      [&](const QString& e) {
                          return e.section(Separator, 0, 0).compare(orgId, Qt::CaseInsensitive) == 0;
                      }),
        entries.end());
    entries.prepend(orgId + Separator + name);
    settings.setValue(RecentKey, entries.mid(0, MaxRecent));
    reloadRecent();
}

QStringList TrustorPicker::recentIds() const
{
    QStringList ids;
    for (int i = 0; i < m_recent->count(); ++i)
        ids << m_recent->itemData(i).toString();
    return ids;
}

void TrustorPicker::reloadRecent()
{
    m_recent->clear();
    const QStringList entries = QSettings().value(RecentKey).toStringList();
    for (const QString& entry : entries) {
        const QString id = entry.section(Separator, 0, 0);
        const QString name = entry.section(Separator, 1);
        m_recent->addItem(name.isEmpty() ? id : u"%1 · %2"_s.arg(name, id.left(8)), id);
        m_recent->setItemData(m_recent->count() - 1, name, Qt::UserRole + 1);
    }
    m_recent->setCurrentIndex(-1);
    m_recent->setEnabled(m_recent->count() > 0);
}

} // namespace bd
