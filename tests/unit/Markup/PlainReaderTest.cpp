//===- tests/unit/Markup/PlainReaderTest.cpp - Plain text reader ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "gtest/gtest.h"

#include "MarkupTestUtil.h"

using namespace claimlint;
using namespace claimlint::test;

namespace {

using Blocks = std::vector<std::string>;

TEST(PlainReaderTest, ParagraphsAtBlankLines) {
  llvm::StringRef T = "Our tea is calming.\nIt cures colds.\n\n\nSecond one.\n";
  Prose P = readPlainText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Our tea is calming. It cures colds.",
                               "paragraph: Second one."}));
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  EXPECT_EQ(mapped(P, "calming. It"), raw(T, "calming.\nIt"));
}

TEST(PlainReaderTest, ListItemsAreBlocks) {
  llvm::StringRef T = "Benefits:\n- cures colds\n  and flu\n* eases pain\n"
                      "12. helps sleep\n\xE2\x80\xA2 boosts energy\n";
  Prose P = readPlainText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(blocks(P),
            (Blocks{"paragraph: Benefits:", "list-item: cures colds and flu",
                    "list-item: eases pain", "list-item: helps sleep",
                    "list-item: boosts energy"}));
  EXPECT_EQ(mapped(P, "colds and"), raw(T, "colds\n  and"));
  EXPECT_EQ(mapped(P, "energy"), raw(T, "energy"));
}

TEST(PlainReaderTest, ShortLineBeforeCapitalisedLineIsAHeading) {
  llvm::StringRef T = "Why Our Tea Works\nIt cures colds.\n";
  Prose P = readPlainText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(blocks(P), (Blocks{"heading: Why Our Tea Works",
                               "paragraph: It cures colds."}));
}

TEST(PlainReaderTest, WrappedLineInsideASentenceIsNotAHeading) {
  // The second line has no final punctuation and the third is capitalised,
  // but the second line continues a sentence: it stays in the paragraph.
  llvm::StringRef T =
      "Our tea is brewed daily and\nit cures\nInfluenza fast.\n";
  Prose P = readPlainText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Our tea is brewed daily and it "
                               "cures Influenza fast."}));
}

TEST(PlainReaderTest, OneParagraphPerLineWithHeadings) {
  // Text saved from a web page: no blank lines, one paragraph per line.
  llvm::StringRef T = "Stem cells help. They heal joints.\nWhy It Works\n"
                      "It cures colds.\nExpected Results\n- Less pain\n";
  Prose P = readPlainText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(blocks(P),
            (Blocks{"paragraph: Stem cells help. They heal joints.",
                    "heading: Why It Works", "paragraph: It cures colds.",
                    "heading: Expected Results", "list-item: Less pain"}));
  EXPECT_EQ(mapped(P, "Results"), raw(T, "Results"));
}

TEST(PlainReaderTest, CrLfBomAndLoneCr) {
  llvm::StringRef T = "\xEF\xBB\xBFTea cures.\r\nReally.\r\n\r\nNext\rline.";
  Prose P = readPlainText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(blocks(P),
            (Blocks{"paragraph: Tea cures. Really.", "paragraph: Next line."}));
  EXPECT_EQ(mapped(P, "Tea"), (Range{3, 6}));
  EXPECT_EQ(mapped(P, "cures. Really"), raw(T, "cures.\r\nReally"));
  EXPECT_EQ(mapped(P, "line"), raw(T, "line"));
}

TEST(PlainReaderTest, NonAsciiAndInvalidUtf8) {
  llvm::StringRef T =
      "Caf\xC3\xA9 tea\xE2\x80\x99s \xFF\xFE cures \xF0\x9F\x98\x80 "
      "flu \xC3";
  Prose P = readPlainText(T);
  expectWellFormed(P, T);
  EXPECT_EQ(P.text(), "Caf\xC3\xA9 tea's \xFF\xFE cures \xF0\x9F\x98\x80 flu "
                      "\xC3\n");
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  EXPECT_EQ(mapped(P, "tea's"), raw(T, "tea\xE2\x80\x99s"));
  EXPECT_EQ(mapped(P, "flu"), raw(T, "flu"));
}

TEST(PlainReaderTest, EmptyAndBlankFiles) {
  for (llvm::StringRef T : {"", "\xEF\xBB\xBF", "\n\n  \r\n\t\n"}) {
    Prose P = readPlainText(T);
    expectWellFormed(P, T);
    EXPECT_EQ(P.text(), "");
    EXPECT_TRUE(P.blocks().empty());
  }
}

TEST(PlainReaderTest, FileTypeNames) {
  EXPECT_EQ(parseFileType("MD"), FileType::Markdown);
  EXPECT_EQ(parseFileType("htm"), FileType::Html);
  EXPECT_EQ(parseFileType("txt"), FileType::Text);
  EXPECT_FALSE(parseFileType("pdf").hasValue());
  EXPECT_EQ(fileTypeName(FileType::Markdown), "markdown");
  // readDocument dispatches on the type.
  llvm::StringRef T = "`cures`";
  EXPECT_EQ(readDocument(T, FileType::Text).text(), "`cures`\n");
  EXPECT_EQ(readDocument(T, FileType::Markdown).text(), "");
}

} // namespace
