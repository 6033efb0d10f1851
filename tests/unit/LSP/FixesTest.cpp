//===- LSP/FixesTest.cpp - Quick fixes and hovers -------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Fixes.h"

#include "gtest/gtest.h"

#include "LSPTestUtil.h"

using namespace claimlint;
using namespace claimlint::lsp;

namespace {

class FixesTest : public ::testing::Test {
protected:
  void SetUp() override { W = lsptest::workspace(); }

  /// The findings of \p Text and the fixes of the one at \p Needle.
  std::vector<Fix> fixesAt(const std::string &Text, llvm::StringRef Needle,
                           FileType T = FileType::Markdown,
                           llvm::StringRef Rule = "") {
    FileReport R = W->linter().lint("t.md", Text, lsptest::testPackOnly(*W, T));
    size_t At = Text.find(Needle.str());
    for (const Diagnostic &D : R.Diags)
      if (D.Offset == At && (Rule.empty() || D.RuleId == Rule)) {
        Found = D;
        FixInput In;
        In.Text = Text;
        In.Type = T;
        In.Today = "2026-11-01";
        int I = W->rules().find(D.RuleId);
        In.R = I < 0 ? nullptr : &W->rules().rules()[I];
        return fixesFor(D, In);
      }
    ADD_FAILURE() << "no finding at " << Needle.str();
    return {};
  }

  /// The fixes of the first finding of built-in rule \p Rule in \p Text.
  std::vector<Fix> builtinFixes(const std::string &Text, llvm::StringRef Rule) {
    FileReport R = W->linter().lint(
        "t.md", Text, defaultSettings(W->rules(), FileType::Markdown));
    for (const Diagnostic &D : R.Diags)
      if (D.RuleId == Rule) {
        FixInput In;
        In.Text = Text;
        In.Type = FileType::Markdown;
        In.Today = "2026-11-01";
        In.R = &W->rules().rules()[W->rules().find(D.RuleId)];
        return fixesFor(D, In);
      }
    ADD_FAILURE() << "no finding of " << Rule.str();
    return {};
  }

  std::string applied(const std::string &Text, const Fix &F) {
    return applyEdits(Text, F.Edits);
  }

