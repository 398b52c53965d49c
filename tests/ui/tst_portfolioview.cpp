// The partner portfolio as a person sees it, rendered offscreen against billing-sim: the page opens on it and
// the first refresh fills it, the filter and the threshold change what is listed and how cells are judged,
// cells show totals or overage, a double-click opens that customer's period, the exports read back, and
// screenshots are taken at 1280×800 and 1024×640, light and dark.
#include "csvreader.h"
#include "darkpalette.h"
#include "i18n/translations.h"
#include "load/partnerbrowser.h"
#include "load/portfoliosweep.h"
#include "models/periodlistmodel.h"
#include "models/portfoliomodel.h"
#include "simfixture.h"
#include "store/reportstore.h"
#include "ui/charts/commitmentchartview.h"
#include "ui/messagebanner.h"
#include "ui/partner/partnerpage.h"
#include "ui/partner/portfolioview.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bd;
using bd::test::fixedNow;
using bd::test::SimFixture;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int countCells(const PortfolioModel& model, CommitmentState state)
{
    int n = 0;
    for (const PortfolioModel::Customer& c : model.customers()) {
        for (const PortfolioModel::Cell& cell : c.cells)
            n += cell.status == PortfolioModel::CellStatus::Loaded && cell.standing.state == state ? 1 : 0;
    }
    return n;
}

} // namespace

