//===- unit/Match/PhraseMatcherTest.cpp - Word-trie phrases vs RE2 --------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The phrase matcher must find exactly what the phrases' RE2 translation
// finds. Each test compares the two on written and on generated text.
//
//===----------------------------------------------------------------------===//

#include "Match/PhraseMatcher.h"

#include "Match/PatternSet.h"
#include "Match/Phrase.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

using namespace claimlint;

namespace {

using Match = std::tuple<unsigned, uint32_t, uint32_t>;

/// A group's phrases with its RE2 translation, as RuleSet builds them.
struct Groups {
  TermLists Lists;
  std::vector<std::vector<std::string>> Phrases;

  Vocabulary vocabulary() const {
    Vocabulary V;
    for (const auto &L : Lists) {
      size_t Index = 0, Off = 0;
      V[L.first()] = llvm::cantFail(compileTermList(L.second, {}, Index, Off));
    }
    return V;
  }
  std::string regex(const std::vector<std::string> &Ph) const {
    Vocabulary V = vocabulary();
    std::vector<std::string> Rs;
    for (const std::string &P : Ph) {
      size_t Off = 0;
      Rs.push_back(llvm::cantFail(phraseToRegex(P, V, true, Off)));
    }
    std::vector<llvm::StringRef> Refs(Rs.begin(), Rs.end());
    return joinLongestAlternatives(Refs);
  }
};

/// Builds both matchers; every group must be taken by the phrase matcher.
struct Both {
  PhraseMatcher PM;
  PatternSet RE;

  explicit Both(const Groups &G) {
    for (const auto &Ph : G.Phrases) {
      std::string R = G.regex(Ph);
      EXPECT_TRUE(PM.addGroup(Ph, &G.Lists, R).hasValue())
          << "refused: " << Ph.front();
      llvm::cantFail(RE.add(R));
    }
    PM.compile();
    llvm::cantFail(RE.compile());
  }

