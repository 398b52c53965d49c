#pragma once

#include <QStringView>
#include <QtGlobal>

#include <array>

/// The constant catalogues the demo data is drawn from: licences, people's names, products, trustor orgs.
namespace bd::sim::catalog {

// ---------------------------------------------------------------------------------------------------------------
// The signed-in demo org's licences (billable-usage report)

enum class LicenceKind { UserSeat, DeviceSeat, Sessions, StorageGb };

struct Licence
{
    const char16_t* name;
    LicenceKind kind;
};

enum LicenceIndex {
    CX1,
    CX2,
    CX3,
    CX3Digital,
    Collaborate,
    Communicate,
    WemAddOn,
    SpeechText,
    Wem,
    Wallboard,
    Sessions,
    Storage,
    LicenceCount
};

constexpr std::array<Licence, LicenceCount> Licences { {
    { u"Genesys Cloud CX 1", LicenceKind::UserSeat },
    { u"Genesys Cloud CX 2", LicenceKind::UserSeat },
    { u"Genesys Cloud CX 3", LicenceKind::UserSeat },
    { u"Genesys Cloud CX 3 Digital", LicenceKind::UserSeat },
    { u"Genesys Cloud Collaborate User", LicenceKind::UserSeat },
    { u"Genesys Cloud Communicate User", LicenceKind::UserSeat },
    { u"Genesys Cloud WEM Add-on", LicenceKind::UserSeat },
    { u"Genesys Cloud Speech and Text Analytics", LicenceKind::UserSeat },
    { u"Genesys Cloud Workforce Engagement Management", LicenceKind::UserSeat },
    { u"Genesys Cloud for Wallboard Device Charge", LicenceKind::DeviceSeat },
    { u"Genesys Cloud Predictive Engagement Sessions", LicenceKind::Sessions },
    { u"Genesys Cloud Data Storage GB", LicenceKind::StorageGb },
} };

constexpr std::array<const char16_t*, 64> FirstNames { { u"alice", u"bob", u"carol", u"dave", u"erin",
    u"frank", u"grace", u"heidi", u"ivan", u"judy", u"mallory", u"nina", u"oscar", u"peggy", u"quinn",
    u"rupert", u"sybil", u"trent", u"ursula", u"victor", u"wendy", u"xavier", u"yasmin", u"zoe", u"aaron",
    u"bianca", u"carlos", u"diana", u"elena", u"farid", u"gina", u"hugo", u"ingrid", u"jamal", u"keiko",
    u"liam", u"maria", u"noah", u"olga", u"pedro", u"rosa", u"samir", u"tara", u"umar", u"vera", u"will",
    u"ximena", u"yusuf", u"zara", u"amira", u"bruno", u"chloe", u"dmitri", u"emma", u"felix", u"hana",
    u"isaac", u"julia", u"kofi", u"lena", u"marco", u"priya", u"sofia", u"tomas" } };

constexpr std::array<const char16_t*, 64> LastNames { { u"smith", u"johnson", u"williams", u"brown", u"jones",
    u"garcia", u"miller", u"davis", u"rodriguez", u"martinez", u"hernandez", u"lopez", u"gonzalez", u"wilson",
    u"anderson", u"thomas", u"taylor", u"moore", u"jackson", u"martin", u"lee", u"perez", u"thompson",
    u"white", u"harris", u"sanchez", u"clark", u"ramirez", u"lewis", u"robinson", u"walker", u"young",
    u"allen", u"king", u"wright", u"scott", u"torres", u"nguyen", u"hill", u"flores", u"green", u"adams",
    u"nelson", u"baker", u"hall", u"rivera", u"campbell", u"mitchell", u"carter", u"roberts", u"kowalski",
    u"novak", u"schmidt", u"muller", u"rossi", u"dubois", u"tanaka", u"okafor", u"singh", u"patel", u"kim",
    u"silva", u"costa", u"jensen" } };

// ---------------------------------------------------------------------------------------------------------------
// The trustor orgs' product catalog (trustee billing overview)

enum class ProductKind { Seat, ApiRequests, StorageGb, Messages };

struct Product
{
    const char16_t* name;
    const char16_t* partNumber;
    const char16_t* grouping;
    const char16_t* unit;
    qint64 listPrice; // USD, scaled by 10^priceDecimals
    int priceDecimals;
    const char16_t* shortName;
    bool thirdParty;
    ProductKind kind;
};

enum ProductIndex {
    PCX1,
    PCX2,
    PCX3,
    PCX3Digital,
    PCollaborate,
    PCommunicate,
    PWemAddOn,
    PSpeechText,
    PWallboard,
    PApi,
    PStorage,
    PMessaging,
    PAvtex,
    PSurvey,
    ProductCount
};

constexpr std::array<Product, ProductCount> Products { {
    { u"Genesys Cloud CX 1", u"PC-170-NV-PCCX1", u"user-license", u"seat", 7500, 2, u"PureCloud1Overage",
        false, ProductKind::Seat },
    { u"Genesys Cloud CX 2", u"PC-170-NV-PCCX2", u"user-license", u"seat", 11000, 2, u"PureCloud2Overage",
        false, ProductKind::Seat },
    { u"Genesys Cloud CX 3", u"PC-170-NV-PCCX3", u"user-license", u"seat", 15500, 2, u"PureCloud3Overage",
        false, ProductKind::Seat },
    { u"Genesys Cloud CX 3 Digital", u"PC-170-NV-PCCX3D", u"user-license", u"seat", 13500, 2,
        u"PureCloud3DigitalOverage", false, ProductKind::Seat },
    { u"Genesys Cloud Collaborate User", u"PC-170-NV-PCCOLL", u"user-license", u"seat", 1000, 2,
        u"PureCloudCollaborateOverage", false, ProductKind::Seat },
    { u"Genesys Cloud Communicate User", u"PC-170-NV-PCCOMM", u"user-license", u"seat", 3500, 2,
        u"PureCloudCommunicateOverage", false, ProductKind::Seat },
    { u"Genesys Cloud WEM Add-on", u"PC-170-NV-WEMADD", u"user-license", u"seat", 4000, 2, u"WemAddOnOverage",
        false, ProductKind::Seat },
    { u"Genesys Cloud Speech and Text Analytics", u"PC-170-NV-STAADD", u"billable-app-concurrent-license",
        u"seat", 3000, 2, u"SpeechTextAnalyticsOverage", false, ProductKind::Seat },
    { u"Genesys Cloud for Wallboard Device Charge", u"PC-170-NV-WALLBD", u"device", u"seat", 2500, 2,
        u"WallboardDeviceOverage", false, ProductKind::Seat },
    { u"Genesys Cloud API Resource", u"PC-170-NV-APIRES", u"resource", u"request", 1, 4,
        u"ApiResourceOverage", false, ProductKind::ApiRequests },
    { u"Genesys Cloud Data Storage", u"PC-170-NV-STORGB", u"storage", u"gigabyte", 2000, 4,
        u"DataStorageOverage", false, ProductKind::StorageGb },
    { u"Genesys Cloud Digital Messaging", u"PC-170-NV-MSGUSE", u"messaging-usage", u"message", 25, 4,
        u"DigitalMessagingOverage", false, ProductKind::Messages },
    { u"PureCloud for Avtex InteractionSync Add-on", u"PC-170-NV-AVTEXINSY", u"billable-app-usage-license",
        u"seat", 2374, 2, u"avtexDynamicsOverage", true, ProductKind::Seat },
    { u"AppFoundry Survey Connector", u"PC-170-NV-APFSURV", u"billable-app-concurrent-license", u"seat", 1200,
        2, u"appFoundrySurveyOverage", true, ProductKind::Seat },
} };

constexpr std::array<const char16_t*, 25> TrustorNames { { u"Contoso Health", u"Contoso Health Europe",
    u"Fabrikam Insurance", u"Adatum Telecom", u"Tailspin Travel", u"Relecloud", u"Wide World Importers",
    u"Litware Energy", u"Proseware Bank", u"Woodgrove Financial", u"Alpine Ski House",
    u"Blue Yonder Airlines", u"Coho Winery", u"Lamna Healthcare", u"Margie's Travel", u"Trey Research",
    u"Fourth Coffee", u"Humongous Insurance", u"Lucerne Publishing", u"VanArsdel Ltd", u"Wingtip Toys",
    u"Southridge Video", u"Consolidated Messenger", u"City Power & Light", u"Best For You Organics" } };

constexpr std::array<const char16_t*, 25> SubscriptionTypes { { u"PREPAY", u"PREPAY",
    u"PREPAY_MONTHLY_COMMITMENT", u"PREPAY", u"MONTH_TO_MONTH", u"PREPAY_MONTHLY_COMMITMENT", u"ININ",
    u"MONTH_TO_MONTH", u"FREE_TRIAL_MONTH_TO_MONTH", u"PREPAY", u"DEV_ORG_MONTH_TO_MONTH",
    u"PREPAY_MONTHLY_COMMITMENT", u"DEV_ORG_PREPAY_MONTHLY_COMMITMENT", u"PREPAY", u"DEV_ORG_PREPAY",
    u"MONTH_TO_MONTH", u"PREPAY", u"PREPAY_MONTHLY_COMMITMENT", u"MONTH_TO_MONTH", u"PREPAY",
    u"PREPAY_MONTHLY_COMMITMENT", u"PREPAY", u"MONTH_TO_MONTH", u"PREPAY", u"PREPAY_MONTHLY_COMMITMENT" } };

constexpr std::array<const char16_t*, 25> Currencies { { u"USD", u"EUR", u"GBP", u"AUD", u"USD", u"USD",
    u"EUR", u"USD", u"USD", u"GBP", u"USD", u"CAD", u"USD", u"EUR", u"USD", u"AUD", u"USD", u"GBP", u"NZD",
    u"USD", u"EUR", u"USD", u"AUD", u"USD", u"GBP" } };

/// Units of currency per US dollar, for the list prices.
inline double fxRate(QStringView currency)
{
    if (currency == u"EUR")
        return 0.92;
    if (currency == u"GBP")
        return 0.79;
    if (currency == u"AUD")
        return 1.53;
    if (currency == u"CAD")
        return 1.37;
    if (currency == u"NZD")
        return 1.66;
    return 1.0;
}

// Trustors with special shapes, by listing index (the values inside them stay seeded).
constexpr int TwinUsd = 0, TwinEur = 1; // same part numbers, two currencies
constexpr int ShortHistory = 5; // a new customer: 5 periods, in its ramp
constexpr int DisabledTrust = 7; // the customer disabled the trust
constexpr int ChargeChange = 9; // a charge added and another removed between two periods
constexpr int ChargeChangeIndex = 6; // …between periods 6 (old) and 5 (new)
constexpr int MidAmendment = 3; // a contract amendment mid-history
constexpr int MidAmendmentIndex = 12;

} // namespace bd::sim::catalog
