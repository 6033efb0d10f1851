//===- unit/Audit/ReportFormatsTest.cpp - jsonl and html ------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestLint.h"

using namespace claimlint;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

FileReport page(const std::string &Path, const std::string &Html) {
  const TestRules &T = TestRules::get();
  EXPECT_EQ(T.Error, "");
  FileReport R = T.lint(Html, defaultSettings(*T.Rules, FileType::Html));
  R.Path = Path;
  for (Diagnostic &D : R.Diags)
    D.Path = Path;
  return R;
}

std::string emit(OutputFormat F, std::vector<FileReport> Reports) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EmitterOptions O;
  O.Rules = TestRules::get().Rules.get();
  O.ToolVersion = "test";
  auto E = makeEmitter(F, OS, O);
  Summary S;
  E->begin();
  for (const FileReport &R : Reports) {
    ++S.Files;
    E->file(R);
  }
  E->end(S);
  OS.flush();
  return Out;
}

TEST(ReportFormatsTest, FormatNames) {
  EXPECT_EQ(parseOutputFormat("jsonl"), OutputFormat::Jsonl);
  EXPECT_EQ(parseOutputFormat("html"), OutputFormat::Html);
}

TEST(ReportFormatsTest, JsonlIsOneFindingPerLineAndConcatenates) {
  FileReport A = page("https://s.test/a", "<p>Stem cells cure arthritis.</p>");
  FileReport B = page("https://s.test/b", "<p>It is 100% safe.</p>");
  std::string Both = emit(OutputFormat::Jsonl, {A, B});
  EXPECT_EQ(emit(OutputFormat::Jsonl, {A}) + emit(OutputFormat::Jsonl, {B}),
            Both);
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  llvm::StringRef(Both).split(Lines, '\n', -1, false);
  ASSERT_EQ(Lines.size(), A.Diags.size() + B.Diags.size());
  auto J = nlohmann::json::parse(Lines[0].str());
  EXPECT_EQ(J["path"], "https://s.test/a");
  EXPECT_EQ(J["rule"], A.Diags[0].RuleId);
  EXPECT_EQ(J["fingerprint"].get<std::string>().size(), 40u);
  EXPECT_EQ(J["line"], 1);
  EXPECT_EQ(emit(OutputFormat::Jsonl, {}), "");
}

TEST(ReportFormatsTest, HtmlReportIsSelfContainedAndHighlights) {
  FileReport A = page("https://s.test/a?x=<b>",
                      "<title>Tea &amp; cures</title><p>Stem cells cure "
                      "arthritis.</p><script>var x='</script>';</script>");
  FileReport B = page("https://s.test/b", "<p>Nothing here.</p>");
  ASSERT_FALSE(A.Diags.empty());
  std::string H = emit(OutputFormat::Html, {A, B});
  EXPECT_THAT(H, HasSubstr("<!DOCTYPE html>"));
  // Self-contained: no external scripts, styles or images.
  EXPECT_THAT(H, Not(HasSubstr("<script src")));
  EXPECT_THAT(H, Not(HasSubstr("<link")));
  EXPECT_THAT(H, Not(HasSubstr("<img")));
  // The page path is escaped; the claim is highlighted with its severity.
  EXPECT_THAT(H, HasSubstr("https://s.test/a?x=&lt;b&gt;"));
  EXPECT_THAT(H, Not(HasSubstr("x=<b>")));
  EXPECT_THAT(H, HasSubstr("<mark class=\"hl sev-error\""));
  EXPECT_THAT(H, HasSubstr(">cure arthritis</a></mark>"));
  EXPECT_THAT(H, HasSubstr("<svg"));
  EXPECT_THAT(H, HasSubstr("<li class=\"finding sev-error\""));
  // Pages without findings get no section; one mark per finding span.
  EXPECT_THAT(H, Not(HasSubstr("https://s.test/b</")));
  size_t Marks = 0;
  for (size_t P = H.find("<mark "); P != std::string::npos;
       P = H.find("<mark ", P + 1))
    ++Marks;
  EXPECT_GE(Marks, 1u);
  // The embedded data cannot close its script element early.
  size_t Data = H.find("id=\"findings-data\">");
  ASSERT_NE(Data, std::string::npos);
  llvm::StringRef Rest = llvm::StringRef(H).substr(Data);
  EXPECT_EQ(Rest.find("</script>"), Rest.find("]</script>") + 1);
}

TEST(ReportFormatsTest, HtmlReportStaysSmallAtTenThousandFindings) {
  std::string Big;
  for (int I = 0; I < 2000; ++I)
    Big += "<p>Paragraph " + std::to_string(I) +
           " with plain words and nothing to flag at all, just filler text "
           "for the reader.</p>";
  std::vector<FileReport> Pages;
  for (int P = 0; P < 100; ++P) {
    std::string Html;
    for (int I = 0; I < 100; ++I)
      Html += "<p>Pills cure arthritis " + std::to_string(I) + ".</p>";
    Pages.push_back(page("https://s.test/" + std::to_string(P),
                         Html + (P == 0 ? Big : std::string())));
  }
  size_t N = 0;
  for (const FileReport &R : Pages)
    N += R.Diags.size();
  ASSERT_GE(N, 10000u);
  std::string H = emit(OutputFormat::Html, Pages);
  // Long pages show only the blocks around findings.
  EXPECT_THAT(H, Not(HasSubstr("Paragraph 1500 ")));
  EXPECT_LT(H.size(), 2000 * N);
}

} // namespace
