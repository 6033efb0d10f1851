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

TEST_F(CueMatcher, SameCitationCuesWhenPatternsAreGated) {
  // The lexicon's patterns run only in sentences that hold the words or
  // characters they need; the RE2 analyzer runs every one everywhere.
  const char *Bits[] = {"[1]",
                        "[2, 3]",
                        "(4)",
                        "study (12-14)",
                        "results\xC2\xB9\xC2\xB2",
                        "pain.12",
                        "(Smith et al., 2019)",
                        "(see M\xC3\xBCller and Ng, 2021; "
                        "Lee 2020)",
                        "Smith et al. (2018)",
                        "doi:10.1000/182",
                        "https://doi.org/10.1136/bmj.m1",
                        "PMID: 12345678",
                        "PMC1234567",
                        "NCT01234567",
                        "ISRCTN12345678",
                        "NICE NG226",
                        "n = 42",
                        "N=7",
                        "published in the Journal",
                        "reported in Annals",
                        "(Table 2)",
                        "(fig. 3)",
                        "clinicaltrials.gov",
                        "NEJM",
                        "The Lancet",
                        "EudraCT 2004-123456-12",
                        "iſrctn.com",
                        "\xE2\x84\xAA",
                        "pain-free",
                        "cures arthritis",
                        "but",
                        "however",
                        "; ",
                        " - ",
                        "yet",
                        "so",
                        "(PRP)",
                        "Table",
                        "(1",
                        "2)",
                        "NCT",
                        "01234567",
                        "n",
                        "=",
                        "PMID",
                        "\xC2\xB3",
                        "Published in The Lancet",
                        "(e.g. Ng 2020)",
                        ";",
                        "yet so",
                        "doctors",
                        "Jones",
                        "(2019)",
                        "19",
                        "et al."};
  std::mt19937 Rng(3);
  std::string Text;
  for (int Round = 0; Round < 3000; ++Round) {
    for (int K = 0, Len = 2 + static_cast<int>(Rng() % 5); K < Len; ++K) {
      // Bits glued together make matches of different patterns start at
      // the same place.
      if (K)
        Text += Rng() % 3 == 0 ? "" : Rng() % 4 ? " " : ", ";
      Text += Bits[Rng() % std::size(Bits)];
    }
    Text += Rng() % 2 ? ". " : "\n\n";
  }
  EXPECT_GT(compare(Text), 5000u);
  size_t Evidence = 0;
  Prose P = readDocument(Text, FileType::Text);
  for (const Sentence &S : segmentSentences(P))
    for (const Cue &C : Re2->scan(P.text(), S).Cues)
      Evidence += C.Kind == CueKind::Evidence;
  EXPECT_GT(Evidence, 2000u);
}

TEST(CueMatcherPatterns, GatedPartsMergeAsTheirAlternation) {
  // Patterns written to meet at the same place: gated ones (they need '+',
  // '#', "bar" or "zed") and ungated ones, in an order where either kind
  // comes first. The alternation takes the pattern written first.
  Lexicon L;
  L.Classes.push_back({CueKind::Evidence,
                       {},
                       {R"(foo\+bar)", R"(foo\S*)", R"(#\d+)", R"(\d+\w*)",
                        R"(\bbar\b \w+)", R"(\w+ zed\b)", R"(x?)"}});
  L.Classes.push_back({CueKind::Termination, {}, {R"(;\s?\w*)", R"(\w;)"}});
  auto Gated = llvm::cantFail(Analyzer::create(L, true));
  auto Whole = llvm::cantFail(Analyzer::create(L, false));
  const char *Bits[] = {"foo", "+", "bar", "#",           "12",      "x", " ",
                        "zed", ";", "a",   "foo+bar+baz", "bar zed", ", "};
  std::mt19937 Rng(5);
  size_t Cues = 0;
  for (int Round = 0; Round < 3000; ++Round) {
    std::string T;
    for (int K = 0, Len = 1 + static_cast<int>(Rng() % 8); K < Len; ++K)
      T += Bits[Rng() % std::size(Bits)];
    T += '.';
    Prose P = readDocument(T, FileType::Text);
    for (const Sentence &S : segmentSentences(P)) {
      SentenceCues A = Gated->scan(P.text(), S), B = Whole->scan(P.text(), S);
      EXPECT_EQ(cuesOf(A.Cues), cuesOf(B.Cues)) << T;
      Cues += B.Cues.size();
    }
  }
  EXPECT_GT(Cues, 3000u);
}

} // namespace
