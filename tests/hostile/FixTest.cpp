//===- hostile/FixTest.cpp - The --fix engine -----------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/Fix.h"

#include "Support/FileSystem.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace claimlint;

namespace {

Diagnostic diag(llvm::StringRef Text, llvm::StringRef Match,
                std::vector<std::pair<std::string, bool>> Suggestions,
                std::string Rule = "fz/cure", unsigned Nth = 0) {
  Diagnostic D;
  D.RuleId = std::move(Rule);
  size_t At = Text.find(Match);
  for (; Nth > 0; --Nth)
    At = Text.find(Match, At + 1);
  EXPECT_TRUE(At != llvm::StringRef::npos) << Match.str();
  D.Offset = static_cast<uint32_t>(At);
  D.Length = static_cast<uint32_t>(Match.size());
  D.Match = Match.str();
  for (auto &S : Suggestions) {
    D.Suggestions.push_back(S.first);
    D.SafeSuggestions.push_back(S.second);
  }
  return D;
}

std::string fixed(llvm::StringRef Text, const std::vector<Diagnostic> &Diags) {
  return applyEdits(Text, planFixes(Text, Diags).Edits);
}

TEST(PlanFixes, FirstSafeSuggestionReplacesTheSpan) {
  std::string T = "Our clinic cures arthritis today.";
  auto D = diag(T, "cures arthritis",
                {{"can treat", false}, {"may ease", true}, {"helps", true}});
  EXPECT_EQ(fixed(T, {D}), "Our clinic may ease today.");
}

TEST(PlanFixes, OnlyUnsafeSuggestionsChangeNothing) {
  std::string T = "It cures arthritis.";
  auto D = diag(T, "cures arthritis", {{"may ease", false}});
  FixPlan P = planFixes(T, {D});
  EXPECT_TRUE(P.Edits.empty());
  EXPECT_TRUE(P.Skipped.empty()); // nothing safe: not even a skip
}

TEST(PlanFixes, KeepsACapitalAtTheStart) {
  std::string T = "Cures arthritis fast. cures arthritis.";
  auto A = diag(T, "Cures arthritis", {{"may ease", true}});
  auto B = diag(T, "cures arthritis", {{"may ease", true}});
  EXPECT_EQ(fixed(T, {A, B}), "May ease fast. may ease.");
}

TEST(PlanFixes, SkipsMarkupLineBreaksAndOverlaps) {
  std::string T = "It cures *back* pain. Walk pain-\nfree. A miracle cure "
                  "arthritis &amp; more.";
  std::vector<Diagnostic> Ds = {
      diag(T, "cures *back* pain", {{"may ease", true}}),
      diag(T, "pain-\nfree", {{"with less pain", true}}),
      diag(T, "miracle cure", {{"new treatment", true}}, "fz/miracle"),
      diag(T, "cure arthritis", {{"may ease", true}}),
      diag(T, "arthritis &amp;", {{"x", true}}, "fz/other"),
  };
  FixPlan P = planFixes(T, Ds);
  ASSERT_EQ(P.Edits.size(), 1u);
  EXPECT_EQ(P.Edits[0].RuleId, "fz/miracle");
  ASSERT_EQ(P.Skipped.size(), 4u);
  EXPECT_EQ(P.Skipped[0].second, "the text spans markup");
  EXPECT_EQ(P.Skipped[1].second, "the text spans a line break");
  EXPECT_EQ(P.Skipped[2].second, "it overlaps another fix");
  EXPECT_EQ(P.Skipped[3].second, "the text spans markup");
}

TEST(PlanFixes, RefusesSuggestionsWithLineBreaksAndSpansOutside) {
  std::string T = "It cures arthritis.";
  auto A = diag(T, "cures arthritis", {{"may\nease", true}});
  FixPlan P = planFixes(T, {A});
  EXPECT_TRUE(P.Edits.empty());
  ASSERT_EQ(P.Skipped.size(), 1u);
  auto B = A;
  B.Offset = 15;
  B.Length = 10;
  B.SafeSuggestions = {true};
  B.Suggestions = {"x"};
  EXPECT_TRUE(planFixes(T, {B}).Edits.empty());
}

TEST(PlanFixes, NeverTouchesTheByteOrderMark) {
  std::string T = "\xEF\xBB\xBF"
                  "cures arthritis\r\n";
  auto D = diag(T, "cures arthritis", {{"may ease", true}});
  EXPECT_EQ(fixed(T, {D}), "\xEF\xBB\xBF"
                           "may ease\r\n");
  auto Bad = D;
  Bad.Offset = 1;
  EXPECT_TRUE(planFixes(T, {Bad}).Edits.empty());
}

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unifiedDiff("a.md", "x\n", "x\n"), "");
}

