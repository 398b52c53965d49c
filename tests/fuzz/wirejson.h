#pragma once

// Feeds one body to every wire parser and checks what a successful parse promises. Shared by the libFuzzer
// target (fuzz_wirejson) and the robustness test that replays mutated examples in every build.

#include "domain/billingusagereport.h"
#include "domain/errorbody.h"
#include "domain/oautherror.h"
#include "domain/oauthtoken.h"
#include "domain/organization.h"
#include "domain/trusteebillingoverview.h"
#include "domain/trustorlisting.h"

#include <cstdlib>

namespace bd::fuzz {

/// Aborts (so the fuzzer reports it) when a promise is broken.
inline void require(bool condition)
{
    if (!condition)
        std::abort();
}

/// A parse either gives a value or an error that says something.
template <typename T> bool check(const Parsed<T>& parsed)
{
    if (!parsed.ok())
        require(!parsed.error().message.isEmpty());
    return parsed.ok();
}

/// Every exact decimal prints as text that parses back to the same value.
inline void requireRoundTrip(const Decimal& value)
{
    const auto again = Decimal::fromString(value.toString());
    require(again.has_value() && *again == value);
}

/// Runs every parser over `body`; returns how many accepted it.
inline int parseEverything(const QByteArray& body)
{
    int accepted = 0;
    const auto report = BillingUsageReport::fromJson(body);
    if (check(report)) {
        ++accepted;
        require(report.value().startDate.isValid() && report.value().endDate.isValid());
        for (const BillingUsage& usage : report.value().usages) {
            requireRoundTrip(usage.totalUsage);
            for (const BillingUsageResource& resource : usage.resources)
                require(resource.date.isValid());
        }
    }
    const auto overview = TrusteeBillingOverview::fromJson(body);
    if (check(overview)) {
        ++accepted;
        for (const SubscriptionOverviewUsage& usage : overview.value().usages) {
            requireRoundTrip(usage.usageQuantity);
            requireRoundTrip(usage.prepayQuantity);
        }
    }
    accepted += check(TrustorListing::fromJson(body));
    accepted += check(Organization::fromJson(body));
    accepted += check(ErrorBody::fromJson(body));
    accepted += check(OAuthToken::fromJson(body));
    accepted += check(OAuthError::fromJson(body));
    return accepted;
}

} // namespace bd::fuzz
