<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>bd::ComparisonView</name>
    <message numerus="yes">
        <source>%n line(s) changed quantity</source>
        <translation>
            <numerusform>%n line changed quantity</numerusform>
            <numerusform>%n lines changed quantity</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contract field(s) changed</source>
        <translation>
            <numerusform>%n contract field changed</numerusform>
            <numerusform>%n contract fields changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::LoadBanner</name>
    <message numerus="yes">
        <source>Genesys Cloud is still generating %n report(s). Keep waiting, or stop and keep what is loaded?</source>
        <translation>
            <numerusform>Genesys Cloud is still generating %n report. Keep waiting, or stop and keep what is loaded?</numerusform>
            <numerusform>Genesys Cloud is still generating %n reports. Keep waiting, or stop and keep what is loaded?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading stopped; %n report(s) not loaded.</source>
        <translation>
            <numerusform>Loading stopped; %n report not loaded.</numerusform>
            <numerusform>Loading stopped; %n reports not loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) failed, marked in the chart and the table (hover for the reason).</source>
        <translation>
            <numerusform>%n report failed, marked in the chart and the table (hover for the reason).</numerusform>
            <numerusform>%n reports failed, marked in the chart and the table (hover for the reason).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::PartnerPage</name>
    <message numerus="yes">
        <source>%1 · %n period(s) loaded</source>
        <translation>
            <numerusform>%1 · %n period loaded</numerusform>
            <numerusform>%1 · %n periods loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The history ends here: %1 has %n billing period(s); Genesys has nothing older.</source>
        <translation>
            <numerusform>The history ends here: %1 has %n billing period; Genesys has nothing older.</numerusform>
            <numerusform>The history ends here: %1 has %n billing periods; Genesys has nothing older.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n period(s) walked</source>
        <translation>
            <numerusform>%1 · %n period walked</numerusform>
            <numerusform>%1 · %n periods walked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the history holds %n period(s)</source>
        <translation>
            <numerusform>the history holds %n period</numerusform>
            <numerusform>the history holds %n periods</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::PeriodUsageModel</name>
    <message numerus="yes">
        <source>Too little history: a projection needs this line in at least %n closed period(s) before this one. Load earlier periods to project it.</source>
        <translation>
            <numerusform>Too little history: a projection needs this line in at least %n closed period before this one. Load earlier periods to project it.</numerusform>
            <numerusform>Too little history: a projection needs this line in at least %n closed periods before this one. Load earlier periods to project it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s)</source>
        <translation>
            <numerusform>%n seat</numerusform>
            <numerusform>%n seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Where this line is likely to end the period, with a 10–90 % band (from %n closed period(s)).</source>
        <translation>
            <numerusform>Where this line is likely to end the period, with a 10–90 % band (from %n closed period).</numerusform>
            <numerusform>Where this line is likely to end the period, with a 10–90 % band (from %n closed periods).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::ProfileMenu</name>
    <message numerus="yes">
        <source>Imported %n profile(s): %1.</source>
        <translation>
            <numerusform>Imported %n profile: %1.</numerusform>
            <numerusform>Imported %n profiles: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n: %1.</source>
        <translation>
            <numerusform>Skipped %n: %1.</numerusform>
            <numerusform>Skipped %n: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::RampChartView</name>
    <message numerus="yes">
        <source>%1: %n resource(s)</source>
        <translation>
            <numerusform>%1: %n resource</numerusform>
            <numerusform>%1: %n resources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::ResourcePanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %n resource(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %n resource</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %n resources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::UsageChartView</name>
    <message numerus="yes">
        <source>%1 (%n licence(s))</source>
        <translation>
            <numerusform>%1 (%n licence)</numerusform>
            <numerusform>%1 (%n licences)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bd::UsageSeriesModel</name>
    <message numerus="yes">
        <source>Projected to %1: %2 – %3, likely %4. The seats seen by %5 grow as the last %n whole period(s) grew from the same day to their end (10–90 % band).</source>
        <translation>
            <numerusform>Projected to %1: %2 – %3, likely %4. The seats seen by %5 grow as the last %n whole period grew from the same day to their end (10–90 % band).</numerusform>
            <numerusform>Projected to %1: %2 – %3, likely %4. The seats seen by %5 grow as the last %n whole periods grew from the same day to their end (10–90 % band).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not projected: too little history (%n whole earlier period(s) with seats by the same day; %1 are needed).</source>
        <translation>
            <numerusform>Not projected: too little history (%n whole earlier period with seats by the same day; %1 are needed).</numerusform>
            <numerusform>Not projected: too little history (%n whole earlier periods with seats by the same day; %1 are needed).</numerusform>
        </translation>
    </message>
</context>
</TS>
