//===- hostile/PatternSetBudgetTest.cpp - An RE2::Set over its budget -----===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Patterns that each compile within their own memory budget but together
// exceed the RE2::Set's: the prefilter must fall back to running every
// pattern (PatternSet::fallbacks() counts it) and still report every match.
// hostile_cli.py's set-over-budget case runs the same patterns through the
// command line; keep hugePattern() in step with its huge_pattern().
//
//===----------------------------------------------------------------------===//

#include "Match/PatternSet.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using namespace claimlint;

namespace {

/// About 34,000 RE2 instructions: within one pattern's budget; forty of
/// them are well past the set's (RE2 factors common prefixes, so the ten
/// alternatives start with different letters).
std::string hugePattern(int I) {
  std::string N = std::to_string(I), Alts;
  for (int K = 0; K < 10; ++K) {
    Alts += Alts.empty() ? "" : "|";
    Alts += char('a' + K);
    Alts += char('z' - K);
    Alts += N;
    Alts += char('a' + (K * 7) % 26);
  }
  return "qq" + N + "(?:" + Alts + "){0,800}zz";
}

std::vector<std::pair<unsigned, std::pair<uint32_t, uint32_t>>>
allMatches(const PatternSet &S, llvm::StringRef T) {
  std::vector<std::pair<unsigned, std::pair<uint32_t, uint32_t>>> Out;
  S.matchAll(T, [&](unsigned P, uint32_t B, uint32_t E) {
    Out.push_back({P, {B, E}});
    return true;
  });
  return Out;
}

TEST(PatternSetBudget, OversizedSetFallsBackAndMissesNothing) {
  const int N = 40;
  PatternSet S;
  for (int I = 0; I < N; ++I) {
    auto Idx = S.add(hugePattern(I));
    ASSERT_TRUE(static_cast<bool>(Idx)) << llvm::toString(Idx.takeError());
  }
  ASSERT_FALSE(static_cast<bool>(S.compile()));
  std::string T = "Start qq0zz then QQ39AZ39ABY39Hzz end, qq5jq5lzz.";
  std::vector<int> C;
  S.candidates(T, C);
  EXPECT_GT(S.fallbacks(), 0u) << "the set fit its budget: make the "
                                  "patterns bigger";
  EXPECT_EQ(C, (std::vector<int>{0, 5, 39}));
  auto M = allMatches(S, T);
  ASSERT_EQ(M.size(), 3u);
  EXPECT_EQ(M[0].first, 0u);
  EXPECT_EQ(M[0].second, std::make_pair(uint32_t(T.find("qq0zz")),
                                        uint32_t(T.find("qq0zz") + 5)));
  EXPECT_EQ(M[1].first, 5u);
  EXPECT_EQ(M[2].first, 39u);
  EXPECT_EQ(M[2].second.first, uint32_t(T.find("QQ39")));
  EXPECT_EQ(M[2].second.second, uint32_t(T.find(" end")));
  // No match anywhere: still no false candidates.
  S.candidates("nothing to see", C);
  EXPECT_TRUE(C.empty());
}

TEST(PatternSetBudget, AModestSetUsesTheSet) {
  PatternSet S;
  for (int I = 0; I < 3; ++I)
    ASSERT_TRUE(static_cast<bool>(S.add(hugePattern(I))));
  ASSERT_FALSE(static_cast<bool>(S.compile()));
  std::vector<int> C;
  S.candidates("qq1cx1ozz", C);
  EXPECT_EQ(C, std::vector<int>{1});
  EXPECT_EQ(S.fallbacks(), 0u);
}

} // namespace