  std::vector<Match> phrases(llvm::StringRef Text) const {
    std::vector<Match> Out;
    PM.matchAll(Text, [&](unsigned G, uint32_t B, uint32_t E) {
      Out.emplace_back(G, B, E);
      return true;
    });
    std::sort(Out.begin(), Out.end());
    return Out;
  }
  std::vector<Match> re2(llvm::StringRef Text) const {
    std::vector<Match> Out;
    for (unsigned G = 0; G < RE.size(); ++G)
      RE.findAll(G, Text, [&](uint32_t B, uint32_t E) {
        Out.emplace_back(G, B, E);
        return true;
      });
    std::sort(Out.begin(), Out.end());
    return Out;
  }
};

std::string show(llvm::StringRef Text, const std::vector<Match> &Ms) {
  std::string S;
  for (const Match &M : Ms)
    S += std::to_string(std::get<0>(M)) + ":'" +
         Text.slice(std::get<1>(M), std::get<2>(M)).str() + "' ";
  return S;
}

Groups clinicGroups() {
  Groups G;
  G.Lists["COND"] = {"osteo-arthritis",    "arthritis", "hip labrum tear~",
                     "Parkinson's",        "covid-19",  "bone-on-bone",
                     "(knee|hip) injury~", "OA"};
  G.Lists["BODY"] = {"hip~", "knee~", "joint~", "lower back"};
  G.Lists["PAIN"] = {"pain~", "aches & pains", "ache~"};
  G.Phrases = {
      {"cure~ [your|the|all] [{BODY}] {COND}", "(a|the) [real|true] cure",
       "cure-all~"},
      {"(pain|symptom|ache)-free", "{COND}-free",
       "one-(time|off|and-done) fix"},
      {"100% (safe|natural)", "#1 clinic", "no more {PAIN}"},
      {"[{BODY}] {PAIN} (gone|eliminated) [forever] for good",
       "don't (live|suffer) with {COND}"},
      {"(clinically|scientifically)-(proven|backed)", "side-effect~ free",
       "say goodbye to {BODY} {PAIN}"},
      {"den(y|ies|ied) [the] {COND}", "hypothesi(s|z)(e|es|ed)",
       "cure(s|d)-(all|free)"},
  };
  return G;
}

/// Texts that exercise each feature, including near misses.
const char *const Written[] = {
    "This cures hip arthritis and cured the knee osteoarthritis fast.",
    "It cures your osteo arthritis, cured all hip labrum tears, cure OA.",
    "Cure Parkinson's? We cure covid19 and cure covid-19, cure bone on bone.",
    "A cure-all, the cureall, a cure all: the real cure, a true cure.",
    "Live pain-free, pain free, painfree, symptom - free, ache- free.",
    "Arthritis-free, osteoarthritisfree, OA free, covid-19-free, AVNfree.",
    "A one-time fix, a onetime fix, one time fix, oneoff fix, oneanddone fix.",
    "It is 100% safe and 100 % natural, 1100% safe; the #1 clinic, ##1 clinic.",
    "No more aches & pains, no more aches and pains, no more pain.",
    "Hip pain gone for good. Knee aches eliminated forever for good.",
    "Don't live with Parkinson's; don't suffer with knee injuries.",
    "Clinically-proven and scientifically backed; clinicallyproven too.",
    "They deny the arthritis, denied OA, denys OA; hypothesized, hypothesise.",
    "Cures-all, curesall, cured free, curedfree, cure-all, curesfree.",
    "No side effect free; side-effects free, sideeffect free.",
    "Say goodbye to lower back pain, say goodbye to hips aching.",
    "CURES HIP ARTHRITIS. Cures\tHip Arthritis. cures  hip arthritis.",
    "procure hip arthritis, curesome arthritis, cure arthritisy, cure hip-OA.",
    "The cure's cost; a cure\u2019s; cure\nhip arthritis; cure hip\narthritis.",
    "\xC3\xA9"
    "cure hip arthritis\xC3\xA9 and cure_hip arthritis and cure hip_OA.",
};

TEST(PhraseMatcherTest, SameMatchesAsRe2OnWrittenText) {
  Groups G = clinicGroups();
  Both B(G);
  ASSERT_EQ(B.PM.groups(), G.Phrases.size());
  size_t Total = 0;
  for (const char *T : Written) {
    auto P = B.phrases(T), R = B.re2(T);
    EXPECT_EQ(P, R) << T << "\n  phrases: " << show(T, P)
                    << "\n  re2:     " << show(T, R);
    Total += R.size();
  }
  EXPECT_GT(Total,
            40u); // the texts do match, so the comparison means something
}

TEST(PhraseMatcherTest, SameMatchesAsRe2OnGeneratedText) {
  Groups G = clinicGroups();
  Both B(G);
  // Pieces of phrases and other words, joined by spaces, and then bent:
  // separators swapped for a hyphen, nothing, two spaces or a line break,
  // letters upper-cased, a word dropped.
  const char *Pieces[] = {"cure hip arthritis",
                          "cures your osteo-arthritis",
                          "cured all OA",
                          "the real cure",
                          "a cure",
                          "cure-all",
                          "pain-free",
                          "symptom free",
                          "arthritis-free",
                          "covid-19-free",
                          "one-and-done fix",
                          "one-off fix",
                          "100% safe",
                          "#1 clinic",
                          "no more aches & pains",
                          "no more pain",
                          "knee pain gone forever for good",
                          "hip aches eliminated for good",
                          "don't live with Parkinson's",
                          "don't suffer with hip injuries",
                          "clinically-proven",
                          "scientifically-backed",
                          "side-effects free",
                          "say goodbye to lower back pain",
                          "cure bone-on-bone",
                          "cure hip labrum tears",
                          "the",
                          "and",
                          "x",
                          "free",
                          "cure",
                          "knee",
                          ",",
                          ".",
                          "fix",
                          "time",
                          "one",
                          "pain",
                          "ache",
                          "no",
                          "more"};
  std::mt19937 Rng(20261125);
  size_t Total = 0;
  for (int Round = 0; Round < 4000; ++Round) {
    std::string T;
    int N = 1 + static_cast<int>(Rng() % 6);
    for (int K = 0; K < N; ++K) {
      if (K)
        T += ' ';
      T += Pieces[Rng() % std::size(Pieces)];
    }
    std::string Bent;
    for (size_t K = 0; K < T.size(); ++K) {
      char C = T[K];
      unsigned Roll = Rng() % 100;
      if ((C == ' ' || C == '-') && Roll < 24) {
        const char *Instead[] = {"-", "", "  ", "\n", " ", " - "};
        Bent += Instead[Roll % std::size(Instead)];
        continue;
      }
      if (C >= 'a' && C <= 'z' && Roll < 6)
        C = static_cast<char>(C - 32);
      Bent += C;
    }
    auto P = B.phrases(Bent), R = B.re2(Bent);
    ASSERT_EQ(P, R) << "'" << Bent << "'\n  phrases: " << show(Bent, P)
                    << "\n  re2:     " << show(Bent, R);
    Total += R.size();
  }
  EXPECT_GT(Total, 3000u);
}

TEST(PhraseMatcherTest, LongTextIsReadInWindowsWithTheSameMatches) {
  Groups G = clinicGroups();
  Both B(G);
  // The matcher reads 8192 words at a time: put matches across the seams.
  for (int Pad = 8180; Pad < 8200; ++Pad) {
    std::string T;
    for (int K = 0; K < Pad; ++K)
      T += "x ";
    T += "cure your knee osteoarthritisfree; cure hip labrum tears. ";
    for (int K = 0; K < 9000; ++K)
      T += K % 7 ? "y " : "no more aches & pains ";
    auto P = B.phrases(T), R = B.re2(T);
    ASSERT_EQ(P, R) << "pad " << Pad;
    EXPECT_GT(R.size(), 1000u);
  }
}

TEST(PhraseMatcherTest, TextWithCharactersRe2FoldsIntoAsciiUsesRe2) {
  Groups G = clinicGroups();
  Both B(G);
  // U+212A KELVIN SIGN folds to k, U+017F LONG S to s, in RE2's (?i).
  std::string T = "we cure \xE2\x84\xAAnee arthritis; no more pain\xC5\xBF.";
  auto P = B.phrases(T), R = B.re2(T);
  EXPECT_EQ(P, R) << show(T, P) << " vs " << show(T, R);
  EXPECT_THAT(show(T, R), ::testing::HasSubstr("cure \xE2\x84\xAAnee"));
}

TEST(PhraseMatcherTest, RefusesWhatItDoesNotModel) {
  TermLists Lists;
  Lists["PUNCT"] = {"#1", "top"};
  Lists["OK"] = {"knee"};
  const char *Refused[] = {
      "caf\xC3\xA9 cure", // non-ASCII
      "can't hurt [you]", // can end with a space
      "all- natural",     // a hyphen next to a space
      "100%-safe",        // a hyphen next to punctuation
      "{PUNCT} clinic",   // a list that may start with punctuation
      "{MISSING} clinic", // no such list
      "(a|#b) thing",     // a word edge that may be punctuation
      "{OK}(s|y)",        // a list with a word right after it
  };
  for (const char *P : Refused) {
    PhraseMatcher M;
    EXPECT_FALSE(M.addGroup({P}, &Lists, "x").hasValue()) << P;
    EXPECT_EQ(M.groups(), 0u) << P;
  }
  PhraseMatcher M;
  EXPECT_TRUE(M.addGroup({"{OK} pain"}, &Lists, "x").hasValue());
  // One refused phrase refuses its whole group.
  EXPECT_FALSE(M.addGroup({"knee pain", "can't hurt [you]"}, &Lists, "x"));
  EXPECT_EQ(M.groups(), 1u);
}

TEST(PhraseMatcherTest, StopsWhenAsked) {
  Groups G = clinicGroups();
  Both B(G);
  std::string T = "cure hip arthritis, cure OA, live pain-free";
  unsigned Seen = 0;
  B.PM.matchAll(T, [&](unsigned, uint32_t, uint32_t) {
    ++Seen;
    return false;
  });
  EXPECT_EQ(Seen, 1u);
}

} // namespace
