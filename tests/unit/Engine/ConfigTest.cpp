//===- unit/Engine/ConfigTest.cpp
//------------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/Config.h"

#include "Support/Error.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;
using ::testing::HasSubstr;

namespace {

class TempDir {
public:
  TempDir() {
    llvm::SmallString<128> D;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("claimlint-cfg", D));
    Path = std::string(D.str());
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string write(const std::string &Rel, const std::string &Text) {
    llvm::SmallString<128> P(Path);
    llvm::sys::path::append(P, Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << Text;
    return std::string(P.str());
  }
  std::string Path;
};

TEST(Config, NearestWinsAndRootStopsTheSearch) {
  TempDir T;
  T.write(".claimlint.json", R"({"disable": ["a/*"]})");
  T.write("site/.claimlint.json", R"({"root": true, "enable": ["b/x"]})");
  T.write("site/docs/.claimlint.json", R"({"profile": "au"})");
  ConfigResolver R(llvm::None, false);
  const auto &Chain = R.chainFor(T.Path + "/site/docs");
  ASSERT_EQ(Chain.size(), 2u);
  EXPECT_THAT(Chain[0]->Path, HasSubstr("site/.claimlint.json"));
  EXPECT_EQ(Chain[1]->Profile.getValueOr(""), "au");
  EXPECT_EQ(R.chainFor(T.Path).size(), 1u);
  llvm::consumeError(R.takeErrors());
}

TEST(Config, ExtendsMergesAndDetectsCycles) {
  TempDir T;
  T.write("base.json",
          R"({"disable": ["health/fear-urgency"], "profile": "uk"})");
  std::string P = T.write("site/.claimlint.json",
                          R"({"extends": "../base.json", "enable": ["x"]})");
  auto C = loadConfigFile(P);
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_THAT((*C)->Disable, ::testing::ElementsAre("health/fear-urgency"));
  EXPECT_EQ((*C)->Profile.getValueOr(""), "uk");
  std::string A = T.write("a.json", R"({"extends": "b.json"})");
  T.write("b.json", R"({"extends": "a.json"})");
  auto Cy = loadConfigFile(A);
  ASSERT_FALSE(static_cast<bool>(Cy));
  EXPECT_THAT(llvm::toString(Cy.takeError()), HasSubstr("cycle"));
}

TEST(Config, ErrorsAreLocatedAndAllReported) {
  TempDir T;
  std::string P =
      T.write(".claimlint.json", "{\n  \"severity\": {\"x\": \"loud\"},\n"
                                 "  \"colour\": true\n}\n");
  auto C = loadConfigFile(P);
  ASSERT_FALSE(static_cast<bool>(C));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printErrors(C.takeError(), OS, false);
  OS.flush();
  EXPECT_THAT(Out, HasSubstr(".claimlint.json:2:21: error: severity must be"));
  EXPECT_THAT(Out,
              HasSubstr(".claimlint.json:3:13: error: unknown key 'colour'"));
}

TEST(Config, Globs) {
  EXPECT_TRUE(matchGlob("*.md", "docs/a.md"));
  EXPECT_TRUE(matchGlob("drafts/*", "drafts/x/y.md"));
  EXPECT_TRUE(matchGlob("drafts", "drafts/y.md"));
  EXPECT_TRUE(matchGlob("**/legacy/*", "a/legacy/b.html"));
  EXPECT_FALSE(matchGlob("drafts/*", "docs/drafts.md"));
  EXPECT_TRUE(matchGlob("health/*", "health/cure-claim"));
  EXPECT_TRUE(matchGlob("cure-claim", "health/cure-claim"));
}

} // namespace
