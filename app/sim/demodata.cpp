#include "sim/demodata.h"

#include "domain/datacutoff.h"
#include "domain/utc.h"
#include "sim/democatalog.h"
#include "sim/seededrandom.h"
#include "sim/stablehash.h"
#include "sim/wiredate.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

using namespace Qt::StringLiterals;

namespace bd::sim {

namespace {

constexpr qint64 DayMs = WireDate::MsPerDay;
constexpr qint64 Forever = std::numeric_limits<qint64>::max();
constexpr int HistoryDays = 730; // the demo org's usage history: two years before `now`

using namespace catalog;

struct Resource
{
    qint64 fromMs; // first moment the resource is billable
    qint64 toMs; // last moment (Forever while still active)
    qint64 todMs; // seeded time of day at which the billing system first observes it in a window
    QString name; // user e-mail or device id
};

// Days after a window opens before an already-active user is first observed in it. Derived from the name,
// not drawn from the generator, so that it shifts no other generated value.
qint64 signInLagDays(const QString& name)
{
    const quint32 h = stableHash(name) % 100; // not qHash(): the same lags on every run
    return h < 50 ? 0 : h < 75 ? 1 : h < 88 ? 2 : h < 95 ? 3 + qint64(h % 2) : 5 + qint64(h % 5);
}

struct Ramp
{
    int startIndex = -1; // first period of the ramp
    int endIndex = 0; // last period of the ramp (negative = in the future)
};

struct TrustorProduct
{
    int product;
    double base; // usage level in the contract's first period
    double growth; // monthly growth rate
    double amplitude; // seasonal amplitude
    int peakMonth; // 1..12
    int firstIndex; // present in periods with index <= firstIndex…
    int lastIndex; // …and >= lastIndex
};

struct Trustor
{
    int listIndex = 0;
    QString id;
    QString name;
    QString currency;
    QString subscriptionType;
    bool enabled = true;
    int activationDay = 14;
    int historyLength = 25;
    int version = 1;
    QString createdById;
    qint64 createdMs = 0;
    double discount = 1.0;
    int amendmentIndex = -1;
    double amendmentUplift = 1.0;
    Ramp ramp;
    int termMonths = 36;
    quint64 noiseSeed = 0;
    std::vector<TrustorProduct> products;

    bool isPrepay() const { return subscriptionType.contains(u"PREPAY") || subscriptionType == u"ININ"; }
    bool isFree() const { return subscriptionType.startsWith(u"FREE_TRIAL"); }
    bool isMonthToMonth() const { return subscriptionType.endsWith(u"MONTH_TO_MONTH"); }
};

QString formatScaled(qint64 scaled, int decimals)
{
    if (decimals == 0)
        return QString::number(scaled);
    qint64 div = 1;
    for (int i = 0; i < decimals; ++i)
        div *= 10;
    const bool negative = scaled < 0;
    const qint64 a = negative ? -scaled : scaled;
    return u"%1%2.%3"_s.arg(negative ? u"-"_s : QString())
        .arg(a / div)
        .arg(a % div, decimals, 10, QLatin1Char('0'));
}

QString str(const char16_t* text)
{
    return QString::fromUtf16(text);
}

QString uuidText(const QUuid& uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

qint64 dayMs(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), UtcZone).toMSecsSinceEpoch();
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

struct DemoData::Impl
{
    quint32 seed = 0;
    qint64 nowMs = 0;
    qint64 horizonMs = 0; // DataCutoff::horizon: usage from this instant on is not reported yet
    qint64 dataStartMs = 0; // nothing before this exists
    QString orgId;
    std::array<std::vector<Resource>, LicenceCount> resources;
    std::vector<qint64> sessionsPrefix; // sessionsPrefix[i] = sessions of days [0, i)
    std::vector<qint64> storageCents; // GB × 100 in use on each day
    std::vector<Trustor> trustors;
    bool planted = false; // plantAnomaly(): the first customer's last closed period too

    void generateUsage();
    void generateTrustors(int count);
    void plantAnomaly();

