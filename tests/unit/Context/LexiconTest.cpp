//===- unit/Context/LexiconTest.cpp - Lexicon loading and errors ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Context/Lexicon.h"

#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "gtest/gtest.h"

#include "ContextTestUtil.h"

using namespace claimlint;
using claimlint::test::analyzeMarked;
using claimlint::test::realLexicon;

namespace {

struct Located {
  bool IsLocated = false;
  size_t Offset = 0;
  std::string Message;
};

Located located(llvm::Error E) {
  Located L;
  llvm::handleAllErrors(
      std::move(E),
      [&](const LocatedError &LE) {
        L.IsLocated = true;
        L.Offset = LE.offset();
        L.Message = LE.message();
      },
      [&](const llvm::ErrorInfoBase &B) { L.Message = B.message(); });
  return L;
}

Located parseError(llvm::StringRef Text) {
  auto L = Lexicon::parse("lex.json", Text);
  if (L) {
    ADD_FAILURE() << "parsed without error: " << Text.str();
    return {};
  }
  return located(L.takeError());
}

TEST(LexiconTest, RealLexiconHasEveryClass) {
  const Lexicon &L = realLexicon();
  for (CueKind K :
       {CueKind::Hedge, CueKind::QuantifierHedge, CueKind::EvidenceLimit,
        CueKind::InadequateQualifier, CueKind::Booster, CueKind::PreNegation,
        CueKind::PostNegation, CueKind::PseudoNegation, CueKind::ClaimNegation,
        CueKind::Termination, CueKind::Reporting, CueKind::Evidence,
        CueKind::ClauseOpener})
    EXPECT_GT(L.count(K), 3u) << cueKindName(K).str();
  EXPECT_EQ(L.count(CueKind::Annotation), 0u);
  EXPECT_EQ(L.ScopeWords, 8u);
}

// claimlint parses the built-in lexicon without its checks (start-up); this
// is the test that it would pass them, and that nothing else differs.
TEST(LexiconTest, BuiltinLexiconPassesEveryCheck) {
  auto Text = readFile(CLAIMLINT_SOURCE_DIR "/rules/lexicon.json");
  ASSERT_TRUE(static_cast<bool>(Text)) << llvm::toString(Text.takeError());
  auto Checked = Lexicon::parse("rules/lexicon.json", *Text, true);
  ASSERT_TRUE(static_cast<bool>(Checked))
      << llvm::toString(Checked.takeError());
  auto Trusted = Lexicon::parse("rules/lexicon.json", *Text, false);
  ASSERT_TRUE(static_cast<bool>(Trusted))
      << llvm::toString(Trusted.takeError());
  ASSERT_EQ(Checked->Classes.size(), Trusted->Classes.size());
  for (size_t I = 0; I < Checked->Classes.size(); ++I) {
    EXPECT_EQ(Checked->Classes[I].Phrases, Trusted->Classes[I].Phrases);
    EXPECT_EQ(Checked->Classes[I].Patterns, Trusted->Classes[I].Patterns);
  }
  // Unchecked means unchecked: a bad pattern gets through (and fails later,
  // when the analyzer compiles it).
  EXPECT_TRUE(static_cast<bool>(Lexicon::parse(
      "lex.json", R"({"evidence": {"patterns": ["(unclosed"]}})", false)));
  EXPECT_FALSE(static_cast<bool>(Lexicon::parse(
      "lex.json", R"({"evidence": {"patterns": ["(unclosed"]}})", true)));
}

TEST(LexiconTest, KindNamesRoundTrip) {
  for (CueKind K :
       {CueKind::Hedge, CueKind::QuantifierHedge, CueKind::EvidenceLimit,
        CueKind::InadequateQualifier, CueKind::Booster, CueKind::PreNegation,
        CueKind::PostNegation, CueKind::PseudoNegation, CueKind::ClaimNegation,
        CueKind::Termination, CueKind::Reporting, CueKind::Evidence,
        CueKind::Annotation, CueKind::ClauseOpener}) {
    auto Back = parseCueKind(cueKindName(K));
    ASSERT_TRUE(Back.hasValue()) << cueKindName(K).str();
    EXPECT_EQ(*Back, K);
  }
  EXPECT_FALSE(parseCueKind("hedges").hasValue());
}

TEST(LexiconTest, ParsesGroupsScopesAndScopeWords) {
  auto L = Lexicon::parse("lex.json", R"({
    "scopeWords": 5,
    "hedge": [{"phrases": ["may"]}, {"scope": "clause", "phrases": ["whether"]}],
    "evidence": {"patterns": ["\\[\\d+\\]"]}
  })");
  ASSERT_TRUE(static_cast<bool>(L)) << llvm::toString(L.takeError());
  EXPECT_EQ(L->ScopeWords, 5u);
  ASSERT_EQ(L->Classes.size(), 3u);
  EXPECT_EQ(L->count(CueKind::Hedge), 2u);
  EXPECT_EQ(L->count(CueKind::Evidence), 1u);
  bool SawClause = false;
  for (const CueClass &C : L->Classes)
    if (C.Kind == CueKind::Hedge && C.Scope == CueScope::Clause) {
      SawClause = true;
      EXPECT_EQ(C.Phrases, std::vector<std::string>{"whether"});
    }
  EXPECT_TRUE(SawClause);
}

TEST(LexiconTest, MalformedJsonIsLocated) {
  std::string T = "{\"hedge\": {\"phrases\": [\"may\",]}}";
  Located E = parseError(T);
  EXPECT_TRUE(E.IsLocated);
  EXPECT_EQ(E.Offset, T.find(",]") + 1);
  EXPECT_NE(E.Message.find("malformed JSON"), std::string::npos) << E.Message;
}

TEST(LexiconTest, UnknownClassIsLocatedAtItsName) {
  std::string T = "{\n  \"hedge\": {\"phrases\": [\"may\"]},\n"
                  "  \"hedges\": {\"phrases\": [\"might\"]}\n}";
  Located E = parseError(T);
  EXPECT_TRUE(E.IsLocated);
  EXPECT_EQ(E.Offset, T.find("\"hedges\""));
  EXPECT_NE(E.Message.find("unknown lexicon class 'hedges'"), std::string::npos)
      << E.Message;
}

TEST(LexiconTest, InvalidPatternIsLocatedInItsString) {
  std::string T = R"({"evidence": {"patterns": ["\\[\\d+\\]", "PMID(\\d+"]}})";
  Located E = parseError(T);
  EXPECT_TRUE(E.IsLocated);
  size_t Start = T.find("\"PMID");
  EXPECT_GT(E.Offset, Start);
  EXPECT_LT(E.Offset, T.find("\"]}}"));
  EXPECT_NE(E.Message.find("invalid pattern"), std::string::npos) << E.Message;
}

TEST(LexiconTest, InvalidPhraseIsLocatedAtTheFault) {
  std::string T = R"({"hedge": {"phrases": ["may", "could (possibly"]}})";
  Located E = parseError(T);
  EXPECT_TRUE(E.IsLocated);
  EXPECT_EQ(E.Offset, T.find("(possibly"));
  EXPECT_NE(E.Message.find("invalid phrase"), std::string::npos) << E.Message;
}

TEST(LexiconTest, EmptyPhraseAndWrongTypesAreLocated) {
  std::string T1 = R"({"booster": {"phrases": ["really", ""]}})";
  Located E1 = parseError(T1);
  EXPECT_TRUE(E1.IsLocated);
  EXPECT_EQ(E1.Offset, T1.find("\"\"") + 1);

  std::string T2 = R"({"booster": {"phrases": ["really", 7]}})";
  Located E2 = parseError(T2);
  EXPECT_EQ(E2.Offset, T2.find("7"));

  std::string T3 = R"({"booster": "really"})";
  Located E3 = parseError(T3);
  EXPECT_EQ(E3.Offset, T3.find("\"really\""));

  std::string T4 = R"({"booster": {"phrase": ["really"]}})";
  Located E4 = parseError(T4);
  EXPECT_EQ(E4.Offset, T4.find("\"phrase\""));

  std::string T5 = R"([1, 2])";
  Located E5 = parseError(T5);
  EXPECT_TRUE(E5.IsLocated);
  EXPECT_EQ(E5.Offset, 0u);
}

TEST(LexiconTest, BadScopesAreLocated) {
  std::string T1 = R"({"hedge": {"scope": "paragraph", "phrases": ["may"]}})";
  Located E1 = parseError(T1);
  EXPECT_EQ(E1.Offset, T1.find("\"paragraph\""));

  std::string T2 =
      R"({"termination": {"scope": "clause", "phrases": ["but"]}})";
  Located E2 = parseError(T2);
  EXPECT_EQ(E2.Offset, T2.find("\"clause\""));

  std::string T3 = R"({"scopeWords": 0})";
  Located E3 = parseError(T3);
  EXPECT_EQ(E3.Offset, T3.find("0"));

  std::string T4 = R"({"annotation": {"phrases": ["x"]}})";
  Located E4 = parseError(T4);
  EXPECT_EQ(E4.Offset, T4.find("\"annotation\""));
}

TEST(LexiconTest, LocatesEntriesInLaterGroupsAndEscapedStrings) {
  std::string T = "{\"hedge\": [{\"phrases\": [\"may\"]},\n"
                  " {\"phrases\": [\"\\u00e9t\\u00e9 (x\"]}]}";
  Located E = parseError(T);
  EXPECT_TRUE(E.IsLocated);
  // "\u00e9t\u00e9 " decodes to 6 bytes; the '(' follows in the raw text.
  EXPECT_EQ(E.Offset, T.find("(x"));
}

TEST(LexiconTest, LoadReportsMissingFiles) {
  auto L = Lexicon::load("/nonexistent/claimlint/lexicon.json");
  ASSERT_FALSE(static_cast<bool>(L));
  std::string Msg = llvm::toString(L.takeError());
  EXPECT_NE(Msg.find("cannot read lexicon"), std::string::npos) << Msg;
}

TEST(LexiconTest, ExtendAddsAndRemovesEntries) {
  Lexicon L = realLexicon();
  size_t Hedges = L.count(CueKind::Hedge);
  std::string Config = R"({
  "rulesDirs": [],
  "lexicon": {
    "hedge": {"phrases": ["reportedly", "in our experience"], "remove": ["could"]},
    "scopeWords": 6
  }
})";
  nlohmann::json J = nlohmann::json::parse(Config);
  ASSERT_FALSE(
      static_cast<bool>(L.extend(J["lexicon"], ".claimlint.json", Config)));
  EXPECT_EQ(L.count(CueKind::Hedge), Hedges + 1);
  EXPECT_EQ(L.ScopeWords, 6u);

  auto A = Analyzer::create(L);
  ASSERT_TRUE(static_cast<bool>(A)) << llvm::toString(A.takeError());
  Prose P = readPlainText("In our experience it cures arthritis. It could cure "
                          "arthritis.");
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 2u);
  uint32_t C1 = static_cast<uint32_t>(P.text().find("cures"));
  uint32_t C2 = static_cast<uint32_t>(P.text().find("cure arthritis"));
  EXPECT_TRUE((*A)->analyze(P.text(), S[0], {C1, C1 + 5}).Hedged);
  EXPECT_FALSE((*A)->analyze(P.text(), S[1], {C2, C2 + 4}).Hedged);
  // The unextended lexicon still treats "could" as a hedge.
  EXPECT_TRUE(analyzeMarked("It could [[cure]] arthritis.").Hedged);
}

TEST(LexiconTest, ExtendErrorsAreLocatedInTheConfigAndChangeNothing) {
  Lexicon L = realLexicon();
  size_t Boosters = L.count(CueKind::Booster);
  std::string Config = "{\n  \"lexicon\": {\n    \"booster\": {\"phrases\": "
                       "[\"mega\"]},\n    \"hedgez\": {\"phrases\": [\"x\"]}\n"
                       "  }\n}";
  nlohmann::json J = nlohmann::json::parse(Config);
  Located E = located(L.extend(J["lexicon"], ".claimlint.json", Config));
  EXPECT_TRUE(E.IsLocated);
  EXPECT_EQ(E.Offset, Config.find("\"hedgez\""));
  EXPECT_EQ(L.count(CueKind::Booster), Boosters);

  std::string Config2 =
      R"({"lexicon": {"hedge": {"remove": ["not-a-hedge"]}}})";
  nlohmann::json J2 = nlohmann::json::parse(Config2);
  Located E2 = located(L.extend(J2["lexicon"], ".claimlint.json", Config2));
  EXPECT_EQ(E2.Offset, Config2.find("\"not-a-hedge\""));
}

TEST(LexiconTest, ExtendAcceptsALexiconFileToo) {
  Lexicon L;
  std::string Text = R"({"evidence": {"patterns": ["\\bREF-\\d+\\b"]}})";
  nlohmann::json J = nlohmann::json::parse(Text);
  ASSERT_FALSE(static_cast<bool>(L.extend(J, "extra.json", Text)));
  EXPECT_EQ(L.count(CueKind::Evidence), 1u);
  std::string Bad = R"({"evidence": {"patterns": ["(REF"]}})";
  Located E = located(L.extend(nlohmann::json::parse(Bad), "extra.json", Bad));
  EXPECT_TRUE(E.IsLocated);
  EXPECT_GT(E.Offset, Bad.find("\"(REF"));
}

} // namespace
