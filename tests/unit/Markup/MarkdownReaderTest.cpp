//===- tests/unit/Markup/MarkdownReaderTest.cpp - Markdown reader ---------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Each test reads a small document and checks the prose and that words map
// back to their exact bytes in the source.
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "gtest/gtest.h"

#include <chrono>
#include <string>

#include "MarkupTestUtil.h"

using namespace claimlint;
using namespace claimlint::test;

namespace {

using Blocks = std::vector<std::string>;

Prose read(llvm::StringRef T) {
  Prose P = readMarkdown(T);
  expectWellFormed(P, T);
  return P;
}

TEST(MarkdownReaderTest, HeadingsAndParagraphs) {
  llvm::StringRef T = "# Tea *cures* colds\n\nOur **tea** cures flu.\n\n"
                      "Setext title\n===\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"heading: Tea cures colds", "paragraph: Our tea cures flu.",
                    "heading: Setext title"}));
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  EXPECT_EQ(mapped(P, "cures", 1), raw(T, "cures", 1));
  // Emphasis markers inside a match are covered by the mapped range.
  EXPECT_EQ(mapped(P, "Tea cures colds"), raw(T, "Tea *cures* colds"));
  EXPECT_EQ(mapped(P, "Setext"), raw(T, "Setext"));
}

TEST(MarkdownReaderTest, EntitiesMapToTheirRawSpan) {
  llvm::StringRef T =
      "Tea &amp; caf&eacute; &#x27;cures&#39; flu &rsquo;n&nbsp;more &bogus;\n";
  Prose P = read(T);
  EXPECT_EQ(P.text(), "Tea & caf\xC3\xA9 'cures' flu 'n more &bogus;\n");
  EXPECT_EQ(mapped(P, "&"), raw(T, "&amp;"));
  EXPECT_EQ(mapped(P, "caf\xC3\xA9"), raw(T, "caf&eacute;"));
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  EXPECT_EQ(mapped(P, "'cures'"), raw(T, "&#x27;cures&#39;"));
  EXPECT_EQ(mapped(P, "'n more"), raw(T, "&rsquo;n&nbsp;more"));
  EXPECT_EQ(mapped(P, "&bogus;"), raw(T, "&bogus;"));
}

TEST(MarkdownReaderTest, BackslashEscapes) {
  llvm::StringRef T = "\\*Not emphasis\\* and 100\\% cures\\!\n";
  Prose P = read(T);
  EXPECT_EQ(P.text(), "*Not emphasis* and 100% cures!\n");
  EXPECT_EQ(mapped(P, "*Not"), (Range{1, 5}));
  EXPECT_EQ(mapped(P, "100% cures!"), raw(T, "100\\% cures\\!"));
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
}

TEST(MarkdownReaderTest, HardBreakIsASegmentBreak) {
  llvm::StringRef T = "Our tea cures  \nall colds\\\nand flu\n\n"
                      "- item cures  \n  every ill\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"paragraph: Our tea cures", "paragraph: all colds",
                    "paragraph: and flu", "list-item: item cures",
                    "list-item: every ill"}));
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  EXPECT_EQ(mapped(P, "and flu"), raw(T, "and flu"));
  EXPECT_EQ(mapped(P, "every"), raw(T, "every"));
}

TEST(MarkdownReaderTest, SoftBreakIsASpace) {
  llvm::StringRef T = "it **cures\neverything**\n\n> Quoted tea\n> cures flu\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: it cures everything",
                               "block-quote: Quoted tea cures flu"}));
  EXPECT_EQ(mapped(P, "cures everything"), raw(T, "cures\neverything"));
  EXPECT_EQ(mapped(P, "tea cures"), raw(T, "tea\n> cures"));
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  // A "> " line interrupts a paragraph: it starts a block quote.
  Prose Q = read("it cures\n> everything\n");
  EXPECT_EQ(blocks(Q),
            (Blocks{"paragraph: it cures", "block-quote: everything"}));
}

TEST(MarkdownReaderTest, CrLf) {
  llvm::StringRef T =
      "# Title\r\n\r\nTea\r\ncures flu.\r\n\r\n- one\r\n- two\r\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"heading: Title", "paragraph: Tea cures flu.",
                               "list-item: one", "list-item: two"}));
  EXPECT_EQ(mapped(P, "Tea cures"), raw(T, "Tea\r\ncures"));
  EXPECT_EQ(mapped(P, "two"), raw(T, "two"));
}

