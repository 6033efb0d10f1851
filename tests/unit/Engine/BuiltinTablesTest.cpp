//===- unit/Engine/BuiltinTablesTest.cpp - The embedded start-up tables ---===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The tables embedded at build time (lib/Prebuilt) must be what this build's
// default start-up records, must actually be used by it, and must give the
// same findings as tables built at start-up: on the labelled corpus and the
// clinic page in ../shared (read from there) and on every rule example.
//
//===----------------------------------------------------------------------===//

#include "Prebuilt/BuiltinTables.h"

#include "Engine/Workspace.h"
#include "Match/Prebuilt.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace claimlint;

namespace {

std::unique_ptr<Workspace> defaultWorkspace() {
  WorkspaceOptions O;
  O.NoConfig = true;
  O.Lint.Today = "2026-11-24";
  return llvm::cantFail(Workspace::create(O));
}

std::string readShared(const std::string &Name) {
  std::ifstream In(std::string(CLAIMLINT_SOURCE_DIR) + "/../shared/corpus/" +
                   Name);
  EXPECT_TRUE(In) << Name;
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

/// Every finding of \p W on \p Text, as text to compare.
std::string findings(const Workspace &W, const std::string &Text,
                     FileType Type) {
  FileSettings S = defaultSettings(W.rules(), Type);
  FileReport R = W.linter().lint("t", Text, S);
  std::string Out;
  for (const Diagnostic &D : R.Diags) {
    Out += D.RuleId + " " + std::to_string(D.Offset) + "+" +
           std::to_string(D.Length) + " " + claimStatusName(D.Status).str() +
           " " + D.Explanation;
    for (const DiagnosticCue &C : D.Cues)
      Out += " [" + C.Kind + " " + std::to_string(C.Offset) + "]";
    Out += '\n';
  }
  return Out;
}

class BuiltinTables : public ::testing::Test {
protected:
  void TearDown() override { prebuilt::install(""); }
};

TEST_F(BuiltinTables, AreWhatThisBuildRecords) {
  prebuilt::install("");
  prebuilt::startRecording();
  auto W = defaultWorkspace();
  std::string Now = prebuilt::dump();
  EXPECT_GT(Now.size(), 100000u);
  // Not EXPECT_EQ: a megabyte of bytes is no message to read.
  EXPECT_TRUE(Now == builtinTables().str())
      << "the embedded tables are stale: rebuild claimlint-prebuild's output";
}

TEST_F(BuiltinTables, ServeTheDefaultStartUp) {
  ASSERT_TRUE(installBuiltinTables());
  auto W = defaultWorkspace();
  // The rules' phrase matcher and the lexicon's, and the words of every
  // built-in regex.
  EXPECT_EQ(prebuilt::stats().Matchers, 2u);
  EXPECT_GE(prebuilt::stats().Words, 40u);
}

TEST_F(BuiltinTables, SameFindingsAsTablesBuiltAtStartUp) {
  ASSERT_TRUE(installBuiltinTables());
  auto Fast = defaultWorkspace();
  prebuilt::install("");
  auto Built = defaultWorkspace();
  ASSERT_EQ(prebuilt::stats().Matchers, 0u);

  std::string Page = readShared("hip-stem-cell-page.txt");
  std::string Corpus = readShared("dev-claims.jsonl");
  std::string Want = findings(*Built, Page, FileType::Text);
  EXPECT_GT(std::count(Want.begin(), Want.end(), '\n'), 20);
  EXPECT_EQ(findings(*Fast, Page, FileType::Text), Want);
  Want = findings(*Built, Corpus, FileType::Text);
  EXPECT_GT(std::count(Want.begin(), Want.end(), '\n'), 100);
  EXPECT_EQ(findings(*Fast, Corpus, FileType::Text), Want);

  size_t Examples = 0;
  for (const Rule &R : Built->rules().rules())
    for (const auto *List : {&R.FlagExamples, &R.PassExamples})
      for (const Example &E : *List) {
        std::string T = E.Text;
        for (const char *Mark : {"[[", "]]"})
          for (size_t At; (At = T.find(Mark)) != std::string::npos;)
            T.erase(At, 2);
        EXPECT_EQ(findings(*Fast, T, FileType::Markdown),
                  findings(*Built, T, FileType::Markdown))
            << R.Id << ": " << E.Text;
        ++Examples;
      }
  EXPECT_GT(Examples, 200u);
}

} // namespace
