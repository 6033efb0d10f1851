//===- tests/unit/Markup/HtmlReaderTest.cpp - Minimal HTML reader ---------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
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
  Prose P = readHtml(T);
  expectWellFormed(P, T);
  return P;
}

TEST(HtmlReaderTest, BlockElementsGiveBlockKinds) {
  llvm::StringRef T = "<h1>Tea cures</h1><p>Our <b>tea</b> cures\n  flu.</p>"
                      "<ul><li>One <em>cure</em></li><li><p>Two</p></li></ul>"
                      "<table><tr><th>Herb</th><td>Cures colds</td></tr>"
                      "</table><blockquote><p>Quoted cures</p></blockquote>"
                      "<div>Loose text</div>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"heading: Tea cures", "paragraph: Our tea cures flu.",
                    "list-item: One cure", "list-item: Two", "table-cell: Herb",
                    "table-cell: Cures colds", "block-quote: Quoted cures",
                    "paragraph: Loose text"}));
  // A claim split by inline tags maps to one range spanning them.
  EXPECT_EQ(mapped(P, "tea cures flu"), raw(T, "tea</b> cures\n  flu"));
  EXPECT_EQ(mapped(P, "Cures colds"), raw(T, "Cures colds"));
}

TEST(HtmlReaderTest, EntitiesMapToTheirRawSpan) {
  llvm::StringRef T =
      "<p>caf&eacute; cures &amp; heals&nbsp;all &#146;n&#x2019; "
      "&copy 2024 &lt;b&gt; &unknown; &#0; &notit;</p>";
  Prose P = read(T);
  EXPECT_EQ(P.text(), "caf\xC3\xA9 cures & heals all 'n' \xC2\xA9 2024 <b> "
                      "&unknown; \xEF\xBF\xBD \xC2\xACit;\n");
  // "cures" sits 12 bytes after the start of "caf&eacute;".
  Range Caf = raw(T, "caf&eacute;");
  EXPECT_EQ(mapped(P, "cures"), (Range{Caf.Begin + 12, Caf.Begin + 17}));
  EXPECT_EQ(mapped(P, "caf\xC3\xA9"), Caf);
  EXPECT_EQ(mapped(P, "heals all"), raw(T, "heals&nbsp;all"));
  EXPECT_EQ(mapped(P, "'n'"), raw(T, "&#146;n&#x2019;"));
  EXPECT_EQ(mapped(P, "\xC2\xA9"), raw(T, "&copy"));
  EXPECT_EQ(mapped(P, "<b>"), raw(T, "&lt;b&gt;"));
  EXPECT_EQ(mapped(P, "\xC2\xAC"), raw(T, "&not"));
}

TEST(HtmlReaderTest, DecodeCharacterReference) {
  std::string Out;
  EXPECT_EQ(decodeCharacterReference("&amp;x", Out, false), 5u);
  EXPECT_EQ(Out, "&");
  EXPECT_EQ(decodeCharacterReference("&#x1F600;", Out, false), 9u);
  EXPECT_EQ(Out, "\xF0\x9F\x98\x80");
  EXPECT_EQ(decodeCharacterReference("&#xD800;", Out, false), 8u);
  EXPECT_EQ(Out, "\xEF\xBF\xBD");
  EXPECT_EQ(decodeCharacterReference("&#99999999;", Out, false), 0u);
  EXPECT_EQ(decodeCharacterReference("&#99999999;", Out, true), 11u);
  EXPECT_EQ(Out, "\xEF\xBF\xBD");
  EXPECT_EQ(decodeCharacterReference("&amp", Out, false), 0u);
  EXPECT_EQ(decodeCharacterReference("&amp", Out, true), 4u);
  EXPECT_EQ(decodeCharacterReference("&mdash", Out, true), 0u);
  EXPECT_EQ(decodeCharacterReference("&zz;", Out, true), 0u);
  EXPECT_TRUE(Out.empty());
  EXPECT_EQ(decodeCharacterReference("&", Out, true), 0u);
  EXPECT_EQ(decodeCharacterReference("&#;", Out, true), 0u);
}