    QDate periodStart(const Trustor& t, int index) const;
    QJsonObject overview(const Trustor& t, int index) const;
    const Trustor* trustor(const QString& id) const;
};

void DemoData::Impl::generateUsage()
{
    SeededRandom rng(SeededRandom::mix({ seed, 0x5EA7 }));
    dataStartMs = WireDate::startOfDay(nowMs) - qint64(HistoryDays) * DayMs;

    QSet<QString> taken;
    auto uniqueEmail = [&]() {
        for (int attempt = 0;; ++attempt) {
            QString name = str(FirstNames.at(rng.bounded(FirstNames.size()))) + u'.'
                + str(LastNames.at(rng.bounded(LastNames.size())));
            if (attempt > 8)
                name += QString::number(rng.between(2, 99));
            name += u"@northwind.example"_s;
            if (!taken.contains(name)) {
                taken.insert(name);
                return name;
            }
        }
    };
    // A working-hours time of day, to the second, with milliseconds now and then (Genesys prints both forms).
    auto timeOfDay = [&]() {
        return rng.between(6 * 3600, 18 * 3600) * 1000 + (rng.chance(0.35) ? rng.between(1, 999) : 0);
    };
    auto add = [&](int licence, qint64 from, qint64 to, const QString& name) {
        if (from >= to || from > nowMs)
            return;
        resources.at(licence).push_back({ from, to > nowMs ? Forever : to, timeOfDay(), name });
    };
    auto addPerson = [&](qint64 from, qint64 to, int primary, bool addOns) {
        const QString name = uniqueEmail();
        add(primary, from, to, name);
        if (!addOns)
            return;
        const auto later = [&]() { return from + rng.between(0, 90) * DayMs + timeOfDay(); };
        if ((primary == CX1 || primary == CX2) && rng.chance(0.35))
            add(WemAddOn, later(), to, name);
        if ((primary == CX3 || primary == CX3Digital) && rng.chance(0.25))
            add(SpeechText, later(), to, name);
        if (primary == CX3 && rng.chance(0.15))
            add(Wem, later(), to, name);
    };
    auto pickPrimary = [&]() {
        const auto r = rng.bounded(100);
        if (r < 35)
            return int(CX3);
        if (r < 55)
            return int(CX2);
        if (r < 67)
            return int(CX1);
        if (r < 75)
            return int(CX3Digital);
        if (r < 90)
            return int(Collaborate);
        return int(Communicate);
    };

    // The staff already there two years ago; some leave over the period.
    for (int i = 0; i < 280; ++i) {
        const qint64 from = dataStartMs - rng.between(1, 900) * DayMs + timeOfDay();
        const qint64 to = dataStartMs + rng.between(20, 1600) * DayMs + timeOfDay();
        addPerson(from, to, pickPrimary(), true);
    }
    // Weekly hires, a little faster in the second year; each hire stays for a seeded tenure.
    for (int week = 0; week * 7 < HistoryDays; ++week) {
        const int hires = int(rng.between(2, 5)) + (week > 52 ? 1 : 0);
        for (int h = 0; h < hires; ++h) {
            const qint64 from = dataStartMs + (week * 7 + rng.between(0, 4)) * DayMs + timeOfDay();
            const qint64 to = from + rng.between(45, 1500) * DayMs;
            addPerson(from, to, pickPrimary(), true);
        }
    }
    // Seasonal peak: temporary agents from late October to January every year.
    const int firstYear = QDateTime::fromMSecsSinceEpoch(dataStartMs, UtcZone).date().year() - 1;
    const int lastYear = QDateTime::fromMSecsSinceEpoch(nowMs, UtcZone).date().year();
    for (int year = firstYear; year <= lastYear; ++year) {
        for (int i = 0; i < 45; ++i) {
            const qint64 from = dayMs(year, 10, 20) + rng.between(0, 30) * DayMs + timeOfDay();
            const qint64 to = dayMs(year + 1, 1, 3) + rng.between(0, 28) * DayMs + timeOfDay();
            addPerson(from, to, rng.chance(0.6) ? int(CX1) : int(Communicate), false);
        }
    }
    // Wallboards: a dozen from the start, one more every six weeks or so, a few retired.
    auto addDevice = [&](qint64 from) {
        const qint64 to = rng.chance(0.2) ? from + rng.between(60, 500) * DayMs : Forever;
        add(Wallboard, from, to, uuidText(rng.uuid()));
    };
    for (int i = 0; i < 12; ++i)
        addDevice(dataStartMs - rng.between(10, 400) * DayMs + timeOfDay());
    for (qint64 day = 20; day < HistoryDays; day += rng.between(30, 60))
        addDevice(dataStartMs + day * DayMs + timeOfDay());

    // Predictive Engagement started eight months into the history; sessions grow, weekends are quiet.
    const int days = HistoryDays + 1;
    sessionsPrefix.assign(size_t(days) + 1, 0);
    storageCents.assign(size_t(days), 0);
    for (int day = 0; day < days; ++day) {
        qint64 sessions = 0;
        if (day >= 240) {
            const qint64 epochDay = (dataStartMs / DayMs) + day;
            const bool weekend = ((epochDay + 4) % 7) == 0 || ((epochDay + 4) % 7) == 6;
            const double level
                = (600.0 + 0.8 * (day - 240)) * (weekend ? 0.45 : 1.0) * (0.85 + 0.3 * rng.real());
            sessions = qint64(std::llround(level));
        }
        sessionsPrefix.at(size_t(day) + 1) = sessionsPrefix.at(size_t(day)) + sessions;
        storageCents.at(size_t(day)) = 85'000 + 75 * day + rng.between(-300, 300);
    }
}

void DemoData::Impl::generateTrustors(int count)
{
    SeededRandom rng(SeededRandom::mix({ seed, 0x7E57 }));
    trustors.resize(size_t(std::max(0, count)));
    const int named = int(TrustorNames.size());
    for (int n = 0; n < int(trustors.size()); ++n) {
        // Past the named customers the same shapes come round again (`i`), with their own draws.
        const int i = n % named;
        const int round = n / named;
        Trustor& t = trustors.at(size_t(n));
        t.listIndex = n;
        t.id = uuidText(rng.uuid());
        t.name = round == 0 ? str(TrustorNames.at(size_t(i)))
                            : u"%1 %2"_s.arg(str(TrustorNames.at(size_t(i)))).arg(round + 1);
        t.currency = str(Currencies.at(size_t(i)));
        t.subscriptionType = str(SubscriptionTypes.at(size_t(i)));
        t.enabled = i != DisabledTrust;
        t.activationDay = int(rng.between(2, 28));
        t.historyLength = i == ShortHistory ? 5 : int(rng.between(25, 37));
        t.version = int(rng.between(1, 40));
        t.createdById = uuidText(rng.uuid());
        t.discount = 0.8 + 0.15 * rng.real();
        t.termMonths = int(rng.between(2, 4)) * 12;
        t.noiseSeed = rng.next();
        if (i == MidAmendment) {
            t.amendmentIndex = MidAmendmentIndex;
            t.amendmentUplift = 1.25;
        } else if (i == 20) {
            t.amendmentIndex = 18;
            t.amendmentUplift = 1.1;
        } else if (i == 11 || i == 16) {
            // Renewed recently with a ramp that is still running.
            t.amendmentIndex = i == 11 ? 2 : 1;
            t.amendmentUplift = 1.4;
            t.ramp = { t.amendmentIndex, t.amendmentIndex - 5 };
        }
        if (i == ShortHistory)
            t.ramp = { t.historyLength - 1, -1 };
        if (i == 2 || i == 13)
            t.ramp = { t.historyLength - 1, t.historyLength - 3 };

        const bool dev = t.subscriptionType.startsWith(u"DEV_ORG");
        const double scale = dev ? 0.02 : (0.3 + 1.7 * rng.real());
        auto seat = [&](int product, double base) {
            t.products.push_back({ product, std::max(1.0, base * scale), -0.004 + 0.02 * rng.real(),
                0.12 * rng.real(), int(rng.between(1, 12)), 1000, -1000 });
        };
        if (i == TwinEur) {
            // The European arm buys exactly what the US parent buys, in euros.
            t.products = trustors.at(size_t(n - TwinEur + TwinUsd)).products;
            for (TrustorProduct& p : t.products)
                p.base = std::max(1.0, std::round(p.base * (0.4 + 0.3 * rng.real())));
            continue;
        }
        const int primary = int(rng.between(PCX1, PCX3));
        seat(primary, 120 + 200 * rng.real());
        if (rng.chance(0.4))
            seat(PCX3Digital, 20 + 60 * rng.real());
        if (rng.chance(0.7))
            seat(PCollaborate, 30 + 150 * rng.real());
        if (rng.chance(0.4))
            seat(PCommunicate, 10 + 60 * rng.real());
        if (primary != PCX3 && rng.chance(0.5))
            seat(PWemAddOn, 20 + 60 * rng.real());
        if (rng.chance(0.35))
            seat(PSpeechText, 10 + 40 * rng.real());
        if (rng.chance(0.5))
            seat(PWallboard, 2 + 10 * rng.real());
        if (i != ChargeChange && rng.chance(0.3))
            seat(PAvtex, 2 + 8 * rng.real());
        if (i != ChargeChange && rng.chance(0.2))
            seat(PSurvey, 5 + 20 * rng.real());
        t.products.push_back({ PApi, 0, 0, 0, 1, 1000, -1000 });
        if (rng.chance(0.5))
            t.products.push_back({ PStorage, 0, 0, 0, 1, 1000, -1000 });
        if (i != ChargeChange && rng.chance(0.4))
            t.products.push_back({ PMessaging, 0, 0, 0, 1, 1000, -1000 });
        if (i == ChargeChange) {
            // Digital messaging is added and the survey connector removed from period 5 onward.
            t.products.push_back({ PMessaging, 0, 0, 0, 1, ChargeChangeIndex - 1, -1000 });
            seat(PSurvey, 5 + 20 * rng.real());
            t.products.back().lastIndex = ChargeChangeIndex;
        }
        std::stable_sort(t.products.begin(), t.products.end(),
            [](const TrustorProduct& a, const TrustorProduct& b) { return a.product < b.product; });
    }
    for (Trustor& t : trustors) {
        const QDate effective = periodStart(t, t.historyLength - 1);
        t.createdMs = QDateTime(effective, QTime(0, 0), UtcZone).toMSecsSinceEpoch()
            - SeededRandom(SeededRandom::mix({ t.noiseSeed, 1 })).between(3, 40) * DayMs
            + SeededRandom(SeededRandom::mix({ t.noiseSeed, 2 })).between(8 * 3600, 17 * 3600) * 1000;
    }
}

const Trustor* DemoData::Impl::trustor(const QString& id) const
{
    for (const Trustor& t : trustors) {
        if (t.id.compare(id, Qt::CaseInsensitive) == 0)
            return &t;
    }
    return nullptr;
}

QDate DemoData::Impl::periodStart(const Trustor& t, int index) const
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, UtcZone).date();
    QDate start(today.year(), today.month(), t.activationDay);
    if (start > today)
        start = start.addMonths(-1);
    return start.addMonths(-index);
}

