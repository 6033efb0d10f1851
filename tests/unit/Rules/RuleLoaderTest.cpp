//===- unit/Rules/RuleLoaderTest.cpp
//---------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/RuleLoader.h"

#include "Rules/JsonLocation.h"
#include "Rules/RuleSet.h"
#include "Support/Error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;
using ::testing::HasSubstr;

namespace {

std::string rule(const std::string &Id, const std::string &Extra) {
  return "{\n  \"id\": \"" + Id +
         "\",\n  \"severity\": \"warning\",\n  \"summary\": \"s\",\n"
         "  \"message\": \"'{match}' is a claim\",\n  \"rationale\": \"r\",\n"
         "  \"references\": [{\"title\": \"t\", \"url\": \"https://x\"}],\n"
         "  \"examples\": {\"flag\": [\"[[cures]]\"], \"pass\": [\"ok\"]},\n" +
         Extra + "\n}\n";
}

/// Loads one pack "p" with the given rule files; returns printed errors.
std::string loadErrors(std::vector<SourceText> Files,
                       llvm::Optional<SourceText> Pack = llvm::None) {
  RuleLoader L;
  L.addPack({"p", std::move(Pack), std::move(Files)});
  auto R = L.load();
  if (R) {
    auto S = RuleSet::build(std::move(R->Rules));
    if (S)
      return "";
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    printErrors(S.takeError(), OS, false);
    return OS.str();
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printErrors(R.takeError(), OS, false);
  return OS.str();
}

TEST(RuleLoader, ValidRuleLoads) {
  EXPECT_EQ(loadErrors({{"p/a.json", rule("p/a", "\"phrases\": [\"cure~\"]")}}),
            "");
}

TEST(RuleLoader, SyntaxErrorIsLocated) {
  std::string Out = loadErrors({{"p/a.json", "{\n  \"id\": \"p/a\",,\n}"}});
  EXPECT_THAT(Out, HasSubstr("p/a.json:2:15: error: invalid JSON"));
}

TEST(RuleLoader, IdMustMatchPath) {
  std::string Out =
      loadErrors({{"p/a.json", rule("p/b", "\"phrases\": [\"x\"]")}});
  EXPECT_THAT(Out, HasSubstr("p/a.json:2:9: error: rule id 'p/b' must match "
                             "its path: 'p/a'"));
}

TEST(RuleLoader, InvalidRegexIsLocatedAtThePattern) {
  std::string Text = rule("p/a", "\"patterns\": [\"ok\", \"(unclosed\"]");
  std::string Out = loadErrors({{"p/a.json", Text}});
  size_t Line = 9; // the caret sits on the pattern's opening quote
  EXPECT_THAT(Out, HasSubstr("p/a.json:" + std::to_string(Line) +
                             ":20: "
                             "error: invalid pattern: missing )"));
  EXPECT_THAT(Out, HasSubstr("^"));
}

TEST(RuleLoader, EveryBrokenFileIsReported) {
  std::string Out = loadErrors(
      {{"p/a.json", rule("p/a", "\"severity2\": 1, \"phrases\": [\"x\"]")},
       {"p/b.json", "[]"},
       {"p/c.json", rule("p/c", "\"phrases\": [\"stop (pain\"]")}});
  EXPECT_THAT(Out, HasSubstr("p/a.json:9:14: error: unknown key 'severity2'"));
  EXPECT_THAT(Out, HasSubstr("p/b.json:1:1: error: a rule file must hold a "
                             "JSON object"));
  EXPECT_THAT(Out, HasSubstr("p/c.json:9:19: error: invalid phrase: "
                             "unbalanced '('"));
}

TEST(RuleLoader, UnknownVocabularyAndBadSeverity) {
  std::string Out = loadErrors(
      {{"p/a.json",
        "{\"id\": \"p/a\", \"severity\": \"fatal\", \"summary\": \"s\", "
        "\"message\": \"m\", \"rationale\": \"r\", \"references\": [], "
        "\"examples\": {}, \"phrases\": [\"cure {X}\"]}"}},
      SourceText{"p/pack.json", "{\"vocabulary\": {\"COND\": [\"a\"]}}"});
  EXPECT_THAT(Out, HasSubstr("severity must be 'error', 'warning' or 'info', "
                             "not 'fatal'"));
  EXPECT_THAT(Out, HasSubstr("unknown vocabulary term list '{X}'"));
}

TEST(RuleLoader, DuplicateIdsAcrossPacksOfTheSameName) {
  RuleLoader L;
  L.addPack({"p",
             llvm::None,
             {{"one/p/a.json", rule("p/a", "\"phrases\": [\"x\"]")}}});
  L.addPack({"p",
             llvm::None,
             {{"two/p/a.json", rule("p/a", "\"phrases\": [\"x\"]")}}});
  auto R = L.load();
  ASSERT_FALSE(static_cast<bool>(R));
  EXPECT_THAT(llvm::toString(R.takeError()),
              HasSubstr("already defined in one/p/a.json"));
}

TEST(JsonLocation, PointsAtNestedValues) {
  std::string T = "{\"a\": [1, {\"b\": \"x\"}], \"c\": 2}";
  EXPECT_EQ(locateJsonPointer(T, "/a/1/b"), T.find("\"x\""));
  EXPECT_EQ(locateJsonPointer(T, "/c"), T.find('2'));
  EXPECT_EQ(locateJsonPointer(T, ""), 0u);
}

} // namespace