TEST(HtmlReaderTest, NonProseElementsAreSkipped) {
  llvm::StringRef T =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
      "<title>Tea &amp; cures</title>"
      "<script>var s = '</p>cures';</script>"
      "<style>p { content: 'cures' }</style></head>"
      "<body><p>Take <code>cures()</code> daily</p>"
      "<pre>cures\n<b>cures</b></pre><svg><title>cures</title>"
      "<svg>cures</svg></svg><noscript>cures</noscript>"
      "<template><p>cures</p></template><textarea>cures</textarea>"
      "<p>Visible cures</p></body></html>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"title: Tea & cures", "paragraph: Take daily",
                               "paragraph: Visible cures"}));
  EXPECT_EQ(mapped(P, "Tea & cures"), raw(T, "Tea &amp; cures"));
  EXPECT_EQ(mapped(P, "Visible cures"), raw(T, "Visible cures"));
}

TEST(HtmlReaderTest, TextInHeadStartsTheBody) {
  // As in a browser, text in <head> ends the head: it is body text that
  // visitors see (the minimal scanner used to drop it).
  llvm::StringRef T = "<head>stray cures<link rel=x><title>T</title>"
                      "<p>Body cures</p>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: stray cures", "title: T",
                               "paragraph: Body cures"}));
  EXPECT_EQ(mapped(P, "stray cures"), raw(T, "stray cures"));
}

TEST(HtmlReaderTest, TextTheParserMovesKeepsItsOffsets) {
  // Foster parenting moves "stray cures" before the table in the tree; it
  // stays at its own position, as a block of its own.
  llvm::StringRef T = "<table><tr>stray &amp; cures<td>Cell cures</td></tr>"
                      "</table><p>a <b>cures</p> flu</b>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"paragraph: stray & cures", "table-cell: Cell cures",
                    "paragraph: a cures", "paragraph: flu"}));
  EXPECT_EQ(mapped(P, "stray & cures"), raw(T, "stray &amp; cures"));
  EXPECT_EQ(mapped(P, "flu"), raw(T, "flu"));
}

TEST(HtmlReaderTest, ReferencesOutsideTheShortTableAndIgnoredTags) {
  // &Cconint; is one code point and &NotNestedGreaterGreater; two; neither
  // is in decodeCharacterReference's table, gumbo decodes both.
  llvm::StringRef T = "<p>x &Cconint; y &NotNestedGreaterGreater; z a</x>b "
                      "&#x1F600; &amp\r\nend</p>";
  Prose P = read(T);
  EXPECT_EQ(P.text(), "x \xE2\x88\xB0 y \xE2\xAA\xA2\xCC\xB8 z ab "
                      "\xF0\x9F\x98\x80 & end\n");
  EXPECT_EQ(mapped(P, "\xE2\x88\xB0"), raw(T, "&Cconint;"));
  EXPECT_EQ(mapped(P, "\xE2\xAA\xA2\xCC\xB8"),
            raw(T, "&NotNestedGreaterGreater;"));
  EXPECT_EQ(mapped(P, "z ab"), raw(T, "z a</x>b"));
  EXPECT_EQ(mapped(P, "& end"), raw(T, "&amp\r\nend"));
}

TEST(HtmlReaderTest, AttributesWithReferencesAndLineBreaks) {
  llvm::StringRef T = "<img alt=\"Tea\r\ncures &amp; heals&copy=x\">"
                      "<meta name=description content='Cures &eacute;'>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"alt-text: Tea cures & heals&copy=x",
                               "description: Cures \xC3\xA9"}));
  EXPECT_EQ(mapped(P, "Tea cures & heals"), raw(T, "Tea\r\ncures &amp; heals"));
  EXPECT_EQ(mapped(P, "&copy=x"), raw(T, "&copy=x"));
  EXPECT_EQ(mapped(P, "Cures \xC3\xA9"), raw(T, "Cures &eacute;"));
}

TEST(HtmlReaderTest, JsonLdNamesAndDescriptions) {
  llvm::StringRef T =
      "<script type=\"application/ld+json\">{\"@type\": \"Product\", "
      "\"name\": \"Tea \\u0026 cures\", \"offers\": {\"price\": \"cures\"}, "
      "\"description\": [\"Heals\\nall\", \"Cures \\\"flu\\\"\"], "
      "\"url\": \"x\"}</script><script>var name = \"cures\";</script>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"title: Tea & cures", "description: Heals all",
                               "description: Cures \"flu\""}));
  EXPECT_EQ(mapped(P, "Tea & cures"), raw(T, "Tea \\u0026 cures"));
  EXPECT_EQ(mapped(P, "Heals all"), raw(T, "Heals\\nall"));
  EXPECT_EQ(mapped(P, "flu"), raw(T, "flu"));
}

