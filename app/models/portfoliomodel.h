#pragma once

#include "domain/commitmentstate.h"
#include "domain/currencytotals.h"
#include "domain/portfolio.h"
#include "domain/trusteebillingoverview.h"
#include "domain/trustor.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace bd {

/// A partner's portfolio: one row per customer (trustor) org, one column per billing period index (0 = the
/// active period, then the closed ones), each cell the standing of that customer's period against its
/// commitments (Commitments::period). The active period is projected to its end from the closed periods
/// loaded, so a customer on course to exceed says so before it does. Currencies are never added together:
/// each row has one, and subtotals are per currency. Raw values in SortRole; a cell's status and state in
/// StatusRole and StateRole, which the view colours.
class PortfolioModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortfolioModel)

public:
    enum Column {
        NameColumn,
        CurrencyColumn,
        OverageNowColumn, ///< the active period's estimated overage
        TrendColumn, ///< the last closed period's overage against the one before it
        IdleColumn, ///< the active period's unused seat commitment, at its prepay price
        FirstPeriodColumn ///< index 0; index i is FirstPeriodColumn + i
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< the name, currency or a Decimal amount
        StatusRole, ///< a period cell's CellStatus (int)
        StateRole, ///< a loaded period cell's CommitmentState (int)
        OrgIdRole, ///< the customer's org id (every column)
        PeriodIndexRole, ///< a period cell's billingPeriodIndex
    };
    using CellStatus = PortfolioCell::Status;
    using Cell = PortfolioCell;
    using Customer = PortfolioCustomer;
    /// What a period cell shows.
    enum class CellText { EstimatedTotal, Overage };
    /// Which customers are listed.
    enum class Filter { All, ExceededNow, AtRiskNow, ExceededAny, Unreadable };

    explicit PortfolioModel(QObject* parent = nullptr);

    /// Starts over with these customers and `periods` columns (the active period and periods − 1 closed).
    /// The same customers and columns again keep their cells until new ones are set.
    void reset(const QList<Trustor>& trustors, int periods, const QDateTime& now = {});
    int periodCount() const { return m_periods; }
    void setThreshold(int percent);
    int threshold() const { return m_threshold; }
    void setCellText(CellText text);
    CellText cellText() const { return m_cellText; }
    /// The data cut-off that the active period is projected from (DataCutoff::lastCompleteDay); invalid: no
    /// projection.
    void setLastCompleteDay(QDate day);
    /// Goes up whenever what the active period column holds or how it is judged changes: its sums, parts and
    /// commitment chart need building again only then, not for each closed period that arrives.
    quint64 activeRevision() const { return m_activeRevision; }
    /// While held, a column whose month moves is not told at once (a view lays its whole header out and
    /// repaints every cell for each header change); releasing tells the columns that moved, in one change.
    void holdHeaderChanges(bool hold);

    void setPeriod(const QString& orgId, int billingPeriodIndex, const TrusteeBillingOverview& overview,
        const QDateTime& storedAt = {});
    /// A period that could not be read (why, and Genesys' code for it); the rest of the row is unaffected.
    void setFailed(const QString& orgId, int billingPeriodIndex, const QString& message, const QString& code);
    /// The customer's billing cannot be read at all (a disabled trust, a 403): every cell says why.
    void setRefused(const QString& orgId, const QString& message, const QString& code);
    void setHistoryEnd(const QString& orgId, int firstMissingIndex);

    const QList<Customer>& customers() const { return m_customers; }
    const Customer* customer(const QString& orgId) const;
    /// Whether a row passes a filter.
    bool accepts(int row, Filter filter) const;
    /// Estimated totals and overage of the loaded periods at `billingPeriodIndex`, per currency, of every
    /// row.
    CurrencyTotals subtotals(int billingPeriodIndex) const;
    /// …of these rows only (the rows listed; none: nothing).
    CurrencyTotals subtotals(int billingPeriodIndex, const QList<int>& rows) const;

    /// One customer's line of a part number in the active period, against its commitment.
    struct CommitmentBar
    {
        QString orgId;
        QString name;
        QString currency;
        Decimal usage; ///< billable usage
        Decimal prepay;
        std::optional<Decimal> usedPercent; ///< billable ÷ prepay × 100, with a commitment
        CommitmentState state = CommitmentState::Ok;

        friend bool operator==(const CommitmentBar&, const CommitmentBar&) = default;
    };
    /// Every customer whose active period lists `partNumber`, the most used (of its commitment) first;
    /// customers without a commitment for it last, by usage.
    QList<CommitmentBar> commitmentBars(const QString& partNumber) const;
    /// Why a chart of `bars` (of the part named `partName`) has no bar to draw: no part picked, or no
    /// customer with a commitment of it; empty when one has.
    static QString commitmentChartEmptyText(const QList<CommitmentBar>& bars, const QString& partName);
    /// The part numbers of the active periods loaded, with a charge name each, by name.
    QList<std::pair<QString, QString>> activePartNumbers() const;
    /// The part number most customers have a commitment to in their active period, the one people look
    /// at first (ties: the first by name); without any commitment, the first part by name.
    QString mostCommittedPart() const;
    /// The start of the most common period at `billingPeriodIndex` among the loaded ones (invalid: none).
    QDate commonStart(int billingPeriodIndex) const;
    /// The lines that make a cell's state, one per line of text, for its tooltip.
    QString cellDetails(int row, int billingPeriodIndex) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row of a customer, or -1.
    int rowOf(const QString& orgId) const;

private:
    /// True when `trustors` and `periods` are the rows and columns shown now, and no active period shown
    /// has ended by `now` (invalid: not checked).
    bool isSameMatrix(const QList<Trustor>& trustors, int periods, const QDateTime& now) const;
    void headerChanged(int column);
    /// Works out the standing of a row's loaded cells again (the active one with its projection).
    void restate(int row);
    /// …of one cell (the active one with its projection).
    void restate(int row, int billingPeriodIndex);
    void changed(int row, int firstColumn, int lastColumn);
    QVariant periodData(const Customer& c, int index, int role) const;
    QVariant summaryData(const Customer& c, int column, int role) const;
    /// The estimated overage cost of a loaded period, or nullopt.
    static std::optional<Decimal> overageOf(const Customer& c, int index);

    QList<Customer> m_customers;
    QHash<QString, int> m_rows; ///< canonical org id → row
    int m_periods = 0;
    int m_threshold = Commitments::DefaultThresholdPercent;
    CellText m_cellText = CellText::EstimatedTotal;
    QDate m_lastCompleteDay;
    quint64 m_activeRevision = 0;
    bool m_holdHeaders = false;
    int m_firstHeldHeader = -1; ///< the columns whose month moved while held
    int m_lastHeldHeader = -1;
    /// commonStart() by index; nullopt: to be worked out again, as a period of its column arrived.
    mutable QList<std::optional<QDate>> m_commonStarts;
};

} // namespace bd
