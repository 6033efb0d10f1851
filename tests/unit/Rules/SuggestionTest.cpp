//===- unit/Rules/SuggestionTest.cpp - Slots in suggested rewrites --------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/RuleLoader.h"
#include "Support/Error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;
using ::testing::HasSubstr;

namespace {

const char *Pack = R"({"vocabulary": {
  "COND": ["arthritis", "back pain"],
  "BODY": ["hip~", "knee~"]}})";

/// Loads a rule whose suggestions are \p Suggestions (a JSON list).
llvm::Expected<Rule> load(const std::string &Suggestions) {
  std::string Text =
      "{\"id\": \"p/a\", \"severity\": \"error\", \"summary\": \"s\", "
      "\"message\": \"m\", \"rationale\": \"r\", \"references\": [], "
      "\"examples\": {}, \"phrases\": [\"cure~ [{BODY}] {COND}\"],\n"
      "\"suggestions\": " +
      Suggestions + "}";
  RuleLoader L;
  L.addPack({"p", SourceText{"p/pack.json", Pack}, {{"p/a.json", Text}}});
  auto R = L.load();
  if (!R)
    return R.takeError();
  return std::move(R->Rules.at(0));
}

std::string fill(const Rule &R, size_t I, llvm::StringRef Match) {
  llvm::Optional<std::string> S = R.Suggestions.at(I).fill(Match);
  return S ? *S : "<none>";
}

TEST(Suggestion, PlainTextIsOfferedAsWritten) {
  auto R = load(R"(["may ease symptoms"])");
  ASSERT_TRUE(static_cast<bool>(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(fill(*R, 0, "cures arthritis"), "may ease symptoms");
}

TEST(Suggestion, SlotKeepsTheTermOfTheMatch) {
  auto R = load(R"(["may ease {COND}", {"text": "helps with {COND}"}])");
  ASSERT_TRUE(static_cast<bool>(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(fill(*R, 0, "cures Arthritis"), "may ease Arthritis");
  EXPECT_EQ(fill(*R, 1, "cure back\n  pain"), "helps with back pain");
}

TEST(Suggestion, SeveralListsKeepTheStretchFromFirstToLastTerm) {
  auto R = load(R"(["may ease {BODY|COND} for some"])");
  ASSERT_TRUE(static_cast<bool>(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(fill(*R, 0, "cures *hip* arthritis"),
            "may ease hip arthritis for some");
  EXPECT_EQ(fill(*R, 0, "cures knees"), "may ease knees for some");
}

TEST(Suggestion, WholeWordsOnly) {
  auto R = load(R"(["may ease {COND}"])");
  ASSERT_TRUE(static_cast<bool>(R)) << llvm::toString(R.takeError());
  // "osteoarthritis" is not the term "arthritis".
  EXPECT_EQ(fill(*R, 0, "cures osteoarthritis"), "<none>");
}

TEST(Suggestion, UnfilledSlotWithholdsTheSuggestion) {
  auto R = load(R"(["may ease {COND}"])");
  ASSERT_TRUE(static_cast<bool>(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(fill(*R, 0, "a cure-all"), "<none>");
}

TEST(Suggestion, MatchSlotAndOtherBraces) {
  auto R = load(R"(["{match}, in some people {not a slot}"])");
  ASSERT_TRUE(static_cast<bool>(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(fill(*R, 0, "cures knees"),
            "cures knees, in some people {not a slot}");
}

TEST(Suggestion, UnknownListIsALocatedError) {
  auto R = load(R"([{"text": "may ease {COND|AILMENT}"}])");
  ASSERT_FALSE(static_cast<bool>(R));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printErrors(R.takeError(), OS, false);
  EXPECT_THAT(OS.str(), HasSubstr("p/a.json:2:36: error: unknown vocabulary "
                                  "term list '{AILMENT}' in a suggestion"));
}

} // namespace