TEST(UnifiedDiff, OneChangedLineWithContext) {
  std::string A = "1\n2\n3\n4\nIt cures arthritis.\n6\n7\n8\n9\n";
  std::string B = "1\n2\n3\n4\nIt may ease.\n6\n7\n8\n9\n";
  EXPECT_EQ(unifiedDiff("docs/a.md", A, B), "--- a/docs/a.md\n"
                                            "+++ b/docs/a.md\n"
                                            "@@ -2,7 +2,7 @@\n"
                                            " 2\n 3\n 4\n"
                                            "-It cures arthritis.\n"
                                            "+It may ease.\n"
                                            " 6\n 7\n 8\n");
}

TEST(UnifiedDiff, DistantChangesAreSeparateHunksCloseOnesMerge) {
  std::string A, B;
  for (int I = 1; I <= 20; ++I) {
    std::string L = std::to_string(I);
    A += L + "\n";
    B += (I == 2 || I == 8 || I == 18 ? L + "x" : L) + "\n";
  }
  EXPECT_EQ(unifiedDiff("/abs/a.md", A, B),
            "--- /abs/a.md\n+++ /abs/a.md\n"
            "@@ -1,11 +1,11 @@\n"
            " 1\n-2\n+2x\n 3\n 4\n 5\n 6\n 7\n-8\n+8x\n 9\n 10\n 11\n"
            "@@ -15,6 +15,6 @@\n"
            " 15\n 16\n 17\n-18\n+18x\n 19\n 20\n");
}

TEST(UnifiedDiff, LastLineWithoutNewlineAndCrlf) {
  EXPECT_EQ(unifiedDiff("a", "a\r\nb", "a\r\nc"),
            "--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n a\r\n-b\n"
            "\\ No newline at end of file\n+c\n"
            "\\ No newline at end of file\n");
}

TEST(UnifiedDiff, AddedAndRemovedLines) {
  EXPECT_EQ(unifiedDiff("a", "x\ny\n", "x\n"),
            "--- a/a\n+++ b/a\n@@ -1,2 +1 @@\n x\n-y\n");
  EXPECT_EQ(unifiedDiff("a", "", "new\n"),
            "--- a/a\n+++ b/a\n@@ -0,0 +1 @@\n+new\n");
}

class WriteFixedFile : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("claimlint-fix", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  std::string path(llvm::StringRef Name) {
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P.str());
  }
  std::string read(const std::string &P) {
    auto T = readFile(P);
    return T ? *T : "<" + llvm::toString(T.takeError()) + ">";
  }
  unsigned entries() {
    std::error_code EC;
    unsigned N = 0;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      ++N;
    return N;
  }
  llvm::SmallString<128> Dir;
};

TEST_F(WriteFixedFile, ReplacesAndKeepsPermissions) {
  std::string P = path("page.md");
  ASSERT_FALSE(static_cast<bool>(writeFileAtomically(P, "old\r\n")));
  ASSERT_EQ(::chmod(P.c_str(), 0604), 0);
  ASSERT_FALSE(static_cast<bool>(writeFixedFile(P, "old\r\n", "new\r\n")));
  EXPECT_EQ(read(P), "new\r\n");
  struct stat St;
  ASSERT_EQ(::stat(P.c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 0777, 0604u);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(WriteFixedFile, RefusesAFileThatChanged) {
  std::string P = path("page.md");
  ASSERT_FALSE(static_cast<bool>(writeFileAtomically(P, "theirs")));
  llvm::Error E = writeFixedFile(P, "mine", "fixed");
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("changed since it was read"),
            std::string::npos);
  EXPECT_EQ(read(P), "theirs");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(WriteFixedFile, FollowsSymbolicLinksAndRefusesHardLinks) {
  std::string Real = path("real.md"), Link = path("link.md");
  ASSERT_FALSE(static_cast<bool>(writeFileAtomically(Real, "a")));
  ASSERT_EQ(::symlink("real.md", Link.c_str()), 0);
  ASSERT_FALSE(static_cast<bool>(writeFixedFile(Link, "a", "b")));
  EXPECT_EQ(read(Real), "b");
  EXPECT_TRUE(llvm::sys::fs::is_symlink_file(Link));

  std::string Second = path("second.md");
  ASSERT_EQ(::link(Real.c_str(), Second.c_str()), 0);
  llvm::Error E = writeFixedFile(Real, "b", "c");
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("hard links"), std::string::npos);
  EXPECT_EQ(read(Second), "b");
}

TEST_F(WriteFixedFile, RefusesWhatIsNotARegularFile) {
  std::string P = path("sub");
  ASSERT_FALSE(llvm::sys::fs::create_directory(P));
  llvm::Error E = writeFixedFile(P, "", "x");
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("not a regular file"),
            std::string::npos);
  llvm::Error Missing = writeFixedFile(path("missing.md"), "", "x");
  EXPECT_TRUE(static_cast<bool>(Missing));
  llvm::consumeError(std::move(Missing));
}

} // namespace
