//===- rules/RuleExamplesTest.cpp - Every rule example is a test ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Each "flag" example must produce findings of its rule at exactly the
// [[marked]] spans; each "pass" example must produce none. Examples are
// linted as Markdown with context analysis on, with only their rule enabled
// (document rules run with every rule, since they react to other claims).
//
//===----------------------------------------------------------------------===//

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../support/Annotations.h"
#include "../support/TestLint.h"

using namespace claimlint;

namespace {

struct ExampleCase {
  std::string RuleId;
  std::string Name;
  std::string Text;
  bool ShouldFlag;
};

std::vector<ExampleCase> collect() {
  std::vector<ExampleCase> Out;
  const TestRules &T = TestRules::get();
  if (!T.Rules)
    return Out;
  for (const Rule &R : T.Rules->rules()) {
    std::string Base = R.Id;
    for (char &C : Base)
      if (!isalnum(static_cast<unsigned char>(C)))
        C = '_';
    for (size_t I = 0; I < R.FlagExamples.size(); ++I)
      Out.push_back({R.Id, Base + "_flag_" + std::to_string(I),
                     R.FlagExamples[I].Text, true});
    for (size_t I = 0; I < R.PassExamples.size(); ++I)
      Out.push_back({R.Id, Base + "_pass_" + std::to_string(I),
                     R.PassExamples[I].Text, false});
  }
  return Out;
}

class RuleExamples : public ::testing::TestWithParam<ExampleCase> {};

TEST(RuleExamplesSetup, RulesLoad) {
  EXPECT_EQ(TestRules::get().Error, "");
  ASSERT_NE(TestRules::get().Rules, nullptr);
  EXPECT_GT(TestRules::get().Rules->rules().size(), 0u);
}

TEST_P(RuleExamples, MatchesMarkedSpans) {
  const ExampleCase &C = GetParam();
  const TestRules &T = TestRules::get();
  ASSERT_NE(T.Rules, nullptr) << T.Error;
  Annotations A(C.Text);
  ASSERT_TRUE(A.balanced()) << C.Text;
  int Idx = T.Rules->find(C.RuleId);
  ASSERT_GE(Idx, 0);
  FileSettings S = defaultSettings(*T.Rules, FileType::Markdown);
  if (T.Rules->rules()[Idx].Kind == RuleKind::Claim)
    for (size_t I = 0; I < S.Enabled.size(); ++I)
      S.Enabled[I] = static_cast<int>(I) == Idx;
  FileReport R = T.lint(A.code(), S);
  std::vector<std::pair<uint32_t, uint32_t>> Got;
  std::string Seen;
  for (const Diagnostic &D : R.Diags) {
    if (D.RuleId != C.RuleId)
      continue;
    Got.emplace_back(D.Offset, D.Offset + D.Length);
    Seen += "  " + severityName(D.Sev).str() + " '" + D.Match + "' (" +
            claimStatusName(D.Status).str() + ")\n";
  }
  if (!C.ShouldFlag) {
    EXPECT_THAT(Got, ::testing::IsEmpty())
        << "pass example flagged: " << A.code() << "\n"
        << Seen;
    return;
  }
  EXPECT_EQ(Got, A.ranges()) << "flag example: " << C.Text << "\ngot:\n"
                             << Seen;
}

INSTANTIATE_TEST_SUITE_P(All, RuleExamples, ::testing::ValuesIn(collect()),
                         [](const ::testing::TestParamInfo<ExampleCase> &I) {
                           return I.param.Name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleExamples);

} // namespace
