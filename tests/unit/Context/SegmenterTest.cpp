//===- unit/Context/SegmenterTest.cpp - Sentence splitting ----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Context/Segmenter.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "ContextTestUtil.h"

using namespace claimlint;
using claimlint::test::sentencesOf;
using ::testing::ElementsAre;

namespace {

TEST(SegmenterTest, SplitsAtTerminators) {
  EXPECT_THAT(
      sentencesOf("Stem cells are cells. They divide! Do they heal? Yes."),
      ElementsAre("Stem cells are cells.", "They divide!", "Do they heal?",
                  "Yes."));
}

TEST(SegmenterTest, TitlesAndNamesDoNotEnd) {
  EXPECT_THAT(
      sentencesOf("Dr. Smith and Mr. Jones agree. Prof. Lee does not."),
      ElementsAre("Dr. Smith and Mr. Jones agree.", "Prof. Lee does not."));
}

TEST(SegmenterTest, LatinAbbreviationsDoNotEnd) {
  EXPECT_THAT(
      sentencesOf("Some joints, e.g. the hip, wear out. Others, i.e. knees, "
                  "too. Smith et al. (2020) found it. PRP vs. Saline was "
                  "tested."),
      ElementsAre("Some joints, e.g. the hip, wear out.",
                  "Others, i.e. knees, too.", "Smith et al. (2020) found it.",
                  "PRP vs. Saline was tested."));
}

TEST(SegmenterTest, DecimalsAndPercentagesDoNotEnd) {
  EXPECT_THAT(
      sentencesOf("Pain fell by 3.5% in 2.5 months. It rose 0.5 points."),
      ElementsAre("Pain fell by 3.5% in 2.5 months.", "It rose 0.5 points."));
}

TEST(SegmenterTest, NumberAbbreviationsNeedANumber) {
  EXPECT_THAT(
      sentencesOf("See Fig. 2 and No. 5 below. Say no. Then stop."),
      ElementsAre("See Fig. 2 and No. 5 below.", "Say no.", "Then stop."));
}

TEST(SegmenterTest, LowercaseAfterPeriodContinues) {
  EXPECT_THAT(sentencesOf("It costs approx. ten dollars. Fine."),
              ElementsAre("It costs approx. ten dollars.", "Fine."));
}

TEST(SegmenterTest, InitialsDoNotEnd) {
  EXPECT_THAT(
      sentencesOf("Ask J. R. Smith about it. Take vitamin D. It helps."),
      ElementsAre("Ask J. R. Smith about it.", "Take vitamin D.", "It helps."));
}

TEST(SegmenterTest, DottedAbbreviationsDoNotEnd) {
  EXPECT_THAT(sentencesOf("The U.S. FDA warns. Ph.D. holders agree."),
              ElementsAre("The U.S. FDA warns.", "Ph.D. holders agree."));
}

TEST(SegmenterTest, CitationAfterTerminatorStaysWithSentence) {
  EXPECT_THAT(sentencesOf("It may help.[3] Ask first. It works.\xC2\xB9 Yes."),
              ElementsAre("It may help.[3]", "Ask first.", "It works.\xC2\xB9",
                          "Yes."));
  EXPECT_THAT(sentencesOf("It may help. [2, 5] Ask first."),
              ElementsAre("It may help.", "[2, 5] Ask first."));
}

TEST(SegmenterTest, ClosingQuotesStayWithSentence) {
  EXPECT_THAT(
      sentencesOf("He said \"it works.\" She did not. (It is new.) Ok."),
      ElementsAre("He said \"it works.\"", "She did not.", "(It is new.)",
                  "Ok."));
}

TEST(SegmenterTest, Ellipsis) {
  EXPECT_THAT(sentencesOf("Relieves pain... Rebuilds cartilage\xE2\x80\xA6 "
                          "Then more... and more."),
              ElementsAre("Relieves pain...", "Rebuilds cartilage\xE2\x80\xA6",
                          "Then more... and more."));
}

TEST(SegmenterTest, BlocksAreHardBreaks) {
  // A heading without a period, list items and paragraphs: each its own.
  EXPECT_THAT(sentencesOf("Stem Cell Therapy\nOur therapy cures arthritis\n\n"
                          "- No surgery\n- No downtime\n\nCall now. Today."),
              ElementsAre("Stem Cell Therapy", "Our therapy cures arthritis",
                          "No surgery", "No downtime", "Call now.", "Today."));
}

TEST(SegmenterTest, RangesAreTrimmedAndInsideTheirBlock) {
  Prose P = readPlainText("  First one.   Second one.  \n\nThird");
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 3u);
  for (const Sentence &X : S) {
    llvm::StringRef T =
        llvm::StringRef(P.text()).slice(X.Text.Begin, X.Text.End);
    EXPECT_FALSE(T.startswith(" ")) << T.str();
    EXPECT_FALSE(T.endswith(" ")) << T.str();
    EXPECT_FALSE(T.contains('\n')) << T.str();
    const Block &B = P.blocks()[X.Block];
    EXPECT_LE(B.Text.Begin, X.Text.Begin);
    EXPECT_LE(X.Text.End, B.Text.End);
  }
  EXPECT_EQ(S[0].Block, S[1].Block);
  EXPECT_NE(S[1].Block, S[2].Block);
}

TEST(SegmenterTest, NextSentenceStaysInItsBlock) {
  Prose P = readPlainText("One here. Two here.\n\nThree.");
  std::vector<Sentence> S = segmentSentences(P);
  ASSERT_EQ(S.size(), 3u);
  Range N = nextSentence(P.text(), S[0]);
  EXPECT_EQ(P.text().substr(N.Begin, N.size()), "Two here.");
  EXPECT_EQ(nextSentence(P.text(), S[1]).size(), 0u);
  EXPECT_EQ(nextSentence(P.text(), S[2]).size(), 0u);
}

TEST(SegmenterTest, EmptyAndDegenerateInput) {
  EXPECT_TRUE(sentencesOf("").empty());
  EXPECT_THAT(sentencesOf("..."), ElementsAre("..."));
  EXPECT_THAT(sentencesOf("?! Yes"), ElementsAre("?!", "Yes"));
  EXPECT_THAT(sentencesOf("Dr."), ElementsAre("Dr."));
}

} // namespace
