//===- unit/Context/AnalyzerTest.cpp - Cue classes and scope --------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Every cue class of rules/lexicon.json with cases that must and must not
// reach the claim marked [[...]], and the scope rules: clause breaks, the
// word window, direction, boosters, masking and claim-internal negation.
//
//===----------------------------------------------------------------------===//

#include "Context/Analyzer.h"

#include "gtest/gtest.h"

#include "ContextTestUtil.h"

using namespace claimlint;
using claimlint::test::analyzeMarked;
using claimlint::test::cueSummary;

namespace {

#define EXPECT_FLAG(Field, Text)                                               \
  do {                                                                         \
    ContextResult R_ = analyzeMarked(Text);                                    \
    EXPECT_TRUE(R_.Field) << #Field << " expected in: " << (Text)              \
                          << "\n  cues: " << cueSummary(R_);                   \
  } while (0)
#define EXPECT_NO_FLAG(Field, Text)                                            \
  do {                                                                         \
    ContextResult R_ = analyzeMarked(Text);                                    \
    EXPECT_FALSE(R_.Field) << #Field << " not expected in: " << (Text)         \
                           << "\n  cues: " << cueSummary(R_);                  \
  } while (0)

// --- hedges ----------------------------------------------------------------

TEST(HedgeTest, ModalsAndEpistemicWordsBeforeTheClaim) {
  EXPECT_FLAG(Hedged, "Stem cells may [[regrow cartilage]].");
  EXPECT_FLAG(Hedged, "PRP might [[reduce pain]] for a while.");
  EXPECT_FLAG(Hedged, "These cells possibly [[repair the labrum]].");
  EXPECT_FLAG(Hedged, "Early data suggest the injections [[reduce pain]].");
  EXPECT_FLAG(Hedged, "The therapy appears to [[relieve stiffness]].");
}

TEST(HedgeTest, ResearchFramesLimitTheEvidence) {
  EXPECT_FLAG(EvidenceLimited, "It is unclear whether stem cell therapy "
                               "[[helps with labral tears]].");
  EXPECT_FLAG(EvidenceLimited, "Researchers are studying whether cell "
                               "therapies might [[cure]] joint diseases.");
  EXPECT_FLAG(EvidenceLimited, "A trial is under way: can the injections "
                               "[[regenerate cartilage]]? Trials are testing "
                               "it.");
}

TEST(HedgeTest, GoverningHedgesReachTheWholeClause) {
  EXPECT_FLAG(Hedged, "Researchers are testing whether, in older adults with "
                      "advanced disease and years of pain, these cells "
                      "[[regrow cartilage]].");
}

TEST(HedgeTest, NotHedges) {
  EXPECT_NO_FLAG(Hedged, "Stem cells can [[regrow cartilage]].");
  EXPECT_NO_FLAG(Hedged, "Stem cells help [[regrow cartilage]].");
  EXPECT_NO_FLAG(Hedged, "Stem cells [[regrow cartilage]]; you may call us.");
  EXPECT_NO_FLAG(Hedged, "Stem cells [[regrow cartilage]], and you may feel "
                         "better.");
}

TEST(HedgeTest, WindowIsCapped) {
  // "may" is 12 words before the claim: outside the 8-word window.
  EXPECT_NO_FLAG(Hedged, "You may ask about the many ways in which our clinic "
                         "and its caring staff [[regrow cartilage]].");
  // Eight words between: inside.
  EXPECT_FLAG(Hedged, "You may ask about the ways our caring staff "
                      "[[regrow cartilage]].");
}

TEST(HedgeTest, AHedgeDoesNotLicenseTheNextClause) {
  EXPECT_NO_FLAG(Hedged, "Results may vary, but you will [[be pain-free]].");
  EXPECT_NO_FLAG(Hedged, "It may sting - then you [[walk pain-free]].");
  EXPECT_NO_FLAG(Hedged, "Whether you are 40 or 80: we [[regrow cartilage]].");
}

// --- quantifier hedges -----------------------------------------------------

TEST(QuantifierHedgeTest, RestrictingWhoOrHowMuch) {
  EXPECT_FLAG(QuantHedged, "Some patients [[walk pain-free]] after treatment.");
  EXPECT_FLAG(QuantHedged, "It [[relieves pain]] in some cases.");
  EXPECT_FLAG(QuantHedged, "Injections usually [[ease stiffness]].");
  EXPECT_FLAG(QuantHedged, "It gives [[relief]] that is temporary.");
}

TEST(QuantifierHedgeTest, ACueRunningIntoTheClaimCounts) {
  // The rule matched "patients report"; "some patients" starts before it.
  EXPECT_FLAG(QuantHedged, "Some [[patients report]] less pain.");
  EXPECT_NO_FLAG(QuantHedged, "Many [[patients report]] less pain.");
  // But a cue entirely inside the claim is the claim's own word.
  EXPECT_NO_FLAG(QuantHedged, "It gives [[some patients relief]].");
}

TEST(QuantifierHedgeTest, AmplifiersAreNotHedges) {
  EXPECT_NO_FLAG(QuantHedged, "Many patients [[walk pain-free]].");
  EXPECT_NO_FLAG(QuantHedged, "Most patients [[walk pain-free]] in weeks.");
  EXPECT_NO_FLAG(QuantHedged, "Up to 90% [[walk pain-free]].");
  EXPECT_NO_FLAG(QuantHedged, "Some say so, but all patients [[walk "
                              "pain-free]].");
}

// --- evidence limits -------------------------------------------------------

TEST(EvidenceLimitTest, SameSentenceAnyClause) {
  EXPECT_FLAG(EvidenceLimited,
              "PRP [[reduces pain]], although the evidence is limited.");
  EXPECT_FLAG(EvidenceLimited,
              "More research is needed before we know if it [[regrows "
              "cartilage]].");
  EXPECT_FLAG(EvidenceLimited, "In mice, stem cells [[regrow cartilage]].");
  EXPECT_FLAG(EvidenceLimited,
              "Stem cell therapy, which remains experimental, [[relieves "
              "pain]].");
}

TEST(EvidenceLimitTest, NextSentenceOfTheSameBlock) {
  ContextResult R = analyzeMarked(
      "Stem cells [[regrow cartilage]]. This has not been proven.");
  EXPECT_TRUE(R.EvidenceLimited) << cueSummary(R);
  EXPECT_FALSE(R.Negated) << cueSummary(R);
}

TEST(EvidenceLimitTest, NotFromElsewhere) {
  EXPECT_NO_FLAG(EvidenceLimited,
                 "More research is needed. Stem cells [[regrow cartilage]].");
  EXPECT_NO_FLAG(
      EvidenceLimited,
      "Stem cells [[regrow cartilage]].\n\nMore research is needed.");
  EXPECT_NO_FLAG(EvidenceLimited,
                 "Stem cells [[regrow cartilage]]. Call us. More research is "
                 "needed.");
  EXPECT_NO_FLAG(EvidenceLimited, "Stem cells [[regrow cartilage]].");
}

// --- inadequate qualifiers -------------------------------------------------

TEST(InadequateQualifierTest, NotedButNotAHedge) {
  ContextResult R = analyzeMarked(
      "Promising research shows stem cells [[regrow cartilage]].");
  EXPECT_TRUE(R.Inadequate) << cueSummary(R);
  EXPECT_FALSE(R.Hedged || R.QuantHedged || R.EvidenceLimited) << cueSummary(R);
  EXPECT_FLAG(Inadequate, "[[Pain-free in days]]! Results may vary.");
  EXPECT_NO_FLAG(Inadequate, "Stem cells [[regrow cartilage]].");
}

TEST(InadequateQualifierTest, ItsWordsAreNotCues) {
  // "may" inside "results may vary" is no hedge.
  EXPECT_NO_FLAG(Hedged, "Results may vary: stem cells [[regrow cartilage]].");
  EXPECT_NO_FLAG(Hedged, "Results may [[vary]].");
}

// --- boosters --------------------------------------------------------------

TEST(BoosterTest, InTheClauseEitherSide) {
  EXPECT_FLAG(Boosted, "Stem cells definitely [[regrow cartilage]].");
  EXPECT_FLAG(Boosted, "It can reduce and even [[eliminate your pain]].");
  EXPECT_FLAG(Boosted, "Stem cells [[regrow cartilage]], guaranteed.");
  EXPECT_FLAG(Boosted, "In fact, studies show it [[reduces pain]].");
}

TEST(BoosterTest, NotAcrossClausesNorInsideTheClaim) {
  EXPECT_NO_FLAG(Boosted, "We truly care, but stem cells [[regrow "
                          "cartilage]].");
  EXPECT_NO_FLAG(Boosted, "Your hip will be [[completely healed]].");
  EXPECT_NO_FLAG(Boosted, "It has not been proven that it [[regrows "
                          "cartilage]].");
  EXPECT_NO_FLAG(Boosted, "These risks exist even if the cells are "
                          "[[your own cells]].");
}

TEST(BoosterTest, BoosterAndHedgeAreBothReported) {
  // decide() lets the booster win; the analysis reports both.
  ContextResult R =
      analyzeMarked("It may well be the case that it clearly [[cures AVN]].");
  EXPECT_TRUE(R.Boosted) << cueSummary(R);
  EXPECT_TRUE(R.Hedged) << cueSummary(R);
}

// --- negation --------------------------------------------------------------

TEST(PreNegationTest, NegatesAClaimThatFollows) {
  EXPECT_FLAG(Negated, "Stem cell injections do not [[cure arthritis]].");
  EXPECT_FLAG(Negated, "There is no [[cure]] for osteoarthritis.");
  EXPECT_FLAG(Negated, "No treatment can [[guarantee]] results.");
  EXPECT_FLAG(Negated, "These treatments have not been [[proven to work]].");
  EXPECT_FLAG(Negated, "We cannot promise that [[you will avoid surgery]].");
  EXPECT_FLAG(Negated, "PRP was no [[better than]] placebo.");
  EXPECT_FLAG(Negated, "Not [[clinically proven]].");
  EXPECT_FLAG(Negated, "Not everyone [[is a candidate]].");
}

TEST(PreNegationTest, GoverningNegationsReachTheWholeClause) {
  EXPECT_FLAG(Negated, "There is no good evidence that injections given "
                       "into the hip joint of older adults [[regrow "
                       "cartilage]].");
  EXPECT_FLAG(Negated, "There is no licensed treatment to halt cartilage "
                       "degeneration or to [[repair damaged cartilage]].");
}

TEST(PreNegationTest, ScopeEdges) {
  // Beyond the window.
  EXPECT_NO_FLAG(Negated, "Do not forget that for many of our older and "
                          "younger patients alike, stem cells [[regrow "
                          "cartilage]].");
  // After the claim: a pre-negation looks forward only.
  EXPECT_NO_FLAG(Negated, "Stem cells [[regrow cartilage]] and nothing "
                          "else does.");
  // Clause breaks close it.
  EXPECT_NO_FLAG(Negated, "Surgery is not your only option - our stem cells "
                          "[[regrow cartilage]].");
  EXPECT_NO_FLAG(Negated, "It is not cheap, but it [[regrows cartilage]].");
  EXPECT_NO_FLAG(Negated, "It is not cheap; it [[regrows cartilage]].");
  EXPECT_NO_FLAG(Negated, "Although it is not cheap, stem cell therapy "
                          "[[regrows cartilage]].");
  EXPECT_NO_FLAG(Negated, "Unlike pills, which do not fix anything, stem "
                          "cells [[regrow cartilage]].");
  // Another sentence.
  EXPECT_NO_FLAG(Negated, "It is not cheap. It [[regrows cartilage]].");
  // A negation that runs into the claim does not count, but its own "not"
  // still does.
  EXPECT_FLAG(Negated, "This is not an [[alternative to surgery]].");
}

TEST(PreNegationTest, FrontedClausesAndReasonsAreSeparate) {
  EXPECT_NO_FLAG(Negated, "If you have been told nothing can be done, our "
                          "therapy can [[cure your arthritis]].");
  EXPECT_NO_FLAG(Negated, "When surgery is not an option, stem cells [[regrow "
                          "cartilage]].");
  EXPECT_NO_FLAG(Negated, "Our doctors never recommend surgery because stem "
                          "cells [[repair damaged tissue]].");
  // A subordinate clause in mid-sentence ends at its comma too.
  EXPECT_NO_FLAG(Negated, "It works, although it is not cheap, and it "
                          "[[regrows cartilage]].");
  EXPECT_NO_FLAG(Negated, "Pills, which do not fix anything, give way to "
                          "cells that [[regrow cartilage]].");
  // A fronted coordinator does not close its clause at a comma.
  EXPECT_FLAG(Negated, "But no treatment, not even surgery, [[regrows "
                       "cartilage]].");
  // A clause opener in mid-sentence ends nothing.
  EXPECT_FLAG(Negated, "It does not help when injected or [[regrow "
                       "cartilage]].");
}

TEST(PostNegationTest, NegatesAClaimThatPrecedes) {
  EXPECT_FLAG(Negated, "That stem cells [[regrow cartilage]] is not true.");
  EXPECT_FLAG(Negated, "That PRP [[cures arthritis]] is a myth.");
  EXPECT_FLAG(Negated, "Such [[regeneration of the hip]] has not been "
                       "demonstrated.");
  EXPECT_NO_FLAG(Negated, "Stem cells [[regrow cartilage]]; the rest is not "
                          "true.");
  EXPECT_NO_FLAG(Negated, "Claims like this are false; stem cells [[regrow "
                          "cartilage]].");
}

TEST(PseudoNegationTest, LookLikeNegationsButAreNot) {
  EXPECT_NO_FLAG(Negated, "Stem cells not only [[relieve pain]] but also "
                          "rebuild joints.");
  EXPECT_NO_FLAG(Negated, "No doubt stem cells [[regrow cartilage]].");
  EXPECT_NO_FLAG(Negated, "Don't wait: our cells [[regrow cartilage]].");
  EXPECT_NO_FLAG(Negated, "No matter your age, stem cells [[regrow "
                          "cartilage]].");
  EXPECT_NO_FLAG(Negated, "We don't just mask symptoms, we [[regrow "
                          "cartilage]].");
  EXPECT_NO_FLAG(Negated, "Our protocol never fails to [[restore "
                          "mobility]].");
  EXPECT_NO_FLAG(Negated, "Nothing works like stem cells to [[regrow "
                          "cartilage]].");
  EXPECT_NO_FLAG(Negated, "It's no surprise our patients [[say goodbye to "
                          "arthritis]].");
  EXPECT_FLAG(Boosted, "No doubt stem cells [[regrow cartilage]].");
}

TEST(ClaimNegationTest, TheNegationIsTheClaim) {
  EXPECT_NO_FLAG(Negated, "The treatment has [[no side effects]].");
  EXPECT_NO_FLAG(Negated, "There is [[no risk of rejection]] or infection.");
  EXPECT_NO_FLAG(Negated, "[[Never feel hip pain again]].");
  EXPECT_NO_FLAG(Negated, "Get relief [[without costly and painful "
                          "surgery]]!");
  // A claim-internal negation does not negate a later claim either.
  EXPECT_NO_FLAG(Negated, "No surgery, no downtime, and stem cells [[regrow "
                          "cartilage]].");
  EXPECT_NO_FLAG(Negated, "It is not painful and [[regrows cartilage]].");
}

TEST(ClaimNegationTest, OnlyAnOuterNegationNegates) {
  EXPECT_FLAG(Negated, "The procedure is not [[risk-free]].");
  EXPECT_FLAG(Negated, "It is not true that there are [[no side effects]].");
  EXPECT_FLAG(Negated, "It is not [[without risk]].");
}

// --- reporting -------------------------------------------------------------

TEST(ReportingTest, FramesThatMentionWithoutClaiming) {
  EXPECT_FLAG(Reported, "Some clinics claim that stem cells [[regrow "
                        "cartilage]].");
  EXPECT_FLAG(Reported, "Beware of so-called [[miracle]] cures.");
  EXPECT_FLAG(Reported, "Be wary of ads that [[guarantee]] results.");
  EXPECT_FLAG(Reported, "They deceive patients with unsubstantiated claims "
                        "about products that [[cure]] diseases.");
  EXPECT_FLAG(Reported, "Stem cells [[regrow cartilage]], clinics say.");
  EXPECT_FLAG(Reported, "These clinics falsely claim their products are "
                        "[[safe and effective]].");
}

TEST(ReportingTest, NotAcrossClausesOrWithoutAFrame) {
  EXPECT_NO_FLAG(Reported, "Our clinic [[regrows cartilage]].");
  EXPECT_NO_FLAG(Reported, "Beware of imitators; our cells [[regrow "
                           "cartilage]].");
  EXPECT_NO_FLAG(Reported, "\"I [[walk pain-free]] now\" - Linda, 67.");
}

// --- evidence markers ------------------------------------------------------

TEST(EvidenceTest, CitationsInTheSentence) {
  for (const char *T : {
           "PRP [[reduces pain]] [3].",
           "PRP [[reduces pain]] [2, 5].",
           "PRP [[reduces pain]] (Smith et al., 2020).",
           "PRP [[reduces pain]] (Lee & Park 2019; Kim 2021).",
           "PRP [[reduces pain]] (CDC, 2023).",
           "Smith et al. (2020) found PRP [[reduces pain]].",
           "PRP [[reduces pain]] (PMID: 31278997).",
           "PRP [[reduces pain]] (PMC7651926).",
           "PRP [[reduces pain]] (NCT01234567).",
           "PRP [[reduces pain]], doi:10.1016/j.joca.2019.01.003.",
           "PRP [[reduces pain]]\xC2\xB2.",
           "PRP [[reduces pain]] (n = 120).",
           "PRP [[reduces pain]] per NICE NG226.",
           "PRP [[reduces pain]][^3].",
           "See https://clinicaltrials.gov/ct2/show/X: PRP [[reduces pain]].",
           "PRP [[reduces pain]] (4).",
       })
    EXPECT_FLAG(Cited, T);
}

TEST(EvidenceTest, NumbersThatAreNotCitations) {
  for (const char *T : {
           "PRP [[reduces pain]] (since 2019).",
           "PRP [[reduces pain]] (Since 2019).",
           "Zinc [[works against]] Covid19.",
           "In 2019 we found PRP [[reduces pain]].",
           "PRP [[reduces pain]] for 3.5 months.",
           "PRP [[reduces pain]] (2 months).",
           "Up to 80% of patients [[walk pain-free]].",
           "In recent clinical trials the patch [[was shown to be fast]].",
           "[[Reduce pain]] by 50%.",
       })
    EXPECT_NO_FLAG(Cited, T);
}

TEST(EvidenceTest, ACitationOnlyNextSentenceCounts) {
  EXPECT_FLAG(Cited, "Stem cells [[may help]]. [3]");
  EXPECT_NO_FLAG(Cited, "Stem cells [[regrow cartilage]]. A trial found "
                        "otherwise [3].");
}

// --- clauses ---------------------------------------------------------------

TEST(ClauseTest, BreaksAtTerminationsAndPunctuation) {
  Prose P = readPlainText("Results may vary, but you will be pain-free; call "
                          "now - today: or never.");
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 1u);
  std::vector<std::string> Got;
  for (Range R : test::realAnalyzer().clauses(P.text(), S[0]))
    Got.push_back(P.text().substr(R.Begin, R.size()));
  EXPECT_EQ(Got, (std::vector<std::string>{"Results may vary",
                                           "you will be pain-free", "call now",
                                           "today", "or never."}));
}

