#include "cli/checkreport.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString percentText(const std::optional<Decimal>& percent)
{
    return percent ? percent->rounded(0).toString() + u" %"_s : QString();
}

QString plural(int n, const QString& noun)
{
    return u"%1 %2%3"_s.arg(n).arg(noun, n == 1 ? QString() : u"s"_s);
}

} // namespace

CheckReport::Status CheckReport::statusOf(CommitmentState state)
{
    switch (state) {
    case CommitmentState::Exceeded:
    case CommitmentState::ProjectedToExceed:
        return Status::Critical;
    case CommitmentState::Warning:
        return Status::Warning;
    case CommitmentState::Ok:
    case CommitmentState::OnDemand:
    case CommitmentState::Ramp:
        return Status::Ok;
    }
    return Status::Ok;
}

CheckReport::Status CheckReport::status(const QList<CheckItem>& items)
{
    Status worst = Status::Ok;
    for (const CheckItem& item : items)
        worst = std::max(worst, statusOf(item.subject.mark.state));
    return worst;
}

QString CheckReport::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return u"OK"_s;
    case Status::Warning:
        return u"WARNING"_s;
    case Status::Critical:
        return u"CRITICAL"_s;
    case Status::Unknown:
        return u"UNKNOWN"_s;
    }
    return {};
}

QString CheckReport::summary(
    const QList<CheckItem>& items, const QString& noun, int thresholdPercent, const QString& context)
{
    const Status worst = status(items);
    QList<const CheckItem*> shown;
    for (const CheckItem& item : items) {
        if (statusOf(item.subject.mark.state) == worst && worst != Status::Ok)
            shown.append(&item);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const CheckItem* a, const CheckItem* b) {
        return a->subject.usedPercent.value_or(Decimal()) > b->subject.usedPercent.value_or(Decimal());
    });
    QString text = u"BILLING "_s + statusName(worst) + u" - "_s;
    if (worst == Status::Ok) {
        const int onDemand = int(std::count_if(items.cbegin(), items.cend(),
            [](const CheckItem& i) { return i.subject.mark.state == CommitmentState::OnDemand; }));
        text += plural(int(items.size()), noun) + u", none near or over a commitment"_s;
        if (onDemand > 0)
            text += u" (%1 on demand: no commitment)"_s.arg(onDemand);
    } else {
        const auto count = [&](CommitmentState state) {
            return int(std::count_if(shown.cbegin(), shown.cend(),
                [state](const CheckItem* i) { return i->subject.mark.state == state; }));
        };
        QStringList what;
        if (worst == Status::Critical) {
            if (const int n = count(CommitmentState::Exceeded))
                what << plural(n, noun) + u" exceeded"_s;
            if (const int n = count(CommitmentState::ProjectedToExceed))
                what << plural(n, noun) + u" projected to exceed"_s;
        } else {
            what << plural(int(shown.size()), noun) + u" at or above %1 %"_s.arg(thresholdPercent);
        }
        QStringList names;
        for (const CheckItem* item : shown)
            names << (item->subject.name + u' ' + percentText(item->subject.usedPercent)).trimmed();
        text += what.join(u", "_s) + u": "_s + names.join(u", "_s);
    }
    if (!context.isEmpty())
        text += u' ' + context;
    QStringList perf;
    for (const CheckItem& item : items) {
        if (item.subject.usedPercent)
            perf << u"'%1'=%2%;%3;100"_s
                        .arg(QString(item.subject.name).replace(u'\'', u'"'),
                            item.subject.usedPercent->rounded(1).toString())
                        .arg(thresholdPercent);
    }
    if (!perf.isEmpty())
        text += u" | "_s + perf.join(u' ');
    return text;
}

QStringList CheckReport::lines(const QList<CheckItem>& items)
{
    QList<const CheckItem*> listed;
    for (const CheckItem& item : items) {
        const CommitmentState state = item.subject.mark.state;
        if (item.isNews || (state != CommitmentState::Ok && state != CommitmentState::OnDemand))
            listed.append(&item);
    }
    std::stable_sort(listed.begin(), listed.end(), [](const CheckItem* a, const CheckItem* b) {
        return statusOf(a->subject.mark.state) > statusOf(b->subject.mark.state);
    });
    QStringList result;
    for (const CheckItem* item : listed)
        result << statusName(statusOf(item->subject.mark.state)) + u' '
                + Alerts::text(item->subject, item->last) + (item->isNews ? u" [new]"_s : QString());
    return result;
}

} // namespace bd
