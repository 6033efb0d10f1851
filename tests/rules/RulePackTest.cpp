//===- rules/RulePackTest.cpp - The rule files themselves
//------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/Builtin.h"
#include "Rules/RuleLoader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <set>

#include "../support/TestLint.h"

using namespace claimlint;

namespace {

const Rule *findRule(llvm::StringRef Id) {
  const TestRules &T = TestRules::get();
  if (!T.Rules)
    return nullptr;
  int I = T.Rules->find(Id);
  return I < 0 ? nullptr : &T.Rules->rules()[I];
}

TEST(RulePack, EveryRuleIsComplete) {
  const TestRules &T = TestRules::get();
  ASSERT_NE(T.Rules, nullptr) << T.Error;
  for (const Rule &R : T.Rules->rules()) {
    SCOPED_TRACE(R.Id);
    EXPECT_FALSE(R.Summary.empty());
    EXPECT_FALSE(R.Rationale.empty());
    EXPECT_FALSE(R.References.empty());
    ASSERT_FALSE(R.Message.empty());
    EXPECT_FALSE(isupper(static_cast<unsigned char>(R.Message[0])))
        << "messages start lowercase: " << R.Message;
    EXPECT_GE(R.FlagExamples.size(), 1u);
    EXPECT_GE(R.PassExamples.size(), 1u);
    for (const Reference &Ref : R.References)
      EXPECT_TRUE(llvm::StringRef(Ref.Url).startswith("https://") ||
                  llvm::StringRef(Ref.Url).startswith("http://"))
          << Ref.Url;
  }
}

TEST(RulePack, HealthPackHasTheTaxonomy) {
  const char *Ids[] = {"cure-claim",
                       "symptom-free-claim",
                       "root-cause-claim",
                       "guarantee-certainty",
                       "absolute-safety",
                       "regeneration-reversal",
                       "permanence-claim",
                       "surgery-avoidance",
                       "novelty-superlative",
                       "natural-safety-appeal",
                       "proven-claim",
                       "regulatory-status-claim",
                       "unsupported-statistic",
                       "testimonial-as-evidence",
                       "authority-endorsement",
                       "comparative-superiority",
                       "fear-urgency",
                       "universal-efficacy",
                       "immediacy-claim",
                       "disparage-standard-care",
                       "missing-risk-info",
                       "unqualified-efficacy",
                       "inadequate-qualifier"};
  for (const char *Id : Ids) {
    const Rule *R = findRule(std::string("health/") + Id);
    ASSERT_NE(R, nullptr) << Id;
    EXPECT_GE(R->FlagExamples.size(), 6u) << Id;
    EXPECT_GE(R->PassExamples.size(), 6u) << Id;
    EXPECT_FALSE(R->Suggestions.empty()) << Id;
  }
  const Rule *Doc = findRule("health/missing-risk-info");
  ASSERT_NE(Doc, nullptr);
  EXPECT_EQ(Doc->Kind, RuleKind::Document);
}

TEST(RulePack, EmbeddedCopyMatchesTheSourceTree) {
  for (const EmbeddedFile &F : builtinRuleFiles()) {
    auto Text = readFile(std::string(CLAIMLINT_SOURCE_DIR "/rules/") + F.Path);
    ASSERT_TRUE(static_cast<bool>(Text)) << F.Path;
    EXPECT_EQ(*Text, std::string(F.Data, F.Size)) << F.Path;
  }
  EXPECT_FALSE(builtinRuleFile("lexicon.json").empty());
}

TEST(RulePack, EveryBuiltinPatternCompiles) {
  // The rule set does not parse a built-in pattern it keeps out of the
  // RE2::Set (a word gate runs it, or it is an exception): it is compiled
  // the first time it runs, so a broken one would only fail to match.
  RuleLoader Loader;
  Loader.addBuiltin();
  auto Loaded = Loader.load();
  ASSERT_TRUE(static_cast<bool>(Loaded)) << llvm::toString(Loaded.takeError());
  size_t Checked = 0;
  auto Check = [&](const Rule &R, const CompiledPattern &P) {
    RE2::Options O;
    O.set_log_errors(false);
    O.set_case_sensitive(false);
    O.set_longest_match(P.Longest);
    O.set_max_mem(8 << 20);
    RE2 Re(P.Regex, O);
    EXPECT_TRUE(Re.ok()) << R.Id << P.JsonPointer << ": " << Re.error();
    ++Checked;
  };
  size_t Deferred = 0;
  for (const Rule &R : Loaded->Rules) {
    for (size_t G = 0; G < R.Triggers.size(); ++G) {
      std::string FirstPhrase;
      for (const CompiledPattern &P : R.Triggers[G].Compiled) {
        if (!P.Longest) {
          Check(R, P);
        } else if (FirstPhrase.empty()) {
          FirstPhrase = P.JsonPointer;
        }
        // Built-in phrases are translated only when needed.
        Deferred += P.Longest && P.Regex.empty();
      }
      if (FirstPhrase.empty())
        continue;
      // As the rule set would when RE2 has to match them: every phrase
      // translates, and the group's alternation compiles.
      auto Joined = triggerPhrasesRegex(R, G);
      ASSERT_TRUE(static_cast<bool>(Joined))
          << R.Id << ": " << llvm::toString(Joined.takeError());
      Check(R, {*Joined, true, FirstPhrase});
      Checked += R.Triggers[G].Phrases.size() - 1;
    }
    for (const CompiledPattern &P : R.CompiledExceptions)
      Check(R, P);
    for (const CompiledPattern &P : R.CompiledRequires)
      Check(R, P);
  }
  EXPECT_GT(Checked, 400u);
  EXPECT_GT(Deferred, 300u);
  // And the gates are in use: regex triggers run only where a word (or a
  // character) they need occurs, so start-up compiles next to no RE2.
  const TestRules &T = TestRules::get();
  ASSERT_TRUE(T.Rules) << T.Error;
  EXPECT_GE(T.Rules->wordGatedPatterns(), 40u);
  EXPECT_LE(T.Rules->triggers().size() - T.Rules->wordGatedPatterns(), 2u);
}

} // namespace