TEST(ClauseTest, FrontedSubordinateClauseEndsAtItsComma) {
  Prose P = readPlainText("Although it is not cheap, it works, and well.");
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 1u);
  std::vector<std::string> Got;
  for (Range R : test::realAnalyzer().clauses(P.text(), S[0]))
    Got.push_back(P.text().substr(R.Begin, R.size()));
  EXPECT_EQ(Got, (std::vector<std::string>{"it is not cheap",
                                           "it works, and well."}));
}

TEST(ClauseTest, FrontedClauseOpenerEndsAtItsComma) {
  Prose P = readPlainText("If it hurts, call us, and we will help.");
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 1u);
  std::vector<std::string> Got;
  for (Range R : test::realAnalyzer().clauses(P.text(), S[0]))
    Got.push_back(P.text().substr(R.Begin, R.size()));
  EXPECT_EQ(Got, (std::vector<std::string>{"If it hurts",
                                           "call us, and we will help."}));
}

TEST(ClauseTest, WordsInsideLongerCuesDoNotBreak) {
  // "yet" in "not yet proven" and "so" in "so-called" are not breaks.
  Prose P = readPlainText("It is not yet proven that so-called cells work.");
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(test::realAnalyzer().clauses(P.text(), S[0]).size(), 1u);
}

