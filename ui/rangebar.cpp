#include "ui/rangebar.h"

#include "domain/datacutoff.h"
#include "domain/datebuckets.h"
#include "models/usageseriesmodel.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

// What the date fields take: wide enough for any typing slip to be explained rather than refused.
const QDate EarliestTypedDate(2000, 1, 1);
const QDate LatestTypedDate(2099, 12, 31);

} // namespace

QString RangeBar::presetLabel(RangePreset preset)
{
    switch (preset) {
    case RangePreset::ThisMonth:
        return tr("This month");
    case RangePreset::LastMonth:
        return tr("Last month");
    case RangePreset::Last3Months:
        return tr("Last 3 months");
    case RangePreset::Last6Months:
        return tr("Last 6 months");
    case RangePreset::Last12Months:
        return tr("Last 12 months");
    case RangePreset::YearToDate:
        return tr("Year to date");
    case RangePreset::LastYear:
        return tr("Last year");
    case RangePreset::ThisCycle:
        return tr("This billing cycle");
    case RangePreset::LastCycle:
        return tr("Last billing cycle");
    case RangePreset::Last3Cycles:
        return tr("Last 3 billing cycles");
    case RangePreset::Last12Cycles:
        return tr("Last 12 billing cycles");
    case RangePreset::Custom:
        return tr("Custom");
    }
    return {};
}

QString RangeBar::granularityLabel(Granularity granularity)
{
    switch (granularity) {
    case Granularity::Day:
        return tr("Daily");
    case Granularity::Week:
        return tr("Weekly");
    case Granularity::Month:
        return tr("Monthly");
    case Granularity::Quarter:
        return tr("Quarterly");
    }
    return {};
}

QString RangeBar::granularityAdjective(Granularity g)
{
    switch (g) {
    case Granularity::Day:
        return RangeBar::tr("daily");
    case Granularity::Week:
        return RangeBar::tr("weekly");
    case Granularity::Month:
        return RangeBar::tr("monthly");
    case Granularity::Quarter:
        return RangeBar::tr("quarterly");
    }
    return {};
}

