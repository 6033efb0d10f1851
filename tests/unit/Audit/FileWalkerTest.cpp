//===- unit/Audit/FileWalkerTest.cpp - Folder audits ----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// walkPaths() as a recursive audit uses it: .claimlintignore, binary files,
// symlink loops and unreadable folders.
//
//===----------------------------------------------------------------------===//

#include "Engine/FileWalker.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <unistd.h>

using namespace claimlint;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

class FileWalkerTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("walk", Root));
  }
  void TearDown() override {
    llvm::sys::fs::setPermissions(path("locked"), llvm::sys::fs::all_all);
    llvm::sys::fs::remove_directories(Root);
  }
  std::string path(llvm::StringRef Rel) {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Rel);
    return std::string(P.str());
  }
  void write(llvm::StringRef Rel, llvm::StringRef Text) {
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path(Rel)));
    std::error_code EC;
    llvm::raw_fd_ostream OS(path(Rel), EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  /// Files found, relative to the root.
  std::vector<std::string> rel(const WalkResult &R) {
    std::vector<std::string> Out;
    for (const std::string &F : R.Files)
      Out.push_back(F.substr(Root.size() + 1));
    return Out;
  }
  WalkResult walk() {
    return walkPaths({std::string(Root.str())}, hasLintableExtension);
  }
  llvm::SmallString<128> Root;
};

TEST_F(FileWalkerTest, ClaimlintIgnoreUsesGitignoreSyntax) {
  write(".claimlintignore", "# comment\n"
                            "drafts/\n"
                            "*.tmp.md\n"
                            "/top-only.md\n"
                            "docs/**/old-*.md\n"
                            "generated-*.html\n"
                            "!generated-keep.html\n"
                            "\\#hash.md\n");
  for (const char *F :
       {"a.md", "drafts/x.md", "b.tmp.md", "top-only.md", "sub/top-only.md",
        "docs/old-1.md", "docs/v1/v2/old-2.md", "docs/new.md",
        "generated-1.html", "generated-keep.html", "#hash.md"})
    write(F, "text");
  write("sub/.claimlintignore", "local.md\n");
  write("sub/local.md", "text");
  write("local.md", "text");
  WalkResult R = walk();
  EXPECT_THAT(rel(R), ElementsAre("a.md", "docs/new.md", "generated-keep.html",
                                  "local.md", "sub/top-only.md"));
  EXPECT_TRUE(R.Errors.empty());
}

TEST_F(FileWalkerTest, BinaryFilesAreSkippedWithANote) {
  write("page.html", "<p>text</p>");
  write("image.html", std::string("GIF89a\0\0binary", 14));
  WalkResult R = walk();
  EXPECT_THAT(rel(R), ElementsAre("page.html"));
  ASSERT_EQ(R.Notes.size(), 1u);
  EXPECT_THAT(R.Notes[0], HasSubstr("image.html: binary file skipped"));
  EXPECT_TRUE(R.Errors.empty());
}

TEST_F(FileWalkerTest, SymlinkLoopsAreWalkedOnce) {
  write("a/page.md", "text");
  ASSERT_EQ(::symlink("..", path("a/up").c_str()), 0);
  ASSERT_EQ(::symlink(path("a").c_str(), path("link-to-a").c_str()), 0);
  ASSERT_EQ(::symlink("missing", path("dangling.md").c_str()), 0);
  WalkResult R = walk();
  // a/page.md is found once, through "a" or through "link-to-a".
  ASSERT_EQ(R.Files.size(), 1u);
  EXPECT_THAT(R.Files[0], HasSubstr("page.md"));
  EXPECT_FALSE(R.Notes.empty());
  EXPECT_TRUE(R.Errors.empty());
}

TEST_F(FileWalkerTest, UnreadableFolderIsAnErrorAndTheWalkGoesOn) {
  write("locked/x.md", "text");
  write("open/y.md", "text");
  llvm::sys::fs::setPermissions(path("locked"), llvm::sys::fs::perms(0));
  if (::geteuid() != 0) {
    WalkResult R = walk();
    EXPECT_THAT(rel(R), ElementsAre("open/y.md"));
    ASSERT_EQ(R.Errors.size(), 1u);
    EXPECT_THAT(R.Errors[0], HasSubstr("locked"));
    return;
  }
  // Root reads every folder, so the walk runs in a child process that has
  // become user nobody, the owner of the tree.
  for (const char *Rel : {"", "locked", "locked/x.md", "open", "open/y.md"})
    ASSERT_EQ(::chown(path(Rel).c_str(), 65534, 65534), 0) << Rel;
  EXPECT_EXIT(
      {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
          std::_Exit(3);
        WalkResult R = walk();
        bool Ok = rel(R) == std::vector<std::string>{"open/y.md"} &&
                  R.Errors.size() == 1 &&
                  R.Errors[0].find("locked") != std::string::npos;
        std::_Exit(Ok ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

} // namespace