QJsonObject DemoData::Impl::overview(const Trustor& t, int index) const
{
    const auto ms = [](const QDate& d) { return QDateTime(d, QTime(0, 0), UtcZone).toMSecsSinceEpoch(); };
    const QDate start = periodStart(t, index);
    const qint64 startMs = ms(start);
    const qint64 endMs = ms(start.addMonths(1)) - 1;
    const QDate effective = periodStart(t, t.historyLength - 1);
    const int monthsIn = t.historyLength - 1 - index;
    // The active period is still filling up: usage-based rows grow with the elapsed fraction.
    const double elapsed
        = index == 0 ? std::clamp(double(nowMs - startMs) / double(endMs - startMs), 0.02, 1.0) : 1.0;
    const bool inRamp = t.ramp.startIndex >= 0 && index <= t.ramp.startIndex && index >= t.ramp.endIndex;
    const bool amended = t.amendmentIndex >= 0 && index <= t.amendmentIndex;
    const double fx = fxRate(t.currency);
    const int absMonth = start.year() * 12 + start.month();

    auto noise = [&](int product, int salt) {
        return SeededRandom(
            SeededRandom::mix({ t.noiseSeed, quint64(product), quint64(absMonth), quint64(salt) }))
            .real();
    };
    auto level = [&](const TrustorProduct& p, int months, int monthOfYear) {
        const double season
            = 1.0 + p.amplitude * std::cos(2.0 * std::numbers::pi * (monthOfYear - p.peakMonth) / 12.0);
        return p.base * std::pow(1.0 + p.growth, months) * season;
    };
    auto scaledPrice = [&](const Product& prod, double factor) {
        return qint64(std::llround(double(prod.listPrice) * fx * factor));
    };

    QJsonArray usages;
    QStringList enabled;
    qint64 minimumCents = 0;
    double totalSeats = 0;
    for (const TrustorProduct& p : t.products) {
        if (index > p.firstIndex || index < p.lastIndex)
            continue;
        const Product& prod = Products.at(size_t(p.product));
        if (prod.kind != ProductKind::Seat)
            continue;
        const double lv = level(p, monthsIn, start.month()) * (1.0 + 0.06 * (noise(p.product, 1) - 0.5));
        // Seats count the users assigned so far in the active period.
        const double usageLevel = index == 0 ? lv * (0.8 + 0.2 * elapsed) : lv;
        qint64 usage = std::max<qint64>(0, std::llround(usageLevel));
        if (planted && t.listIndex == 0 && index == 1 && usages.isEmpty())
            usage += PlantedAnomalySeats; // its first seat line, in its last closed period only
        totalSeats += double(usage);

        QJsonObject row { { u"name"_s, str(prod.name) }, { u"partNumber"_s, str(prod.partNumber) },
            { u"grouping"_s, str(prod.grouping) }, { u"unitOfMeasureType"_s, str(prod.unit) },
            { u"usageQuantity"_s, QString::number(usage) }, { u"isCancellable"_s, t.isMonthToMonth() },
            { u"isThirdParty"_s, prod.thirdParty } };
        if (QStringView(prod.grouping) == u"user-license") {
            row.insert(u"bundleQuantity"_s, u"1"_s);
            row.insert(u"usageNotes"_s, QString());
        }
        if (t.isPrepay()) {
            // Commitment sized with a little headroom at contract start and re-sized on each anniversary (so
            // growth and seasonal peaks push usage over it now and then), raised at an amendment, scaled down
            // while a ramp runs.
            double prepayLevel = p.base * std::pow(1.0 + p.growth, (monthsIn / 12) * 12) * 1.05;
            if (amended)
                prepayLevel = std::max(
                    prepayLevel, level(p, t.historyLength - 1 - t.amendmentIndex, 6) * t.amendmentUplift);
            if (inRamp) {
                const int rampLength = std::max(1, t.ramp.startIndex - t.ramp.endIndex + 1);
                prepayLevel *= 0.5 + 0.5 * double(t.ramp.startIndex - index) / double(rampLength);
            }
            const qint64 prepay = std::max<qint64>(1, std::llround(prepayLevel));
            const qint64 prepayPrice = scaledPrice(prod, t.discount);
            const qint64 overagePrice = scaledPrice(prod, t.discount * 1.25);
            row.insert(u"prepayQuantity"_s, QString::number(prepay));
            row.insert(u"prepayPrice"_s, formatScaled(prepayPrice, prod.priceDecimals));
            row.insert(u"overagePrice"_s, formatScaled(overagePrice, prod.priceDecimals));
            minimumCents += prepay * prepayPrice;
        } else {
            row.insert(u"prepayQuantity"_s, u"0"_s);
            row.insert(
                u"overagePrice"_s, formatScaled(t.isFree() ? 0 : scaledPrice(prod, 1.0), prod.priceDecimals));
        }
        usages.append(row);
        enabled.append(str(prod.shortName));
    }
    for (const TrustorProduct& p : t.products) {
        if (index > p.firstIndex || index < p.lastIndex)
            continue;
        const Product& prod = Products.at(size_t(p.product));
        if (prod.kind == ProductKind::Seat)
            continue;
        const double n = noise(p.product, 2);
        QString quantity;
        if (prod.kind == ProductKind::ApiRequests) {
            // The fair-use allowance scales with seats; usage wanders around it, so billable usage comes and
            // goes.
            const qint64 allowance = std::llround(totalSeats * 3000.0);
            const qint64 used = std::llround(double(allowance) * (0.6 + 0.8 * n) * elapsed);
            quantity = QString::number(used);
            QJsonObject fairUse { { u"name"_s, str(prod.name) }, { u"partNumber"_s, str(prod.partNumber) },
                { u"grouping"_s, u"fair-use"_s }, { u"unitOfMeasureType"_s, str(prod.unit) },
                { u"usageQuantity"_s, QString::number(allowance) }, { u"prepayQuantity"_s, u"0"_s },
                { u"isThirdParty"_s, false } };
            usages.append(fairUse);
        } else if (prod.kind == ProductKind::StorageGb) {
            const qint64 centiGb
                = std::llround(totalSeats * 250.0 * (1.0 + 0.02 * monthsIn) * (0.9 + 0.2 * n));
            quantity = formatScaled(centiGb, 2);
        } else {
            quantity = QString::number(std::llround(totalSeats * 400.0 * (0.7 + 0.6 * n) * elapsed));
        }
        QJsonObject row { { u"name"_s, str(prod.name) }, { u"partNumber"_s, str(prod.partNumber) },
            { u"grouping"_s, str(prod.grouping) }, { u"unitOfMeasureType"_s, str(prod.unit) },
            { u"usageQuantity"_s, quantity },
            { u"overagePrice"_s,
                formatScaled(t.isFree() ? 0 : scaledPrice(prod, t.isPrepay() ? t.discount : 1.0),
                    prod.priceDecimals) },
            { u"prepayQuantity"_s, u"0"_s }, { u"isCancellable"_s, t.isMonthToMonth() },
            { u"isThirdParty"_s, prod.thirdParty } };
        usages.append(row);
        enabled.append(str(prod.shortName));
    }

    QJsonObject o { { u"organization"_s, QJsonObject { { u"id"_s, t.id }, { u"name"_s, t.name } } },
        { u"currency"_s, t.currency }, { u"enabledProducts"_s, QJsonArray::fromStringList(enabled) },
        { u"subscriptionType"_s, t.subscriptionType }, { u"usages"_s, usages },
        { u"billingPeriodStartDate"_s, WireDate::format(startMs) },
        { u"billingPeriodEndDate"_s, WireDate::format(endMs) },
        { u"contractEffectiveDate"_s, WireDate::format(ms(effective)) }, { u"inRampPeriod"_s, inRamp } };
    // The contract runs whole years from its effective date and is renewed (extended) before it lapses.
    QDate contractEnd = effective.addMonths(t.termMonths);
    while (ms(contractEnd) <= nowMs + 30 * DayMs)
        contractEnd = contractEnd.addMonths(12);
    o.insert(u"contractEndDate"_s, WireDate::format(ms(contractEnd) - 1));
    if (amended)
        o.insert(u"contractAmendmentDate"_s, WireDate::format(ms(periodStart(t, t.amendmentIndex))));
    if (t.ramp.startIndex >= 0 && index <= t.ramp.startIndex) {
        o.insert(u"rampPeriodStartDate"_s, WireDate::format(ms(periodStart(t, t.ramp.startIndex))));
        o.insert(u"rampPeriodEndDate"_s, WireDate::format(ms(periodStart(t, t.ramp.endIndex - 1)) - 1));
    }
    if (t.isPrepay())
        o.insert(u"minimumMonthlyAmount"_s, formatScaled(minimumCents, 2));
    return o;
}

