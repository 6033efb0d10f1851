//===- unit/Support/FileSystemTest.cpp
//-------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Support/FileSystem.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace claimlint;

namespace {

TEST(FileSystem, MissingFileIsAnErrorNamingThePath) {
  auto T = readFile("/nonexistent/claimlint-test.md");
  ASSERT_FALSE(static_cast<bool>(T));
  EXPECT_NE(
      llvm::toString(T.takeError()).find("/nonexistent/claimlint-test.md"),
      std::string::npos);
}

TEST(FileSystem, AtomicWriteReplacesAndKeepsPermissions) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("claimlint-fs", Dir));
  llvm::SmallString<128> P(Dir);
  llvm::sys::path::append(P, "page.md");
  std::string Path(P.str());
  ASSERT_FALSE(static_cast<bool>(writeFileAtomically(Path, "one")));
  ASSERT_EQ(::chmod(Path.c_str(), 0640), 0);
  ASSERT_FALSE(static_cast<bool>(writeFileAtomically(Path, "two\r\n")));
  auto T = readFile(Path);
  ASSERT_TRUE(static_cast<bool>(T));
  EXPECT_EQ(*T, "two\r\n");
  struct stat St;
  ASSERT_EQ(::stat(Path.c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 0777, 0640u);
  // No temporary file is left behind.
  std::error_code EC;
  int N = 0;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    ++N;
  EXPECT_EQ(N, 1);
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