TEST(HtmlReaderTest, OpenGraphTitleHiddenAndSkippedElements) {
  llvm::StringRef T =
      "<meta property=\"og:title\" content=\"Cures all\">"
      "<meta property=\"og:description\" content=\"Heals\">"
      "<p hidden>Hidden cures</p><div>Shown<noscript>cures</noscript>"
      "<template>cures</template><kbd>cures</kbd>text</div>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"title: Cures all", "description: Heals",
                               "paragraph: Shown text"}));
}

TEST(HtmlReaderTest, StrayEndTagsAndSlashesCannotHideDepth) {
  // "</span>" closes nothing and "<div/>" opens a div: both leave the
  // nesting growing, and both must still be capped.
  auto Start = std::chrono::steady_clock::now();
  for (const char *Unit : {"<div></span>", "<div/>", "<x-a></x-b>"}) {
    std::string T;
    for (int I = 0; I < 50000; ++I)
      T += Unit;
    T += "cures";
    Prose P = read(T);
    EXPECT_EQ(mapped(P, "cures"), raw(T, "cures")) << Unit;
  }
  auto Elapsed = std::chrono::steady_clock::now() - Start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(Elapsed).count(),
            20);
}

TEST(HtmlReaderTest, DeepNestingIsFlattenedNotLost) {
  std::string T;
  for (int I = 0; I < 2000; ++I)
    T += "<div><b>";
  T += "Deep cures";
  for (int I = 0; I < 2000; ++I)
    T += "</b></div>";
  T += "<p>After</p>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Deep cures", "paragraph: After"}));
  EXPECT_EQ(mapped(P, "Deep cures"), raw(T, "Deep cures"));
}

TEST(HtmlReaderTest, AltTextAndMetaDescription) {
  llvm::StringRef T =
      "<meta content=\"Tea cures &amp; soothes\" name=\"Description\">"
      "<meta property=\"og:title\" content='Tea cures'>"
      "<meta property=\"og:description\" content=cures-all>"
      "<meta name=\"keywords\" content=\"cures\">"
      "<p>See <img src=\"x.png\" alt=\"Pill cures flu\"> here</p>"
      "<img alt=\"\"><img alt>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P),
            (Blocks{"description: Tea cures & soothes", "title: Tea cures",
                    "description: cures-all", "paragraph: See",
                    "alt-text: Pill cures flu", "paragraph: here"}));
  EXPECT_EQ(mapped(P, "Tea cures & soothes"),
            raw(T, "Tea cures &amp; soothes"));
  EXPECT_EQ(mapped(P, "Tea cures", 1), raw(T, "Tea cures", 1));
  EXPECT_EQ(mapped(P, "cures-all"), raw(T, "cures-all"));
  EXPECT_EQ(mapped(P, "Pill cures flu"), raw(T, "Pill cures flu"));
}

TEST(HtmlReaderTest, BreaksSplitBlocks) {
  llvm::StringRef T = "<p>Tea cures<br>colds<br/>and<hr>flu</p>";
  Prose P = read(T);
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Tea cures", "paragraph: colds",
                               "paragraph: and", "paragraph: flu"}));
}

TEST(HtmlReaderTest, CommentsAreCollected) {
  llvm::StringRef T =
      "<!-- claimlint-disable-next-line health/cure-claim -- reason -->\n"
      "<p>Tea <!-- inline --> cures</p>"
      "<script>// <!-- not a comment --></script>"
      "<!---->"
      "<!-->"
      "<!--->"
      "<p>x</p><!-- never closed";
  Prose P = read(T);
  ASSERT_EQ(P.comments().size(), 6u);
  EXPECT_EQ(P.comments()[0].Source,
            raw(T, "<!-- claimlint-disable-next-line health/cure-claim -- "
                   "reason -->"));
  EXPECT_EQ(commentBody(P, T, 0),
            " claimlint-disable-next-line health/cure-claim -- reason ");
  EXPECT_EQ(commentBody(P, T, 1), " inline ");
  EXPECT_EQ(P.comments()[2].Source, raw(T, "<!---->"));
  EXPECT_EQ(commentBody(P, T, 2), "");
  EXPECT_EQ(P.comments()[3].Source, raw(T, "<!-->"));
  EXPECT_EQ(P.comments()[4].Source, raw(T, "<!--->"));
  EXPECT_EQ(commentBody(P, T, 5), " never closed");
  EXPECT_EQ(P.comments()[5].Source.End, T.size());
  EXPECT_EQ(blocks(P), (Blocks{"paragraph: Tea cures", "paragraph: x"}));
}

