//===- unit/Context/CueMatcherTest.cpp - Cue phrases, trie vs RE2 ---------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The lexicon's cue phrases are found by a PhraseMatcher; with every phrase
// in RE2 instead the cues of each sentence must be the same, in the same
// order: on the labelled corpus (../shared, read from there) and on text made
// from the lexicon's own phrases with separators and case bent.
//
//===----------------------------------------------------------------------===//

#include "Context/Segmenter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "ContextTestUtil.h"

using namespace claimlint;

namespace {

using CueList = std::vector<std::tuple<int, int, uint32_t, uint32_t>>;

CueList cuesOf(const std::vector<Cue> &Cs) {
  CueList Out;
  for (const Cue &C : Cs)
    Out.emplace_back(static_cast<int>(C.Kind), static_cast<int>(C.Scope),
                     C.Span.Begin, C.Span.End);
  return Out;
}

class CueMatcher : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Trie =
        llvm::cantFail(Analyzer::create(test::realLexicon(), true)).release();
    Re2 =
        llvm::cantFail(Analyzer::create(test::realLexicon(), false)).release();
  }
  static void TearDownTestSuite() {
    delete Trie;
    delete Re2;
  }
  /// Compares every sentence of \p Text; returns how many cues were found.
  static size_t compare(const std::string &Text) {
    Prose P = readDocument(Text, FileType::Text);
    size_t N = 0;
    for (const Sentence &S : segmentSentences(P)) {
      SentenceCues A = Trie->scan(P.text(), S), B = Re2->scan(P.text(), S);
      EXPECT_EQ(cuesOf(A.Cues), cuesOf(B.Cues))
          << llvm::StringRef(P.text()).slice(S.Text.Begin, S.Text.End).str();
      EXPECT_EQ(cuesOf(A.NextCues), cuesOf(B.NextCues));
      EXPECT_EQ(A.Breaks, B.Breaks);
      N += B.Cues.size();
    }
    return N;
  }
  static Analyzer *Trie;
  static Analyzer *Re2;
};

Analyzer *CueMatcher::Trie = nullptr;
Analyzer *CueMatcher::Re2 = nullptr;

TEST_F(CueMatcher, SameCuesOnTheLabelledCorpus) {
  std::ifstream In(std::string(CLAIMLINT_SOURCE_DIR) +
                   "/../shared/corpus/dev-claims.jsonl");
  ASSERT_TRUE(In) << "../shared/corpus/dev-claims.jsonl";
  std::stringstream SS;
  SS << In.rdbuf();
  EXPECT_GT(compare(SS.str()), 500u);
}

TEST_F(CueMatcher, SameCuesOnTextBentFromTheLexicon) {
  std::vector<std::string> Phrases;
  for (const CueClass &C : test::realLexicon().Classes)
    for (const std::string &P : C.Phrases) {
      std::string Plain;
      for (char Ch : P) // a rough spelling of the phrase: groups flattened
        Plain += Ch == '(' || Ch == ')' || Ch == '[' || Ch == ']' || Ch == '~'
                     ? ' '
                 : Ch == '|' ? ' '
                             : Ch;
      Phrases.push_back(Plain);
    }
  ASSERT_GT(Phrases.size(), 200u);
  const char *Claims[] = {"this cures arthritis", "it is risk-free",
                          "patients report relief", "pain-free for good"};
  std::mt19937 Rng(7);
  std::string Text;
  for (int Round = 0; Round < 2000; ++Round) {
    std::string T;
    for (int K = 0, Len = 2 + static_cast<int>(Rng() % 4); K < Len; ++K) {
      if (K)
        T += ' ';
      T += Rng() % 3 ? Phrases[Rng() % Phrases.size()]
                     : Claims[Rng() % std::size(Claims)];
    }
    for (char &C : T)
      if (C >= 'a' && C <= 'z' && Rng() % 30 == 0)
        C = static_cast<char>(C - 32);
    Text += T + (Rng() % 2 ? ". " : "\n\n");
  }
  EXPECT_GT(compare(Text), 3000u);
}

} // namespace