// ---------------------------------------------------------------------------------------------------------------

DemoData::DemoData(quint32 seed, const QDateTime& now, int trustorCount, bool plantedAnomaly)
{
    auto impl = std::make_shared<Impl>();
    impl->seed = seed;
    const QDateTime at = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    impl->nowMs = at.toMSecsSinceEpoch();
    impl->horizonMs = bd::DataCutoff::horizon(at).toMSecsSinceEpoch();
    impl->orgId = uuidText(SeededRandom(SeededRandom::mix({ seed, 0x0126 })).uuid());
    impl->generateUsage();
    if (plantedAnomaly)
        impl->plantAnomaly();
    impl->generateTrustors(trustorCount);
    d = std::move(impl);
}

QDate DemoData::plantedAnomalyMonth(const QDateTime& now)
{
    const QDate last = bd::DataCutoff::lastCompleteDay(now.date());
    const QDate month(last.year(), last.month(), 1);
    return last == month.addMonths(1).addDays(-1) ? month : month.addMonths(-1);
}

void DemoData::Impl::plantAnomaly()
{
    planted = true;
    // A wave of contractors on Genesys Cloud CX 1 for the last complete calendar month only.
    const QDate month = plantedAnomalyMonth(QDateTime::fromMSecsSinceEpoch(nowMs, UtcZone));
    const qint64 from = QDateTime(month, QTime(8, 0), UtcZone).toMSecsSinceEpoch();
    const qint64 to = QDateTime(month.addMonths(1), QTime(0, 0), UtcZone).toMSecsSinceEpoch() - 1;
    for (int i = 0; i < PlantedAnomalySeats; ++i)
        resources.at(CX1).push_back({ from + i * 3'600'000LL, to, 0,
            u"contractor%1@northwind.example"_s.arg(i + 1, 2, 10, QChar(u'0')) });
}