TEST(HtmlReaderTest, CollectHtmlCommentsInARange) {
  llvm::StringRef T = "a <!-- one --> b <!-- two --> c <!-- three";
  ProseBuilder B(T);
  collectHtmlComments(T, 3, static_cast<uint32_t>(T.size()), B);
  Prose P = B.take();
  ASSERT_EQ(P.comments().size(), 2u);
  EXPECT_EQ(commentBody(P, T, 0), " two ");
  EXPECT_EQ(commentBody(P, T, 1), " three");
}

TEST(HtmlReaderTest, MalformedMarkupNeverCrashes) {
  for (llvm::StringRef T :
       {"<p>a <b>cures</p> flu</b>", "<div", "<p title=\"open>cures",
        "</div></div></p>cures", "<script>never closed cures", "<", "</", "<!",
        "<!--", "<a href=x", "a < b and c<3 cures", "&", "&#x",
        "<p><p><li><td>cures", "<svg><p>cures", "</>cures", "<?php x ?>cures",
        "<img alt='open"}) {
    Prose P = read(T);
    (void)P;
  }
  Prose P = read("a < b and c<3 cures");
  EXPECT_EQ(P.text(), "a < b and c<3 cures\n");
  Prose Q = read("<p>a <b>cures</p> flu</b>");
  EXPECT_EQ(blocks(Q), (Blocks{"paragraph: a cures", "paragraph: flu"}));
}

TEST(HtmlReaderTest, BomCrLfAndInvalidUtf8) {
  llvm::StringRef T = "\xEF\xBB\xBF<p>Tea\r\ncures \xFF flu\xE2\x80\x99s</p>";
  Prose P = read(T);
  EXPECT_EQ(P.text(), "Tea cures \xFF flu's\n");
  EXPECT_EQ(mapped(P, "Tea cures"), raw(T, "Tea\r\ncures"));
  EXPECT_EQ(mapped(P, "flu's"), raw(T, "flu\xE2\x80\x99s"));
}

TEST(HtmlReaderTest, DeepNestingIsBounded) {
  auto Start = std::chrono::steady_clock::now();
  std::string T;
  for (int I = 0; I < 100000; ++I)
    T += "<div><span>";
  T += "cures";
  for (int I = 0; I < 100000; ++I)
    T += "</i></div>";
  Prose P = read(T);
  EXPECT_EQ(mapped(P, "cures"), raw(T, "cures"));
  std::string U;
  for (int I = 0; I < 100000; ++I)
    U += "<p>x<li>";
  Prose Q = read(U);
  EXPECT_EQ(Q.blocks().size(), 100000u);
  auto Elapsed = std::chrono::steady_clock::now() - Start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(Elapsed).count(),
            20);
}

TEST(HtmlReaderTest, EmptyInputs) {
  for (llvm::StringRef T : {"", "\xEF\xBB\xBF", "<html></html>", "  \n "}) {
    Prose P = read(T);
    EXPECT_EQ(P.text(), "");
  }
}

TEST(HtmlReaderTest, FragmentWithGapsReadsGapsAsSpace) {
  // Pieces skip the "> " markers of a Markdown block quote.
  llvm::StringRef T = "> <p>Tea\n> cures</p>";
  ProseBuilder B(T);
  Range Pieces[] = {{2, 8}, {11, 20}};
  readHtmlFragment(T, Pieces, BlockKind::BlockQuote, B);
  Prose P = B.take();
  expectWellFormed(P, T);
  EXPECT_EQ(blocks(P), (Blocks{"block-quote: Tea cures"}));
  EXPECT_EQ(mapped(P, "Tea cures"), raw(T, "Tea\n> cures"));
}

} // namespace

