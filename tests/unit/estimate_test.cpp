// The seed's worked example and the formula's parts.
#include "epochcost/estimate.h"

#include <gtest/gtest.h>

#include "epochcost/json_api.h"
#include "fixtures.h"

namespace epochcost {
namespace {

TEST(Estimate, SeedExampleIsOneHundredTwentyThreePerEpoch) {
  const Estimate e = test::MustEstimate(test::SeedConfigJson());
  EXPECT_EQ(ToFixed(Rational::Fraction(e.per_epoch.total, 100), 2), "123.00");
  EXPECT_EQ(ToFixed(Rational::Fraction(e.total.total, 100), 2), "1230.00");
}

}  // namespace
}  // namespace epochcost