TEST(MarkdownReaderTest, Bom) {
  llvm::StringRef T = "\xEF\xBB\xBF# Tea cures\n\nText.\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"heading: Tea cures", "paragraph: Text."}));
  EXPECT_EQ(mapped(P, "Tea"), (Range{5, 8}));
}

TEST(MarkdownReaderTest, NonAscii) {
  llvm::StringRef T = "Caf\xC3\xA9 tea\xE2\x80\x99s \xE2\x80\x9C"
                      "cure\xE2\x80\x9D "
                      "\xF0\x9F\x98\x80 works \xE6\xBC\xA2\xE6\x96\xB9\n";
  Prose P = read(T);
  EXPECT_EQ(P.text(), "Caf\xC3\xA9 tea's \"cure\" \xF0\x9F\x98\x80 works "
                      "\xE6\xBC\xA2\xE6\x96\xB9\n");
  EXPECT_EQ(mapped(P, "tea's"), raw(T, "tea\xE2\x80\x99s"));
  EXPECT_EQ(mapped(P, "\"cure\""), raw(T, "\xE2\x80\x9C"
                                          "cure\xE2\x80\x9D"));
  EXPECT_EQ(mapped(P, "cure"), raw(T, "cure"));
  EXPECT_EQ(mapped(P, "\xF0\x9F\x98\x80"), raw(T, "\xF0\x9F\x98\x80"));
  EXPECT_EQ(mapped(P, "works"), raw(T, "works"));
}

TEST(MarkdownReaderTest, InvalidUtf8KeepsPositions) {
  llvm::StringRef T = "Bad \xFF\xFE bytes\n\n# \xC3 cures \xE2\x80\n\n"
                      "- \x80\x80 tea cures\n";
  Prose P = read(T);
  EXPECT_EQ(mapped(P, "bytes"), raw(T, "bytes"));
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  EXPECT_EQ(mapped(P, "tea cures"), raw(T, "tea cures"));
  ASSERT_EQ(P.blocks().size(), 3u);
  EXPECT_EQ(P.blocks()[1].Kind, BlockKind::Heading);
}

TEST(MarkdownReaderTest, CodeIsSkipped) {
  llvm::StringRef T = "Take `cures()` daily and ``x ` cures`` too.\n\n"
                      "```python\nprint('cures')\n```\n\n"
                      "~~~\ncures\n~~~\n\n"
                      "    indented cures\n\n"
                      "After code cures.\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Take daily and too.",
                               "paragraph: After code cures."}));
  Range After = raw(T, "After code cures.");
  EXPECT_EQ(mapped(P, "cures"), (Range{After.Begin + 11, After.Begin + 16}));
}

TEST(MarkdownReaderTest, UrlsAndAutolinksAreSkipped) {
  llvm::StringRef T = "See https://cures.example.com/x and <https://a.b/cures> "
                      "or www.cures.org or cures@example.com or "
                      "<mailto:cures@x.org> now.\n";
  Prose P = read(T);
  EXPECT_EQ(P.text(), "See and or or or now.\n");
  EXPECT_EQ(mapped(P, "now"), raw(T, "now"));
}

TEST(MarkdownReaderTest, LinkTextIsKeptButNotItsUrl) {
  llvm::StringRef T = "Read [how *tea* cures flu](https://cures.example/flu "
                      "\"cures title\") and [ref][1].\n\n"
                      "[1]: https://cures.example/ref\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Read how tea cures flu and ref."}));
  EXPECT_EQ(mapped(P, "tea cures"), raw(T, "tea* cures"));
  EXPECT_EQ(mapped(P, "flu"), raw(T, "flu"));
  // A link whose text is a URL is not prose either.
  Prose Q = read("See [https://x.org/cures](https://x.org/cures).\n");
  EXPECT_EQ(Q.text(), "See .\n");
}

TEST(MarkdownReaderTest, ImageAltTextIsABlock) {
  llvm::StringRef T =
      "Intro ![Pill *cures* flu](pill.png \"title cures\") outro\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Intro", "alt-text: Pill cures flu",
                               "paragraph: outro"}));
  EXPECT_EQ(mapped(P, "Pill cures flu"), raw(T, "Pill *cures* flu"));
  // An image inside a link: the alt text is still read.
  Prose Q = read("[![Tea cures](t.png)](https://x.org)\n");
  EXPECT_EQ(blocks(Q), (Blocks{"alt-text: Tea cures"}));
}

