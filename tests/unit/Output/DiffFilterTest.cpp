//===- unit/Output/DiffFilterTest.cpp - Changed lines from git diff -------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Parsing only; tests/ci/test_cli.py runs --diff-base against real git.
//
//===----------------------------------------------------------------------===//

#include "Output/DiffFilter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Range = std::pair<unsigned, unsigned>;

namespace {

const char *Diff = "diff --git a/docs/a.md b/docs/a.md\n"
                   "index 1111111..2222222 100644\n"
                   "--- a/docs/a.md\n"
                   "+++ b/docs/a.md\n"
                   "@@ -3 +3 @@ Heading\n"
                   "-old line\n"
                   "+new line\n"
                   "@@ -10,0 +11,3 @@\n"
                   "+added 1\n"
                   "+added 2\n"
                   "+added 3\n"
                   "@@ -20,2 +23,0 @@\n"
                   "-removed 1\n"
                   "-removed 2\n"
                   "diff --git a/gone.md b/gone.md\n"
                   "deleted file mode 100644\n"
                   "--- a/gone.md\n"
                   "+++ /dev/null\n"
                   "@@ -1,2 +0,0 @@\n"
                   "-x\n"
                   "-y\n"
                   "diff --git a/new.md b/new.md\n"
                   "new file mode 100644\n"
                   "--- /dev/null\n"
                   "+++ b/new.md\n"
                   "@@ -0,0 +1,2 @@\n"
                   "+++ b/looks like a header but is content\n"
                   "+@@ -1 +99 @@ so is this\n"
                   "diff --git \"a/caf\\303\\251 \\\"q\\\".md\" "
                   "\"b/caf\\303\\251 \\\"q\\\".md\"\n"
                   "--- \"a/caf\\303\\251 \\\"q\\\".md\"\n"
                   "+++ \"b/caf\\303\\251 \\\"q\\\".md\"\n"
                   "@@ -1 +1 @@\n"
                   "-a\n"
                   "+b\n"
                   "diff --git a/old name.md b/renamed.md\n"
                   "similarity index 90%\n"
                   "rename from old name.md\n"
                   "rename to renamed.md\n"
                   "--- a/old name.md\n"
                   "+++ b/renamed.md\t\n"
                   "@@ -5 +5,2 @@\n"
                   "-a\n"
                   "+b\n"
                   "+c\n";

TEST(ChangedLines, ReadsTheNewSideOfEveryHunk) {
  ChangedLines CL = ChangedLines::parseUnifiedDiff(Diff);
  EXPECT_THAT(CL.ranges("docs/a.md"), ElementsAre(Range(3, 3), Range(11, 13)));
  EXPECT_THAT(CL.ranges("gone.md"), IsEmpty());
  // Lines of a hunk that look like headers are content, not headers.
  EXPECT_THAT(CL.ranges("new.md"), ElementsAre(Range(1, 2)));
  EXPECT_THAT(CL.ranges("looks like a header but is content"), IsEmpty());
  EXPECT_THAT(CL.ranges("caf\xC3\xA9 \"q\".md"), ElementsAre(Range(1, 1)));
  EXPECT_THAT(CL.ranges("renamed.md"), ElementsAre(Range(5, 6)));
}

TEST(ChangedLines, AFindingCountsWhenAnyOfItsLinesChanged) {
  ChangedLines CL = ChangedLines::parseUnifiedDiff(Diff);
  EXPECT_TRUE(CL.touches("docs/a.md", 3, 3));
  EXPECT_FALSE(CL.touches("docs/a.md", 4, 4));
  EXPECT_FALSE(CL.touches("docs/a.md", 10, 10));
  EXPECT_TRUE(CL.touches("docs/a.md", 9, 11)); // spans into a change
  EXPECT_TRUE(CL.touches("docs/a.md", 13, 13));
  EXPECT_FALSE(CL.touches("docs/a.md", 14, 14));
  EXPECT_FALSE(CL.touches("docs/a.md", 23, 23)); // only removed there
  EXPECT_FALSE(CL.touches("other.md", 1, 1));
  CL.addWholeFile("untracked.md");
  EXPECT_TRUE(CL.touches("untracked.md", 1000, 1000));
}

TEST(UnquoteGitPath, UndoesCEscapes) {
  EXPECT_EQ(unquoteGitPath("plain/path.md"), "plain/path.md");
  EXPECT_EQ(unquoteGitPath("\"b/t\\303\\251.md\""), "b/t\xC3\xA9.md");
  EXPECT_EQ(unquoteGitPath("\"a\\tb\\\\c\\\"d\\n\""), "a\tb\\c\"d\n");
}

TEST(DiffFilter, MapsPathsToTheRepositoryRoot) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("claimlint-diff", Dir));
  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::real_path(Dir, Root));
  llvm::SmallString<128> Docs(Root);
  llvm::sys::path::append(Docs, "docs");
  ASSERT_FALSE(llvm::sys::fs::create_directory(Docs));
  llvm::SmallString<128> File(Docs);
  llvm::sys::path::append(File, "a.md");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    OS << "x\n";
  }
  DiffFilter F(std::string(Root), ChangedLines::parseUnifiedDiff(Diff));
  EXPECT_TRUE(F.keep(File, 3, 3));
  EXPECT_FALSE(F.keep(File, 4, 4));
  // A path with dots in it, and a file that does not exist (stdin's name).
  llvm::SmallString<128> Dotted(Docs);
  llvm::sys::path::append(Dotted, "..", "docs", ".", "a.md");
  EXPECT_TRUE(F.keep(Dotted, 11, 11));
  llvm::SmallString<128> Missing(Root);
  llvm::sys::path::append(Missing, "new.md");
  EXPECT_TRUE(F.keep(Missing, 2, 2));
  EXPECT_FALSE(F.keep("/somewhere/else/docs/a.md", 3, 3));
  llvm::sys::fs::remove(File);
  llvm::sys::fs::remove(Docs);
  llvm::sys::fs::remove(Root);
}

} // namespace
