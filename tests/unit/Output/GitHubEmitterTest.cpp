//===- unit/Output/GitHubEmitterTest.cpp - Workflow commands --------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The github format read back the way the Actions runner reads it.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

#include "OutputTestUtil.h"
#include "WorkflowCommand.h"

using namespace claimlint;
using test::diagAt;
using test::report;

namespace {

std::vector<std::string> lines(const std::string &S) {
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  llvm::StringRef(S).split(Parts, '\n', -1, false);
  for (llvm::StringRef P : Parts)
    Out.push_back(P.str());
  return Out;
}

std::vector<test::WorkflowCommand> commands(const std::string &S) {
  std::vector<test::WorkflowCommand> Out;
  for (const std::string &L : lines(S))
    if (auto C = test::parseCommand(L))
      Out.push_back(*C);
  return Out;
}

TEST(GitHub, AnnotationCarriesPositionRuleAndMessage) {
  std::string T = "x\na\xF0\x90\x90\x80"
                  "b cures\n";
  Diagnostic D = diagAt("docs/a.md", T, "cures", "t/cure", Severity::Error);
  D.Note = "say what the evidence shows";
  auto Cs = commands(
      test::emit(OutputFormat::GitHub, {report("./docs/a.md", T, {D})}));
  ASSERT_EQ(Cs.size(), 1u);
  EXPECT_EQ(Cs[0].Name, "error");
  EXPECT_EQ(Cs[0].Props["file"], "docs/a.md");
  EXPECT_EQ(Cs[0].Props["line"], "2");
  EXPECT_EQ(Cs[0].Props["endline"], "2");
  EXPECT_EQ(Cs[0].Props["col"], "6"); // UTF-16 columns, as in SARIF
  EXPECT_EQ(Cs[0].Props["endcolumn"], "11");
  EXPECT_EQ(Cs[0].Props["title"], "claimlint t/cure");
  EXPECT_EQ(Cs[0].Data, "'cures' is a claim\nsay what the evidence shows");
}

TEST(GitHub, LevelsMapToCommands) {
  std::string T = "a b c\n";
  auto Cs = commands(
      test::emit(OutputFormat::GitHub,
                 {report("a.md", T,
                         {diagAt("a.md", T, "a", "t/a", Severity::Error),
                          diagAt("a.md", T, "b", "t/b", Severity::Warning),
                          diagAt("a.md", T, "c", "t/c", Severity::Info)})}));
  ASSERT_EQ(Cs.size(), 3u);
  EXPECT_EQ(Cs[0].Name, "error");
  EXPECT_EQ(Cs[1].Name, "warning");
  EXPECT_EQ(Cs[2].Name, "notice");
}

TEST(GitHub, HostileTextRoundTripsAndStartsNoCommand) {
  std::string T = "It cures\narthritis.\n";
  Diagnostic D = diagAt("a:b,c%.md", T, "cures\narthritis", "t/cure");
  D.Message = "50% \"cures\"\r\n::set-env name=X::1";
  std::string Out =
      test::emit(OutputFormat::GitHub, {report("a:b,c%.md", T, {D})});
  auto Cs = commands(Out);
  ASSERT_EQ(Cs.size(), 1u);
  EXPECT_EQ(Cs[0].Props["file"], "a:b,c%.md");
  EXPECT_EQ(Cs[0].Data, D.Message);
  // Spanning two lines: no columns.
  EXPECT_EQ(Cs[0].Props["line"], "1");
  EXPECT_EQ(Cs[0].Props["endline"], "2");
  EXPECT_EQ(Cs[0].Props.count("col"), 0u);
  for (const std::string &L : lines(Out))
    EXPECT_FALSE(llvm::StringRef(L).ltrim().startswith("::set-env")) << L;
}

TEST(GitHub, AnnotationsAreCappedPerLevelTheRestPrintedPlain) {
  std::string T;
  for (int I = 0; I < 14; ++I)
    T += "cures\n";
  std::vector<Diagnostic> Ds;
  for (unsigned I = 1; I <= 12; ++I)
    Ds.push_back(diagAt("::x.md", T, "cures", "t/w", Severity::Warning, I));
  for (unsigned I = 13; I <= 14; ++I)
    Ds.push_back(diagAt("::x.md", T, "cures", "t/e", Severity::Error, I));
  std::string Out = test::emit(OutputFormat::GitHub, {report("::x.md", T, Ds)});
  unsigned Warnings = 0, Errors = 0, Notices = 0;
  for (const auto &C : commands(Out)) {
    Warnings += C.Name == "warning";
    Errors += C.Name == "error";
    Notices += C.Name == "notice";
  }
  EXPECT_EQ(Warnings, 10u);
  EXPECT_EQ(Errors, 2u);
  EXPECT_EQ(Notices, 1u); // "2 more findings ..."
  unsigned Plain = 0;
  for (const std::string &L : lines(Out))
    if (llvm::StringRef(L).startswith("./::x.md:"))
      ++Plain;
  EXPECT_EQ(Plain, 2u); // a path that looks like a command is defused
  EXPECT_NE(Out.find("./::x.md:11:1: warning: 'cures' is a claim [t/w]"),
            std::string::npos);
}

std::string readAll(llvm::StringRef Path) {
  auto B = llvm::MemoryBuffer::getFile(Path);
  return B ? (*B)->getBuffer().str() : std::string("<unreadable>");
}

TEST(GitHub, StepSummaryListsEveryFindingAndAppends) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(
      llvm::sys::fs::createTemporaryFile("claimlint-summary", "md", Path));
  llvm::FileRemover Remove(Path);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << "earlier step\n";
  }
  std::string T;
  for (int I = 0; I < 12; ++I)
    T += "cures | heals\n";
  std::vector<Diagnostic> Ds;
  for (unsigned I = 1; I <= 12; ++I)
    Ds.push_back(
        diagAt("a.md", T, "cures | heals", "t/w", Severity::Warning, I));
  EmitterOptions O;
  O.StepSummaryFile = std::string(Path);
  test::emit(OutputFormat::GitHub, {report("a.md", T, Ds)}, O);
  std::string S = readAll(Path);
  EXPECT_EQ(S.rfind("earlier step\n", 0), 0u);
  EXPECT_NE(S.find("### claimlint"), std::string::npos);
  EXPECT_NE(S.find("0 errors, 12 warnings, 0 info in 1 file"),
            std::string::npos);
  unsigned Rows = 0;
  for (const std::string &L : lines(S))
    if (llvm::StringRef(L).startswith("| warning | a.md:"))
      ++Rows;
  EXPECT_EQ(Rows, 12u); // not capped like the annotations
  EXPECT_NE(S.find("| a.md:12:1 | t/w | 'cures \\| heals' is a claim |"),
            std::string::npos);
}

TEST(GitHub, StepSummarySaysWhenClean) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(
      llvm::sys::fs::createTemporaryFile("claimlint-summary", "md", Path));
  llvm::FileRemover Remove(Path);
  EmitterOptions O;
  O.StepSummaryFile = std::string(Path);
  std::string Out =
      test::emit(OutputFormat::GitHub,
                 {report("a.md", "ok\n"), report("b.md", "ok\n")}, O);
  EXPECT_TRUE(commands(Out).empty());
  EXPECT_EQ(readAll(Path), "### claimlint\n\nNo findings in 2 files "
                           "checked.\n\n");
}

} // namespace