TEST(MarkdownReaderTest, TableCellsAreBlocks) {
  llvm::StringRef T = "| Herb | Claim |\n|------|-------|\n"
                      "| Tea  | cures *flu* |\n| Mint | `code` eases |\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"table-cell: Herb", "table-cell: Claim",
                               "table-cell: Tea", "table-cell: cures flu",
                               "table-cell: Mint", "table-cell: eases"}));
  EXPECT_EQ(mapped(P, "cures flu"), raw(T, "cures *flu"));
  EXPECT_EQ(mapped(P, "eases"), raw(T, "eases"));
}

TEST(MarkdownReaderTest, BlockQuotes) {
  llvm::StringRef T = "> Tea cures\n> all.\n>\n> Second &amp; last.\n\n"
                      "> > Nested cures.\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"block-quote: Tea cures all.",
                               "block-quote: Second & last.",
                               "block-quote: Nested cures."}));
  EXPECT_EQ(mapped(P, "cures all"), raw(T, "cures\n> all"));
  EXPECT_EQ(mapped(P, "Nested"), raw(T, "Nested"));
}

TEST(MarkdownReaderTest, ListItems) {
  llvm::StringRef T = "- Tea cures\n  colds\n  - nested cures\n- [x] task "
                      "cures\n\n1. Loose item.\n\n   Second paragraph.\n"
                      "2. > quoted in item\n";
  Prose P = read(T);
  EXPECT_EQ(
      blocks(P),
      (Blocks{"list-item: Tea cures colds", "list-item: nested cures",
              "list-item: task cures", "list-item: Loose item.",
              "list-item: Second paragraph.", "block-quote: quoted in item"}));
  EXPECT_EQ(mapped(P, "cures colds"), raw(T, "cures\n  colds"));
  EXPECT_EQ(mapped(P, "nested"), raw(T, "nested"));
  EXPECT_EQ(mapped(P, "task"), raw(T, "task"));
}

TEST(MarkdownReaderTest, YamlFrontMatter) {
  llvm::StringRef T = "---\n"
                      "title: \"Tea \\\"cures\\\" colds\"\n"
                      "author: Cures Inc\n"
                      "description: Our tea cures flu # a comment\n"
                      "tags: [cures]\n"
                      "seo:\n  title: nested cures\n"
                      "---\n"
                      "# Body\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"title: Tea \"cures\" colds",
                    "description: Our tea cures flu", "heading: Body"}));
  EXPECT_EQ(mapped(P, "Tea \"cures\" colds"),
            raw(T, "Tea \\\"cures\\\" colds"));
  EXPECT_EQ(mapped(P, "\"cures\""), raw(T, "\\\"cures\\\""));
  EXPECT_EQ(mapped(P, "Our tea cures flu"), raw(T, "Our tea cures flu"));
  EXPECT_EQ(mapped(P, "Body"), raw(T, "Body"));
}

TEST(MarkdownReaderTest, YamlFrontMatterScalarStyles) {
  llvm::StringRef T = "---\r\n"
                      "title: 'It''s tea'\r\n"
                      "description: >-\r\n"
                      "  Our tea\r\n"
                      "  cures flu\r\n"
                      "draft: true\r\n"
                      "...\r\n"
                      "Text.\r\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"title: It's tea", "description: Our tea cures flu",
                    "paragraph: Text."}));
  EXPECT_EQ(mapped(P, "It's"), raw(T, "It''s"));
  EXPECT_EQ(mapped(P, "tea cures"), raw(T, "tea\r\n  cures"));
}

TEST(MarkdownReaderTest, YamlPlainScalarOverSeveralLines) {
  llvm::StringRef T = "---\n"
                      "description: Our tea\n"
                      "  cures flu\n"
                      "\n"
                      "  and colds\n"
                      "author: Cures Inc\n"
                      "title:\n"
                      "---\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"description: Our tea cures flu and colds"}));
  EXPECT_EQ(mapped(P, "tea cures"), raw(T, "tea\n  cures"));
  EXPECT_EQ(mapped(P, "flu and"), raw(T, "flu\n\n  and"));
}

