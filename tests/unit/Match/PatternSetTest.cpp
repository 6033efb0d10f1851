//===- unit/Match/PatternSetTest.cpp
//---------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Match/PatternSet.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;

namespace {

TEST(PatternSet, CandidatesAreOnlyThePatternsThatMatch) {
  PatternSet S;
  ASSERT_EQ(llvm::cantFail(S.add("\\bcures?\\b")), 0u);
  ASSERT_EQ(llvm::cantFail(S.add("\\bguarantee")), 1u);
  ASSERT_EQ(llvm::cantFail(S.add("\\bmiracle\\b")), 2u);
  llvm::cantFail(S.compile());
  std::vector<int> C;
  S.candidates("A miracle that cures.", C);
  EXPECT_THAT(C, ::testing::ElementsAre(0, 2));
  S.candidates("Nothing here.", C);
  EXPECT_TRUE(C.empty());
}

TEST(PatternSet, MatchAllReportsByteSpansOfEveryPattern) {
  PatternSet S;
  llvm::cantFail(S.add("cure"));
  llvm::cantFail(S.add("é+"));
  llvm::cantFail(S.compile());
  std::vector<std::tuple<unsigned, uint32_t, uint32_t>> Got;
  S.matchAll("caf\xC3\xA9 cure CURE", [&](unsigned P, uint32_t B, uint32_t E) {
    Got.emplace_back(P, B, E);
    return true;
  });
  EXPECT_THAT(Got, ::testing::ElementsAre(std::make_tuple(0u, 6u, 10u),
                                          std::make_tuple(0u, 11u, 15u),
                                          std::make_tuple(1u, 3u, 5u)));
}

TEST(PatternSet, InvalidPatternIsAnErrorNotALog) {
  PatternSet S;
  auto R = S.add("(unclosed");
  ASSERT_FALSE(static_cast<bool>(R));
  EXPECT_THAT(llvm::toString(R.takeError()), ::testing::HasSubstr("missing )"));
  auto L = S.add("(?<=x)y"); // look-behind is not RE2
  ASSERT_FALSE(static_cast<bool>(L));
  llvm::consumeError(L.takeError());
}

TEST(PatternSet, EmptyMatchesAreSkipped) {
  PatternSet S;
  llvm::cantFail(S.add("x*"));
  llvm::cantFail(S.compile());
  std::vector<std::pair<uint32_t, uint32_t>> Got;
  S.findAll(0, "axxb", [&](uint32_t B, uint32_t E) {
    Got.emplace_back(B, E);
    return true;
  });
  EXPECT_THAT(Got, ::testing::ElementsAre(std::make_pair(1u, 3u)));
}

TEST(PatternSet, LongestMatchAmongAlternatives) {
  PatternSet S;
  llvm::cantFail(S.add("pain|pain-free"));
  llvm::cantFail(S.compile());
  std::vector<std::pair<uint32_t, uint32_t>> Got;
  S.findAll(0, "pain-free", [&](uint32_t B, uint32_t E) {
    Got.emplace_back(B, E);
    return true;
  });
  EXPECT_THAT(Got, ::testing::ElementsAre(std::make_pair(0u, 9u)));
}

TEST(PatternSet, ManyPatternsStillFindEveryMatch) {
  // Thousands of patterns: the set may exceed its DFA budget, in which case
  // it must fall back to running patterns one by one, never miss a match.
  PatternSet S;
  for (int I = 0; I < 3000; ++I)
    llvm::cantFail(S.add("\\bterm" + std::to_string(I) + "[a-z]{0,3}\\b"));
  llvm::cantFail(S.compile());
  std::string Text;
  for (int I = 0; I < 3000; I += 7)
    Text += "term" + std::to_string(I) + "ab ";
  unsigned N = 0;
  S.matchAll(Text, [&](unsigned, uint32_t, uint32_t) {
    ++N;
    return true;
  });
  EXPECT_EQ(N, (3000 + 6) / 7);
}

} // namespace
