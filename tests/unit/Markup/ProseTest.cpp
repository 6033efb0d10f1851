//===- tests/unit/Markup/ProseTest.cpp - ProseBuilder and the offset map --===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Markup/Prose.h"

#include "gtest/gtest.h"

#include "MarkupTestUtil.h"

using namespace claimlint;
using namespace claimlint::test;

namespace {

/// One paragraph holding the whole of \p Text.
Prose wholeText(llvm::StringRef Text) {
  ProseBuilder B(Text);
  B.beginBlock(BlockKind::Paragraph);
  B.addText(0, static_cast<uint32_t>(Text.size()));
  return B.take();
}

TEST(ProseTest, CollapsesWhiteSpaceRuns) {
  llvm::StringRef T = "  Tea \t\r\n  cures\n\nflu  ";
  Prose P = wholeText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(P.text(), "Tea cures flu\n");
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  // A range across a collapsed run covers the whole run in the source.
  EXPECT_EQ(mapped(P, "Tea cures"), (Range{2, 16}));
}

TEST(ProseTest, NormalisesQuotesSpacesAndHyphens) {
  // don’t, a no-break space, “quoted”, a non-breaking hyphen, a soft hyphen
  // and a zero-width space.
  llvm::StringRef T = "don\xE2\x80\x99t\xC2\xA0"
                      "stop \xE2\x80\x9Cquoted\xE2\x80\x9D "
                      "anti\xE2\x80\x91inflam\xC2\xADmatory ze\xE2\x80\x8Bro";
  Prose P = wholeText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(P.text(), "don't stop \"quoted\" anti-inflammatory zero\n");
  EXPECT_EQ(mapped(P, "don't"), raw(T, "don\xE2\x80\x99t"));
  EXPECT_EQ(mapped(P, "stop"), raw(T, "stop"));
  EXPECT_EQ(mapped(P, "\"quoted\""), raw(T, "\xE2\x80\x9Cquoted\xE2\x80\x9D"));
  EXPECT_EQ(mapped(P, "anti-inflammatory"),
            raw(T, "anti\xE2\x80\x91inflam\xC2\xADmatory"));
  EXPECT_EQ(mapped(P, "zero"), raw(T, "ze\xE2\x80\x8Bro"));
}

TEST(ProseTest, ReplacementMapsToItsWholeSource) {
  llvm::StringRef T = "caf&eacute; cures";
  ProseBuilder B(T);
  B.beginBlock(BlockKind::Paragraph);
  B.addText(0, 3);
  B.addReplacement("\xC3\xA9", 3, 11);
  B.addText(11, 17);
  Prose P = B.take();
  expectWellFormed(P, T);
  EXPECT_EQ(P.text(), "caf\xC3\xA9 cures\n");
  EXPECT_EQ(mapped(P, "caf\xC3\xA9"), raw(T, "caf&eacute;"));
  // A range that starts or ends inside the replacement widens to all of it.
  EXPECT_EQ(P.toOriginal({4, 5}), (Range{3, 11}));
  EXPECT_EQ(P.toOriginal({3, 4}), (Range{3, 11}));
  EXPECT_EQ(mapped(P, "cures"), (Range{12, 17}));
  // A replacement that is white space collapses like any other.
  llvm::StringRef T2 = "a&nbsp; b";
  ProseBuilder B2(T2);
  B2.beginBlock(BlockKind::Paragraph);
  B2.addText(0, 1);
  B2.addReplacement("\xC2\xA0", 1, 7);
  B2.addText(7, 9);
  Prose P2 = B2.take();
  EXPECT_EQ(P2.text(), "a b\n");
  EXPECT_EQ(mapped(P2, "a b"), (Range{0, 9}));
}

TEST(ProseTest, BlocksAreSeparatedAndEmptyOnesDropped) {
  llvm::StringRef T = "one   \n\n   \n two";
  ProseBuilder B(T);
  B.beginBlock(BlockKind::Heading);
  B.addText(0, 6);
  B.beginBlock(BlockKind::Paragraph); // ends the heading
  B.addText(8, 11);                   // only spaces: dropped
  B.endBlock();
  B.beginBlock(BlockKind::ListItem);
  B.addSpace(12);
  B.addText(12, 16);
  Prose P = B.take();
  expectWellFormed(P, T);
  EXPECT_EQ(P.text(), "one\ntwo\n");
  EXPECT_EQ(blocks(P),
            (std::vector<std::string>{"heading: one", "list-item: two"}));
  EXPECT_EQ(mapped(P, "two"), raw(T, "two"));
  // The separator maps to the start of the next block's source.
  EXPECT_EQ(P.toOriginal({3, 4}).Begin, 13u);
}

TEST(ProseTest, RoundTripsThroughTheMap) {
  llvm::StringRef T = "It \xE2\x80\x99s  caf\xC3\xA9\n  time &amp; more";
  ProseBuilder B(T);
  B.beginBlock(BlockKind::Paragraph);
  ASSERT_EQ(T.find('&'), 22u);
  B.addText(0, 22);
  B.addReplacement("&", 22, 27);
  B.addText(27, static_cast<uint32_t>(T.size()));
  Prose P = B.take();
  expectWellFormed(P, T);
  EXPECT_EQ(P.text(), "It 's caf\xC3\xA9 time & more\n");
  for (const Prose::Piece &Pc : P.pieces()) {
    if (!Pc.Verbatim)
      continue;
    for (uint32_t I = 0; I < Pc.ProseLen; ++I) {
      uint32_t Prose = Pc.Prose + I;
      Range O = P.toOriginal({Prose, Prose + 1});
      EXPECT_EQ(O, (Range{Pc.Orig + I, Pc.Orig + I + 1}));
      EXPECT_EQ(P.fromOriginal(O.Begin), Prose);
    }
  }
  // Source offsets inside a replaced piece map to its prose start.
  EXPECT_EQ(P.fromOriginal(24), P.text().find('&'));
  // Past the end of the prose source: the prose size.
  EXPECT_EQ(P.fromOriginal(1000), P.text().size());
}

TEST(ProseTest, EmptyProse) {
  ProseBuilder B("");
  Prose P = B.take();
  EXPECT_EQ(P.text(), "");
  EXPECT_TRUE(P.blocks().empty());
  EXPECT_EQ(P.toOriginal({0, 0}), (Range{0, 0}));
  EXPECT_EQ(P.fromOriginal(0), 0u);
}

TEST(ProseTest, NormalisedPrefix) {
  llvm::StringRef R;
  EXPECT_EQ(normalisedPrefix("a", R), 0u);
  EXPECT_EQ(normalisedPrefix("\xC3\xA9", R), 0u); // é stays
  EXPECT_EQ(normalisedPrefix("\t", R), 1u);
  EXPECT_EQ(R, " ");
  EXPECT_EQ(normalisedPrefix("\xE2\x80\x98x", R), 3u);
  EXPECT_EQ(R, "'");
  EXPECT_EQ(normalisedPrefix("\xEF\xBB\xBF", R), 3u);
  EXPECT_EQ(R, "");
  // Truncated sequences are kept as they are.
  EXPECT_EQ(normalisedPrefix("\xE2\x80", R), 0u);
  EXPECT_EQ(normalisedPrefix("\xC2", R), 0u);
}

TEST(ProseTest, BlockKindNames) {
  EXPECT_EQ(blockKindName(BlockKind::TableCell), "table-cell");
  EXPECT_EQ(blockKindName(BlockKind::AltText), "alt-text");
  EXPECT_EQ(blockKindName(BlockKind::Description), "description");
}

} // namespace
