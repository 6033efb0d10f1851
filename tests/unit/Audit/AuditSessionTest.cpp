//===- unit/Audit/AuditSessionTest.cpp - Shards, boilerplate, summary -----===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "Audit/Audit.h"
#include "TestLint.h"

using namespace claimlint;

namespace {

TEST(ShardTest, ParseAndPartition) {
  auto S = parseShard("2/3");
  ASSERT_TRUE(static_cast<bool>(S));
  EXPECT_EQ(S->Index, 2u);
  EXPECT_EQ(S->Count, 3u);
  for (const char *Bad : {"0/3", "4/3", "1/0", "x/2", "2", ""}) {
    auto B = parseShard(Bad);
    EXPECT_FALSE(static_cast<bool>(B)) << Bad;
    if (!B)
      llvm::consumeError(B.takeError());
  }
  // Every input falls in exactly one of N shards, and they share the load.
  const unsigned N = 4;
  std::vector<unsigned> Sizes(N);
  for (int I = 0; I < 2000; ++I) {
    std::string Name = "site/page-" + std::to_string(I) + ".html";
    unsigned In = 0;
    for (unsigned K = 1; K <= N; ++K)
      if (inShard(Name, ShardSpec{K, N})) {
        ++In;
        ++Sizes[K - 1];
      }
    EXPECT_EQ(In, 1u) << Name;
  }
  for (unsigned Sz : Sizes)
    EXPECT_GT(Sz, 350u);
  EXPECT_TRUE(inShard("anything", ShardSpec{}));
}

FileReport page(const std::string &Url, const std::string &Html) {
  const TestRules &T = TestRules::get();
  EXPECT_EQ(T.Error, "");
  FileReport R = T.lint(Html, defaultSettings(*T.Rules, FileType::Html));
  R.Path = Url;
  return R;
}

/// The matched texts of the cure-claim findings.
std::multiset<std::string> matches(const FileReport &R) {
  std::multiset<std::string> Out;
  for (const Diagnostic &D : R.Diags)
    if (D.RuleId == "health/cure-claim")
      Out.insert(D.Match);
  return Out;
}

const char *Nav = "<nav>Our therapy cures arthritis</nav>";

TEST(AuditSessionTest, BoilerplateOncePerSite) {
  auto S = AuditSession::create(AuditOptions{});
  ASSERT_TRUE(static_cast<bool>(S));
  (*S)->addPageLevelRule("health/missing-risk-info");
  std::vector<FileReport> Pages = {
      page("https://a.test/1",
           std::string(Nav) + "<p>Pills cure diabetes.</p>"),
      page("https://a.test/2", std::string(Nav) + "<p>Pills cure cancer.</p>"),
      page("https://b.test/1", std::string(Nav) + "<p>Nothing.</p>")};
  for (FileReport &R : Pages) {
    (*S)->prepare(R);
    (*S)->filter(R);
  }
  EXPECT_EQ(matches(Pages[0]).count("cures arthritis"), 1u);
  EXPECT_EQ(matches(Pages[1]).count("cures arthritis"), 0u);
  EXPECT_EQ(matches(Pages[1]).count("cure cancer"), 1u);
  EXPECT_EQ(matches(Pages[2]).count("cures arthritis"), 1u); // another site
  EXPECT_EQ((*S)->boilerplateDropped(), 1u);
  unsigned PageLevel = 0;
  for (const Diagnostic &D : Pages[1].Diags)
    PageLevel += D.RuleId == "health/missing-risk-info";
  EXPECT_EQ(PageLevel, 1u); // kept, though anchored in the navigation
}

TEST(AuditSessionTest, BoilerplateEveryAndSkip) {
  for (BoilerplateMode M : {BoilerplateMode::Every, BoilerplateMode::Skip}) {
    AuditOptions O;
    O.Boilerplate = M;
    auto S = AuditSession::create(O);
    ASSERT_TRUE(static_cast<bool>(S));
    FileReport A = page("https://a.test/1", Nav);
    FileReport B = page("https://a.test/2", Nav);
    for (FileReport *R : {&A, &B}) {
      (*S)->prepare(*R);
      (*S)->filter(*R);
    }
    unsigned Want = M == BoilerplateMode::Every ? 1 : 0;
    EXPECT_EQ(matches(A).count("cures arthritis"), Want);
    EXPECT_EQ(matches(B).count("cures arthritis"), Want);
  }
}

TEST(AuditSessionTest, SummaryListsWorstPagesFirst) {
  AuditOptions O;
  O.Summary = true;
  auto S = AuditSession::create(O);
  ASSERT_TRUE(static_cast<bool>(S));
  FileReport Mild = page("https://a.test/mild", "<p>Nothing to see.</p>");
  FileReport Bad =
      page("https://a.test/bad",
           "<p>Pills cure diabetes. Guaranteed results. 100% safe.</p>");
  for (FileReport *R : {&Mild, &Bad}) {
    (*S)->prepare(*R);
    (*S)->filter(*R);
  }
  std::string Out, Err;
  llvm::raw_string_ostream OS(Out), ES(Err);
  ASSERT_FALSE(static_cast<bool>((*S)->finish(OS, ES)));
  OS.flush();
  EXPECT_NE(Out.find("https://a.test/bad"), std::string::npos) << Out;
  EXPECT_EQ(Out.find("https://a.test/mild"), std::string::npos) << Out;
  EXPECT_NE(Out.find("health/cure-claim"), std::string::npos) << Out;
  EXPECT_NE(Out.find("2 pages audited, 1 with findings"), std::string::npos)
      << Out;
}

TEST(AuditSessionTest, SummaryKeepsOnlyTheWorstPages) {
  AuditOptions O;
  O.Summary = true;
  O.SummaryPages = 3;
  auto S = AuditSession::create(O);
  ASSERT_TRUE(static_cast<bool>(S));
  // Pages with one, two, three, one, three and no claims, in this order.
  std::vector<std::pair<std::string, std::string>> Pages = {
      {"p1", "<p>Pills cure diabetes.</p>"},
      {"p2", "<p>Pills cure diabetes.</p><p>Stem cells cure arthritis.</p>"},
      {"p3a", "<p>Pills cure diabetes.</p><p>Stem cells cure arthritis.</p>"
              "<p>Oil cures asthma.</p>"},
      {"p1b", "<p>Pills cure diabetes.</p>"},
      {"p3b", "<p>Pills cure diabetes.</p><p>Stem cells cure arthritis.</p>"
              "<p>Oil cures asthma.</p>"},
      {"p0", "<p>Nothing to see.</p>"}};
  std::vector<size_t> Counts;
  for (auto &[Name, Html] : Pages) {
    FileReport R = page("https://a.test/" + Name, Html);
    Counts.push_back(R.Diags.size());
    (*S)->prepare(R);
    (*S)->filter(R);
  }
  // (Each page with claims also gets the page-level missing-risk-info.)
  ASSERT_TRUE(Counts[0] < Counts[1] && Counts[1] < Counts[2] &&
              Counts[3] == Counts[0] && Counts[4] == Counts[2] &&
              Counts[5] == 0)
      << "the test pages no longer rank as intended";
  std::string Out, Err;
  llvm::raw_string_ostream OS(Out), ES(Err);
  ASSERT_FALSE(static_cast<bool>((*S)->finish(OS, ES)));
  OS.flush();
  // The three worst, ties in audit order; then what was left out.
  size_t A = Out.find("a.test/p3a"), B = Out.find("a.test/p3b"),
         C = Out.find("a.test/p2");
  ASSERT_NE(A, std::string::npos) << Out;
  ASSERT_NE(B, std::string::npos) << Out;
  ASSERT_NE(C, std::string::npos) << Out;
  EXPECT_LT(A, B);
  EXPECT_LT(B, C);
  EXPECT_EQ(Out.find("a.test/p1"), std::string::npos) << Out;
  EXPECT_NE(Out.find("... and 2 more pages with findings"), std::string::npos)
      << Out;
  EXPECT_NE(Out.find("6 pages audited, 5 with findings"), std::string::npos)
      << Out;
}

} // namespace
