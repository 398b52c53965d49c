#pragma once

#include "domain/anomaly.h"
#include "domain/billingperiodstate.h"
#include "domain/decimal.h"
#include "domain/projection.h"
#include "domain/trusteebillingoverview.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace bd {

/// The walked billing periods of one customer org, newest first. A period is identified by its start and end
/// dates, never by its billingPeriodIndex (the index shifts when a period closes): the same dates fetched
/// again replace the row, new dates get a new row in date order.
class PeriodListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodListModel)

public:
    enum Column {
        PeriodColumn,
        IndexColumn,
        StateColumn,
        CurrencyColumn,
        LinesColumn,
        TotalColumn,
        ColumnCount
    };
    enum Role {
        SortRole
        = Qt::UserRole + 1, ///< start date, index, state text, currency, line count or the Decimal total
        IndexRole, ///< billingPeriodIndex when fetched (int, every column)
        StartRole, ///< billingPeriodStartDate (QDateTime, every column; invalid when absent)
    };

    /// One walked period.
    struct Period
    {
        int billingPeriodIndex = 0; ///< as of the fetch
        TrusteeBillingOverview overview;
        Decimal estimatedTotal; ///< in overview.currency (a lower bound when unpricedLines > 0)
        int unpricedLines = 0; ///< lines with a cost but no price
    };

    explicit PeriodListModel(QObject* parent = nullptr);

    /// Forgets every period.
    void clear();
    /// Adds or replaces the period with these dates; returns its row.
    int setPeriod(int billingPeriodIndex, const TrusteeBillingOverview& overview);

    int periodCount() const { return int(m_periods.size()); }
    /// The period at a row, newest first (nullptr when out of range).
    const Period* period(int row) const;
    /// The row of the period fetched at this index, or -1.
    int rowOfIndex(int billingPeriodIndex) const;
    /// The row whose period starts at `start`, or -1.
    int rowOfStart(const QDateTime& start) const;
    /// Pins "today" (UTC), the day that tells an active period from one that has ended; invalid follows the
    /// clock.
    void setToday(QDate today);
    /// The current UTC day: the pinned one, or the clock's.
    QDate today() const;
    /// The state of the period at a row on today(); Closed when the row is out of range.
    BillingPeriodState state(int row) const;
    /// "Active", "Closed", or "Period ended, Genesys has not closed it yet".
    static QString stateText(BillingPeriodState state);
    /// Every period, newest first.
    const QList<Period>& periods() const { return m_periods; }
    /// Part numbers seen in any period (sorted), for the trend chart.
    QStringList partNumbers() const;
    /// A part number and its charge name, as the newest period that lists it names it.
    struct PartChoice
    {
        QString partNumber;
        QString name;
    };
    /// partNumbers(), each with its charge name.
    QList<PartChoice> partChoices() const;
    /// The part to plot first: the seat licence with the highest usage in the newest period (usually the main
    /// seat licence), else the first part number; empty without periods.
    QString defaultTrendPart() const;
    /// The newest period's line of `partNumber` (not its fair-use allowance) projected to the period's end
    /// from the closed periods loaded (Projections::period), while the newest period is open; nullopt when
    /// it is closed or lacks the part.
    std::optional<LineProjection> openProjection(const QString& partNumber) const;
    /// Why a trend of `partNumber` has no point: no period loaded, no part picked, or the part in none of the
    /// periods loaded with dates; empty when it has one.
    QString trendEmptyText(const QString& partNumber) const;

    /// Usage that stands out in the newest closed period: each part number (fair-use allowances aside)
    /// against the median of up to Anomalies::Baseline closed periods before it, and part numbers new in it
    /// or gone from it (Anomalies::find).
    struct AnomalyReport
    {
        int row = -1; ///< the period looked at; -1 with fewer than four closed periods loaded
        int baseline = 0; ///< how many closed periods before it the median rests on
        QList<Anomaly> found;
    };
    AnomalyReport anomalies() const;
    /// One sentence on it: "Anomalies in 2026-10-23 – 2026-11-22 against the 6 closed periods before it: …",
    /// "No anomalies in …", or why nothing can be said yet.
    QString anomalyText() const;

    /// "2026-10-14 – 2026-11-13" (the end date is the period's last day), or "period N" without dates.
    static QString periodText(const TrusteeBillingOverview& overview, int billingPeriodIndex);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static bool newerThan(const Period& a, const Period& b);

    QList<Period> m_periods;
    QDate m_today; ///< pinned "today", or invalid for the clock's
};

} // namespace bd
