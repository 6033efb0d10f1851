//===- unit/Rules/RuleSetTest.cpp -----------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Regex triggers behind word gates (Match/RegexWords.h) must find what the
// same rules find with every trigger in RE2: run one by one, through the set
// built when a block passes many gates, and past the pattern count where
// gates give way to the set.
//
//===----------------------------------------------------------------------===//

#include "Rules/RuleSet.h"

#include "Rules/RuleLoader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

using namespace claimlint;

namespace {

std::string rule(const std::string &Id, const std::string &Pattern) {
  std::string Escaped;
  for (char C : Pattern) {
    if (C == '\\' || C == '"')
      Escaped += '\\';
    Escaped += C;
  }
  return "{\"id\": \"" + Id +
         "\", \"severity\": \"warning\", \"summary\": \"s\", "
         "\"message\": \"'{match}' is a claim\", \"rationale\": \"r\", "
         "\"references\": [{\"title\": \"t\", \"url\": \"https://x\"}], "
         "\"examples\": {\"flag\": [], \"pass\": []}, \"patterns\": [\"" +
         Escaped + "\"]}";
}

std::unique_ptr<RuleSet> build(const std::vector<std::string> &Patterns,
                               bool PhraseMatcher) {
  std::vector<SourceText> Files;
  for (size_t I = 0; I < Patterns.size(); ++I) {
    std::string Id = "p/r" + std::to_string(I);
    Files.push_back({Id + ".json", rule(Id, Patterns[I])});
  }
  RuleLoader L;
  L.addPack({"p", llvm::None, std::move(Files)});
  auto Loaded = L.load();
  if (!Loaded) {
    ADD_FAILURE() << llvm::toString(Loaded.takeError());
    return nullptr;
  }
  RuleSet::BuildOptions O;
  O.PhraseMatcher = PhraseMatcher;
  auto S = RuleSet::build(std::move(Loaded->Rules), O);
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return nullptr;
  }
  return std::move(*S);
}

using Found = std::vector<std::tuple<unsigned, uint32_t, uint32_t>>;

Found triggers(const RuleSet &S, llvm::StringRef Text) {
  Found Out;
  S.findTriggers(Text, [&](RuleSet::Owner O, uint32_t B, uint32_t E) {
    Out.emplace_back(O.Rule, B, E);
    return true;
  });
  std::sort(Out.begin(), Out.end());
  return Out;
}

const std::vector<std::string> Patterns = {
    "\\bonly \\d+ (?:spots?|seats?) left\\b",
    "\\b(?:fix|cure)s? (?:[a-z']+ ){0,3}?permanently\\b",
    "\\b(?:relief|results) (?:right away|immediately)\\b",
    "\\bin (?:just|only) \\d+ (?:days|sessions)\\b",
    "\\bsuccess rates?\\b",
    "\"[^\"]{8,300}\" ?- ?[a-z]+,? \\d{2}\\b",
    "\\d+% of (?:patients|clients)", // no word: right side open, '%' needed
    "cure",                          // no gate at all: in the set
};

const char *const Texts[] = {
    "Only 3 spots left! It cures knees permanently.",
    // A block that passes many gates at once: the set decides.
    "Only 2 seats left. Cures it permanently. Relief right away, results "
    "immediately, in just 3 days, in only 4 sessions. Our success rate is "
    "high: 90% of patients agree. \"It worked wonders\" - Ann, 54. secure",
    "only spots left; fix nothing permanently-ish; relief, right away",
    "No claims here at all.",
    "\xE2\x84\xAA only 3 \xC5\xBFpots left",
};

TEST(RuleSetGates, FindWhatAllRe2Finds) {
  auto Gated = build(Patterns, true);
  auto Re2 = build(Patterns, false);
  ASSERT_TRUE(Gated && Re2);
  // Every pattern but "cure" has a gate; the all-RE2 build has none.
  EXPECT_EQ(Gated->wordGatedPatterns(), Patterns.size() - 1);
  EXPECT_EQ(Re2->wordGatedPatterns(), 0u);
  for (const char *T : Texts)
    EXPECT_EQ(triggers(*Gated, T), triggers(*Re2, T)) << T;
  // The busy block has matches of most rules: the comparison is not empty.
  EXPECT_GE(triggers(*Gated, Texts[1]).size(), 7u);
}

TEST(RuleSetGates, ManyPatternsGoToTheSetInstead) {
  std::vector<std::string> Many;
  for (int I = 0; I < 200; ++I)
    Many.push_back("\\bword" + std::to_string(I) + " (?:cure|heal)s?\\b");
  auto Gated = build(Many, true);
  auto Re2 = build(Many, false);
  ASSERT_TRUE(Gated && Re2);
  EXPECT_EQ(Gated->wordGatedPatterns(), 0u);
  std::string T = "word7 cures and word150 heals, word199 cure.";
  EXPECT_EQ(triggers(*Gated, T), triggers(*Re2, T));
  EXPECT_EQ(triggers(*Gated, T).size(), 3u);
}

} // namespace
