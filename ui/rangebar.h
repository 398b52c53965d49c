#pragma once

#include "domain/granularity.h"
#include "domain/rangepreset.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QKeyEvent;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QSettings;

namespace bd {

/// Picks the range and granularity of the usage chart: presets, calendar pickers for a custom range, and a
/// granularity. Keeps the range valid (start before end, nothing after today) and says why when it is not.
/// Presets end at the data cut-off; a preset whose period has just begun ("This month" on the 1st) says
/// there is no data yet and offers the period before.
class RangeBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeBar)

public:
    explicit RangeBar(QWidget* parent = nullptr);

    DateRange range() const;
    Granularity granularity() const;
    RangePreset preset() const;
    /// Empty when the range can be loaded, else why not.
    QString validationMessage() const;
    /// A remark on a range that can be loaded: the chart still shows another range, the end was typed past
    /// today, or one bucket is all the granularity gives. Empty when there is none.
    QString note() const;
    /// The range, granularity and cycle day the chart now shows (or loads), for note().
    void setShownRange(const DateRange& range, Granularity granularity, int cycleDay);
    /// True when the preset's period began today: the bar says so itself and offers the period before.
    bool noDataYet() const { return m_noDataYet; }

    void setPreset(RangePreset preset);
    /// A custom range (end after today is clipped to today).
    void setRange(const DateRange& range);
    void setGranularity(Granularity granularity);
    /// The day of the month the billing cycle starts on (1–31), for the cycle presets.
    int cycleDay() const;
    /// Sets the cycle day; `origin` says where it came from, in its tooltip ("Learnt from …"), or is empty.
    void setCycleDay(int day, const QString& origin = {});
    /// The day monthly buckets start on: the cycle day under a cycle preset, else 1 (calendar months).
    int tilingCycleDay() const;
    /// The day presets are relative to and the latest day that can be picked (tests pin it).
    void setToday(const QDate& today);

    void saveSettings(QSettings& settings) const;
    void restoreSettings(QSettings& settings);

    /// What the preset menu calls a preset: "This month", "Last 3 months", …
    static QString presetLabel(RangePreset preset);
    /// What the granularity menu calls a granularity: "Daily", "Weekly", …
    static QString granularityLabel(Granularity granularity);
    /// The granularity in a sentence: "daily", "weekly", …
    static QString granularityAdjective(Granularity granularity);

    /// Above this many reports a load asks before it starts.
    static constexpr int LargeLoadThreshold = 400;
    /// True when the range can be loaded: it needs at most LargeLoadThreshold reports, or the person agreed.
    static bool confirmLoad(QWidget* parent, const DateRange& range, Granularity granularity);

Q_SIGNALS:
    /// The person asked for this range (Load, a preset, a granularity).
    void loadRequested();
    /// The person set the billing-cycle day (not setCycleDay()).
    void cycleDayEdited(int day);

protected:
    /// Enter in a date field (which the field passes on) loads the range.
    void keyPressEvent(QKeyEvent* event) override;

private:
    /// True when the chart shows another range than the one picked (it has not been loaded yet).
    bool showsOtherRange() const;
    void setCycleDayOrigin(const QString& origin);
    /// A granularity finer than the one chosen, when the range is a single bucket of it.
    std::optional<Granularity> finerGranularity() const;
    void applyPreset();
    void offerInstead();
    void onDatesEdited();
    void validate();

    QDate m_today;
    QComboBox* m_preset;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_granularity;
    QPushButton* m_load;
    QLabel* m_problem;
    QPushButton* m_offer;
    QSpinBox* m_cycleDay;
    bool m_applying = false;
    bool m_noDataYet = false; ///< the preset's period has begun today: nothing to load yet
    DateRange m_shown; ///< what the chart shows; invalid before the first load
    Granularity m_shownGranularity = Granularity::Month;
    int m_shownCycleDay = 1;
};

} // namespace bd