class TestPortfolioView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(QCoreApplication::instance()); // the English plural forms, as the dashboard has
        QVERIFY(m_settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init()
    {
        QSettings().clear();
        QString error;
        m_fixture = SimFixture::start(&error);
        QVERIFY2(m_fixture, qPrintable(error));
        // 25 customers × 13 periods is more than the client's own 300 a minute: not what these tests are
        // about.
        m_fixture->session->client()->setRateLimit(0);
        m_page = std::make_unique<PartnerPage>(m_fixture->session.get());
        m_page->sweep()->setClock([] { return fixedNow(); });
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy swept(m_page->sweep(), &PortfolioSweep::finished);
        m_page->refresh(); // what the window does when the page is first shown
        QVERIFY(swept.wait(30'000));
        QCoreApplication::sendPostedEvents();
        m_table = m_page->findChild<QTableView*>(u"portfolioTable"_s);
        QVERIFY(m_table);
    }

    void cleanup()
    {
        m_page.reset();
        m_fixture.reset();
    }

    void opensOnThePortfolio_filledByTheFirstRefresh()
    {
        auto* views = m_page->findChild<QTabWidget*>(u"partnerViews"_s);
        QCOMPARE(views->currentIndex(), int(PartnerPage::PortfolioPane));
        QVERIFY(m_table->isVisible());
        const QStringList ids = m_fixture->server->data().trustorIds();
        QCOMPARE(m_table->model()->rowCount(), ids.size());
        QCOMPARE(m_table->model()->columnCount(), PortfolioModel::FirstPeriodColumn + 13);
        // The disabled trust reads "refused" in its cells, never a figure.
        const PortfolioModel* model = m_page->sweep()->model();
        int refusedRows = 0;
        for (int row = 0; row < m_table->model()->rowCount(); ++row) {
            const QString text
                = m_table->model()->index(row, PortfolioModel::FirstPeriodColumn).data().toString();
            const QString id = m_table->model()->index(row, 0).data(PortfolioModel::OrgIdRole).toString();
            if (!m_fixture->server->data().isTrustEnabled(id)) {
                QCOMPARE(text, u"refused"_s);
                ++refusedRows;
            } else {
                QCOMPARE(text, model->customer(id)->cells.first().standing.total.toString(2));
            }
        }
        QCOMPARE(refusedRows, 1);
        // One listing serves the portfolio and the customer picker alike.
        QCOMPARE(m_fixture->requests(u"/api/v2/orgauthorization/trustors"_s).size(), 1);
        auto* picker = m_page->findChild<QTableView*>(u"trustorTable"_s);
        QVERIFY(picker);
        QCOMPARE(picker->model()->rowCount(), ids.size());
        QVERIFY(m_page->status().text.startsWith(u"Portfolio · 325 of 325"_s));
        // Subtotals name every currency of the active periods, each on its own.
        const QString subtotals = m_page->findChild<QLabel*>(u"portfolioSubtotals"_s)->text();
        for (const QString& currency : model->subtotals(0).currencies())
            QVERIFY2(subtotals.contains(u"<b>%1</b>"_s.arg(currency)), qPrintable(subtotals));
        QVERIFY(subtotals.contains(u"25 customers listed"_s));
    }

    void filter_exceededNow_listsExactlyThoseCustomers()
    {
        const PortfolioModel* model = m_page->sweep()->model();
        int expected = 0;
        for (const PortfolioModel::Customer& c : model->customers())
            expected
                += c.cells.first().standing.state == CommitmentState::Exceeded && c.cells.first().overview
                ? 1
                : 0;
        QVERIFY(expected > 0);
        auto* filter = m_page->findChild<QComboBox*>(u"portfolioFilter"_s);
        filter->setCurrentIndex(filter->findData(int(PortfolioModel::Filter::ExceededNow)));
        QCOMPARE(m_table->model()->rowCount(), expected);
        for (int row = 0; row < m_table->model()->rowCount(); ++row) {
            const QModelIndex active = m_table->model()->index(row, PortfolioModel::FirstPeriodColumn);
            QCOMPARE(
                CommitmentState(active.data(PortfolioModel::StateRole).toInt()), CommitmentState::Exceeded);
        }
        QVERIFY(m_page->findChild<QLabel*>(u"portfolioSubtotals"_s)
                    ->text()
                    .contains(u"%1 customer"_s.arg(expected)));
        filter->setCurrentIndex(filter->findData(int(PortfolioModel::Filter::Unreadable)));
        QCOMPARE(m_table->model()->rowCount(), 1); // the disabled trust
        // Nobody listed sums to nothing, not to everybody.
        QVERIFY(model->subtotals(0, {}).isEmpty());
        QVERIFY(!model->subtotals(0).isEmpty());
    }

    void threshold_lowered_judgesMoreLinesNear()
    {
        const PortfolioModel* model = m_page->sweep()->model();
        const int atNinety = countCells(*model, CommitmentState::Warning);
        const int exceeded = countCells(*model, CommitmentState::Exceeded);
        QVERIFY(exceeded > 0);
        m_page->findChild<QSpinBox*>(u"portfolioThreshold"_s)->setValue(50);
        const int atFifty = countCells(*model, CommitmentState::Warning);
        QVERIFY2(atFifty > atNinety, qPrintable(u"%1 → %2"_s.arg(atNinety).arg(atFifty)));
        QCOMPARE(countCells(*model, CommitmentState::Exceeded), exceeded); // overage does not depend on it
    }

    void cellText_overage_showsEachCellsOverage()
    {
        auto* cellText = m_page->findChild<QComboBox*>(u"portfolioCellText"_s);
        cellText->setCurrentIndex(cellText->findData(int(PortfolioModel::CellText::Overage)));
        const PortfolioModel* model = m_page->sweep()->model();
        const QModelIndex cell = m_table->model()->index(0, PortfolioModel::FirstPeriodColumn + 2);
        const auto* customer = model->customer(cell.data(PortfolioModel::OrgIdRole).toString());
        QCOMPARE(cell.data().toString(), customer->cells.at(2).standing.overageCost.toString(2));
    }

    void doubleClick_opensThatPeriodInTheCustomerView()
    {
        const QString id = m_fixture->trustorNamed(u"Woodgrove Financial"_s);
        int row = -1;
        for (int r = 0; r < m_table->model()->rowCount(); ++r) {
            if (m_table->model()->index(r, 0).data(PortfolioModel::OrgIdRole).toString() == id)
                row = r;
        }
        QVERIFY(row >= 0);
        const QModelIndex cell = m_table->model()->index(row, PortfolioModel::FirstPeriodColumn + 3);
        m_table->scrollTo(cell);
        const QPoint at = m_table->visualRect(cell).center();
        QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(m_table->viewport(), Qt::LeftButton, {}, at);
        PartnerBrowser* browser = m_page->browser();
        QVERIFY(QTest::qWaitFor([&] { return browser->currentIndex() == 3; }, 10'000));
        QCOMPARE(browser->orgId(), id);
        QCOMPARE(m_page->findChild<QTabWidget*>(u"partnerViews"_s)->currentIndex(),
            int(PartnerPage::CustomerPane));
        const auto start = browser->periods()->period(browser->currentRow())->overview.billingPeriodStartDate;
        QCOMPARE(start, m_page->sweep()->model()->customer(id)->cells.at(3).overview->billingPeriodStartDate);
    }

    void doubleClick_pastAShortHistory_opensItsOldestPeriod()
    {
        const QString id = m_fixture->trustorNamed(u"Relecloud"_s);
        int row = -1;
        for (int r = 0; r < m_table->model()->rowCount(); ++r) {
            if (m_table->model()->index(r, 0).data(PortfolioModel::OrgIdRole).toString() == id)
                row = r;
        }
        const QModelIndex cell = m_table->model()->index(row, PortfolioModel::FirstPeriodColumn + 9);
        QCOMPARE(PortfolioModel::CellStatus(cell.data(PortfolioModel::StatusRole).toInt()),
            PortfolioModel::CellStatus::NoPeriod);
        m_table->scrollTo(cell);
        const QPoint at = m_table->visualRect(cell).center();
        QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(m_table->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(QTest::qWaitFor([&] { return m_page->browser()->currentIndex() == 4; }, 10'000));
        QCOMPARE(m_page->browser()->orgId(), id);
    }

    void exports_matrixAndLongFormat_readBack()
    {
        QTemporaryDir dir;
        auto* view = m_page->portfolio();
        QString error;
        const QString matrix = dir.filePath(u"matrix.csv"_s);
        QVERIFY2(view->exportMatrixCsv(matrix, &error), qPrintable(error));
        const QList<QStringList> rows = test::parseCsv(readFile(matrix));
        QCOMPARE(rows.size(), 1 + 25);
        QCOMPARE(rows.first().size(), 5 + 2 * 13);
        QVERIFY(std::any_of(
            rows.cbegin(), rows.cend(), [](const QStringList& r) { return r.value(6) == u"exceeded"; }));
        QVERIFY(std::any_of(
            rows.cbegin(), rows.cend(), [](const QStringList& r) { return r.value(6) == u"refused"; }));
        const QString longFormat = dir.filePath(u"long.csv"_s);
        QVERIFY2(view->exportLongCsv(longFormat, &error), qPrintable(error));
        const QList<QStringList> lines = test::parseCsv(readFile(longFormat));
        QVERIFY(lines.size() > 25 * 13);
        QCOMPARE(lines.first().value(17), u"State"_s);
    }

    void commitmentChart_drawsTheMostUsedFirst()
    {
        auto* part = m_page->findChild<QComboBox*>(u"portfolioPart"_s);
        QVERIFY(part->count() > 0);
        QVERIFY(!part->currentData().toString().isEmpty());
        // It opens on the part most customers are committed to, counted here from the bars themselves.
        const auto committed = [&](int i) {
            const QList<PortfolioModel::CommitmentBar> bars
                = m_page->sweep()->model()->commitmentBars(part->itemData(i).toString());
            return std::count_if(bars.cbegin(), bars.cend(),
                [](const PortfolioModel::CommitmentBar& b) { return b.usedPercent.has_value(); });
        };
        for (int i = 0; i < part->count(); ++i)
            QVERIFY2(committed(i) <= committed(part->currentIndex()), qPrintable(part->itemText(i)));
        QVERIFY(committed(part->currentIndex()) > 0);
        const QList<PortfolioModel::CommitmentBar> bars
            = m_page->sweep()->model()->commitmentBars(part->currentData().toString());
        QVERIFY(bars.size() >= 2);
        for (qsizetype i = 1; i < bars.size() && bars.at(i).usedPercent; ++i)
            QVERIFY(*bars.at(i - 1).usedPercent >= *bars.at(i).usedPercent);
        auto* chart = m_page->findChild<CommitmentChartView*>(u"commitmentChart"_s);
        QVERIFY(chart->drawnBars() > 0);
        QVERIFY(chart->chart()->title().contains(part->currentText().section(u" ("_s, 0, 0)));
    }

    void aStoreThatRefusesWrites_isToldOnceAndTheSweepGoesOn()
    {
        QTemporaryDir dir;
        QString error;
        const std::unique_ptr<ReportStore> store = ReportStore::open(dir.filePath(u"store.sqlite"_s), &error);
        QVERIFY2(store, qPrintable(error));
        {
            // Another program's trigger refuses every overview, as a full disk would.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            db.setDatabaseName(store->path());
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"CREATE TRIGGER refuse BEFORE INSERT ON overview "
                                       "BEGIN SELECT RAISE(ABORT, 'no room'); END"_s));
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        auto* banner = m_page->findChild<MessageBanner*>(u"storeBanner"_s);
        QVERIFY(banner);
        QVERIFY(banner->isHidden());
        m_page->setStore(store.get(), { u"demo"_s, u"partner-org"_s });
        QSignalSpy told(m_page->sweep(), &PortfolioSweep::storeFailed);
        QSignalSpy swept(m_page->sweep(), &PortfolioSweep::finished);
        m_page->refresh();
        QVERIFY(swept.wait(120'000));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30'000);
        QVERIFY2(banner->text().contains(store->path()), qPrintable(banner->text()));
        store->flush();
        QCoreApplication::processEvents();
        QCOMPARE(told.size(), 1); // every write failed alike: one warning, not 300
        // What was read is shown all the same.
        const PortfolioSweep::Progress p = m_page->sweep()->progress();
        QCOMPARE(p.done, p.total);
        QCOMPARE(p.failed, 0);
        QCOMPARE(countCells(*m_page->sweep()->model(), CommitmentState::Exceeded) > 0, true);
        m_page.reset(); // before the store it uses
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("dark");
        QTest::newRow("1280x800") << u"partner-portfolio.png"_s << QSize(1280, 800) << false;
        QTest::newRow("1024x640") << u"partner-portfolio-1024x640.png"_s << QSize(1024, 640) << false;
        QTest::newRow("1920x1080") << u"partner-portfolio-1920x1080.png"_s << QSize(1920, 1080) << false;
        QTest::newRow("dark") << u"partner-portfolio-dark.png"_s << QSize(1280, 800) << true;
    }
    void screenshots()
    {
        QFETCH(QString, file);
        QFETCH(QSize, size);
        QFETCH(bool, dark);
        QTemporaryDir temporary;
        const QString out = qEnvironmentVariableIsEmpty("BD_SCREENSHOT_DIR")
            ? temporary.path()
            : qEnvironmentVariable("BD_SCREENSHOT_DIR");
        const test::PaletteGuard guard;
        if (dark)
            QApplication::setPalette(test::darkPalette());
        m_page->resize(size);
        QCoreApplication::sendPostedEvents();
        QVERIFY2(m_page->width() <= size.width(), qPrintable(QString::number(m_page->width())));
        QVERIFY(m_page->grab().save(out + u"/"_s + file));
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<SimFixture> m_fixture;
    std::unique_ptr<PartnerPage> m_page;
    QTableView* m_table = nullptr;
};

QTEST_MAIN(TestPortfolioView)
#include "tst_portfolioview.moc"
