#pragma once

#include "domain/anomaly.h"
#include "domain/billingusagereport.h"
#include "domain/bucketstate.h"
#include "domain/datacutoff.h"
#include "domain/datebucket.h"
#include "domain/decimal.h"
#include "domain/licencecommitment.h"
#include "domain/projection.h"
#include "models/licencestanding.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <optional>

namespace bd {

/// Billable usage across date buckets: a row per licence, a column per bucket, then Peak and Average.
/// Buckets fill in as their reports arrive; a bucket that is still loading or failed says so in every cell
/// of its column (BucketStateRole, ErrorRole). Raw values in SortRole/DecimalRole, formatted text for
/// display.
class UsageSeriesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageSeriesModel)

public:
    using BucketState = bd::BucketState;

    enum Role {
        SortRole = Qt::UserRole + 1, ///< a Decimal (usage), or the licence name
        DecimalRole, ///< std::optional-like: a Decimal, or invalid when there is no value
        BucketStateRole, ///< the column's BucketState (bucket columns only)
        ErrorRole, ///< the column's error text when it failed
    };

    explicit UsageSeriesModel(QObject* parent = nullptr);

    /// Starts over with these buckets, all pending. Monthly buckets follow `cycleDay` (DateBuckets).
    void setBuckets(const QList<DateBucket>& buckets, Granularity granularity, int cycleDay = 1);
    /// A bucket's report arrived: its column fills in and new licences get rows.
    void setReport(int bucket, const BillingUsageReport& report);
    /// A bucket is pending, generating or cancelled again (e.g. retried).
    void setBucketState(int bucket, BucketState state);
    /// A bucket failed with this message.
    void setBucketFailed(int bucket, const QString& message);
    /// The last day whose usage is complete (DataCutoff). Buckets past it are partial or have no data yet;
    /// invalid means every bucket counts as complete.
    void setDataThrough(QDate lastCompleteDay);

    // Layout
    static constexpr int LicenceColumn = 0;
    int bucketColumn(int bucket) const { return bucket + 1; }
    int bucketOfColumn(int column) const; ///< -1 when the column is not a bucket
    int peakColumn() const { return int(m_buckets.size()) + 1; }
    int averageColumn() const { return int(m_buckets.size()) + 2; }
    /// The projection of the partial bucket to the end of its period; -1 when no bucket is partial.
    int projectedColumn() const { return partialBucket() >= 0 ? int(m_buckets.size()) + 3 : -1; }
    /// Committed, Used % and Over (of the commitment bucket) follow: -1 without commitments, or when the
    /// buckets are not billing cycles or months (a commitment is per cycle).
    int committedColumn() const;
    int usedPercentColumn() const { return committedColumn() < 0 ? -1 : committedColumn() + 1; }
    int overColumn() const { return committedColumn() < 0 ? -1 : committedColumn() + 2; }

    // Values
    const QList<DateBucket>& buckets() const { return m_buckets; }
    Granularity granularity() const { return m_granularity; }
    /// The day monthly buckets start on: 1 for calendar months, else a billing cycle's day.
    int cycleDay() const { return m_cycleDay; }
    /// A bucket's name in headers and tooltips: its calendar label, or "23 Oct – 22 Nov" for a billing cycle.
    QString bucketLabel(int bucket) const;
    int licenceCount() const { return int(m_licences.size()); }
    QString licence(int row) const { return m_licences.value(row); }
    int rowOfLicence(const QString& licence) const { return m_rowOf.value(licence, -1); }
    BucketState bucketState(int bucket) const { return m_states.value(bucket, BucketState::Pending); }
    QDate dataThrough() const { return m_dataThrough; }
    /// How much of the bucket's calendar period the data covers (see coverageOf()).
    Coverage coverage(int bucket) const;
    QString bucketError(int bucket) const { return m_errors.value(bucket); }
    /// The licence's total in a bucket; nullopt when the bucket has not loaded or has no data yet (it starts
    /// after the cut-off). A loaded bucket without the licence means zero usage. A partial bucket's value is
    /// its usage to date.
    std::optional<Decimal> value(int row, int bucket) const;
    /// Highest usage across the complete loaded buckets; partial buckets count only while no complete one has
    /// loaded, and then summaryIsToDate() says so (nullopt before any loads).
    std::optional<Decimal> peak(int row) const;
    /// Mean usage across the same buckets as peak(), rounded to 2 decimals for display purposes only by the
    /// caller.
    std::optional<Decimal> average(int row) const;
    /// Why a chart of this model has nothing to plot: "Pick a range to load.", "Loading…", "No usage in this
    /// range.", "No data yet: …", "Nothing loaded: 3 reports failed."; empty when there is something.
    QString emptyText() const;
    /// Why the ramp of one cell has nothing to plot: no cell selected, a metered licence (no users or
    /// devices), a bucket not loaded or with no usage; empty when it has resources to plot.
    QString rampEmptyText(int row, int bucket) const;
    /// When the range's first buckets are loaded and hold no usage at all while a later one does, says so:
    /// "Nothing in this range is billed before 21 Nov 2024: it starts before the org's first usage …", dated
    /// by the earliest first-seen resource of that bucket (else its first day). Empty otherwise.
    QString leadingEmptyText() const;
    /// What peak() and average() leave out: "2 of 12 complete buckets have not loaded (1 failed)", or an
    /// empty string when every complete bucket is in them.
    QString summaryGap() const;
    /// True when peak() and average() of the row rest on partial buckets only (a month to date).
    bool summaryIsToDate(int row) const;
    /// A day as people read it in tooltips, the status line and on charts: "30 Nov 2026" (locale month
    /// names).
    static QString dayText(QDate day);
    /// What a partial bucket of this granularity is called: "month to date", "week to date", …
    static QString toDateText(Granularity granularity);
    /// The bucket that is partial (the period the cut-off falls in), or -1.
    int partialBucket() const { return m_partialBucket; }
    /// Where the partial bucket of a licence is likely to end (Projections): seats from the seats seen so far
    /// and the ramps of the whole earlier periods of this load; metered usage from its figure so far and how
    /// the earlier periods grew from their same-day figures (setSameDayReport). nullopt when no bucket is
    /// partial, the partial one has not loaded, or the same-day figures are still being fetched.
    std::optional<Projection> projection(int row) const;
    /// One sentence on a projection: the band and how it was made, or why there is no number.
    QString projectionText(int row) const;
    /// Why a bucket is not a whole period's figure ("month to date, through …", "No data yet: …"); empty for
    /// a complete bucket.
    QString coverageNote(int bucket) const;
    /// True for a licence measured in units other than resources (sessions, gigabytes): none of its loaded
    /// non-zero cells lists a resource. Such usage does not share a scale with seat and device counts.
    bool isMetered(int row) const;
    /// The totals of every bucket as reports (licence and total usage, no resources), for the long CSV that
    /// the headless export writes too; nullopt while a bucket with data has not loaded (a file is all or
    /// nothing). A bucket past the cut-off is an empty report: the CSV says "no data yet".
    std::optional<QList<BillingUsageReport>> totalsAsReports() const;
    /// What one cell holds, in words, for the resource list's title: "212 resources", "1234.5 in all: metered
    /// usage lists no users or devices", "no usage", "no data yet", "not loaded" (with "month to date" where
    /// the bucket is partial). `listed` is how many resources the list shows.
    QString cellSummary(int row, int bucket, int listed) const;
    /// The resources behind one cell (name and first-seen date): the report's own, or (for reports handed
    /// in without them) what the resource source reads on demand.
    QList<BillingUsageResource> resources(int row, int bucket) const;
    /// Reads one cell's resources on demand (bucket, licence), e.g. from the local store, so that a year
    /// of a large org's daily reports is held as totals only.
    using ResourceSource = std::function<QList<BillingUsageResource>(int bucket, const QString& licence)>;
    void setResourceSource(ResourceSource source) { m_resourceSource = std::move(source); }
    /// The licence commitments of the org and the share of them from which a licence is near
    /// (Commitments::state); the table gains Committed, Used % and Over for the commitment bucket.
    void setCommitments(const QList<LicenceCommitment>& commitments, int thresholdPercent);
    const QList<LicenceCommitment>& commitments() const { return m_commitments; }
    int threshold() const { return m_threshold; }
    /// The bucket commitments are measured in: the newest loaded one with data (-1: none).
    int commitmentBucket() const;
    /// Where each licence stands in the commitment bucket (LicenceStandings), by name; empty without that
    /// bucket. Without commitments every licence used is on demand.
    const QList<LicenceStanding>& standings() const;
    /// A licence's standing, or nullptr when it has none.
    const LicenceStanding* standing(const QString& licence) const;
    /// The day whose commitment counts for a bucket: the first day of its cycle (or month), so that a
    /// commitment starting mid-cycle holds from the next cycle on and a period's state does not change as
    /// its days pass.
    QDate commitmentDay(int bucket) const;
    /// The bucket whose cycle (or month) starts on `cycleStart` (commitmentDay()), or -1.
    int bucketOfCycle(QDate cycleStart) const;
    /// The licence's commitment for a bucket (the one that holds on commitmentDay()), or nullopt.
    std::optional<Decimal> commitmentOf(int row, int bucket) const;

    /// The earlier whole periods a metered licence's projection learns from, newest first (up to
    /// SameDayHistory): each with the window from its first day to the same day of its period as the open
    /// period has data for. Empty without a partial bucket that starts where its period starts.
    struct SameDayWindow
    {
        int bucket = -1;
        DateBucket window;
        friend bool operator==(const SameDayWindow&, const SameDayWindow&) = default;
    };
    static constexpr int SameDayHistory = 6;
    QList<SameDayWindow> sameDayWindows() const;
    /// The report of one same-day window; metered licences are projected from those that arrived.
    void setSameDayReport(const SameDayWindow& window, const BillingUsageReport& report);
    /// True when the report of this window is in.
    bool hasSameDay(const SameDayWindow& window) const;
    /// While true, a metered licence waits for the windows still out before it is projected on fewer than
    /// Projections::MinimumHistory periods.
    void setSameDayLoading(bool loading);

    /// Prepay prices by licence name casefolded (a partner's overview of the org gives them), to value the
    /// idle commitment.
    void setPrepayPrices(const QHash<QString, PrepayPrice>& prices) { m_prepayPrices = prices; }
    /// The newest bucket that is a whole month or cycle, loaded and complete (-1: none).
    int lastWholeBucket() const;
    /// The seats committed but left unused in lastWholeBucket(), per licence with any (seat licences only:
    /// a metered commitment is not a seat left idle), by name.
    QList<IdleCommitment> idleCommitment() const;
    /// One sentence on it: "Idle commitment in Oct 2026 on 2 licences: 9 of 120 idle on Genesys Cloud CX 1,
    /// …; USD 2170.00 at prepay price"; empty without a commitment held in a whole cycle.
    QString idleText() const;

    /// Usage that stands out in the newest complete month or cycle: each licence against the median of the
    /// complete ones before it (Anomalies, up to six of them), and licences new in it or gone from it.
    struct AnomalyReport
    {
        int bucket = -1; ///< the bucket looked at; -1 when there is too little to say anything
        int baseline = 0; ///< how many complete buckets before it the median rests on
        QList<Anomaly> found;
    };
    AnomalyReport anomalies() const;
    /// One sentence on it: "Anomalies in Nov 2026 against the 6 months before: …", "No anomalies in …", or
    /// empty when there is too little to say.
    QString anomalyText() const;

    /// Buckets in the given state.
    int count(BucketState state) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A bucket's values or state changed (charts rebuild from this).
    void bucketChanged(int bucket);