DemoData::~DemoData() = default;
DemoData::DemoData(const DemoData&) = default;
DemoData& DemoData::operator=(const DemoData&) = default;

QDateTime DemoData::now() const
{
    return QDateTime::fromMSecsSinceEpoch(d->nowMs, UtcZone);
}

QString DemoData::orgId() const
{
    return d->orgId;
}

QString DemoData::orgName() const
{
    return u"Northwind Contact Center"_s;
}

QJsonObject DemoData::organizationMe() const
{
    return { { u"id"_s, d->orgId }, { u"name"_s, orgName() }, { u"thirdPartyOrgName"_s, u"northwindcc"_s },
        { u"domain"_s, u"northwindcc"_s }, { u"state"_s, u"active"_s }, { u"version"_s, 17 },
        { u"selfUri"_s, u"/api/v2/organizations/"_s + d->orgId } };
}

bool DemoData::isSeatLicence(const QString& licenceName) const
{
    for (const Licence& l : Licences) {
        if (QStringView(l.name) == licenceName)
            return l.kind == LicenceKind::UserSeat || l.kind == LicenceKind::DeviceSeat;
    }
    return false;
}

QJsonObject DemoData::billableUsage(const QDateTime& start, const QDateTime& end) const
{
    const qint64 startMs = start.toMSecsSinceEpoch();
    const qint64 endMs = end.toMSecsSinceEpoch();
    const qint64 effStart = std::max(startMs, d->dataStartMs);
    const qint64 effEnd = std::min(endMs, d->horizonMs - 1); // through the end of the last complete day

    QJsonArray usages;
    if (effStart <= effEnd) {
        struct Seen
        {
            qint64 date;
            const QString* name;
        };
        std::vector<Seen> seen;
        const auto dayIndex = [&](qint64 ms) {
            return std::clamp<qint64>((ms - d->dataStartMs) / DayMs, 0, qint64(d->storageCents.size()) - 1);
        };
        for (int l = 0; l < LicenceCount; ++l) {
            const Licence& licence = Licences.at(size_t(l));
            switch (licence.kind) {
            case LicenceKind::UserSeat:
            case LicenceKind::DeviceSeat: {
                seen.clear();
                for (const Resource& r : d->resources.at(size_t(l))) {
                    if (r.fromMs > effEnd || r.toMs < effStart)
                        continue;
                    // First observed in the window: on the day it became active, at its own time of day. A
                    // person already active when the window opens shows up when they next sign in: most on
                    // the first day, some days later (weekends, leave), so a bucket's ramp rises before it
                    // levels.
                    const qint64 base = std::max(r.fromMs, effStart);
                    const qint64 lag = (licence.kind == LicenceKind::UserSeat && r.fromMs < effStart)
                        ? signInLagDays(r.name) * DayMs
                        : 0;
                    const qint64 date = std::clamp(WireDate::startOfDay(base) + lag + r.todMs, base, effEnd);
                    seen.push_back({ date, &r.name });
                }
                if (seen.empty())
                    break;
                std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) {
                    return a.date != b.date ? a.date < b.date : *a.name < *b.name;
                });
                QJsonArray resources;
                for (const Seen& s : seen)
                    resources.append(
                        QJsonObject { { u"name"_s, *s.name }, { u"date"_s, WireDate::format(s.date) } });
                usages.append(QJsonObject { { u"name"_s, str(licence.name) },
                    { u"totalUsage"_s, QString::number(seen.size()) }, { u"resources"_s, resources } });
                break;
            }
            case LicenceKind::Sessions: {
                const qint64 total = d->sessionsPrefix.at(size_t(dayIndex(effEnd)) + 1)
                    - d->sessionsPrefix.at(size_t(dayIndex(effStart)));
                if (total > 0) {
                    usages.append(QJsonObject { { u"name"_s, str(licence.name) },
                        { u"totalUsage"_s, QString::number(total) }, { u"resources"_s, QJsonArray() } });
                }
                break;
            }
            case LicenceKind::StorageGb:
                usages.append(QJsonObject { { u"name"_s, str(licence.name) },
                    { u"totalUsage"_s, formatScaled(d->storageCents.at(size_t(dayIndex(effEnd))), 2) },
                    { u"resources"_s, QJsonArray() } });
                break;
            }
        }
    }
    return { { u"startDate"_s, WireDate::format(startMs) }, { u"endDate"_s, WireDate::format(endMs) },
        { u"status"_s, u"Complete"_s }, { u"usages"_s, usages },
        { u"selfUri"_s, u"/api/v2/billing/reports/billableusage"_s } };
}

