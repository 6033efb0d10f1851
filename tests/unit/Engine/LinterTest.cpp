//===- unit/Engine/LinterTest.cpp
//------------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The engine over a small pack written here, with an empty lexicon (so every
// claim is unqualified): positions, directives, exceptions, document rules.
//
//===----------------------------------------------------------------------===//

#include "Engine/Linter.h"

#include "Rules/RuleLoader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;
using ::testing::ElementsAre;

namespace {

std::string ruleJson(const std::string &Id, const std::string &Sev,
                     const std::string &Extra) {
  return "{\"id\": \"t/" + Id + "\", \"severity\": \"" + Sev +
         "\", \"summary\": \"s\", \"message\": \"'{match}' is a claim\", "
         "\"rationale\": \"r\", \"references\": [{\"title\": \"t\", \"url\": "
         "\"https://x\"}], \"examples\": {\"flag\": [], \"pass\": []}, " +
         Extra + "}";
}

struct Fixture {
  std::unique_ptr<RuleSet> Rules;
  std::unique_ptr<Analyzer> A;
  Fixture() {
    RuleLoader L;
    L.addPack(
        {"t",
         SourceText{"t/pack.json",
                    R"({"vocabulary": {"COND": ["arthritis"]}})"},
         {{"t/cure.json",
           ruleJson("cure", "error",
                    R"("phrases": ["cure~ [your] {COND}", "miracle", "risk-free"],
                        "exceptions": ["miracle of modern surgery"],
                        "suggestions": ["may ease"])")},
          {"t/risks.json",
           ruleJson(
               "risks", "warning",
               R"("kind": "document", "requires": ["risk~", "side effect~"])")}}});
    auto Loaded = llvm::cantFail(L.load());
    Rules = llvm::cantFail(RuleSet::build(std::move(Loaded.Rules)));
    A = llvm::cantFail(Analyzer::create(Lexicon()));
  }
  FileReport lint(const std::string &Text, FileType T = FileType::Text,
                  LintOptions O = {}) const {
    O.UseContext = false;
    if (O.Today.empty())
      O.Today = "2026-11-24";
    Linter L(*Rules, *A, O);
    return L.lint("f", Text, defaultSettings(*Rules, T));
  }
};

const Fixture &fx() {
  static Fixture F;
  return F;
}

std::vector<std::string> ids(const FileReport &R) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : R.Diags)
    Out.push_back(D.RuleId + "@" + std::to_string(D.Line) + ":" +
                  std::to_string(D.Column));
  return Out;
}

TEST(Linter, ReportsOriginalOffsetsLinesAndColumns) {
  std::string T = "Intro line.\r\nIt  cures\r\n  your arthritis. Side effects: "
                  "none.\r\n";
  FileReport R = fx().lint(T);
  ASSERT_EQ(R.Diags.size(), 1u);
  const Diagnostic &D = R.Diags[0];
  EXPECT_EQ(D.RuleId, "t/cure");
  EXPECT_EQ(D.Offset, T.find("cures"));
  EXPECT_EQ(D.Match, "cures\r\n  your arthritis");
  EXPECT_EQ(D.Line, 2u);
  EXPECT_EQ(D.Column, 5u);
  EXPECT_EQ(D.EndLine, 3u);
  EXPECT_EQ(D.EndColumn, 17u);
  EXPECT_EQ(D.Message, "'cures your arthritis' is a claim");
  EXPECT_THAT(D.Suggestions, ElementsAre("may ease"));
}

TEST(Linter, CurlyQuotesAndNbspDoNotShiftOffsets) {
  std::string T = "\xE2\x80\x9CIt\xC2\xA0"
                  "cures arthritis\xE2\x80\x9D risk.";
  FileReport R = fx().lint(T);
  ASSERT_EQ(R.Diags.size(), 1u);
  EXPECT_EQ(R.Diags[0].Offset, T.find("cures"));
  EXPECT_EQ(R.Diags[0].Length, std::string("cures arthritis").size());
}

TEST(Linter, ExceptionsDropClaimsInsideThem) {
  EXPECT_TRUE(
      fx().lint("A miracle of modern surgery, with risks.").Diags.empty());
  EXPECT_THAT(ids(fx().lint("A miracle, with risks.")),
              ElementsAre("t/cure@1:3"));
}

TEST(Linter, DocumentRuleFiresOnceAtTheFirstClaim) {
  EXPECT_THAT(ids(fx().lint("A miracle.\n\nIt cures arthritis.")),
              ElementsAre("t/cure@1:3", "t/risks@1:3", "t/cure@3:4"));
  EXPECT_THAT(ids(fx().lint("A miracle. Side effects are rare.")),
              ElementsAre("t/cure@1:3"));
  EXPECT_TRUE(fx().lint("Nothing claimed; no risks named.").Diags.empty());
  // A required phrase inside a claim names no risk.
  EXPECT_THAT(ids(fx().lint("It is risk-free.")),
              ElementsAre("t/cure@1:7", "t/risks@1:7"));
}

TEST(Linter, DisableNextLineAndUnusedSuppressions) {
  std::string T = "<!-- claimlint-disable-next-line t/cure -- legal ok -->\n"
                  "A miracle. Risks apply.\n"
                  "<!-- claimlint-disable-next-line t/cure -->\n"
                  "Nothing here.\n";
  EXPECT_THAT(ids(fx().lint(T, FileType::Markdown)),
              ElementsAre("claimlint/unused-suppression@3:1"));
}

TEST(Linter, DisableEnableRegions) {
  std::string T = "<!-- claimlint-disable t/* -->\n\nA miracle.\n\n"
                  "<!-- claimlint-enable t/* -->\n\nA miracle, risks.\n";
  EXPECT_THAT(ids(fx().lint(T, FileType::Markdown)), ElementsAre("t/cure@7:3"));
}

TEST(Linter, EvidenceAnnotationsAttachExpireAndGoStale) {
  std::string T =
      "<!-- claimlint-evidence: PMID 31278997; reviewed-by: J. Doe; "
      "reviewed: 2025-01-01; expires: 2026-01-01 -->\n"
      "A miracle. Risks apply.\n\n"
      "<!-- claimlint-evidence: NCT01234567 -->\n\nPlain text.\n";
  FileReport R = fx().lint(T, FileType::Markdown);
  ASSERT_THAT(ids(R),
              ElementsAre("claimlint/expired-evidence@1:1", "t/cure@2:3",
                          "claimlint/stale-evidence@4:1"));
  EXPECT_EQ(R.Diags[1].Evidence, "PMID 31278997");
  EXPECT_EQ(R.Diags[1].Reviewer, "J. Doe");
  EXPECT_EQ(R.Diags[1].Expires, "2026-01-01");
}

TEST(Linter, UnknownDirectiveIsReported) {
  EXPECT_THAT(ids(fx().lint("<!-- claimlint-disabel t/cure -->\n\nok\n",
                            FileType::Markdown)),
              ElementsAre("claimlint/invalid-directive@1:1"));
}

TEST(Linter, MinSeverityFilters) {
  LintOptions O;
  O.MinSeverity = Severity::Error;
  EXPECT_THAT(ids(fx().lint("A miracle.", FileType::Text, O)),
              ElementsAre("t/cure@1:3"));
}

TEST(Linter, InvalidUtf8NeverShiftsPositions) {
  std::string T = "\xC0\xFF bad \xC3 bytes cures arthritis. risk";
  FileReport R = fx().lint(T);
  ASSERT_EQ(R.Diags.size(), 1u);
  EXPECT_EQ(R.Diags[0].Offset, T.find("cures"));
}

} // namespace