namespace {

/// Everything a reader gives, for comparing two readings.
std::string dump(const Prose &P) {
  std::string S = P.text() + "\n--\n";
  for (const Block &B : P.blocks())
    S += blockKindName(B.Kind).str() + " " + std::to_string(B.Text.Begin) +
         "-" + std::to_string(B.Text.End) + "\n";
  for (const Prose::Piece &Pc : P.pieces())
    S += std::to_string(Pc.Prose) + ">" + std::to_string(Pc.Orig) + ":" +
         std::to_string(Pc.ProseLen) + "/" + std::to_string(Pc.OrigLen) +
         (Pc.Verbatim ? "v" : "") + " ";
  S += "\n";
  for (const Comment &C : P.comments())
    S += "comment " + std::to_string(C.Source.Begin) + "-" +
         std::to_string(C.Source.End) + "\n";
  return S;
}

/// Reads \p T with and without cutting script and style contents; returns
/// the bytes cut (0 when the reader fell back to the page as it is).
uint64_t expectCutChangesNothing(llvm::StringRef T) {
  Prose Whole = readHtml(T, /*CutRawText=*/false);
  uint64_t Before = htmlBytesCut();
  Prose Cut = readHtml(T, /*CutRawText=*/true);
  uint64_t Bytes = htmlBytesCut() - Before;
  expectWellFormed(Cut, T);
  EXPECT_EQ(dump(Cut), dump(Whole)) << T.str();
  return Bytes;
}

TEST(HtmlReaderTest, ScriptAndStyleContentsAreCutBeforeParsing) {
  std::string Script = "var s = '<p>not text</p>'; if (a < b && c > d) f();";
  std::string Style = "p > a { color: red } /* <b> */";
  std::string T =
      "<!DOCTYPE html><html><head><title>Cures all</title><style>" + Style +
      "</style><script type=\"application/ld+json\">{\"name\": \"Cure "
      "clinic\"}</script><SCRIPT src=x>" +
      Script +
      "</SCRIPT ></head><body><p>Stem cells cure arthritis.</p>"
      "<!-- claimlint-disable-next-line -->\r\n<p>Cures &amp; heals</p>"
      "<script>" +
      Script + "</script/><p>Last</p></body></html>";
  // Both styles and both plain scripts; never the JSON-LD.
  EXPECT_EQ(expectCutChangesNothing(T), Style.size() + 2 * Script.size());
  Prose P = readHtml(T);
  EXPECT_EQ(mapped(P, "cure arthritis"), raw(T, "cure arthritis"));
  EXPECT_EQ(mapped(P, "Last"), raw(T, "Last"));
  EXPECT_NE(P.text().find("Cure clinic"), std::string::npos);
  ASSERT_EQ(P.comments().size(), 1u);
}

TEST(HtmlReaderTest, CutsThePreScanCannotVouchForAreNotMade) {
  for (const char *T : {
           // A script in SVG is not raw text: its "contents" are elements.
           "<p>A</p><svg><script></svg><p>Cures all</p></script><p>B</p>",
           // A script start tag inside <title> is text.
           "<title><script>x</title><p>Cures all</p><script>y</script>",
           // An attribute value with '>' misleads a tag scanner.
           "<p title='a>b'>Cure <script>var x;</script> all</p>",
           // "<!--" in a script can make its text run past "</script>".
           "<script><!--<script></script>--></script><p>Cures all</p>",
           // Inside a comment, nothing is a tag.
           "<!-- <script> --><p>Cures all</p><!-- </script> --><p>B</p>",
           // No end tag; an end tag without its delimiter.
           "<p>Cures all</p><script>var x;",
           "<script>a</scripty>b</script><p>Cures all</p>",
           // <noscript> and <textarea> are never cut.
           "<noscript><p>Cures all</p></noscript><textarea>x</textarea>",
           // A style inside a table is moved out by the parser.
           "<table><tr><style>td{}</style><td>Cures all</td></tr></table>",
           // Empty contents, and white space only.
           "<script></script><style> \n </style><p>Cures all</p>",
       })
    expectCutChangesNothing(T);
  // The SVG case falls back to the page as it is: nothing is cut.
  EXPECT_EQ(expectCutChangesNothing("<svg><script>1</script></svg><p>x</p>"),
            0u);
  // A '>' in an attribute value fools the pre-scan into taking a script
  // tag in it for one: the parsed tree shows no such script, so no cut.
  EXPECT_EQ(expectCutChangesNothing(
                "<p title=\"x><script>\">Cures all</p><p>B</p></script>"),
            0u);
  // The script in a <title> is text; the one after it is cut.
  EXPECT_EQ(expectCutChangesNothing(
                "<title><script>x</title><p>y</p><script>z</script>"),
            1u);
}

} // namespace