TEST(MarkdownReaderTest, TomlFrontMatter) {
  llvm::StringRef T = "+++\n"
                      "title = \"Tea cures\"\n"
                      "weight = 3\n"
                      "description = 'Literal \\n cures'\n"
                      "[params]\n"
                      "description = \"not the page's\"\n"
                      "+++\n"
                      "Body.\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"title: Tea cures", "description: Literal \\n cures",
                    "paragraph: Body."}));
  EXPECT_EQ(mapped(P, "Tea cures"), raw(T, "Tea cures"));
  EXPECT_EQ(mapped(P, "Literal"), raw(T, "Literal"));
}

TEST(MarkdownReaderTest, QuotedValueSpanningLinesHidesKeysInside) {
  // A quote left open runs on to the next line; that line is part of the
  // value, not a key of its own (a fuzz finding: it was read twice).
  llvm::StringRef T = "+++\n"
                      "title = \"Tea\n"
                      "title = cures colds\"\n"
                      "+++\n"
                      "Body.\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"title: Tea title = cures colds", "paragraph: Body."}));
  EXPECT_EQ(mapped(P, "cures colds"), raw(T, "cures colds"));
}

TEST(MarkdownReaderTest, UnclosedFrontMatterIsMarkdown) {
  llvm::StringRef T = "---\ntitle: Tea cures\n";
  Prose P = read(T);
  // md4c reads the "---" as a thematic break.
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: title: Tea cures"}));
  EXPECT_EQ(mapped(P, "Tea"), raw(T, "Tea"));
}

TEST(MarkdownReaderTest, RawHtmlTagsAreSkipped) {
  llvm::StringRef T = "Our <b>tea</b> cures <span\nclass=\"x\">flu</span> "
                      "<code>not cures</code> fast.<br>New line.\n\n"
                      "<div align=\"center\">\n<p>Html &amp; cures</p>\n"
                      "<img src=\"a.png\" alt=\"Pill cures\">\n"
                      "<script>cures()</script>\n</div>\n";
  Prose P = read(T);
  EXPECT_EQ(
      blocks(P),
      (Blocks{"paragraph: Our tea cures flu fast.", "paragraph: New line.",
              "paragraph: Html & cures", "alt-text: Pill cures"}));
  EXPECT_EQ(mapped(P, "tea cures flu"),
            raw(T, "tea</b> cures <span\nclass=\"x\">flu"));
  EXPECT_EQ(mapped(P, "Html & cures"), raw(T, "Html &amp; cures"));
  EXPECT_EQ(mapped(P, "Pill cures"), raw(T, "Pill cures"));
}

TEST(MarkdownReaderTest, CommentsAreCollected) {
  llvm::StringRef T =
      "<!-- claimlint-disable-next-line health/cure-claim -- reason -->\n"
      "Tea cures colds.\n\n"
      "- item <!-- claimlint-disable-line x -- inline reason -->\n"
      "- item two <!-- spans\n  two lines -- here --> after\n"
      "- item three <!-- valid inline -->\n\n"
      "Text <!--\nfree -- form\n--> more.\n\n"
      "`<!-- not a comment -->`\n\n"
      "```\n<!-- nor this -->\n```\n\n"
      "> <!-- in a quote -->\n";
  Prose P = read(T);
  ASSERT_EQ(P.comments().size(), 6u);
  EXPECT_EQ(commentBody(P, T, 0),
            " claimlint-disable-next-line health/cure-claim -- reason ");
  EXPECT_EQ(P.comments()[0].Source,
            raw(T, "<!-- claimlint-disable-next-line health/cure-claim -- "
                   "reason -->"));
  EXPECT_EQ(commentBody(P, T, 1),
            " claimlint-disable-line x -- inline reason ");
  EXPECT_EQ(P.comments()[1].Source,
            raw(T, "<!-- claimlint-disable-line x -- inline reason -->"));
  EXPECT_EQ(commentBody(P, T, 2), " spans\n  two lines -- here ");
  EXPECT_EQ(commentBody(P, T, 3), " valid inline ");
  EXPECT_EQ(commentBody(P, T, 4), "\nfree -- form\n");
  EXPECT_EQ(commentBody(P, T, 5), " in a quote ");
  EXPECT_EQ(blocks(P),
            (Blocks{"paragraph: Tea cures colds.", "list-item: item",
                    "list-item: item two after", "list-item: item three",
                    "paragraph: Text more."}));
  EXPECT_EQ(mapped(P, "after"), raw(T, "after"));
  EXPECT_EQ(mapped(P, "more"), raw(T, "more"));
}

