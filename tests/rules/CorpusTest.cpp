//===- rules/CorpusTest.cpp - The default pack on real text
//----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// ../shared/corpus/hip-stem-cell-page.txt is a real clinic page (third-party
// text, so it is read from there and never copied here). Every unqualified
// promise on it must be flagged, at warning or error, by the rule named; its
// neutral descriptions must not be flagged at all.
//
//===----------------------------------------------------------------------===//

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "../support/TestLint.h"

using namespace claimlint;

namespace {

std::string readShared(const char *Rel) {
  std::ifstream In(std::string(CLAIMLINT_SHARED_DIR "/") + Rel,
                   std::ios::binary);
  if (!In)
    return "";
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

struct Expect {
  const char *Phrase; ///< text on the page (first occurrence)
  const char *Rule;   ///< the rule that must flag it
};

const Expect Promises[] = {
    {"live pain-free", "health/symptom-free-claim"},
    {"addressing the root cause", "health/root-cause-claim"},
    {"groundbreaking", "health/novelty-superlative"},
    {"lasting improvements", "health/permanence-claim"},
    {"long-lasting alternative", "health/permanence-claim"},
    {"alternative to hip replacement surgery", "health/surgery-avoidance"},
    {"non-surgical treatment option", "health/surgery-avoidance"},
    {"regenerate damaged hip joints", "health/regeneration-reversal"},
    {"natural alternative to steroid injections",
     "health/natural-safety-appeal"},
};

const char *const Neutral[] = {
    "can cause chronic pain, stiffness, and reduced mobility",
    "A degenerative joint disease where cartilage wears down",
    "The procedure is typically performed as an outpatient treatment",
    "they are collected from bone marrow or fat tissue",
    "Mild swelling or discomfort at the injection site",
    "Patients are typically advised to avoid strenuous activities",
};

class HipPage : public ::testing::Test {
protected:
  void SetUp() override {
    Text = readShared("corpus/hip-stem-cell-page.txt");
    if (Text.empty())
      GTEST_SKIP() << "../shared/corpus is not present";
    const TestRules &T = TestRules::get();
    ASSERT_NE(T.Rules, nullptr) << T.Error;
    Report = T.lint(Text, defaultSettings(*T.Rules, FileType::Text));
  }
  std::string Text;
  FileReport Report;
};

TEST_F(HipPage, EveryUnqualifiedPromiseIsFlagged) {
  for (const Expect &E : Promises) {
    size_t At = Text.find(E.Phrase);
    ASSERT_NE(At, std::string::npos) << E.Phrase;
    size_t End = At + strlen(E.Phrase);
    bool Found = false;
    std::string Near;
    for (const Diagnostic &D : Report.Diags) {
      bool Overlaps = D.Offset < End && D.Offset + D.Length > At;
      if (!Overlaps)
        continue;
      Near += " " + D.RuleId + "(" + severityName(D.Sev).str() + ")";
      if (D.RuleId == E.Rule && D.Sev >= Severity::Warning)
        Found = true;
    }
    EXPECT_TRUE(Found) << "'" << E.Phrase << "' is not flagged by " << E.Rule
                       << "; found:" << Near;
  }
}

TEST_F(HipPage, NeutralDescriptionsAreNotFlagged) {
  for (const char *N : Neutral) {
    size_t At = Text.find(N);
    ASSERT_NE(At, std::string::npos) << N;
    size_t End = At + strlen(N);
    for (const Diagnostic &D : Report.Diags)
      EXPECT_FALSE(D.Offset < End && D.Offset + D.Length > At &&
                   D.Sev >= Severity::Warning)
          << "'" << N << "' flagged by " << D.RuleId << " at '" << D.Match
          << "'";
  }
}

} // namespace