// --- the cues reported -----------------------------------------------------

TEST(CueSpansTest, CuesCarryTheirProseSpanAndText) {
  test::Marked M = test::parseMarks("We do not [[cure arthritis]] [7].");
  Prose P = readPlainText(M.Text);
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 1u);
  ContextResult R = test::realAnalyzer().analyze(P.text(), S[0], M.Marks[0]);
  ASSERT_TRUE(R.Negated);
  ASSERT_TRUE(R.Cited);
  bool SawNot = false, SawCite = false;
  for (const Cue &C : R.Cues) {
    EXPECT_EQ(P.text().substr(C.Span.Begin, C.Span.size()), C.Text);
    SawNot |= C.Kind == CueKind::PreNegation && C.Text == "not";
    SawCite |= C.Kind == CueKind::Evidence && C.Text == "[7]";
  }
  EXPECT_TRUE(SawNot) << cueSummary(R);
  EXPECT_TRUE(SawCite) << cueSummary(R);
}

TEST(CueSpansTest, ScanOnceAnalyseManyClaims) {
  test::Marked M = test::parseMarks(
      "Stem cells may [[regrow cartilage]], but they [[cure arthritis]].");
  Prose P = readPlainText(M.Text);
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 1u);
  SentenceCues C = test::realAnalyzer().scan(P.text(), S[0]);
  EXPECT_TRUE(test::realAnalyzer().analyze(C, M.Marks[0]).Hedged);
  EXPECT_FALSE(test::realAnalyzer().analyze(C, M.Marks[1]).Hedged);
}

} // namespace