TEST(MarkdownReaderTest, StrayCommentOpenerIsText) {
  // No "-->" before the paragraph ends: the opener is text, and the later
  // paragraph is still read.
  llvm::StringRef T = "Tea <!-- cures\n\nFlu cures. -->\n";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"paragraph: Tea <!-- cures", "paragraph: Flu cures. -->"}));
  EXPECT_TRUE(P.comments().empty());
}

TEST(MarkdownReaderTest, DeepNestingIsBounded) {
  auto Start = std::chrono::steady_clock::now();
  for (const char *Unit : {"> ", "- ", "* ", "1. ", "[", "*", "![", "<a>"}) {
    std::string T;
    for (int I = 0; I < 10000; ++I)
      T += Unit;
    T += "cures\n";
    Prose P = read(T);
    EXPECT_NE(P.text().find("cures"), std::string::npos) << Unit;
    EXPECT_EQ(mapped(P, "cures"), raw(T, "cures")) << Unit;
  }
  std::string Lines;
  for (int I = 0; I < 2000; ++I)
    Lines += std::string(2 * I, ' ') + "- item\n";
  Prose P = read(Lines);
  EXPECT_FALSE(P.blocks().empty());
  auto Elapsed = std::chrono::steady_clock::now() - Start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(Elapsed).count(),
            20);
}

TEST(MarkdownReaderTest, ManyStrayCommentOpenersStayLinear) {
  std::string T;
  for (int I = 0; I < 50000; ++I)
    T += "a <!-- b -- ";
  T += "\n";
  auto Start = std::chrono::steady_clock::now();
  Prose P = read(T);
  auto Elapsed = std::chrono::steady_clock::now() - Start;
  EXPECT_EQ(P.blocks().size(), 1u);
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(Elapsed).count(),
            10);
}

/// Documents glued from Markdown, HTML and UTF-8 fragments, from a fixed
/// seed, keep the map well formed (verbatim pieces copy the source, pieces
/// in order, blocks trimmed and non-empty).
TEST(MarkdownReaderTest, RandomInputsKeepTheMapWellFormed) {
  const char *Parts[] = {"cures ",
                         "\n",
                         "\r\n",
                         "\n\n",
                         "> ",
                         "- ",
                         "1. ",
                         "# ",
                         "*",
                         "**",
                         "_",
                         "`",
                         "```\n",
                         "    ",
                         "[",
                         "](",
                         ")",
                         "![",
                         "<",
                         ">",
                         "<!--",
                         "-->",
                         "--",
                         "<b>",
                         "</b>",
                         "<p>",
                         "<code>",
                         "</code>",
                         "&amp;",
                         "&#x27;",
                         "&bogus;",
                         "&",
                         "\\",
                         "  \n",
                         "|",
                         "|---|\n",
                         "https://x.org ",
                         "www.y.org ",
                         "a@b.org ",
                         "\xC3\xA9",
                         "\xE2\x80\x99",
                         "\xFF",
                         "\xC3",
                         "\xF0\x9F\x98\x80",
                         "---\n",
                         "+++\n",
                         "title: ",
                         "description: ",
                         "\"",
                         "'",
                         "\t",
                         "<br>",
                         "<img alt=\"x\">",
                         "~~"};
  uint32_t Seed = 12345;
  auto Next = [&Seed] {
    Seed = Seed * 1103515245u + 12345u;
    return (Seed >> 16) & 0x7FFF;
  };
  for (int Doc = 0; Doc < 3000; ++Doc) {
    std::string T;
    unsigned Len = Next() % 40;
    for (unsigned I = 0; I < Len; ++I)
      T += Parts[Next() % (sizeof(Parts) / sizeof(Parts[0]))];
    SCOPED_TRACE(T);
    read(T);
    Prose H = readHtml(T);
    expectWellFormed(H, T);
    Prose Plain = readPlainText(T);
    expectWellFormed(Plain, T);
    if (HasFailure())
      break;
  }
}

TEST(MarkdownReaderTest, EmptyInputs) {
  for (llvm::StringRef T : {"", "\xEF\xBB\xBF", "\n\n", "---\n---\n",
                            "```\n```\n", "<!-- -->", "<!-->"}) {
    Prose P = read(T);
    EXPECT_EQ(P.text(), "") << T.str();
  }
  EXPECT_EQ(readMarkdown("<!-->").comments().size(), 1u);
}

} // namespace