QJsonObject DemoData::trustorsPage(int pageSize, int pageNumber) const
{
    pageSize = std::clamp(pageSize, 1, maxPageSize);
    pageNumber = std::max(1, pageNumber);
    const int total = int(d->trustors.size());
    const int pageCount = (total + pageSize - 1) / pageSize;
    const auto uri = [&](int page) {
        return u"/api/v2/orgauthorization/trustors?pageSize=%1&pageNumber=%2"_s.arg(pageSize).arg(page);
    };
    QJsonArray entities;
    for (int i = (pageNumber - 1) * pageSize; i < std::min(total, pageNumber * pageSize); ++i) {
        const Trustor& t = d->trustors.at(size_t(i));
        entities.append(QJsonObject { { u"id"_s, t.id }, { u"enabled"_s, t.enabled },
            { u"dateCreated"_s, WireDate::format(t.createdMs) },
            { u"createdBy"_s,
                QJsonObject {
                    { u"id"_s, t.createdById }, { u"selfUri"_s, u"/api/v2/users/"_s + t.createdById } } },
            { u"organization"_s,
                QJsonObject { { u"id"_s, t.id }, { u"name"_s, t.name }, { u"version"_s, t.version },
                    { u"selfUri"_s, u"/api/v2/organizations/"_s + t.id } } },
            { u"selfUri"_s, u"/api/v2/orgauthorization/trustors/"_s + t.id } });
    }
    QJsonObject page { { u"entities"_s, entities }, { u"pageSize"_s, pageSize },
        { u"pageNumber"_s, pageNumber }, { u"total"_s, total }, { u"pageCount"_s, pageCount },
        { u"firstUri"_s, uri(1) }, { u"selfUri"_s, uri(pageNumber) },
        { u"lastUri"_s, uri(std::max(1, pageCount)) } };
    if (pageNumber < pageCount)
        page.insert(u"nextUri"_s, uri(pageNumber + 1));
    if (pageNumber > 1)
        page.insert(u"previousUri"_s, uri(std::min(pageNumber - 1, std::max(1, pageCount))));
    return page;
}

QStringList DemoData::trustorIds() const
{
    QStringList ids;
    for (const Trustor& t : d->trustors)
        ids.append(t.id);
    return ids;
}

bool DemoData::hasTrustor(const QString& trustorId) const
{
    return d->trustor(trustorId) != nullptr;
}

bool DemoData::isTrustEnabled(const QString& trustorId) const
{
    const Trustor* t = d->trustor(trustorId);
    return t && t->enabled;
}

QString DemoData::trustorName(const QString& trustorId) const
{
    const Trustor* t = d->trustor(trustorId);
    return t ? t->name : QString();
}

int DemoData::historyLength(const QString& trustorId) const
{
    const Trustor* t = d->trustor(trustorId);
    return t ? t->historyLength : 0;
}

std::optional<QJsonObject> DemoData::trusteeOverview(const QString& trustorId, int billingPeriodIndex) const
{
    const Trustor* t = d->trustor(trustorId);
    if (!t || billingPeriodIndex < 0 || billingPeriodIndex >= t->historyLength)
        return std::nullopt;
    return d->overview(*t, billingPeriodIndex);
}

} // namespace bd::sim
