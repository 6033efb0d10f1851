//===- unit/Match/PhraseTest.cpp
//-------------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Match/Phrase.h"

#include "Match/PatternSet.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;

namespace {

/// Every match of \p Phrase in \p Text, as matched strings.
std::vector<std::string> findPhrase(llvm::StringRef Phrase,
                                    llvm::StringRef Text,
                                    const Vocabulary &V = {}) {
  size_t Off = 0;
  auto R = phraseToRegex(Phrase, V, true, Off);
  EXPECT_TRUE(static_cast<bool>(R));
  if (!R) {
    llvm::consumeError(R.takeError());
    return {};
  }
  PatternSet S;
  auto I = S.add(*R);
  EXPECT_TRUE(static_cast<bool>(I));
  if (!I) {
    llvm::consumeError(I.takeError());
    return {};
  }
  llvm::cantFail(S.compile());
  std::vector<std::string> Out;
  S.findAll(*I, Text, [&](uint32_t B, uint32_t E) {
    Out.push_back(Text.slice(B, E).str());
    return true;
  });
  return Out;
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Phrase, CaseInsensitiveAndWordBounded) {
  EXPECT_THAT(findPhrase("cure", "A Cure, not secure."), ElementsAre("Cure"));
  EXPECT_THAT(findPhrase("cure", "curettage"), IsEmpty());
}

TEST(Phrase, HyphenMatchesHyphenSpaceOrNothing) {
  EXPECT_THAT(findPhrase("pain-free", "pain-free, pain free and painfree"),
              ElementsAre("pain-free", "pain free", "painfree"));
}

TEST(Phrase, TildeInflects) {
  EXPECT_THAT(findPhrase("cure~ arthritis", "cures arthritis; cured arthritis"),
              ElementsAre("cures arthritis", "cured arthritis"));
  EXPECT_THAT(inflections("therapy"),
              ElementsAre("therapy", "therapies", "therapied", "therapying"));
  EXPECT_THAT(inflections("fix"),
              ElementsAre("fix", "fixes", "fixed", "fixing"));
}

TEST(Phrase, AlternativesAndOptionalWords) {
  EXPECT_THAT(findPhrase("(end|stop) [your] pain", "end pain. Stop your pain."),
              ElementsAre("end pain", "Stop your pain"));
}

TEST(Phrase, VocabularyReferences) {
  Vocabulary V;
  V["COND"] = "(?:osteoarthritis|hip pain)";
  EXPECT_THAT(findPhrase("eliminate~ {COND}", "It eliminates hip pain.", V),
              ElementsAre("eliminates hip pain"));
  size_t Off = 0;
  auto R = phraseToRegex("cure {NOPE}", V, true, Off);
  ASSERT_FALSE(static_cast<bool>(R));
  EXPECT_THAT(llvm::toString(R.takeError()), ::testing::HasSubstr("NOPE"));
  EXPECT_EQ(Off, 5u);
}

TEST(Phrase, RegexCharactersAreLiteral) {
  EXPECT_THAT(findPhrase("100% safe", "It is 100% safe."),
              ElementsAre("100% safe"));
  EXPECT_THAT(findPhrase("a.b", "axb"), IsEmpty());
}

TEST(Phrase, UnbalancedBracketsAreErrors) {
  size_t Off = 0;
  auto R = phraseToRegex("stop (pain", {}, true, Off);
  ASSERT_FALSE(static_cast<bool>(R));
  llvm::consumeError(R.takeError());
  EXPECT_EQ(Off, 5u);
}

TEST(Phrase, VocabularyInPatterns) {
  Vocabulary V;
  V["TX"] = "(?:PRP|stem cells?)";
  size_t Off = 0;
  auto R = expandVocabulary("\\b{TX} (?:cures?|heals?){1,2}", V, Off);
  ASSERT_TRUE(static_cast<bool>(R));
  EXPECT_EQ(*R, "\\b(?:PRP|stem cells?) (?:cures?|heals?){1,2}");
}

} // namespace

namespace {

/// Every match of \p Regex (leftmost-longest, case-insensitive) in \p Text.
std::vector<std::pair<uint32_t, uint32_t>> spans(const std::string &Regex,
                                                 llvm::StringRef Text) {
  PatternSet S;
  unsigned I = llvm::cantFail(S.add(Regex));
  llvm::cantFail(S.compile());
  std::vector<std::pair<uint32_t, uint32_t>> Out;
  S.findAll(I, Text, [&](uint32_t B, uint32_t E) {
    Out.emplace_back(B, E);
    return true;
  });
  return Out;
}

/// A term list of about 500 bytes, like a rule's vocabulary expansion.
std::string longList() {
  std::string L = "(?:";
  for (int I = 0; I < 60; ++I)
    L += (I ? "|" : "") + std::string("cond") + std::to_string(I) + "x";
  return L + ")";
}

TEST(JoinLongestAlternatives, SharesALongCommonTail) {
  std::string Tail = longList() + "\\b";
  std::vector<std::string> Rx = {
      "\\bcures? " + Tail, "\\bheal(?:s|ed)? " + Tail, "\\bpain[- ]?free\\b",
      "\\bend (?:your )?" + Tail};
  std::vector<llvm::StringRef> Refs(Rx.begin(), Rx.end());
  std::string Joined = joinLongestAlternatives(Refs);
  // The list once, not three times.
  EXPECT_EQ(Joined.find(Tail), Joined.rfind(Tail));
  EXPECT_LT(Joined.size(), Tail.size() * 2);
  std::string Plain = Rx[0] + "|" + Rx[1] + "|" + Rx[2] + "|" + Rx[3];
  llvm::StringRef Text = "It cures cond7x and heals cond12x. Pain-free! "
                         "We END your cond59x, heal cond3 and cure cond60x; "
                         "cures cond1x cond2x, healed COND0X.";
  EXPECT_EQ(spans(Joined, Text), spans(Plain, Text));
  EXPECT_EQ(spans(Joined, Text).size(), 6u);
}

TEST(JoinLongestAlternatives, LongestMatchAcrossSharedAndAlone) {
  // "cure cond1x" (shared tail) against a longer alternative kept alone.
  std::string Tail = longList();
  std::vector<std::string> Rx = {"cure " + Tail, "cures? " + Tail,
                                 "cure cond1x for good"};
  std::vector<llvm::StringRef> Refs(Rx.begin(), Rx.end());
  std::string Joined = joinLongestAlternatives(Refs);
  llvm::StringRef Text = "we cure cond1x for good, cures cond2x";
  EXPECT_THAT(spans(Joined, Text),
              ElementsAre(std::make_pair(3u, 23u), std::make_pair(25u, 37u)));
}

TEST(JoinLongestAlternatives, KeepsWhatItCannotSplit) {
  std::string Tail = longList();
  // A top-level '|', a flag group, a short pattern and an empty one.
  std::vector<std::string> Rx = {"a|b" + Tail, "(?i)x" + Tail, "short", ""};
  std::vector<llvm::StringRef> Refs(Rx.begin(), Rx.end());
  EXPECT_EQ(joinLongestAlternatives(Refs),
            Rx[0] + "|" + Rx[1] + "|" + Rx[2] + "|" + Rx[3]);
  std::vector<llvm::StringRef> One = {Rx[2]};
  EXPECT_EQ(joinLongestAlternatives(One), "short");
}

} // namespace
