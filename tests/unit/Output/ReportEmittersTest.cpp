//===- unit/Output/ReportEmittersTest.cpp - The other CI formats ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The XML formats are also parsed by real XML parsers in tests/ci.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Fingerprint.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "OutputTestUtil.h"

using namespace claimlint;
using nlohmann::json;
using test::diagAt;
using test::report;

namespace {

unsigned count(const std::string &S, const std::string &Needle) {
  unsigned N = 0;
  for (size_t P = S.find(Needle); P != std::string::npos;
       P = S.find(Needle, P + 1))
    ++N;
  return N;
}

// --- GitLab Code Quality ---------------------------------------------------

TEST(GitLab, CleanIsAnEmptyArrayWithoutBom) {
  std::string Out = test::emit(OutputFormat::GitLab, {report("a.md", "ok")});
  EXPECT_EQ(Out, "[]\n");
  EXPECT_EQ(json::parse(Out), json::array());
}

TEST(GitLab, IssuesHaveWhatTheWidgetReads) {
  std::string T = "Intro.\nIt cures arthritis, cures arthritis!\n";
  std::vector<Diagnostic> Ds = {
      diagAt("docs/a.md", T, "cures arthritis", "t/cure", Severity::Error),
      diagAt("docs/a.md", T, "cures arthritis", "t/cure", Severity::Error, 2),
      diagAt("docs/a.md", T, "Intro", "t/intro", Severity::Info)};
  Ds[2].Note = "a note";
  std::string Out =
      test::emit(OutputFormat::GitLab, {report("./docs/a.md", T, Ds)});
  ASSERT_NE(Out.substr(0, 3), "\xEF\xBB\xBF");
  json J = json::parse(Out);
  ASSERT_EQ(J.size(), 3u);
  std::set<std::string> Fps;
  for (const json &I : J) {
    EXPECT_EQ(I["location"]["path"], "docs/a.md");
    EXPECT_FALSE(I["description"].get<std::string>().empty());
    Fps.insert(I["fingerprint"].get<std::string>());
  }
  EXPECT_EQ(Fps.size(), 3u); // repeats of one claim stay apart
  EXPECT_EQ(J[0]["check_name"], "t/cure");
  EXPECT_EQ(J[0]["severity"], "critical");
  EXPECT_EQ(J[0]["location"]["lines"]["begin"], 2);
  EXPECT_EQ(J[0]["fingerprint"],
            stableFingerprint("t/cure", "cures arthritis", "docs/a.md", 1));
  EXPECT_EQ(J[2]["severity"], "info");
  EXPECT_EQ(J[2]["content"]["body"], "a note");
}

TEST(GitLab, FingerprintsSurviveUnrelatedMoves) {
  std::string T1 = "It cures arthritis.\n";
  std::string T2 = "New line.\n\nIt cures arthritis.\n";
  auto Fp = [](const std::string &T) {
    json J = json::parse(test::emit(
        OutputFormat::GitLab,
        {report("a.md", T, {diagAt("a.md", T, "cures arthritis", "t/c")})}));
    return J[0]["fingerprint"].get<std::string>();
  };
  EXPECT_EQ(Fp(T1), Fp(T2));
}

// --- Checkstyle --------------------------------------------------------------

TEST(Checkstyle, OneFileElementPerFileWithFindings) {
  std::string T = "a\xF0\x90\x90\x80"
                  "b\n";
  std::string Out = test::emit(
      OutputFormat::Checkstyle,
      {report("clean.md", "ok\n"),
       report("./x.md", T, {diagAt("x.md", T, "b", "t/b", Severity::Error)})});
  EXPECT_EQ(Out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  EXPECT_EQ(count(Out, "<file "), 1u);
  EXPECT_NE(Out.find("<file name=\"x.md\">"), std::string::npos);
  EXPECT_NE(Out.find("<error line=\"1\" column=\"4\" severity=\"error\" "
                     "message=\"&apos;b&apos; is a claim\" source=\"t/b\"/>"),
            std::string::npos);
  EXPECT_EQ(Out.substr(Out.size() - 14), "</checkstyle>\n");
}

TEST(Checkstyle, HostileMessagesAreEscaped) {
  std::string T = "x\n";
  Diagnostic D = diagAt("a&b.md", T, "x", "t/x");
  D.Message = "&<>\"'\x01\nnext";
  std::string Out =
      test::emit(OutputFormat::Checkstyle, {report("a&b.md", T, {D})});
  EXPECT_NE(Out.find("name=\"a&amp;b.md\""), std::string::npos);
  EXPECT_NE(Out.find("message=\"&amp;&lt;&gt;&quot;&apos;&#10;next\""),
            std::string::npos);
  EXPECT_EQ(Out.find('\x01'), std::string::npos);
}

// --- JUnit -------------------------------------------------------------------

TEST(Junit, CountsFailuresAndListsCleanFiles) {
  std::string T = "a b c\n";
  std::string Out =
      test::emit(OutputFormat::Junit,
                 {report("a.md", T,
                         {diagAt("a.md", T, "a", "t/a", Severity::Error),
                          diagAt("a.md", T, "b", "t/b", Severity::Warning),
                          diagAt("a.md", T, "c", "t/c", Severity::Info)}),
                  report("ok.md", "fine\n")});
  EXPECT_NE(Out.find("<testsuites name=\"claimlint\" tests=\"4\" "
                     "failures=\"2\" errors=\"0\">"),
            std::string::npos);
  EXPECT_EQ(count(Out, "<testcase "), 4u);
  EXPECT_EQ(count(Out, "<failure "), 2u);
  EXPECT_EQ(count(Out, "<system-out>"), 1u); // info passes, with its text
  EXPECT_NE(Out.find("<testcase classname=\"ok.md\" name=\"ok.md: no "
                     "findings\" file=\"ok.md\" time=\"0\"/>"),
            std::string::npos);
  EXPECT_NE(Out.find("name=\"a.md:1:1 t/a\""), std::string::npos);
  EXPECT_NE(Out.find(">a.md:1:1: error: &apos;a&apos; is a claim "
                     "[t/a]</failure>"),
            std::string::npos);
}

TEST(Junit, TestNamesAreUnique) {
  std::string T = "cures\n";
  std::vector<Diagnostic> Ds(3, diagAt("a.md", T, "cures", "t/c"));
  std::string Out = test::emit(OutputFormat::Junit, {report("a.md", T, Ds)});
  std::set<std::string> Names;
  for (size_t P = Out.find(" name=\""); P != std::string::npos;
       P = Out.find(" name=\"", P + 1)) {
    size_t B = P + 7, E = Out.find('"', B);
    Names.insert(Out.substr(B, E - B));
  }
  // The suite names plus three distinct test cases.
  EXPECT_TRUE(Names.count("a.md:1:1 t/c"));
  EXPECT_TRUE(Names.count("a.md:1:1 t/c #2"));
  EXPECT_TRUE(Names.count("a.md:1:1 t/c #3"));
}

// --- rdjson ------------------------------------------------------------------

TEST(Rdjson, ByteColumnsExclusiveEndAndSuggestions) {
  std::string T = "x\na\xF0\x90\x90\x80"
                  "b cures\n";
  Diagnostic B = diagAt("a.md", T, "b", "t/b", Severity::Info);
  Diagnostic C = diagAt("a.md", T, "cures", "t/c", Severity::Error);
  C.Suggestions = {"may ease"};
  json J = json::parse(
      test::emit(OutputFormat::Rdjson, {report("./a.md", T, {B, C})}));
  EXPECT_EQ(J["source"]["name"], "claimlint");
  const json &D = J["diagnostics"];
  ASSERT_EQ(D.size(), 2u);
  EXPECT_EQ(D[0]["location"]["path"], "a.md");
  EXPECT_EQ(D[0]["location"]["range"]["start"],
            json({{"line", 2}, {"column", 6}}));
  EXPECT_EQ(D[0]["location"]["range"]["end"],
            json({{"line", 2}, {"column", 7}}));
  EXPECT_EQ(D[0]["severity"], "INFO");
  EXPECT_EQ(D[0]["code"]["value"], "t/b");
  EXPECT_EQ(D[1]["severity"], "ERROR");
  EXPECT_EQ(D[1]["suggestions"][0]["text"], "may ease");
  EXPECT_EQ(D[1]["suggestions"][0]["range"], D[1]["location"]["range"]);
}

TEST(Rdjson, CleanHasNoDiagnostics) {
  json J =
      json::parse(test::emit(OutputFormat::Rdjson, {report("a.md", "ok")}));
  EXPECT_TRUE(J["diagnostics"].is_array());
  EXPECT_TRUE(J["diagnostics"].empty());
}

} // namespace
