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
