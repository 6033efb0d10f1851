//===- unit/Output/SarifEmitterTest.cpp - SARIF 2.1.0 ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// What GitHub code scanning needs of a SARIF log, checked on the parsed
// output. tests/ci validates the same output against the 2.1.0 schema and
// the SARIF multitool's GitHub rules.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Fingerprint.h"
#include "Rules/RuleLoader.h"
#include "Rules/RuleSet.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "OutputTestUtil.h"

using namespace claimlint;
using nlohmann::json;
using test::diagAt;
using test::report;

namespace {

json sarif(const std::vector<FileReport> &Reports, EmitterOptions O = {}) {
  std::string Out = test::emit(OutputFormat::Sarif, Reports, O);
  json J = json::parse(Out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(J.is_discarded()) << Out;
  return J;
}

const json &run(const json &J) { return J["runs"][0]; }

TEST(Sarif, CleanRunHasEmptyResultsAndTheTool) {
  EmitterOptions O;
  O.ToolVersion = "1.2.3";
  json J = sarif({report("a.md", "Nothing here.\n")}, O);
  EXPECT_EQ(J["version"], "2.1.0");
  EXPECT_EQ(J["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(J["runs"].size(), 1u);
  EXPECT_TRUE(run(J)["results"].is_array());
  EXPECT_TRUE(run(J)["results"].empty());
  EXPECT_EQ(run(J)["columnKind"], "utf16CodeUnits");
  const json &Driver = run(J)["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "claimlint");
  EXPECT_EQ(Driver["semanticVersion"], "1.2.3");
  EXPECT_EQ(Driver["informationUri"], "https://claimlint.invalid/");
  EXPECT_TRUE(Driver["rules"].is_array());
  EXPECT_EQ(run(J)["invocations"][0]["executionSuccessful"], true);
}

TEST(Sarif, ColumnsAreOneBasedUtf16WithExclusiveEnd) {
  // U+10400 is four UTF-8 bytes and two UTF-16 code units.
  std::string T = "x\r\na\xF0\x90\x90\x80"
                  "b cures\n";
  json J = sarif({report("a.md", T,
                         {diagAt("a.md", T, "b", "t/b"),
                          diagAt("a.md", T, "cures", "t/cure"),
                          diagAt("a.md", T, "x", "t/x")})});
  const json &Res = run(J)["results"];
  ASSERT_EQ(Res.size(), 3u);
  const json &B = Res[0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(B["startLine"], 2);
  EXPECT_EQ(B["startColumn"], 4);
  EXPECT_EQ(B["endLine"], 2);
  EXPECT_EQ(B["endColumn"], 5);
  const json &C = Res[1]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(C["startColumn"], 6);
  EXPECT_EQ(C["endColumn"], 11);
  EXPECT_EQ(C["snippet"]["text"], "cures");
  // A finding at the very start of a file is column 1, never 0.
  const json &X = Res[2]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(X["startLine"], 1);
  EXPECT_EQ(X["startColumn"], 1);
}

TEST(Sarif, EveryResultHasWhatGitHubRequires) {
  std::string T = "It cures arthritis.\nNo pain.\n";
  Diagnostic Info =
      diagAt("docs/a b.md", T, "No pain", "t/pain", Severity::Info);
  json J = sarif({report(
      "./docs/a b.md", T,
      {diagAt("docs/a b.md", T, "cures arthritis", "t/cure", Severity::Error),
       Info})});
  for (const json &R : run(J)["results"]) {
    EXPECT_FALSE(R["message"]["text"].get<std::string>().empty());
    EXPECT_EQ(R["locations"].size(), 1u);
    const json &PL = R["locations"][0]["physicalLocation"];
    EXPECT_EQ(PL["artifactLocation"]["uri"], "docs/a%20b.md");
    for (const char *K : {"startLine", "startColumn", "endLine", "endColumn"})
      EXPECT_GE(PL["region"][K].get<int>(), 1) << K;
    EXPECT_TRUE(R["partialFingerprints"].contains("primaryLocationLineHash"));
  }
  EXPECT_EQ(run(J)["results"][0]["level"], "error");
  EXPECT_EQ(run(J)["results"][1]["level"], "note");
}

TEST(Sarif, FingerprintsAreTheLineHashAndTheStableOne) {
  std::string T = "Intro.\n\nOur tea cures arthritis.\n";
  FileReport R =
      report("a.md", T, {diagAt("a.md", T, "cures arthritis", "t/cure")});
  json J = sarif({R});
  const json &Fp = run(J)["results"][0]["partialFingerprints"];
  EXPECT_EQ(Fp["primaryLocationLineHash"], lineHashes(T)[2]);
  EXPECT_EQ(Fp["claimlint/v1"],
            stableFingerprint("t/cure", "cures arthritis", "a.md", 1));
}

TEST(Sarif, RulesAreListedOnceAndIndexedByResults) {
  std::string T = "cures. heals. cures.\n";
  json J = sarif(
      {report("a.md", T,
              {diagAt("a.md", T, "cures", "t/cure"),
               diagAt("a.md", T, "heals", "t/heal"),
               diagAt("a.md", T, "cures", "t/cure", Severity::Warning, 2)}),
       report("b.md", T, {diagAt("b.md", T, "heals", "t/heal")})});
  const json &Rules = run(J)["tool"]["driver"]["rules"];
  ASSERT_EQ(Rules.size(), 2u);
  for (const json &R : run(J)["results"]) {
    unsigned I = R["ruleIndex"].get<unsigned>();
    ASSERT_LT(I, Rules.size());
    EXPECT_EQ(Rules[I]["id"], R["ruleId"]);
  }
  for (const json &Rule : Rules) {
    EXPECT_FALSE(Rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(Rule["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(Rule["help"]["text"].get<std::string>().empty());
  }
}

TEST(Sarif, SuggestionsBecomeFixesOfTheSameRegion) {
  std::string T = "It cures arthritis.\n";
  Diagnostic D = diagAt("a.md", T, "cures arthritis", "t/cure");
  D.Suggestions = {"may ease", "may help with"};
  json J = sarif({report("a.md", T, {D})});
  const json &R = run(J)["results"][0];
  ASSERT_EQ(R["fixes"].size(), 2u);
  const json &Change = R["fixes"][1]["artifactChanges"][0];
  EXPECT_EQ(Change["artifactLocation"]["uri"], "a.md");
  const json &Rep = Change["replacements"][0];
  EXPECT_EQ(Rep["insertedContent"]["text"], "may help with");
  json Region = R["locations"][0]["physicalLocation"]["region"];
  Region.erase("snippet");
  EXPECT_EQ(Rep["deletedRegion"], Region);
  EXPECT_FALSE(R["fixes"][0]["description"]["text"].get<std::string>().empty());
}

TEST(Sarif, ClaimStatusAndEvidenceAreProperties) {
  std::string T = "It may cure arthritis.\n";
  Diagnostic D = diagAt("a.md", T, "cure arthritis", "t/cure", Severity::Info);
  D.Status = ClaimStatus::Reviewed;
  D.Explanation = "reviewed";
  D.Evidence = "PMID 1";
  D.Reviewer = "J. Doe";
  json J = sarif({report("a.md", T, {D})});
  const json &P = run(J)["results"][0]["properties"];
  EXPECT_EQ(P["claimStatus"], "reviewed");
  EXPECT_EQ(P["explanation"], "reviewed");
  EXPECT_EQ(P["evidence"]["evidence"], "PMID 1");
  EXPECT_EQ(P["evidence"]["reviewer"], "J. Doe");
}

std::unique_ptr<RuleSet> twoRules() {
  auto Rule = [](const std::string &Id) {
    return "{\"id\": \"t/" + Id +
           "\", \"severity\": \"error\", \"summary\": \"Says it cures.\", "
           "\"message\": \"'{match}' claims a cure\", \"note\": \"say what "
           "the evidence shows\", \"rationale\": \"Cures need proof.\", "
           "\"references\": [{\"title\": \"FDA\", \"url\": "
           "\"https://fda.example/x\"}], \"phrases\": [\"cures\"], "
           "\"suggestions\": [\"may ease\"], \"examples\": {\"flag\": [], "
           "\"pass\": []}}";
  };
  RuleLoader L;
  L.addPack({"t",
             SourceText{"<builtin>/rules/t/pack.json", "{}"},
             {{"<builtin>/rules/t/cure.json", Rule("cure")}}});
  L.addPack({"u",
             llvm::None,
             {{"/home/me/u/cure.json",
               "{\"id\": \"u/cure\", \"severity\": \"warning\", "
               "\"summary\": \"S\", "
               "\"message\": \"m\", \"rationale\": \"r\", "
               "\"references\": [{\"title\": \"t\", "
               "\"url\": \"https://x.example\"}], "
               "\"phrases\": [\"heals\"], \"examples\": "
               "{\"flag\": [], \"pass\": []}}"}}});
  auto Loaded = L.load();
  if (!Loaded) {
    ADD_FAILURE() << llvm::toString(Loaded.takeError());
    return nullptr;
  }
  return llvm::cantFail(RuleSet::build(std::move(Loaded->Rules)));
}

TEST(Sarif, RuleDescriptorsComeFromTheRuleFiles) {
  auto Rules = twoRules();
  ASSERT_TRUE(Rules);
  EmitterOptions O;
  O.Rules = Rules.get();
  std::string T = "cures heals x\n";
  json J = sarif({report("a.md", T,
                         {diagAt("a.md", T, "cures", "t/cure"),
                          diagAt("a.md", T, "heals", "u/cure"),
                          diagAt("a.md", T, "x", "claimlint/unused-suppression",
                                 Severity::Info)})},
                 O);
  const json &R = run(J)["tool"]["driver"]["rules"];
  ASSERT_EQ(R.size(), 3u);
  EXPECT_EQ(R[0]["id"], "t/cure");
  EXPECT_EQ(R[0]["shortDescription"]["text"], "Says it cures.");
  EXPECT_EQ(R[0]["fullDescription"]["text"],
            "Says it cures. Cures need proof.");
  std::string Help = R[0]["help"]["text"];
  EXPECT_NE(Help.find("say what the evidence shows"), std::string::npos);
  EXPECT_NE(Help.find("may ease"), std::string::npos);
  EXPECT_NE(Help.find("https://fda.example/x"), std::string::npos);
  EXPECT_NE(R[0]["help"]["markdown"].get<std::string>().find(
                "[FDA](https://fda.example/x)"),
            std::string::npos);
  EXPECT_EQ(R[0]["helpUri"], "https://claimlint.invalid/docs/rules/t/cure.md");
  EXPECT_EQ(R[0]["defaultConfiguration"]["level"], "error");
  // A rule from a folder of the user's has no published page.
  EXPECT_EQ(R[1]["id"], "u/cure");
  EXPECT_FALSE(R[1].contains("helpUri"));
  // The engine's own checks are described too.
  EXPECT_EQ(R[2]["id"], "claimlint/unused-suppression");
  EXPECT_EQ(R[2]["defaultConfiguration"]["level"], "note");
  EXPECT_FALSE(R[2]["help"]["text"].get<std::string>().empty());
}

TEST(Sarif, InvalidUtf8DoesNotBreakTheLog) {
  std::string T = "It cures \xFF arthritis.\n";
  json J = sarif(
      {report("a.md", T, {diagAt("a.md", T, "cures \xFF arthritis", "t/c")})});
  EXPECT_EQ(run(J)["results"].size(), 1u);
}

} // namespace