private:
    struct Cell
    {
        Decimal total;
        QList<BillingUsageResource> resources;
        qsizetype resourceCount = 0; ///< as Genesys listed them, kept or not
        QList<QDateTime> firstSeen; ///< their first-seen dates, when the report came without the resources
    };
    struct Summary
    {
        std::optional<Decimal> peak;
        std::optional<Decimal> average;
        bool toDate = false;
    };
    void emitColumnChanged(int bucket);
    void updateCoverage();
    QVariant projectionData(int row, int role) const;
    void emitSummaryChanged();
    QVariant commitmentData(int row, int column, int role) const;
    QVariant commitmentHeader(int section, int role) const;
    const Summary& summary(int row) const;
    /// A loaded, complete bucket that spans a whole month or cycle (a range can cut its ends short).
    /// The first bucket with any usage and the org's first day of usage in it (its earliest first-seen
    /// resource, else its first day), once every bucket before it has loaded empty; nullopt while that is not
    /// known, or when no bucket has usage.
    struct FirstUsage
    {
        int bucket = -1;
        QDate since;
    };
    std::optional<FirstUsage> firstUsage() const;
    bool isWholeComplete(int bucket) const;
    /// A bucket that spans a whole month, cycle, week or quarter.
    bool isWholePeriod(const DateBucket& bucket) const;

    QList<DateBucket> m_buckets;
    Granularity m_granularity = Granularity::Month;
    int m_cycleDay = 1;
    QDate m_dataThrough;
    // Worked out once per change of buckets or cut-off: views ask on every cell and every layout.
    QList<Coverage> m_coverage;
    int m_partialBucket = -1;
    QList<BucketState> m_states;
    QHash<int, QString> m_errors;
    QStringList m_licences;
    QHash<QString, int> m_rowOf;
    // m_cells[bucket][licence] for loaded buckets.
    QList<QHash<QString, Cell>> m_cells;
    ResourceSource m_resourceSource;
    // Peak and average per row, worked out once per change: a table sorted by Peak compares rows many times
    // for every bucket that streams in.
    mutable QList<Summary> m_summaries;
    mutable bool m_summariesValid = false;
    mutable QHash<int, std::optional<Projection>> m_projections; // per row, while m_summariesValid
    QList<LicenceCommitment> m_commitments;
    int m_threshold = Commitments::DefaultThresholdPercent;
    mutable std::optional<QList<LicenceStanding>> m_standings; // while m_summariesValid
    QHash<QString, PrepayPrice> m_prepayPrices;
    struct SameDay
    {
        DateBucket window;
        QHash<QString, Decimal> totals; // by licence
    };
    QHash<int, SameDay> m_sameDay; // by bucket
    bool m_sameDayLoading = false;
};

} // namespace bd
