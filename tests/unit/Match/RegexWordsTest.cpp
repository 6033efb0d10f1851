//===- unit/Match/RegexWordsTest.cpp --------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Match/RegexWords.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

/// The rarest-looking word set of \p Regex (empty if none).
std::vector<std::string> words(llvm::StringRef Regex) {
  auto Sets = requiredWords(Regex);
  return Sets.empty() ? std::vector<std::string>() : Sets.front();
}

TEST(RegexWords, LiteralWordsBetweenBoundaries) {
  EXPECT_THAT(words("\\bonly \\d+ spots? left\\b"), ElementsAre("only"));
  EXPECT_THAT(words("\\bfix(?:es)? (?:[a-z']+ ){0,3}?permanently\\b"),
              ElementsAre("permanently"));
  EXPECT_THAT(words("\\b(?:cure|heal)s?\\b"),
              ElementsAre("cure", "cures", "heal", "heals"));
}

TEST(RegexWords, SeparatePartsGiveSetsThatAllHold) {
  EXPECT_THAT(requiredWords("\\bonly \\d+ (?:spots?|seats?) left\\b"),
              ElementsAre(ElementsAre("only"), ElementsAre("left"),
                          ElementsAre("seat", "seats", "spot", "spots")));
  // Optional parts give none; at most four sets, the rarest first.
  EXPECT_THAT(requiredWords("\\bpain (?:free )?relief\\b"),
              ElementsAre(ElementsAre("relief"), ElementsAre("pain")));
  EXPECT_EQ(requiredWords("\\ba b c d e f\\b").size(), 4u);
}

TEST(RegexWords, AWordMustBeFixedOnBothSides) {
  // Unanchored: "permanently" also matches inside "impermanently".
  EXPECT_THAT(words("permanently"), IsEmpty());
  EXPECT_THAT(words("\\bperman"), IsEmpty());
  EXPECT_THAT(words("\\wcure\\b"), IsEmpty());
  EXPECT_THAT(words(".cure\\b"), IsEmpty());
  EXPECT_THAT(words("[^a]cure\\b"), IsEmpty());
  // Non-word neighbours fix a side: a literal, \s, a class of non-words.
  EXPECT_THAT(words("[;:]cure[.!]"), ElementsAre("cure"));
  EXPECT_THAT(words("\\scure\\s"), ElementsAre("cure"));
  EXPECT_THAT(words("#1 mistake\\b"), ElementsAre("mistake"));
}

TEST(RegexWords, OptionalPartsGiveNothing) {
  EXPECT_THAT(words("\\b(?:miracle )?cure"), IsEmpty());
  EXPECT_THAT(words("\\b(?:miracle )*x"), IsEmpty());
  EXPECT_THAT(words("\\b(?:miracle ){0,2}x"), IsEmpty());
  EXPECT_THAT(words("\\b(?:miracle ){1,2}x"), ElementsAre("miracle"));
  EXPECT_THAT(words("\\b(?:miracle )+x"), ElementsAre("miracle"));
}

TEST(RegexWords, AnAlternationNeedsWordsInEveryBranch) {
  EXPECT_THAT(words("\\bcure\\b|\\bheal\\b"), ElementsAre("cure", "heal"));
  EXPECT_THAT(words("\\bcure\\b|\\d+%"), IsEmpty());
  EXPECT_THAT(words("\\bcure\\b|"), IsEmpty());
}

TEST(RegexWords, TheRarestLookingChoiceWins) {
  // "of" and "to" are in most paragraphs; a list of long words is better.
  EXPECT_THAT(words("\\bof (?:patients|clients)\\b"),
              ElementsAre("clients", "patients"));
  EXPECT_THAT(words("\\bsay goodbye to\\b"), ElementsAre("goodbye"));
}

TEST(RegexWords, ZeroWidthBoundaryAcrossAnOptionalGap) {
  // \b, then a gap that may be empty, then the word: fixed either way.
  EXPECT_THAT(words("\\b(?:[a-z]+ )?cure\\b"), ElementsAre("cure"));
}

TEST(RegexWords, CaseFoldingIntoAsciiIsNotAWordBoundary) {
  // U+212A KELVIN SIGN matches k case-insensitively: not a non-word.
  EXPECT_THAT(words("\\x{212A}cure\\b"), IsEmpty());
  EXPECT_THAT(words("[\\x{2000}-\\x{2200}]cure\\b"), IsEmpty());
  EXPECT_THAT(words("\xE2\x84\xAA"
                    "cure\\b"),
              IsEmpty());
  // Other characters outside ASCII are non-words for RE2's \b.
  EXPECT_THAT(words("\\x{2014}cure\\b"), ElementsAre("cure"));
  EXPECT_THAT(words("\xE2\x80\x94"
                    "cure\\b"),
              ElementsAre("cure"));
}

TEST(RegexWords, WordsAreLowerCaseLettersAndDigits) {
  EXPECT_THAT(words("(?i)\\bFDA Approved\\b"), ElementsAre("approved"));
  EXPECT_THAT(words("\\b100\\b"), IsEmpty());
  EXPECT_THAT(words("\\bstem_cell\\b"), IsEmpty());
  EXPECT_THAT(words("\\b(?P<w>covid19)\\b"), ElementsAre("covid19"));
  EXPECT_THAT(words("\\Qnew.cure\\E\\b"), ElementsAre("cure"));
}

TEST(RegexWords, WhatItDoesNotReadGivesNothing) {
  EXPECT_THAT(words("\\bcure(?=x)"), IsEmpty()); // not RE2; no crash
  EXPECT_THAT(words("(\\bcure\\b"), IsEmpty());
  EXPECT_THAT(words("[\\bcure"), IsEmpty());
  EXPECT_THAT(words(""), IsEmpty());
  EXPECT_THAT(words("\\"), IsEmpty());
  // RE2 applies this '?' to the 't' before the flags: "trea" may match.
  EXPECT_THAT(words("\\b(?:treat(?i)?|forms?)\\b"), IsEmpty());
}

TEST(RegexWords, LongProductsAreReadInChunks) {
  // 4 x 4 x 4 x 4 spellings: more than one run holds; the words still come.
  EXPECT_THAT(words("\\b(?:a|b|c|d)(?:e|f|g|h)(?:i|j|k|l)(?:m|n|o|p) "
                    "(?:q|r|s|t) remedy\\b"),
              ElementsAre("remedy"));
}

TEST(RegexWords, RequiredCharactersWhenNoWordWill) {
  EXPECT_EQ(requiredCharacters("\"[^\"]{8,300}\" ?- ?[a-z]+"), "\"");
  // One per string of a literal part, rare ones first; all or nothing.
  EXPECT_EQ(requiredCharacters("\\d+(?:%|#)"), "#%");
  EXPECT_EQ(requiredCharacters("\\d+(?:%|per ?cent)"), "");
  EXPECT_EQ(requiredCharacters("\\d+(?:%)?"), "");
  EXPECT_EQ(requiredCharacters("a-b: c"), ":");
  EXPECT_EQ(requiredCharacters("\\w+"), "");
}

} // namespace