  std::unique_ptr<Workspace> W;
  Diagnostic Found;
};

TEST_F(FixesTest, EveryKindForAClaim) {
  std::string T = "# Tea\n\nOur tea cures colds.\n";
  auto F = fixesAt(T, "cures");
  ASSERT_EQ(F.size(), 6u);
  EXPECT_EQ(F[0].Kind, FixKind::Rewrite);
  EXPECT_TRUE(F[0].Preferred); // the safe suggestion
  EXPECT_EQ(applied(T, F[0]), "# Tea\n\nOur tea may help with colds.\n");
  EXPECT_FALSE(F[1].Preferred);
  EXPECT_EQ(applied(T, F[1]), "# Tea\n\nOur tea can ease colds.\n");
  EXPECT_EQ(F[2].Kind, FixKind::Hedge);
  EXPECT_EQ(applied(T, F[2]),
            "# Tea\n\nSome research suggests that our tea cures colds.\n");
  EXPECT_EQ(applied(T, F[3]),
            "# Tea\n\nOur tea cures colds [citation needed].\n");
  EXPECT_EQ(applied(T, F[4]),
            "# Tea\n\n<!-- claimlint-evidence: SOURCE; reviewed-by: NAME; "
            "reviewed: 2026-11-01 -->\nOur tea cures colds.\n");
  EXPECT_EQ(applied(T, F[5]), "# Tea\n\nOur tea cures colds. <!-- "
                              "claimlint-disable-line lsptest/cure -- reason: "
                              "REASON -->\n");
}

TEST_F(FixesTest, RewriteKeepsTheConditionOfTheMatch) {
  // health/cure-claim's rewrites carry {BODY|COND|AILMENT}: the quick fix
  // keeps "hip arthritis" and takes the sentence's capital.
  std::string T = "Cures *hip*\narthritis in weeks.\n";
  auto F = builtinFixes(T, "health/cure-claim");
  ASSERT_FALSE(F.empty());
  EXPECT_EQ(F[0].Kind, FixKind::Rewrite);
  EXPECT_EQ(applied(T, F[0]),
            "May ease symptoms for some people with hip arthritis in weeks.\n");
}

TEST_F(FixesTest, AcronymAtTheStartOfAMatchIsNotACapital) {
  std::string T = "Our FDA-approved injections help.\n";
  auto F = builtinFixes(T, "health/regulatory-status-claim");
  ASSERT_FALSE(F.empty());
  EXPECT_EQ(applied(T, F[0]),
            "Our not approved by the FDA for this use injections help.\n");
}

TEST_F(FixesTest, FixedTextLintsClean) {
  std::string T = "Intro.\n\nOur tea cures colds.\n";
  auto F = fixesAt(T, "cures");
  for (size_t I : {size_t(0), size_t(5)}) {
    std::string New = applied(T, F[I]);
    FileReport R = W->linter().lint(
        "t.md", New, lsptest::testPackOnly(*W, FileType::Markdown));
    for (const Diagnostic &D : R.Diags)
      EXPECT_NE(D.RuleId, "lsptest/cure") << F[I].Title << "\n" << New;
  }
  // The evidence annotation makes the claim reviewed.
  std::string New = applied(T, F[4]);
  FileReport R = W->linter().lint(
      "t.md", New, lsptest::testPackOnly(*W, FileType::Markdown));
  bool Reviewed = false;
  for (const Diagnostic &D : R.Diags)
    Reviewed |= D.RuleId == "lsptest/cure" && D.Status == ClaimStatus::Reviewed;
  EXPECT_TRUE(Reviewed || R.Diags.empty());
}

TEST_F(FixesTest, HedgeLateInASentence) {
  std::string T = "After one, two, three, four, five and six cups it cures.\n";
  auto F = fixesAt(T, "cures");
  ASSERT_GE(F.size(), 3u);
  EXPECT_EQ(F[2].Kind, FixKind::Hedge);
  EXPECT_EQ(applied(T, F[2]),
            "After one, two, three, four, five and six cups it possibly "
            "cures.\n");
}

TEST_F(FixesTest, KeepsCapitalsAndNames) {
  std::string T = "Cures come fast. Dr Lee cures colds.\n";
  auto F = fixesAt(T, "Cures");
  EXPECT_EQ(applied(T, F[0]), "May help with come fast. Dr Lee cures colds.\n");
  auto G = fixesAt(T, "cures colds");
  EXPECT_EQ(
      applied(T, G[2]),
      "Cures come fast. Some research suggests that Dr Lee cures colds.\n");
}

TEST_F(FixesTest, CitationBeforeClosingQuote) {
  std::string T = "She said \xE2\x80\x9CIt cures.\xE2\x80\x9D\n";
  auto F = fixesAt(T, "cures", FileType::Text);
  // Plain text: no comment-based fixes.
  ASSERT_EQ(F.size(), 4u);
  EXPECT_EQ(applied(T, F[3]),
            "She said \xE2\x80\x9CIt cures [citation needed].\xE2\x80\x9D\n");
}

TEST_F(FixesTest, HedgeImmuneRuleGetsNoHedge) {
  std::string T = "A miracle.\n";
  auto F = fixesAt(T, "miracle");
  for (const Fix &X : F)
    EXPECT_NE(X.Kind, FixKind::Hedge);
}

TEST_F(FixesTest, CrlfAndIndentKept) {
  std::string T = "Intro.\r\n\r\n  Tea cures.\r\n";
  auto F = fixesAt(T, "cures");
  EXPECT_EQ(applied(T, F[4]),
            "Intro.\r\n\r\n  <!-- claimlint-evidence: SOURCE; reviewed-by: "
            "NAME; reviewed: 2026-11-01 -->\r\n  Tea cures.\r\n");
}

TEST_F(FixesTest, DocumentRuleAddsTheStatement) {
  std::string T = "It cures.";
  auto F = fixesAt(T, "cures", FileType::Markdown, "lsptest/disclaimer");
  ASSERT_GE(F.size(), 1u);
  EXPECT_EQ(F[0].Kind, FixKind::AddRequired);
  EXPECT_EQ(applied(T, F[0]),
            "It cures.\n\nThis page is not medical advice.\n");
  std::string H = "<html><body><p>It cures.</p></body></html>";
  auto G = fixesAt(H, "cures", FileType::Html, "lsptest/disclaimer");
  EXPECT_EQ(applied(H, G[0]), "<html><body><p>It cures.</p><p>This page is "
                              "not medical advice.</p>\n</body></html>");
}

TEST_F(FixesTest, UnusedSuppressionCanBeRemoved) {
  std::string T = "Fine.\n<!-- claimlint-disable-next-line lsptest/cure -->\n"
                  "Also fine.\n";
  FileReport R = W->linter().lint(
      "t.md", T, lsptest::testPackOnly(*W, FileType::Markdown));
  ASSERT_EQ(R.Diags.size(), 1u);
  FixInput In;
  In.Text = T;
  In.Type = FileType::Markdown;
  auto F = fixesFor(R.Diags[0], In);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(applyEdits(T, F[0].Edits), "Fine.\nAlso fine.\n");
}

TEST_F(FixesTest, HoverSaysWhyAndWhatDecided) {
  std::string T = "Our tea may cure colds [3].\n";
  LintOptions Show;
  Show.ShowQualified = true;
  auto WS = lsptest::workspace(Show);
  FileReport R = WS->linter().lint(
      "t.md", T, lsptest::testPackOnly(*WS, FileType::Markdown));
  const Diagnostic *D = nullptr;
  for (const Diagnostic &X : R.Diags)
    if (X.RuleId == "lsptest/cure")
      D = &X;
  ASSERT_NE(D, nullptr);
  const Rule *Ru = &WS->rules().rules()[WS->rules().find("lsptest/cure")];
  std::string H = hoverText(*D, Ru, "https://docs/lsptest/cure.md", true);
  EXPECT_NE(H.find("**lsptest/cure**"), std::string::npos) << H;
  EXPECT_NE(H.find("**Status:** " + claimStatusName(D->Status).str()),
            std::string::npos)
      << H;
  EXPECT_NE(H.find("\xE2\x80\x9Cmay\xE2\x80\x9D"), std::string::npos) << H;
  EXPECT_NE(H.find("Regulatory basis"), std::string::npos);
  EXPECT_NE(H.find("(https://www.ftc.gov/"), std::string::npos);
  EXPECT_NE(H.find("[Rule documentation](https://docs/lsptest/cure.md)"),
            std::string::npos);
  std::string P = hoverText(*D, Ru, "", false);
  EXPECT_EQ(P.find("**"), std::string::npos);
  EXPECT_EQ(P.find("Rule documentation"), std::string::npos);
}

} // namespace
