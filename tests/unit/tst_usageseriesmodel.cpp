// UsageSeriesModel under QAbstractItemModelTester: buckets stream in, licences appear, states and values.

#include "domain/datebuckets.h"
#include "domain/utc.h"
#include "i18n/translations.h"
#include "models/resourcemodel.h"
#include "models/selectiontext.h"
#include "models/sortproxymodel.h"
#include "models/usageseriesmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

Decimal dec(const char* text)
{
    return *Decimal::fromString(QString::fromLatin1(text));
}

BillingUsageReport report(const QList<std::pair<QString, const char*>>& totals)
{
    BillingUsageReport r;
    for (const auto& [name, total] : totals) {
        BillingUsage usage;
        usage.name = name;
        usage.totalUsage = dec(total);
        const int seats
            = usage.totalUsage.toString().contains(u'.') ? 0 : usage.totalUsage.toString().toInt();
        for (int i = 0; i < seats && i < 5; ++i)
            usage.resources.append({ u"user%1@example.com"_s.arg(i),
                QDateTime(QDate(2025, 1, 1 + i), QTime(8, 0), bd::UtcZone) });
        r.usages.append(usage);
    }
    return r;
}

QList<DateBucket> months(int count)
{
    return DateBuckets::tile(
        QDate(2025, 1, 1), QDate(2025, 1, 1).addMonths(count).addDays(-1), Granularity::Month);
}

} // namespace

class TestUsageSeriesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(QCoreApplication::instance()); }

    void streaming_reportsInAnyOrder_fillColumnsAndAddLicences()
    {
        UsageSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBuckets(months(3), Granularity::Month);
        QCOMPARE(model.columnCount(), 1 + 3 + 2);
        QCOMPARE(model.rowCount(), 0);

        model.setReport(2, report({ { u"CX 3"_s, "5" }, { u"Storage GB"_s, "12.50" } }));
        QCOMPARE(model.rowCount(), 2);
        model.setReport(0, report({ { u"CX 3"_s, "3" }, { u"Collaborate"_s, "1" } }));
        QCOMPARE(model.rowCount(), 3);

        const int cx3 = model.rowOfLicence(u"CX 3"_s);
        QCOMPARE(model.value(cx3, 0), dec("3"));
        QCOMPARE(model.value(cx3, 1), std::nullopt); // not loaded yet
        QCOMPARE(model.value(cx3, 2), dec("5"));
        QCOMPARE(model.value(model.rowOfLicence(u"Collaborate"_s), 2), Decimal()); // loaded, absent → zero
        QCOMPARE(model.peak(cx3), dec("5"));
        QCOMPARE(model.average(cx3), dec("4"));
        QCOMPARE(model.data(model.index(cx3, model.bucketColumn(1))).toString(), u"…"_s);
        QCOMPARE(
            model.data(model.index(model.rowOfLicence(u"Storage GB"_s), model.bucketColumn(2))).toString(),
            u"12.5"_s);
        QCOMPARE(
            model.data(model.index(cx3, model.bucketColumn(2)), UsageSeriesModel::SortRole).value<Decimal>(),
            dec("5"));
        QCOMPARE(model.resources(cx3, 2).size(), 5);
        QCOMPARE(model.count(UsageSeriesModel::BucketState::Loaded), 2);
    }

    void failedBucket_marksItsColumnAndKeepsTheRest()
    {
        UsageSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBuckets(months(2), Granularity::Month);
        model.setReport(0, report({ { u"CX 3"_s, "3" } }));
        model.setBucketFailed(1, u"Genesys Cloud had a problem (HTTP 500)"_s);
        const QModelIndex failed = model.index(0, model.bucketColumn(1));
        QCOMPARE(model.data(failed).toString(), u"failed"_s);
        QCOMPARE(model.data(failed, UsageSeriesModel::ErrorRole).toString(),
            u"Genesys Cloud had a problem (HTTP 500)"_s);
        QVERIFY(model.data(failed, Qt::ToolTipRole).toString().contains(u"HTTP 500"_s));
        QVERIFY(model.headerData(model.bucketColumn(1), Qt::Horizontal).toString().contains(u"⚠"_s));
        QCOMPARE(model.value(0, 0), dec("3"));

        model.setBucketState(1, UsageSeriesModel::BucketState::Pending); // retried
        QVERIFY(model.bucketError(1).isEmpty());
        model.setReport(1, report({ { u"CX 3"_s, "4" } }));
        QCOMPARE(model.value(0, 1), dec("4"));
    }

    // A report that lists nothing at all says "no usage", not a column of zeros; a bucket past the cut-off
    // says "no data yet" and has no value; the model stays consistent while the cut-off moves.
    void emptyAndNotYetBuckets_sayWhatTheyAre()
    {
        UsageSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBuckets(months(3), Granularity::Month);
        model.setDataThrough(QDate(2025, 2, 28));
        model.setReport(0, report({ { u"A"_s, "3" } }));
        model.setReport(1, BillingUsageReport {});
        model.setReport(2, BillingUsageReport {});
        QCOMPARE(model.coverage(1), Coverage::Complete);
        QCOMPARE(model.value(0, 1), std::optional(Decimal()));
        QCOMPARE(model.data(model.index(0, model.bucketColumn(1))).toString(), u"no usage"_s);
        QCOMPARE(model.coverage(2), Coverage::NotYet);
        QCOMPARE(model.value(0, 2), std::nullopt);
        QCOMPARE(model.data(model.index(0, model.bucketColumn(2))).toString(), u"no data yet"_s);
        QCOMPARE(model.projectedColumn(), -1); // no bucket is partial
        QCOMPARE(model.columnCount(), 3 + 3);
        model.setDataThrough(QDate(2025, 3, 10)); // now March is month to date and projected
        QCOMPARE(model.coverage(2), Coverage::Partial);
        QCOMPARE(model.columnCount(), 3 + 4);
        QCOMPARE(model.data(model.index(0, model.bucketColumn(2))).toString(), u"no usage"_s);
    }

    // The same-day windows a metered projection learns from, at the awkward ends of time: the day after a
    // leap day, the 31st against shorter months, a billing cycle of the 31st, and the 1st (nothing partial).
    void sameDayWindows_atMonthEndsLeapYearsAndCycles()
    {
        using Window = UsageSeriesModel::SameDayWindow;
        UsageSeriesModel model;
        // Data through 30 March 2028: the earlier months' 1st to 30th, a leap February whole.
        model.setBuckets(
            DateBuckets::tile(QDate(2027, 9, 1), QDate(2028, 3, 30), Granularity::Month), Granularity::Month);
        model.setDataThrough(QDate(2028, 3, 30));
        QCOMPARE(model.partialBucket(), 6);
        QList<Window> windows = model.sameDayWindows();
        QCOMPARE(windows.size(), UsageSeriesModel::SameDayHistory);
        QCOMPARE(windows.at(0), (Window { 5, { QDate(2028, 2, 1), QDate(2028, 2, 29) } }));
        QCOMPARE(windows.at(1), (Window { 4, { QDate(2028, 1, 1), QDate(2028, 1, 30) } }));
        QCOMPARE(windows.at(3), (Window { 2, { QDate(2027, 11, 1), QDate(2027, 11, 30) } }));
        QCOMPARE(windows.at(5), (Window { 0, { QDate(2027, 9, 1), QDate(2027, 9, 30) } }));
        // On 1 March 2028 (data through 29 February) no bucket is partial: nothing to fetch.
        model.setBuckets(
            DateBuckets::tile(QDate(2027, 9, 1), QDate(2028, 2, 29), Granularity::Month), Granularity::Month);
        model.setDataThrough(QDate(2028, 2, 29));
        QCOMPARE(model.partialBucket(), -1);
        QVERIFY(model.sameDayWindows().isEmpty());
        // Cycles of the 31st, data through 5 March 2027: the open cycle began on 28 February (day 6).
        model.setBuckets(DateBuckets::tile(QDate(2026, 10, 31), QDate(2027, 3, 5), Granularity::Month, 31),
            Granularity::Month, 31);
        model.setDataThrough(QDate(2027, 3, 5));
        QCOMPARE(model.partialBucket(), 4);
        windows = model.sameDayWindows();
        QCOMPARE(windows.size(), 4);
        QCOMPARE(windows.at(0), (Window { 3, { QDate(2027, 1, 31), QDate(2027, 2, 5) } }));
        QCOMPARE(windows.at(3), (Window { 0, { QDate(2026, 10, 31), QDate(2026, 11, 5) } }));
        // A range that starts mid-cycle: its first bucket is not a whole period and is not learnt from.
        model.setBuckets(DateBuckets::tile(QDate(2026, 11, 15), QDate(2027, 3, 5), Granularity::Month, 31),
            Granularity::Month, 31);
        model.setDataThrough(QDate(2027, 3, 5));
        QCOMPARE(model.sameDayWindows().size(), 3);
    }

    // A licence's own near share wins over the org's: 8 of 10 is near at 70 %, not at the org's 90 %; the
    // share is read like the rest of a commitment row, and a share that is not 1–100 is refused.
    void commitments_aLicencesOwnNearShare_winsOverTheOrgs()
    {
        UsageSeriesModel model;
        model.setBuckets(months(1), Granularity::Month);
        model.setDataThrough(QDate(2025, 3, 1));
        model.setReport(0, report({ { u"CX 1"_s, "8" }, { u"CX 2"_s, "8" } }));
        QString error;
        const auto own = LicenceCommitments::fromFields(u"CX 1"_s, u"10"_s, {}, &error, u" 70 % "_s);
        QVERIFY2(own, qPrintable(error));
        QCOMPARE(own->nearPercent, 70);
        const auto orgs = LicenceCommitments::fromFields(u"CX 2"_s, u"10"_s, {}, &error);
        QVERIFY(orgs && !orgs->nearPercent);
        for (const QString& bad : { u"0"_s, u"101"_s, u"ninety"_s, u"85.5"_s }) {
            QVERIFY(!LicenceCommitments::fromFields(u"CX 2"_s, u"10"_s, {}, &error, bad));
            QVERIFY2(error.contains(u"“%1”"_s.arg(bad)), qPrintable(error));
        }
        model.setCommitments({ *own, *orgs }, 90);
        QCOMPARE(model.standing(u"CX 1"_s)->state, CommitmentState::Warning);
        QCOMPARE(model.standing(u"CX 1"_s)->nearPercent, 70);
        QCOMPARE(model.standing(u"CX 2"_s)->state, CommitmentState::Ok);
        QCOMPARE(model.standing(u"CX 2"_s)->nearPercent, 90);
        model.setCommitments({ *own, *orgs }, 80); // the org's share moves; the licence's own stays
        QCOMPARE(model.standing(u"CX 2"_s)->state, CommitmentState::Warning);
        QCOMPARE(model.standing(u"CX 1"_s)->nearPercent, 70);
    }

    // Peak and average of what loaded say so while complete buckets are missing.
    void summaryHeaders_sayWhenBucketsAreMissing()
    {
        UsageSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBuckets(months(3), Granularity::Month);
        model.setDataThrough(QDate(2025, 3, 31));
        model.setReport(0, report({ { u"A"_s, "3" } }));
        model.setBucketFailed(1, u"HTTP 500"_s);
        QCOMPARE(model.summaryGap(), u"2 of 3 complete buckets not loaded (1 failed)"_s);
        QCOMPARE(model.headerData(model.peakColumn(), Qt::Horizontal).toString(), u"Peak\nof what loaded"_s);
        QCOMPARE(
            model.headerData(model.averageColumn(), Qt::Horizontal).toString(), u"Average\nof what loaded"_s);
        QVERIFY(model.headerData(model.peakColumn(), Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .endsWith(u": 2 of 3 complete buckets not loaded (1 failed)"_s));
        model.setReport(1, report({ { u"A"_s, "4" } }));
        model.setReport(2, report({ { u"A"_s, "5" } }));
        QVERIFY(model.summaryGap().isEmpty());
        QCOMPARE(model.headerData(model.peakColumn(), Qt::Horizontal).toString(), u"Peak"_s);
        QCOMPARE(model.peak(0), dec("5"));
    }

    void meteredLicence_hasNoResources()
    {
        UsageSeriesModel model;
        model.setBuckets(months(1), Granularity::Month);
        model.setReport(0, report({ { u"CX 3"_s, "3" }, { u"Storage GB"_s, "1234.56" } }));
        QVERIFY(!model.isMetered(model.rowOfLicence(u"CX 3"_s)));
        QVERIFY(model.isMetered(model.rowOfLicence(u"Storage GB"_s)));
    }

    // The resource list's title says what a cell holds: a metered total is not "0 resources".
    void cellSummary_saysWhatACellHolds()
    {
        UsageSeriesModel model;
        model.setBuckets(months(3), Granularity::Month);
        model.setDataThrough(QDate(2025, 2, 10));
        model.setReport(0, report({ { u"CX 3"_s, "3" }, { u"Storage GB"_s, "1234.56" } }));
        model.setReport(1, report({ { u"CX 3"_s, "1" } }));
        const int seats = model.rowOfLicence(u"CX 3"_s);
        const int storage = model.rowOfLicence(u"Storage GB"_s);
        QCOMPARE(model.cellSummary(seats, 0, 3), u"3 resources"_s);
        QCOMPARE(model.cellSummary(seats, 1, 1), u"1 resource · month to date"_s);
        QCOMPARE(
            model.cellSummary(storage, 0, 0), u"1234.56 in all: metered usage lists no users or devices"_s);
        QCOMPARE(model.cellSummary(storage, 1, 0), u"no usage · month to date"_s);
        QCOMPARE(model.cellSummary(seats, 2, 0), u"no data yet"_s);
        model.setDataThrough(QDate(2025, 3, 31));
        QCOMPARE(model.cellSummary(seats, 2, 0), u"not loaded"_s);
    }

    // A range that starts before the org's first usage: the empty months and the month it began in are not
    // a usual level. Months of steady use after them raise no anomaly, and the start is said and dated.
    void firstUsage_emptyMonthsBeforeIt_areNotABaseline()
    {
        UsageSeriesModel model;
        model.setBuckets(months(8), Granularity::Month); // January to August 2025
        model.setDataThrough(QDate(2025, 9, 30));
        const auto seats = [](int count, QDate firstSeen) {
            BillingUsageReport r;
            BillingUsage usage { u"CX 3"_s, Decimal::fromInt(count), {} };
            for (int i = 0; i < count; ++i)
                usage.resources.append({ u"user%1@example.com"_s.arg(i),
                    QDateTime(firstSeen.addDays(i % 3), QTime(8, 0), bd::UtcZone) });
            r.usages << usage;
            return r;
        };
        QVERIFY(model.leadingEmptyText().isEmpty()); // nothing loaded: nothing known
        model.setReport(0, BillingUsageReport {});
        model.setReport(1, BillingUsageReport {});
        model.setReport(2, seats(12, QDate(2025, 3, 17))); // the org begins on 17 March
        for (int b = 3; b < 8; ++b)
            model.setReport(b, seats(40 + b % 2, QDate(2025, 1 + b, 1)));

        QCOMPARE(model.leadingEmptyText(),
            u"Nothing in this range is billed before 17 Mar 2025: it starts before the org's first usage, "
            u"and "
            "its first 2 buckets are empty."_s);
        const UsageSeriesModel::AnomalyReport report = model.anomalies();
        QCOMPARE(report.bucket, 7); // August, against April to July
        QCOMPARE(report.baseline, 4);
        QVERIFY2(report.found.isEmpty(), qPrintable(model.anomalyText()));

        // A range that starts with usage says nothing.
        UsageSeriesModel inUse;
        inUse.setBuckets(months(2), Granularity::Month);
        inUse.setReport(0, seats(5, QDate(2025, 1, 2)));
        inUse.setReport(1, seats(5, QDate(2025, 2, 1)));
        QVERIFY(inUse.leadingEmptyText().isEmpty());
    }

    void sortProxy_decimalsSortNumericallyAndEmptyLast()
    {
        UsageSeriesModel model;
        model.setBuckets(months(2), Granularity::Month);
        model.setReport(0, report({ { u"A"_s, "9" }, { u"B"_s, "10" }, { u"C"_s, "0.5" } }));
        SortProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(UsageSeriesModel::SortRole);
        proxy.sort(model.bucketColumn(0), Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.index(row, 0).data().toString();
        QCOMPARE(order, (QStringList { u"C"_s, u"A"_s, u"B"_s })); // 0.5 < 9 < 10, not "10" < "9"

        proxy.setFilterFixedString(u"b"_s);
        QCOMPARE(proxy.rowCount(), 1);
    }

    void resourceModel_resetsAndSortsByFirstSeen()
    {
        ResourceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime early(QDate(2025, 1, 2), QTime(8, 0), bd::UtcZone);
        const QDateTime late(QDate(2025, 1, 9), QTime(17, 30), bd::UtcZone);
        model.setResources({ { u"zoe@example.com"_s, early }, { u"adam@example.com"_s, late } });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ResourceModel::FirstSeenColumn).data().toString(), u"2025-01-02 08:00"_s);
        QCOMPARE(
            model.index(1, ResourceModel::FirstSeenColumn).data(ResourceModel::SortRole).toDateTime(), late);
        SortProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ResourceModel::SortRole);
        proxy.sort(ResourceModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), u"adam@example.com"_s);
        proxy.sort(ResourceModel::FirstSeenColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), u"zoe@example.com"_s);
        model.setResources({});
        QCOMPARE(proxy.rowCount(), 0);
    }

    void selectionText_headersAndCells_asTsv()
    {
        UsageSeriesModel model;
        model.setBuckets(months(2), Granularity::Month);
        model.setReport(0, report({ { u"CX 3"_s, "3" }, { u"Collaborate"_s, "1" } }));
        model.setReport(1, report({ { u"CX 3"_s, "4" } }));
        const QModelIndexList selected { model.index(0, 0), model.index(0, 1), model.index(0, 2),
            model.index(1, 0), model.index(1, 1), model.index(1, 2) };
        QCOMPARE(SelectionText::toTsv(model, selected),
            u"Licence\tJan 2025\tFeb 2025\nCX 3\t3\t4\nCollaborate\t1\t0\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestUsageSeriesModel)
#include "tst_usageseriesmodel.moc"
