//===- unit/Output/FingerprintTest.cpp - Line hashes and fingerprints -----===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// primaryLocationLineHash must equal what GitHub's upload step computes, or
// code scanning sees every finding as new on every push: the expected values
// are the test vectors published with codeql-action's implementation.
//
//===----------------------------------------------------------------------===//

#include "Output/Fingerprint.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "OutputTestUtil.h"

using namespace claimlint;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

namespace {

std::string repeat(const std::string &S, unsigned N) {
  std::string Out;
  for (unsigned I = 0; I < N; ++I)
    Out += S;
  return Out;
}

TEST(LineHash, EmptyFile) {
  EXPECT_THAT(lineHashes(""), ElementsAre("c129715d7a2bc9a3:1"));
}

TEST(LineHash, WhitespaceIsSkipped) {
  EXPECT_THAT(lineHashes(" a\nb\n  \t\tc\n d"),
              ElementsAre("271789c17abda88f:1", "54703d4cd895b18:1",
                          "180aee12dab6264:1", "a23a3dc5e078b07b:1"));
}

TEST(LineHash, CarriageReturnsAndBlankLines) {
  EXPECT_THAT(
      lineHashes(
          " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"),
      ElementsAre("e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1",
                  "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                  "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                  "c129715d7a2bc9a3:1"));
}

const std::vector<std::string> &loremHashes() {
  static const std::vector<std::string> H = {
      "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3",
      "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
      "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
      "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"};
  return H;
}

TEST(LineHash, RepeatedLinesAreCountedAndWindowIsOneHundredUnits) {
  EXPECT_THAT(lineHashes(repeat("Lorem ipsum dolor sit amet.\n", 10)),
              ElementsAreArray(loremHashes()));
}

TEST(LineHash, LineEndingsDoNotMatter) {
  std::string L = "Lorem ipsum dolor sit amet.";
  EXPECT_THAT(lineHashes(repeat(L + "\r\n", 10)),
              ElementsAreArray(loremHashes()));
  EXPECT_THAT(lineHashes(repeat(L + "\r", 10)),
              ElementsAreArray(loremHashes()));
  std::string Mixed;
  const char *Ends[] = {"\n", "\r\n", "\r"};
  for (unsigned I = 0; I < 10; ++I)
    Mixed += L + Ends[I % 3];
  EXPECT_THAT(lineHashes(Mixed), ElementsAreArray(loremHashes()));
}

TEST(LineHash, OneHashPerLineAsLineIndexCountsThem) {
  for (const char *T : {"a", "a\n", "a\r\nb", "\r\r\n\n", "x\n\n\ny \t\n"}) {
    LineIndex L(T);
    EXPECT_EQ(lineHashes(T).size(), L.lineCount()) << T;
  }
}

TEST(LineHash, MovingALineKeepsItsHash) {
  std::string Claim = "Our tea cures arthritis.\n";
  auto A = lineHashes("Intro.\n" + Claim + "End.\n");
  auto B = lineHashes("Intro.\nA new paragraph.\n\n" + Claim + "End.\n");
  EXPECT_NE(A[1], B[1]);
  EXPECT_EQ(A[1], B[3]);
}

TEST(LineHash, SurrogatePairsAreTwoUnits) {
  // U+10400 is D801 DC00; a different astral character must hash apart,
  // and invalid UTF-8 must not crash or be skipped.
  EXPECT_NE(lineHashes("a\xF0\x90\x90\x80"), lineHashes("a\xF0\x90\x90\x81"));
  EXPECT_NE(lineHashes("a\xFF"), lineHashes("a"));
}

TEST(StableFingerprint, NormalisesCaseAndSpacing) {
  EXPECT_EQ(normalizeMatch("  Cures\n  your\tArthritis "),
            "cures your arthritis");
  EXPECT_EQ(stableFingerprint("h/cure", "Cures  arthritis", "a.md", 1),
            stableFingerprint("h/cure", "cures arthritis", "a.md", 1));
}

TEST(StableFingerprint, EveryPartCounts) {
  std::string Base = stableFingerprint("h/cure", "cures", "a.md", 1);
  EXPECT_EQ(Base.size(), 40u);
  EXPECT_EQ(Base.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(Base, stableFingerprint("h/other", "cures", "a.md", 1));
  EXPECT_NE(Base, stableFingerprint("h/cure", "heals", "a.md", 1));
  EXPECT_NE(Base, stableFingerprint("h/cure", "cures", "b.md", 1));
  EXPECT_NE(Base, stableFingerprint("h/cure", "cures", "a.md", 2));
}

TEST(StableFingerprint, SurvivesEditsElsewhereAndSeparatesRepeats) {
  std::string T1 = "It cures arthritis.\nAgain: cures arthritis.\n";
  std::string T2 = "New intro line.\n\nIt cures arthritis.\nAgain: cures "
                   "arthritis.\n";
  auto R1 = test::report("a.md", T1,
                         {test::diagAt("a.md", T1, "cures arthritis", "h/cure"),
                          test::diagAt("a.md", T1, "cures arthritis", "h/cure",
                                       Severity::Warning, 2)});
  auto R2 = test::report("a.md", T2,
                         {test::diagAt("a.md", T2, "cures arthritis", "h/cure"),
                          test::diagAt("a.md", T2, "cures arthritis", "h/cure",
                                       Severity::Warning, 2)});
  auto F1 = stableFingerprints(R1, "a.md");
  auto F2 = stableFingerprints(R2, "a.md");
  ASSERT_EQ(F1.size(), 2u);
  EXPECT_NE(F1[0], F1[1]);
  EXPECT_EQ(F1, F2);
  EXPECT_EQ(F1[1], stableFingerprint("h/cure", "cures arthritis", "a.md", 2));
}

} // namespace