bool RangeBar::confirmLoad(QWidget* parent, const DateRange& range, Granularity granularity)
{
    const qsizetype reports = DateBuckets::count(range.first, range.last, granularity);
    if (reports <= LargeLoadThreshold)
        return true;
    const auto answer = QMessageBox::question(parent, tr("Load %1 reports?").arg(reports),
        tr("This range needs %1 %2 reports from Genesys Cloud. At the default limit of 300 requests a minute "
           "that takes a few minutes.\n\nLoad them anyway, or pick a coarser granularity?")
            .arg(reports)
            .arg(granularityAdjective(granularity)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes;
}

RangeBar::RangeBar(QWidget* parent)
    : QWidget(parent)
    , m_today(QDateTime::currentDateTimeUtc().date()) // buckets are UTC days
    , m_preset(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_granularity(new QComboBox(this))
    , m_load(new QPushButton(tr("Load"), this))
    , m_problem(new QLabel(this))
    , m_offer(new QPushButton(this))
    , m_cycleDay(new QSpinBox(this))
{
    m_preset->setObjectName(u"rangePreset"_s);
    m_from->setObjectName(u"rangeFrom"_s);
    m_to->setObjectName(u"rangeTo"_s);
    m_granularity->setObjectName(u"granularity"_s);
    m_load->setObjectName(u"loadButton"_s);
    m_problem->setObjectName(u"rangeProblem"_s);
    m_offer->setObjectName(u"rangeOffer"_s);
    m_offer->hide();
    m_cycleDay->setObjectName(u"cycleDay"_s);
    m_cycleDay->setRange(1, 31);
    m_cycleDay->setPrefix(tr("from day "));
    setCycleDayOrigin({});
    m_cycleDay->hide();

    for (RangePreset preset : RangePresets::all()) {
        if (preset == RangePreset::ThisCycle || preset == RangePreset::Custom)
            m_preset->insertSeparator(m_preset->count());
        m_preset->addItem(presetLabel(preset), int(preset));
    }
    for (Granularity g : allGranularities())
        m_granularity->addItem(granularityLabel(g), int(g));
    for (QDateEdit* edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        // Any plausible date can be typed; one past today is explained (validationMessage(), note()) rather
        // than silently changed.
        edit->setMaximumDate(LatestTypedDate);
        edit->setMinimumDate(EarliestTypedDate);
    }
    m_from->setToolTip(tr("First day (UTC)"));
    m_to->setToolTip(
        tr("Last day (UTC), included; no later than today. Usage is complete through yesterday."));
    m_load->setDefault(true);
    m_load->setToolTip(tr("Load the range (F5)"));
    Theme::setTextTone(m_problem, Theme::Tone::Error);
    m_problem->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Range"), this));
    layout->addWidget(m_preset);
    layout->addWidget(m_cycleDay);
    layout->addSpacing(8);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to", "between the first and the last day"), this));
    layout->addWidget(m_to);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("by", "before the granularity menu (Daily, Weekly, …)"), this));
    layout->addWidget(m_granularity);
    layout->addWidget(m_load);
    // The notice takes the room that is left and wraps there: it never widens the window.
    m_problem->setWordWrap(true);
    m_problem->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_problem, 1);
    layout->addWidget(m_offer);
    layout->addStretch(0);

    connect(m_preset, &QComboBox::activated, this, [this] {
        applyPreset();
        if (preset() != RangePreset::Custom && validationMessage().isEmpty())
            Q_EMIT loadRequested();
    });
    connect(m_granularity, &QComboBox::activated, this, [this] {
        if (validationMessage().isEmpty())
            Q_EMIT loadRequested();
    });
    connect(m_cycleDay, &QSpinBox::valueChanged, this, [this](int day) {
        setCycleDayOrigin({});
        Q_EMIT cycleDayEdited(day);
        if (!RangePresets::followsCycle(preset()))
            return;
        applyPreset();
        if (validationMessage().isEmpty())
            Q_EMIT loadRequested();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &RangeBar::onDatesEdited);
    connect(m_to, &QDateEdit::dateChanged, this, &RangeBar::onDatesEdited);
    connect(m_load, &QPushButton::clicked, this, &RangeBar::loadRequested);
    connect(m_offer, &QPushButton::clicked, this, [this] {
        if (const auto instead = m_noDataYet ? RangePresets::insteadOfEmpty(preset()) : std::nullopt) {
            setPreset(*instead);
            Q_EMIT loadRequested();
        } else if (const auto finer = finerGranularity()) {
            setGranularity(*finer);
            Q_EMIT loadRequested();
        }
    });

    setPreset(RangePreset::Last12Months);
    setGranularity(Granularity::Month);
}

DateRange RangeBar::range() const
{
    return { m_from->date(), std::min(m_to->date(), m_today) }; // usage after today does not exist yet
}

Granularity RangeBar::granularity() const
{
    return Granularity(m_granularity->currentData().toInt());
}

RangePreset RangeBar::preset() const
{
    return RangePreset(m_preset->currentData().toInt());
}

QString RangeBar::validationMessage() const
{
    if (m_noDataYet) {
        const QDate cutoff = DataCutoff::lastCompleteDay(m_today);
        const QString period = preset() == RangePreset::YearToDate
            ? QString::number(m_today.year())
            : QLocale().standaloneMonthName(m_today.month());
        return tr("No data for %1 yet: usage is complete through %2.")
            .arg(period, UsageSeriesModel::dayText(cutoff));
    }
    if (m_from->date() > m_to->date())
        return tr("The start is after the end.");
    if (m_from->date() > m_today)
        return tr("The start, %1, is after today: there is no usage yet.")
            .arg(UsageSeriesModel::dayText(m_from->date()));
    return {};
}

QString RangeBar::note() const
{
    if (!validationMessage().isEmpty())
        return {};
    QStringList notes;
    if (m_to->date() > m_today)
        notes << tr("Usage exists through today: the range ends on %1, not %2.")
                     .arg(UsageSeriesModel::dayText(m_today), UsageSeriesModel::dayText(m_to->date()));
    if (showsOtherRange())
        notes << tr("The chart still shows %1 – %2: press Load or Enter for this range.")
                     .arg(m_shown.first.toString(Qt::ISODate), m_shown.last.toString(Qt::ISODate));
    else if (const auto finer = finerGranularity())
        notes << tr("One %1 bucket: a finer granularity shows how it built up.")
                     .arg(granularityAdjective(granularity()));
    return notes.join(u' ');
}

bool RangeBar::showsOtherRange() const
{
    return m_shown.isValid()
        && (range() != m_shown || granularity() != m_shownGranularity || tilingCycleDay() != m_shownCycleDay);
}

std::optional<Granularity> RangeBar::finerGranularity() const
{
    return RangePresets::finerThanOneBucket(range(), granularity(), tilingCycleDay());
}

void RangeBar::setShownRange(const DateRange& range, Granularity granularity, int cycleDay)
{
    m_shown = range;
    m_shownGranularity = granularity;
    m_shownCycleDay = cycleDay;
    validate();
}

void RangeBar::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_load->isEnabled()) {
        event->accept();
        Q_EMIT loadRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void RangeBar::setPreset(RangePreset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    applyPreset();
}

void RangeBar::setRange(const DateRange& range)
{
    m_applying = true;
    m_from->setDate(std::min(range.first, m_today));
    m_to->setDate(std::min(range.last, m_today));
    m_applying = false;
    m_noDataYet = false;
    m_preset->setCurrentIndex(m_preset->findData(int(RangePreset::Custom)));
    validate();
}

void RangeBar::setGranularity(Granularity granularity)
{
    m_granularity->setCurrentIndex(m_granularity->findData(int(granularity)));
    validate();
}

void RangeBar::setToday(const QDate& today)
{
    m_today = today;
    applyPreset();
}

int RangeBar::cycleDay() const
{
    return m_cycleDay->value();
}

void RangeBar::setCycleDay(int day, const QString& origin)
{
    const QSignalBlocker quiet(m_cycleDay);
    m_cycleDay->setValue(day);
    setCycleDayOrigin(origin);
    if (RangePresets::followsCycle(preset()))
        applyPreset();
}

void RangeBar::setCycleDayOrigin(const QString& origin)
{
    const QString what = tr("The day of the month your billing cycle starts on, as on your invoices. The "
                            "partner view's periods show it for a customer.");
    m_cycleDay->setToolTip(origin.isEmpty() ? what : what + u"\n"_s + origin);
}

int RangeBar::tilingCycleDay() const
{
    return RangePresets::followsCycle(preset()) ? m_cycleDay->value() : 1;
}

void RangeBar::applyPreset()
{
    m_cycleDay->setVisible(RangePresets::followsCycle(preset()));
    const DateRange range = RangePresets::rangeFor(preset(), m_today, m_cycleDay->value());
    m_noDataYet = preset() != RangePreset::Custom && !range.isValid();
    if (m_noDataYet) {
        // The period began today: show its first day, say why there is nothing to load, offer the last one.
        m_applying = true;
        m_from->setDate(range.first);
        m_to->setDate(range.first);
        m_applying = false;
        validate();
        return;
    }
    if (!range.isValid())
        return; // Custom keeps the dates as they are
    m_applying = true;
    m_from->setDate(range.first);
    m_to->setDate(range.last);
    m_applying = false;
    validate();
}

void RangeBar::onDatesEdited()
{
    if (m_applying)
        return;
    // Editing a date turns the range into a custom one.
    m_noDataYet = false;
    m_preset->setCurrentIndex(m_preset->findData(int(RangePreset::Custom)));
    validate();
}

void RangeBar::validate()
{
    const QString problem = validationMessage();
    const QString remark = note();
    m_problem->setText(problem.isEmpty() ? remark : problem);
    m_problem->setVisible(!m_problem->text().isEmpty());
    Theme::setTextTone(m_problem, problem.isEmpty() || m_noDataYet ? Theme::Tone::Info : Theme::Tone::Error);
    m_load->setEnabled(problem.isEmpty());
    const auto instead = m_noDataYet ? RangePresets::insteadOfEmpty(preset()) : std::nullopt;
    const auto finer = problem.isEmpty() && !showsOtherRange() ? finerGranularity() : std::nullopt;
    if (instead)
        m_offer->setText(tr("Show %1").arg(presetLabel(*instead).toLower()));
    else if (finer)
        m_offer->setText(tr("Show %1").arg(granularityLabel(*finer).toLower()));
    m_offer->setVisible(instead.has_value() || finer.has_value());
}

void RangeBar::saveSettings(QSettings& settings) const
{
    settings.setValue(u"range/preset"_s, RangePresets::key(preset()));
    settings.setValue(u"range/first"_s, m_from->date());
    settings.setValue(u"range/last"_s, m_to->date());
    settings.setValue(u"range/granularity"_s, granularityName(granularity()));
    settings.setValue(u"range/cycleDay"_s, m_cycleDay->value());
}

void RangeBar::restoreSettings(QSettings& settings)
{
    if (const auto g = granularityFromName(settings.value(u"range/granularity"_s).toString()))
        setGranularity(*g);
    setCycleDay(std::clamp(settings.value(u"range/cycleDay"_s, 1).toInt(), 1, 31));
    const RangePreset saved = RangePresets::fromKey(settings.value(u"range/preset"_s).toString());
    if (saved == RangePreset::Custom) {
        const DateRange range { settings.value(u"range/first"_s).toDate(),
            settings.value(u"range/last"_s).toDate() };
        if (range.isValid()) {
            setRange(range);
            return;
        }
    }
    setPreset(saved == RangePreset::Custom ? RangePreset::Last12Months : saved);
}

} // namespace bd
