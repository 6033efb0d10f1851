//===- unit/Audit/BaselineTest.cpp - Accepted findings --------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Baseline.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "TestLint.h"

using namespace claimlint;

namespace {

FileReport lintAs(const std::string &Path, const std::string &Text,
                  FileType Type) {
  const TestRules &T = TestRules::get();
  EXPECT_EQ(T.Error, "");
  FileReport R = T.lint(Text, defaultSettings(*T.Rules, Type));
  R.Path = Path;
  for (Diagnostic &D : R.Diags)
    D.Path = Path;
  return R;
}

std::vector<std::string> prints(const FileReport &R) {
  std::vector<std::string> Out;
  for (const BaselineEntry &E : baselineEntries(R))
    Out.push_back(E.Fingerprint);
  return Out;
}

TEST(BaselineTest, SentencesAreWhatAVisitorReads) {
  FileReport R = lintAs("p.html",
                        "<p>Intro.</p><p>Our <b>therapy</b>\n  CURES "
                        "arthritis. Call us.</p>",
                        FileType::Html);
  ASSERT_FALSE(R.Diags.empty());
  std::vector<std::string> S = findingSentences(R);
  EXPECT_EQ(S[0], "our therapy cures arthritis.");
}

TEST(BaselineTest, FingerprintsIgnoreEditsElsewhere) {
  std::string Claim = "Stem cells cure arthritis.";
  FileReport Before =
      lintAs("p.md", "# Page\n\n" + Claim + "\n", FileType::Markdown);
  FileReport After = lintAs(
      "p.md", "# Page\n\nA new paragraph.\n\nAnother one.\n\n" + Claim + "\n",
      FileType::Markdown);
  ASSERT_FALSE(Before.Diags.empty());
  EXPECT_NE(Before.Diags[0].Line, After.Diags[0].Line);
  EXPECT_EQ(prints(Before), prints(After));
  // Another path or another sentence is another finding.
  FileReport Moved =
      lintAs("q.md", "# Page\n\n" + Claim + "\n", FileType::Markdown);
  EXPECT_NE(prints(Before)[0], prints(Moved)[0]);
  FileReport Changed =
      lintAs("p.md", "# Page\n\nStem cells cure arthritis fast.\n",
             FileType::Markdown);
  EXPECT_NE(prints(Before)[0], prints(Changed)[0]);
}

TEST(BaselineTest, RepeatedSentencesCountOccurrences) {
  FileReport R = lintAs("p.txt",
                        "Stem cells cure arthritis.\n\nStem cells cure "
                        "arthritis.\n",
                        FileType::Text);
  std::vector<BaselineEntry> E;
  for (BaselineEntry &X : baselineEntries(R))
    if (X.Rule == "health/cure-claim")
      E.push_back(X);
  ASSERT_EQ(E.size(), 2u);
  EXPECT_EQ(E[0].Occurrence, 1u);
  EXPECT_EQ(E[1].Occurrence, 2u);
  EXPECT_NE(E[0].Fingerprint, E[1].Fingerprint);
}

TEST(BaselineTest, SerialiseLoadAcceptAndStale) {
  FileReport R =
      lintAs("p.txt", "Stem cells cure arthritis.\n", FileType::Text);
  std::vector<BaselineEntry> Entries = baselineEntries(R);
  ASSERT_FALSE(Entries.empty());
  BaselineEntry Gone = Entries[0];
  Gone.Path = "p.txt";
  Gone.Sentence = "an old sentence.";
  Gone.Fingerprint = baselineFingerprint("p.txt", Gone.Rule, Gone.Sentence, 1);
  BaselineEntry OtherShard = Gone;
  OtherShard.Path = "elsewhere.txt";
  OtherShard.Fingerprint =
      baselineFingerprint("elsewhere.txt", Gone.Rule, Gone.Sentence, 1);
  Entries.push_back(Gone);
  Entries.push_back(OtherShard);
  std::string Json = Baseline::serialise(Entries);
  EXPECT_NE(Json.find("\"sentence\": \"stem cells cure arthritis.\""),
            std::string::npos);

  llvm::SmallString<128> File;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("baseline", "json", File));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    OS << Json;
  }
  auto B = Baseline::load(File);
  ASSERT_TRUE(static_cast<bool>(B)) << llvm::toString(B.takeError());
  EXPECT_EQ(B->size(), Entries.size());
  for (size_t I = 0; I + 2 < Entries.size(); ++I)
    EXPECT_TRUE(B->accept(Entries[I].Fingerprint));
  EXPECT_FALSE(B->accept("0000"));
  // Only entries of audited paths can be stale.
  std::vector<BaselineEntry> Stale = B->stale({"p.txt"});
  ASSERT_EQ(Stale.size(), 1u);
  EXPECT_EQ(Stale[0].Sentence, "an old sentence.");
  llvm::sys::fs::remove(File);
}

TEST(BaselineTest, BadFilesAreErrors) {
  llvm::SmallString<128> File;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("baseline", "json", File));
  for (const char *Text : {"{", "[]", "{\"findings\": [{\"path\": \"x\"}]}"}) {
    {
      std::error_code EC;
      llvm::raw_fd_ostream OS(File, EC);
      OS << Text;
    }
    auto B = Baseline::load(File);
    EXPECT_FALSE(static_cast<bool>(B)) << Text;
    if (!B)
      llvm::consumeError(B.takeError());
  }
  llvm::sys::fs::remove(File);
  auto Missing = Baseline::load("/nonexistent/baseline.json");
  EXPECT_FALSE(static_cast<bool>(Missing));
  llvm::consumeError(Missing.takeError());
}

} // namespace
