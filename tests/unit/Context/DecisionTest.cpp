//===- unit/Context/DecisionTest.cpp - The decision table -----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Analyzer::decide() against the table in docs/context.md (CLAIMS.md 3.4):
// for each kind of rule (hedge-immune error, error, warning, info) and each
// context (negated, hedged, evidence-limited, cited, both, boosted, reported,
// reviewed).
//
//===----------------------------------------------------------------------===//

#include "Context/Analyzer.h"

#include "gtest/gtest.h"

#include "ContextTestUtil.h"

using namespace claimlint;
using claimlint::test::decideMarked;

namespace {

Cue cue(CueKind K, const char *Text) {
  Cue C;
  C.Kind = K;
  C.Text = Text;
  return C;
}

ContextResult hedged() {
  ContextResult R;
  R.Hedged = true;
  R.Cues.push_back(cue(CueKind::Hedge, "may"));
  return R;
}
ContextResult limited() {
  ContextResult R;
  R.EvidenceLimited = true;
  R.Cues.push_back(cue(CueKind::EvidenceLimit, "more research is needed"));
  return R;
}
ContextResult cited() {
  ContextResult R;
  R.Cited = true;
  R.Cues.push_back(cue(CueKind::Evidence, "[3]"));
  return R;
}
ContextResult plus(ContextResult A, const ContextResult &B) {
  A.Hedged |= B.Hedged;
  A.QuantHedged |= B.QuantHedged;
  A.EvidenceLimited |= B.EvidenceLimited;
  A.Cited |= B.Cited;
  A.Boosted |= B.Boosted;
  A.Negated |= B.Negated;
  A.Reported |= B.Reported;
  A.Inadequate |= B.Inadequate;
  A.Cues.insert(A.Cues.end(), B.Cues.begin(), B.Cues.end());
  return A;
}
ContextResult boosted() {
  ContextResult R;
  R.Boosted = true;
  R.Cues.push_back(cue(CueKind::Booster, "definitely"));
  return R;
}
ContextResult quant() {
  ContextResult R;
  R.QuantHedged = true;
  R.Cues.push_back(cue(CueKind::QuantifierHedge, "some patients"));
  return R;
}

ClaimPolicy immune() {
  ClaimPolicy P;
  P.HedgeImmune = true;
  return P;
}

const llvm::Optional<Severity> Dropped = llvm::None;

::testing::AssertionResult is(const Decision &D, ClaimStatus St,
                              llvm::Optional<Severity> Sev) {
  bool Ok = D.Status == St && D.Sev == Sev && D.Dropped == !Sev.hasValue();
  if (Ok)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "got " << claimStatusName(D.Status).str() << "/"
         << (D.Sev ? severityName(*D.Sev).str() : "dropped")
         << (D.Dropped ? " (Dropped)" : "") << " [" << D.Explanation
         << "], want " << claimStatusName(St).str() << "/"
         << (Sev ? severityName(*Sev).str() : "dropped");
}

// --- the rows of the table -------------------------------------------------

TEST(DecisionTest, HedgeImmuneError) {
  auto D = [](const ContextResult &R) {
    return Analyzer::decide(Severity::Error, immune(), R);
  };
  EXPECT_TRUE(is(D({}), ClaimStatus::Unqualified, Severity::Error));
  EXPECT_TRUE(is(D(hedged()), ClaimStatus::Hedged, Severity::Error));
  EXPECT_TRUE(is(D(quant()), ClaimStatus::Unqualified, Severity::Error));
  EXPECT_TRUE(is(D(limited()), ClaimStatus::Hedged, Severity::Warning));
  EXPECT_TRUE(is(D(cited()), ClaimStatus::Cited, Severity::Warning));
  EXPECT_TRUE(
      is(D(plus(hedged(), cited())), ClaimStatus::Cited, Severity::Warning));
  // A modal hedge counts only beside an evidence limit.
  EXPECT_TRUE(
      is(D(plus(limited(), hedged())), ClaimStatus::Hedged, Severity::Info));
  // Downgraded, never cleared.
  EXPECT_TRUE(
      is(D(plus(limited(), cited())), ClaimStatus::Cited, Severity::Info));
  EXPECT_TRUE(is(D(plus(plus(limited(), hedged()), cited())),
                 ClaimStatus::Cited, Severity::Info));
  EXPECT_TRUE(is(Analyzer::decide(Severity::Info, immune(), cited()),
                 ClaimStatus::Cited, Severity::Info));
}

TEST(DecisionTest, Error) {
  auto D = [](const ContextResult &R) {
    return Analyzer::decide(Severity::Error, ClaimPolicy(), R);
  };
  EXPECT_TRUE(is(D({}), ClaimStatus::Unqualified, Severity::Error));
  EXPECT_TRUE(is(D(hedged()), ClaimStatus::Hedged, Severity::Warning));
  EXPECT_TRUE(is(D(limited()), ClaimStatus::Hedged, Severity::Warning));
  EXPECT_TRUE(is(D(cited()), ClaimStatus::Cited, Severity::Warning));
  EXPECT_TRUE(
      is(D(plus(hedged(), cited())), ClaimStatus::Cited, Severity::Info));
  // Two hedges are still one step.
  EXPECT_TRUE(
      is(D(plus(hedged(), limited())), ClaimStatus::Hedged, Severity::Warning));
}

TEST(DecisionTest, Warning) {
  auto D = [](const ContextResult &R) {
    return Analyzer::decide(Severity::Warning, ClaimPolicy(), R);
  };
  EXPECT_TRUE(is(D({}), ClaimStatus::Unqualified, Severity::Warning));
  EXPECT_TRUE(is(D(hedged()), ClaimStatus::Hedged, Severity::Info));
  EXPECT_TRUE(is(D(limited()), ClaimStatus::Hedged, Severity::Info));
  EXPECT_TRUE(is(D(cited()), ClaimStatus::Cited, Severity::Info));
  EXPECT_TRUE(is(D(plus(hedged(), cited())), ClaimStatus::Cited, Dropped));
}

TEST(DecisionTest, Info) {
  auto D = [](const ContextResult &R) {
    return Analyzer::decide(Severity::Info, ClaimPolicy(), R);
  };
  EXPECT_TRUE(is(D({}), ClaimStatus::Unqualified, Severity::Info));
  EXPECT_TRUE(is(D(hedged()), ClaimStatus::Hedged, Dropped));
  EXPECT_TRUE(is(D(limited()), ClaimStatus::Hedged, Dropped));
  EXPECT_TRUE(is(D(cited()), ClaimStatus::Cited, Dropped));
}

TEST(DecisionTest, QuantifierHedgesCountOnlyWhenThePolicySaysSo) {
  ClaimPolicy Q;
  Q.QuantifierHedges = true;
  EXPECT_TRUE(is(Analyzer::decide(Severity::Error, Q, quant()),
                 ClaimStatus::Hedged, Severity::Warning));
  EXPECT_TRUE(is(Analyzer::decide(Severity::Error, ClaimPolicy(), quant()),
                 ClaimStatus::Unqualified, Severity::Error));
}

TEST(DecisionTest, NegatedAndReportedAreDroppedWithAStatus) {
  ContextResult N;
  N.Negated = true;
  N.Cues.push_back(cue(CueKind::PreNegation, "not"));
  for (Severity S : {Severity::Info, Severity::Warning, Severity::Error}) {
    for (const ClaimPolicy &P : {ClaimPolicy(), immune()}) {
      Decision D = Analyzer::decide(S, P, plus(N, boosted()));
      EXPECT_TRUE(is(D, ClaimStatus::Negated, Dropped));
      EXPECT_EQ(D.Explanation, "negated by 'not'");
      ASSERT_EQ(D.Cues.size(), 1u);
      EXPECT_EQ(D.Cues[0].Kind, CueKind::PreNegation);
    }
  }
  ContextResult Rep;
  Rep.Reported = true;
  Rep.Cues.push_back(cue(CueKind::Reporting, "clinics claim"));
  Decision D = Analyzer::decide(Severity::Error, immune(), Rep);
  EXPECT_TRUE(is(D, ClaimStatus::Reported, Dropped));
  EXPECT_NE(D.Explanation.find("'clinics claim'"), std::string::npos)
      << D.Explanation;
  // Negation wins over a reporting frame.
  EXPECT_EQ(
      Analyzer::decide(Severity::Error, ClaimPolicy(), plus(N, Rep)).Status,
      ClaimStatus::Negated);
}

TEST(DecisionTest, BoosterRaisesOneLevelAndBlocksHedges) {
  EXPECT_TRUE(is(Analyzer::decide(Severity::Warning, ClaimPolicy(), boosted()),
                 ClaimStatus::Unqualified, Severity::Error));
  EXPECT_TRUE(is(Analyzer::decide(Severity::Error, ClaimPolicy(), boosted()),
                 ClaimStatus::Unqualified, Severity::Error));
  Decision D = Analyzer::decide(Severity::Info, ClaimPolicy(),
                                plus(boosted(), hedged()));
  EXPECT_TRUE(is(D, ClaimStatus::Unqualified, Severity::Warning));
  EXPECT_NE(D.Explanation.find("'definitely' overrides the hedge 'may'"),
            std::string::npos)
      << D.Explanation;
  // It blocks evidence limits too, but not citations.
  EXPECT_TRUE(is(Analyzer::decide(Severity::Warning, ClaimPolicy(),
                                  plus(boosted(), plus(limited(), cited()))),
                 ClaimStatus::Cited, Severity::Warning));
}

TEST(DecisionTest, ReviewedClaimsStayAsInfo) {
  ContextResult R = plus(hedged(), cited());
  R.Reviewed = true;
  R.Cues.push_back(cue(CueKind::Annotation, "claimlint-evidence: PMID 123"));
  Decision D = Analyzer::decide(Severity::Error, immune(), R);
  EXPECT_TRUE(is(D, ClaimStatus::Reviewed, Severity::Info));
  EXPECT_NE(D.Explanation.find("PMID 123"), std::string::npos) << D.Explanation;
  ContextResult Bare;
  Bare.Reviewed = true;
  EXPECT_TRUE(is(Analyzer::decide(Severity::Warning, ClaimPolicy(), Bare),
                 ClaimStatus::Reviewed, Severity::Info));
}

TEST(DecisionTest, ContextOffKeepsTheBaseSeverity) {
  ClaimPolicy Off;
  Off.UseContext = false;
  ContextResult N = plus(hedged(), cited());
  N.Negated = true;
  EXPECT_TRUE(is(Analyzer::decide(Severity::Warning, Off, N),
                 ClaimStatus::Unqualified, Severity::Warning));
}

TEST(DecisionTest, ExplanationsNameTheDecisiveCue) {
  Decision H = Analyzer::decide(Severity::Error, immune(), hedged());
  EXPECT_EQ(H.Explanation,
            "hedged by 'may', but a hedge cannot qualify this kind of claim");
  Decision C = Analyzer::decide(Severity::Error, ClaimPolicy(), cited());
  EXPECT_EQ(C.Explanation, "cited: check that '[3]' supports it");
  Decision U = Analyzer::decide(Severity::Warning, ClaimPolicy(), {});
  EXPECT_EQ(U.Explanation, "unqualified");
  ContextResult W;
  W.Inadequate = true;
  W.Cues.push_back(cue(CueKind::InadequateQualifier, "promising"));
  Decision I = Analyzer::decide(Severity::Warning, ClaimPolicy(), W);
  EXPECT_TRUE(is(I, ClaimStatus::Unqualified, Severity::Warning));
  EXPECT_EQ(I.Explanation, "unqualified; 'promising' does not qualify a claim");
  Decision L = Analyzer::decide(Severity::Warning, ClaimPolicy(), limited());
  EXPECT_EQ(L.Explanation,
            "the evidence is limited ('more research is needed')");
  ASSERT_EQ(L.Cues.size(), 1u);
  EXPECT_EQ(L.Cues[0].Kind, CueKind::EvidenceLimit);
}

// --- end to end: text, analysis, decision ----------------------------------

TEST(DecisionTest, EndToEndWithTheRealLexicon) {
  ClaimPolicy P;
  EXPECT_TRUE(is(decideMarked("Stem cell therapy [[cures arthritis]].",
                              Severity::Error, immune()),
                 ClaimStatus::Unqualified, Severity::Error));
  EXPECT_TRUE(is(decideMarked("There is no [[cure]] for osteoarthritis.",
                              Severity::Error, immune()),
                 ClaimStatus::Negated, Dropped));
  EXPECT_TRUE(is(decideMarked("Stem cells might one day [[cure]] some joint "
                              "diseases.",
                              Severity::Error, immune()),
                 ClaimStatus::Hedged, Severity::Error));
  EXPECT_TRUE(is(decideMarked("Researchers are studying whether these cells "
                              "might one day [[cure]] some joint diseases.",
                              Severity::Error, immune()),
                 ClaimStatus::Hedged, Severity::Info));
  EXPECT_TRUE(is(decideMarked("PRP may [[reduce pain]], although evidence is "
                              "limited [2].",
                              Severity::Info, P),
                 ClaimStatus::Cited, Dropped));
  EXPECT_TRUE(is(decideMarked("Results may vary, but you will [[walk "
                              "pain-free]].",
                              Severity::Error, P),
                 ClaimStatus::Unqualified, Severity::Error));
  EXPECT_TRUE(is(decideMarked("The procedure is not [[risk-free]].",
                              Severity::Error, immune()),
                 ClaimStatus::Negated, Dropped));
  EXPECT_TRUE(is(decideMarked("The treatment is 100% safe with [[no side "
                              "effects]].",
                              Severity::Error, immune()),
                 ClaimStatus::Unqualified, Severity::Error));
  EXPECT_TRUE(is(decideMarked("Some clinics claim stem cells [[regrow "
                              "cartilage]].",
                              Severity::Error, P),
                 ClaimStatus::Reported, Dropped));
  EXPECT_TRUE(is(decideMarked("Stem cells [[regrow cartilage]] (Smith et "
                              "al., 2020).",
                              Severity::Error, P),
                 ClaimStatus::Cited, Severity::Warning));
}

} // namespace
