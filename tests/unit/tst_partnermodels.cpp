// The partner page's models under QAbstractItemModelTester: trustors, walked periods (ordered by date, never
// by index), one period's usage lines with estimates, and a comparison of two periods.
#include "csv/csvwriter.h"
#include "csv/portfoliocsv.h"
#include "csvreader.h"
#include "domain/billingperiodstate.h"
#include "domain/overviewestimate.h"
#include "domain/utc.h"
#include "i18n/translations.h"
#include "models/comparisonmodel.h"
#include "models/periodlistmodel.h"
#include "models/periodusagemodel.h"
#include "models/portfoliomodel.h"
#include "models/trustorlistmodel.h"
#include "wirefixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bd;

namespace {

TrusteeBillingOverview example()
{
    auto parsed = TrusteeBillingOverview::fromJson(bd::test::wireFixture(u"trusteebillingoverview.json"_s));
    if (!parsed) {
        qWarning("the example overview does not parse: %s", qPrintable(parsed.error().toString()));
        return {};
    }
    return parsed.take();
}

// The example moved to the month starting at (year, month).
TrusteeBillingOverview periodStarting(int year, int month)
{
    TrusteeBillingOverview o = example();
    const QDate first(year, month, 1);
    o.billingPeriodStartDate = QDateTime(first, QTime(0, 0), bd::UtcZone);
    o.billingPeriodEndDate = QDateTime(first.addMonths(1), QTime(0, 0), bd::UtcZone).addMSecs(-1);
    return o;
}

} // namespace

class TestPartnerModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = bd::test::wireFixtureProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void trustorList_rows_showNameIdAndTrust()
    {
        TrustorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Trustor a;
        a.id = u"id-a"_s;
        a.enabled = true;
        a.organization = { u"id-a"_s, u"Contoso"_s };
        Trustor b;
        b.id = u"id-b"_s;
        b.enabled = false;
        b.organization = { u"id-b"_s, u"Litware"_s };
        model.setTrustors({ a, b });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(TrustorListModel::ColumnCount));
        QCOMPARE(model.index(1, TrustorListModel::TrustColumn).data().toString(), u"Disabled"_s);
        QCOMPARE(
            model.index(1, TrustorListModel::NameColumn).data(TrustorListModel::TrustorIdRole).toString(),
            u"id-b"_s);
        QCOMPARE(model.rowOfId(u"ID-A"_s), 0);
    }

    void periodList_periodsArriveOutOfOrder_areOrderedNewestFirst()
    {
        PeriodListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeriod(2, periodStarting(2026, 8));
        model.setPeriod(0, periodStarting(2026, 10));
        model.setPeriod(3, periodStarting(2026, 7));
        model.setPeriod(1, periodStarting(2026, 9));
        model.setToday(QDate(2026, 10, 15)); // October is under way
        QCOMPARE(model.rowCount(), 4);
        for (int row = 0; row < 4; ++row)
            QCOMPARE(model.period(row)->billingPeriodIndex, row);
        QCOMPARE(model.index(0, PeriodListModel::PeriodColumn).data().toString(), u"2026-10-01 – 10-31"_s);
        QVERIFY(model.index(0, PeriodListModel::PeriodColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"2026-10-01 – 2026-10-31 (billingPeriodIndex 0)"_s));
        QCOMPARE(model.index(0, PeriodListModel::StateColumn).data().toString(), u"Active"_s);
        QCOMPARE(model.index(1, PeriodListModel::StateColumn).data().toString(), u"Closed"_s);
        QCOMPARE(model.index(0, PeriodListModel::TotalColumn).data().toString(), u"7414.09"_s);
    }

    void periodState_endDateAroundToday_endedOnceItsLastDayIsPast()
    {
        const QDate today(2026, 12, 1);
        // Genesys ends a period at the last millisecond of its last day.
        const auto endOf = [](QDate day) {
            return std::optional(QDateTime(day.addDays(1), QTime(0, 0), bd::UtcZone).addMSecs(-1));
        };
        QCOMPARE(billingPeriodState(0, endOf(today.addDays(-1)), today), BillingPeriodState::EndedNotClosed);
        QCOMPARE(billingPeriodState(0, endOf(today), today), BillingPeriodState::Active);
        QCOMPARE(billingPeriodState(0, endOf(today.addDays(1)), today), BillingPeriodState::Active);
        // The end's UTC day counts: 1 December 01:00 at UTC+3 is still 30 November in UTC.
        QCOMPARE(billingPeriodState(0, QDateTime(today, QTime(1, 0), QTimeZone(3 * 3600)), today),
            BillingPeriodState::EndedNotClosed);
        QCOMPARE(billingPeriodState(0, std::nullopt, today), BillingPeriodState::Active);
        QCOMPARE(billingPeriodState(1, endOf(today.addDays(-1)), today), BillingPeriodState::Closed);
        QCOMPARE(billingPeriodState(1, endOf(today.addDays(1)), today), BillingPeriodState::Closed);
    }

    void periodList_indexZeroPastItsEnd_saysGenesysHasNotClosedIt()
    {
        PeriodListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.today(), QDateTime::currentDateTimeUtc().date()); // the clock's, until pinned
        model.setPeriod(0, periodStarting(2026, 10)); // its last day is 31 October
        model.setPeriod(1, periodStarting(2026, 9));
        model.setToday(QDate(2026, 10, 31));
        const QModelIndex state = model.index(0, PeriodListModel::StateColumn);
        QCOMPARE(model.state(0), BillingPeriodState::Active);
        QCOMPARE(state.data().toString(), u"Active"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setToday(QDate(2026, 11, 1));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.state(0), BillingPeriodState::EndedNotClosed);
        QCOMPARE(state.data().toString(), u"Period ended, Genesys has not closed it yet"_s);
        QVERIFY(state.data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"Period ended, Genesys has not closed it yet"_s));
        QVERIFY(!state.data(Qt::ToolTipRole).toString().contains(u"active period"_s));
        QCOMPARE(model.state(1), BillingPeriodState::Closed);
        QCOMPARE(model.index(1, PeriodListModel::StateColumn).data().toString(), u"Closed"_s);
        QCOMPARE(model.state(2), BillingPeriodState::Closed); // out of range
    }

    void periodList_sameDatesAtShiftedIndex_replaceTheRow()
    {
        PeriodListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeriod(0, periodStarting(2026, 10));
        // A period closed meanwhile: October is now index 1 and November index 0.
        model.setPeriod(1, periodStarting(2026, 10));
        model.setPeriod(0, periodStarting(2026, 11));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.period(1)->billingPeriodIndex, 1);
        QCOMPARE(model.rowOfStart(QDateTime(QDate(2026, 11, 1), QTime(0, 0), bd::UtcZone)), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void periodUsage_example_groupsAndNetsFairUse()
    {
        PeriodUsageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOverview(example());
        QCOMPARE(model.rowCount(), 4);
        const int resource = model.rowOf(u"resource"_s, u"PC-170-NV-APIRES"_s);
        const int fairUse = model.rowOf(u"fair-use"_s, u"PC-170-NV-APIRES"_s);
        QCOMPARE(fairUse, resource + 1);
        QCOMPARE(model.index(resource, PeriodUsageModel::BillableColumn).data().toString(), u"850375"_s);
        QCOMPARE(model.index(resource, PeriodUsageModel::AllowanceColumn).data().toString(), u"400000"_s);
        QCOMPARE(model.index(resource, PeriodUsageModel::TotalColumn)
                     .data(PeriodUsageModel::SortRole)
                     .value<Decimal>(),
            *Decimal::fromString(u"212.59375"));
        QCOMPARE(model.index(resource, PeriodUsageModel::TotalColumn).data().toString(), u"212.59"_s);
        QVERIFY(
            !model.index(fairUse, PeriodUsageModel::TotalColumn).data(PeriodUsageModel::SortRole).isValid());
        QVERIFY(model.index(fairUse, 0).data(PeriodUsageModel::AllowanceRowRole).toBool());
        const int addOn = model.rowOf(u"billable-app-usage-license"_s, u"PC-170-NV-VRNTWFE"_s);
        QCOMPARE(model.index(addOn, PeriodUsageModel::ThirdPartyColumn).data().toString(), u"Third party"_s);
        QCOMPARE(model.totals().currencies(), QStringList { u"USD"_s });
        QCOMPARE(model.totals().total(u"USD"_s).total, *Decimal::fromString(u"7414.09375"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.totals().isEmpty());
    }

    // Three closed periods that ended where the example is now: the seats are projected to stay at 64, 4 over
    // the commitment of 60 at 132 each.
    void periodUsage_activePeriod_isProjected_closedPeriodsAreNot()
    {
        PeriodUsageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(QDate(2026, 11, 2));
        const QList<TrusteeBillingOverview> closed { periodStarting(2026, 9), periodStarting(2026, 8),
            periodStarting(2026, 7) };
        model.setOverview(example(), 0, closed);
        int seats = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.usage(row)->grouping == u"user-license")
                seats = row;
        }
        QVERIFY(seats >= 0);
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(seats, PeriodUsageModel::ProjectedColumn).toString(), u"≈ 64 (64–64)"_s);
        QCOMPARE(cell(seats, PeriodUsageModel::ProjectedColumn, PeriodUsageModel::SortRole).value<Decimal>(),
            Decimal::fromInt(64));
        QVERIFY2(cell(seats, PeriodUsageModel::OutlookColumn)
                     .toString()
                     .startsWith(u"likely to exceed the commitment by 4 seat"_s),
            qPrintable(cell(seats, PeriodUsageModel::OutlookColumn).toString()));
        QCOMPARE(cell(seats, PeriodUsageModel::ProjectedOverageCostColumn).toString(), u"528.00"_s);
        const QString tip = cell(seats, PeriodUsageModel::ProjectedColumn, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(PeriodUsageModel::methodText(Projection::Method::SeatFinals)), qPrintable(tip));
        QVERIFY(tip.contains(u"USD 528.00"_s));
        const int fairUse = model.rowOf(u"fair-use"_s, u"PC-170-NV-APIRES"_s);
        QVERIFY(cell(fairUse, PeriodUsageModel::ProjectedColumn).toString().isEmpty());
        QVERIFY(model.projectedOverage().contains(u"USD"_s));

        // Too little history: the reason instead of a number.
        model.setClosedPeriods(closed.mid(0, 2));
        QCOMPARE(cell(seats, PeriodUsageModel::ProjectedColumn).toString(), u"too little history"_s);
        QVERIFY(!cell(seats, PeriodUsageModel::ProjectedColumn, PeriodUsageModel::SortRole).isValid());
        QVERIFY(model.projectedOverage().isEmpty());

        // In a ramp nothing is projected.
        TrusteeBillingOverview ramp = example();
        ramp.inRampPeriod = true;
        model.setOverview(ramp, 0, closed);
        QCOMPARE(cell(seats, PeriodUsageModel::ProjectedColumn).toString(), u"ramp period"_s);

        // A closed period: blank, the tooltip says why.
        model.setOverview(example(), 1, closed);
        QVERIFY(cell(seats, PeriodUsageModel::ProjectedColumn).toString().isEmpty());
        QVERIFY(cell(seats, PeriodUsageModel::OutlookColumn).toString().isEmpty());
        QVERIFY(
            !cell(seats, PeriodUsageModel::ProjectedOverageCostColumn, PeriodUsageModel::SortRole).isValid());
        QVERIFY(
            cell(seats, PeriodUsageModel::ProjectedColumn, Qt::ToolTipRole).toString().contains(u"Closed"_s));
    }

    void comparison_rows_showDeltasAndChanges()
    {
        ComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TrusteeBillingOverview before = example();
        TrusteeBillingOverview after = example();
        after.usages.removeFirst(); // the third-party add-on goes
        after.usages[0].usageQuantity = *Decimal::fromString(u"68"); // CX 2: 64 → 68
        model.setComparison(PeriodComparison::compare(before, after), u"Sep"_s, u"Oct"_s);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.headerData(ComparisonModel::BeforeColumn, Qt::Horizontal).toString(), u"Sep"_s);
        QCOMPARE(model.index(0, ComparisonModel::ChangeColumn).data().toString(), u"Removed"_s);
        QCOMPARE(model.index(0, ComparisonModel::AfterColumn).data().toString(), u"—"_s);
        QCOMPARE(model.index(1, ComparisonModel::DeltaColumn).data().toString(), u"+4"_s);
        QCOMPARE(model.index(1, ComparisonModel::DeltaPercentColumn).data().toString(), u"+6.25 %"_s);
        // The estimated cost's change, in the periods' currency: the line's estimate after less before.
        QCOMPARE(model.headerData(ComparisonModel::CostDeltaColumn, Qt::Horizontal).toString(),
            u"Δ est. cost (%1)"_s.arg(after.currency));
        const Decimal costBefore = OverviewEstimate::estimate(before.usages.at(1), std::nullopt).total;
        const Decimal costAfter = OverviewEstimate::estimate(after.usages.at(0), std::nullopt).total;
        QVERIFY(costAfter > costBefore);
        QCOMPARE(model.index(1, ComparisonModel::CostDeltaColumn).data().toString(),
            u"+"_s + (costAfter - costBefore).toString(2));
        const Decimal removed = OverviewEstimate::estimate(before.usages.at(0), std::nullopt).total;
        QCOMPARE(
            model.index(0, ComparisonModel::CostDeltaColumn).data(ComparisonModel::SortRole).value<Decimal>(),
            (Decimal() - removed).rounded(2));
        // Another currency: costs are not subtracted.
        after.currency = u"EUR"_s;
        model.setComparison(PeriodComparison::compare(before, after), u"Sep"_s, u"Oct"_s);
        QCOMPARE(model.index(1, ComparisonModel::CostDeltaColumn).data().toString(), u"—"_s);
        QCOMPARE(
            model.headerData(ComparisonModel::CostDeltaColumn, Qt::Horizontal).toString(), u"Δ est. cost"_s);
        // A price missing on one side: the change in cost is not known, and not a 0 or a whole line's cost.
        after.currency = before.currency;
        after.usages[0].prepayPrice.reset();
        after.usages[0].overagePrice.reset();
        QVERIFY(!OverviewEstimate::estimate(after.usages.at(0), std::nullopt).isPriced());
        model.setComparison(PeriodComparison::compare(before, after), u"Sep"_s, u"Oct"_s);
        QCOMPARE(model.index(1, ComparisonModel::CostDeltaColumn).data().toString(), u"no price"_s);
        QVERIFY(!model.index(1, ComparisonModel::CostDeltaColumn).data(ComparisonModel::SortRole).isValid());
        QVERIFY(model.index(1, ComparisonModel::CostDeltaColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"no price"_s));
        QVERIFY(model.index(2, ComparisonModel::CostDeltaColumn).data(ComparisonModel::SortRole).isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // A line whose overage has no price: every sum that adds it says it is a lower bound, and no cell or CSV
    // value is a 0 that stands for "unknown".
    void portfolio_unpricedOverage_isALowerBoundNotAZero()
    {
        installTranslations(QCoreApplication::instance());
        const auto seat = [](const char* part, const char* usage, std::optional<const char*> overagePrice) {
            SubscriptionOverviewUsage u;
            u.name = u.partNumber = QString::fromLatin1(part);
            u.grouping = u"user-license"_s;
            u.unitOfMeasureType = u"seat"_s;
            u.usageQuantity = *Decimal::fromString(QString::fromLatin1(usage));
            u.prepayQuantity = Decimal::fromInt(100);
            u.prepayPrice = Decimal::fromInt(100);
            if (overagePrice)
                u.overagePrice = *Decimal::fromString(QString::fromLatin1(*overagePrice));
            return u;
        };
        TrusteeBillingOverview o;
        o.currency = u"USD"_s;
        o.usages = { seat("PRICED", "110", "125"), seat("UNPRICED", "120", std::nullopt) };
        Trustor t;
        t.id = u"org-a"_s;
        t.enabled = true;
        t.organization.name = u"Alpha"_s;
        PortfolioModel model;
        model.reset({ t }, 1);
        model.setPeriod(t.id, 0, o);
        const QModelIndex cell = model.index(0, PortfolioModel::FirstPeriodColumn);
        // 2 × 100 × 100 of prepay and PRICED's 10 × 125 of overage; UNPRICED's 20 have no price.
        QCOMPARE(cell.data().toString(), u"≥ 21250.00"_s);
        QCOMPARE(model.index(0, PortfolioModel::OverageNowColumn).data().toString(), u"≥ 1250.00"_s);
        model.setCellText(PortfolioModel::CellText::Overage);
        QCOMPARE(cell.data().toString(), u"≥ 1250.00"_s);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(u"no overage price given"_s));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(u"1 line with no price"_s));
        const QList<QStringList> matrix
            = test::parseCsv(PortfolioCsv::matrix(model.customers(), { 0 }, true).bytes());
        QCOMPARE(matrix.at(1).at(3), QString()); // active overage: unknown, not 1250.00 nor 0
        QCOMPARE(matrix.at(1).at(5), QString()); // period 0 overage
        QCOMPARE(matrix.at(1).at(6), u"exceeded"_s);
        const QList<QStringList> lines = test::parseCsv(PortfolioCsv::build(model.customers()).bytes());
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(1).at(15), u"1250"_s);
        QCOMPARE(lines.at(2).at(14), u"20"_s); // the overage itself is known
        QCOMPARE(lines.at(2).at(15), QString());
        QCOMPARE(lines.at(2).at(16), QString());
    }

    // Swept again, the same customers keep their cells until new copies arrive; once the active period has
    // ended, every index names the period after the one shown, and the matrix starts over.
    void portfolio_sweptAgain_keepsItsCellsUntilAPeriodRotates()
    {
        Trustor t;
        t.id = u"6a1c9f0e-3b2d-4c8e-9f10-2a3b4c5d6e7f"_s;
        t.enabled = true;
        t.organization.name = u"Alpha"_s;
        TrusteeBillingOverview active;
        active.currency = u"USD"_s;
        active.billingPeriodStartDate = QDateTime(QDate(2028, 1, 29), QTime(0, 0), bd::UtcZone);
        active.billingPeriodEndDate = QDateTime(QDate(2028, 2, 28), QTime(23, 59, 59), bd::UtcZone);
        PortfolioModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.reset({ t }, 2);
        model.setPeriod(t.id, 0, active);
        QCOMPARE(reset.size(), 1);
        // The last day of a leap February: still the same period.
        model.reset({ t }, 2, QDateTime(QDate(2028, 2, 28), QTime(12, 0), bd::UtcZone));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.customers().first().cells.first().status, PortfolioModel::CellStatus::Loaded);
        // The 29th: the period has rotated.
        model.reset({ t }, 2, QDateTime(QDate(2028, 2, 29), QTime(0, 30), bd::UtcZone));
        QCOMPARE(reset.size(), 2);
        QCOMPARE(model.customers().first().cells.first().status, PortfolioModel::CellStatus::Pending);
        // Another customer list is another matrix too.
        Trustor other = t;
        other.id = u"7b2d0a1f-4c3e-4d9f-8a21-3b4c5d6e7f80"_s;
        model.setPeriod(t.id, 0, active);
        model.reset({ other }, 2);
        QCOMPARE(reset.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestPartnerModels)
#include "tst_partnermodels.moc"
