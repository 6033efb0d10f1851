//===- rules/PhraseMatcherPackTest.cpp - The packs, trie vs RE2
//------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The rule packs in rules/ compiled twice: as they are used (phrase groups in
// the phrase matcher) and with every phrase group in RE2. Both must find the
// same triggers, at the same offsets, in real text (../shared/corpus, read
// from there), in every rule example, and in text generated from the packs'
// own phrases and vocabulary with their separators bent.
//
//===----------------------------------------------------------------------===//

#include "Rules/RuleLoader.h"
#include "Rules/RuleSet.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

using namespace claimlint;

namespace {

std::unique_ptr<RuleSet> buildPacks(bool PhraseMatcher) {
  RuleLoader Loader;
  Loader.addDirectory(CLAIMLINT_SOURCE_DIR "/rules");
  auto Loaded = Loader.load();
  if (!Loaded) {
    ADD_FAILURE() << llvm::toString(Loaded.takeError());
    return nullptr;
  }
  RuleSet::BuildOptions O;
  O.PhraseMatcher = PhraseMatcher;
  auto RS = RuleSet::build(std::move(Loaded->Rules), O);
  if (!RS) {
    ADD_FAILURE() << llvm::toString(RS.takeError());
    return nullptr;
  }
  return std::move(*RS);
}

std::string readShared(const char *Rel) {
  std::ifstream In(std::string(CLAIMLINT_SHARED_DIR "/") + Rel,
                   std::ios::binary);
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

class PhraseMatcherPack : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Trie = buildPacks(true).release();
    Re2 = buildPacks(false).release();
  }
  static void TearDownTestSuite() {
    delete Trie;
    delete Re2;
  }

  using Found = std::vector<std::tuple<unsigned, unsigned, uint32_t, uint32_t>>;
  /// Triggers, then the requirements of document rules as the linter finds
  /// them (in the triggers' pass, the rest by RE2) as rule RequireBase + n.
  static constexpr unsigned RequireBase = 1000000;
  static Found triggers(const RuleSet &S, llvm::StringRef Text) {
    Found Out;
    std::vector<RuleSet::Spans> Req(S.requirements());
    S.findTriggers(
        Text,
        [&](RuleSet::Owner O, uint32_t B, uint32_t E) {
          Out.emplace_back(O.Rule, O.Group, B, E);
          return true;
        },
        &Req);
    S.scanRequiresRe2(Text, Req);
    // The language server's way: all requirements in one call.
    std::vector<RuleSet::Spans> Alone;
    S.scanRequires(Text, Alone);
    EXPECT_EQ(Req, Alone) << Text.str();
    for (unsigned N = 0; N < Req.size(); ++N)
      for (auto [B, E] : Req[N]) {
        Out.emplace_back(RequireBase + N, 0, B, E);
        ++RequirementsFound;
      }
    std::sort(Out.begin(), Out.end());
    return Out;
  }
  static inline size_t RequirementsFound = 0;
  /// Compares the two on each line of \p Text (as blocks); returns how many
  /// triggers were found.
  static size_t compareLines(llvm::StringRef Text, const std::string &What) {
    size_t N = 0;
    llvm::SmallVector<llvm::StringRef, 0> Lines;
    Text.split(Lines, '\n');
    for (llvm::StringRef L : Lines) {
      Found A = triggers(*Trie, L), B = triggers(*Re2, L);
      EXPECT_EQ(A, B) << What << ": " << L.str();
      N += B.size();
    }
    return N;
  }

  static RuleSet *Trie;
  static RuleSet *Re2;
};

RuleSet *PhraseMatcherPack::Trie = nullptr;
RuleSet *PhraseMatcherPack::Re2 = nullptr;

TEST_F(PhraseMatcherPack, TheMatcherTakesMostPhraseGroups) {
  ASSERT_TRUE(Trie && Re2);
  EXPECT_GE(Trie->phraseGroups(), 20u);
  EXPECT_EQ(Re2->phraseGroups(), 0u);
  // Both number the requirements alike (the comparisons below rely on it).
  EXPECT_EQ(Trie->requirements(), Re2->requirements());
  EXPECT_GT(Trie->requirements(), 20u);
  EXPECT_LT(Trie->triggers().size(), Re2->triggers().size());
}

TEST_F(PhraseMatcherPack, SameTriggersInTheCorpus) {
  ASSERT_TRUE(Trie && Re2);
  std::string Page = readShared("corpus/hip-stem-cell-page.txt");
  std::string Claims = readShared("corpus/dev-claims.jsonl");
  ASSERT_FALSE(Page.empty()) << "../shared/corpus/hip-stem-cell-page.txt";
  ASSERT_FALSE(Claims.empty()) << "../shared/corpus/dev-claims.jsonl";
  EXPECT_GT(compareLines(Page, "hip page"), 10u);
  // JSON lines: the sentences, escapes and all, are text enough here.
  EXPECT_GT(compareLines(Claims, "dev-claims"), 100u);
  EXPECT_GT(RequirementsFound, 20u); // both sides, risks named in the corpus
}

TEST_F(PhraseMatcherPack, SameTriggersInEveryRuleExample) {
  ASSERT_TRUE(Trie && Re2);
  size_t N = 0;
  for (const Rule &R : Re2->rules())
    for (const auto *List : {&R.FlagExamples, &R.PassExamples})
      for (const Example &E : *List)
        N += compareLines(E.Text, R.Id);
  EXPECT_GT(N, 200u);
}

TEST_F(PhraseMatcherPack, SameTriggersInTextBentFromThePacks) {
  ASSERT_TRUE(Trie && Re2);
  // Material: every vocabulary term and every rule example's words.
  std::vector<std::string> Sentences, Terms;
  for (const Rule &R : Re2->rules()) {
    if (R.Lists)
      for (const auto &L : *R.Lists)
        for (const std::string &T : L.second)
          Terms.push_back(llvm::StringRef(T).rtrim('~').str());
    for (const Example &E : R.FlagExamples) {
      std::string T;
      for (char C : E.Text)
        if (C != '[' && C != ']')
          T += C;
      Sentences.push_back(T);
    }
  }
  ASSERT_GT(Sentences.size(), 100u);
  ASSERT_GT(Terms.size(), 100u);
  std::mt19937 Rng(1125);
  size_t N = 0;
  for (int Round = 0; Round < 3000; ++Round) {
    std::string T;
    for (int K = 0, Len = 1 + static_cast<int>(Rng() % 4); K < Len; ++K) {
      if (K)
        T += ' ';
      const auto &From = Rng() % 3 ? Sentences : Terms;
      T += From[Rng() % From.size()];
    }
    std::string Bent;
    for (char C : T) {
      unsigned Roll = Rng() % 100;
      if ((C == ' ' || C == '-') && Roll < 15) {
        const char *Instead[] = {"-", "", "  ", " "};
        Bent += Instead[Roll % std::size(Instead)];
        continue;
      }
      if (C >= 'a' && C <= 'z' && Roll < 4)
        C = static_cast<char>(C - 32);
      Bent += C;
    }
    Found A = triggers(*Trie, Bent), B = triggers(*Re2, Bent);
    ASSERT_EQ(A, B) << Bent;
    N += B.size();
  }
  EXPECT_GT(N, 3000u);
}

} // namespace
