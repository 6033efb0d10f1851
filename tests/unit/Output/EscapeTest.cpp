//===- unit/Output/EscapeTest.cpp - Quoting for the CI formats ------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/Escape.h"

#include <gtest/gtest.h>

#include "WorkflowCommand.h"

using namespace claimlint;

namespace {

TEST(WorkflowEscape, DataEscapesPercentAndLineBreaks) {
  EXPECT_EQ(workflowData("50% \"cures\"\r\nnext"), "50%25 \"cures\"%0D%0Anext");
  EXPECT_EQ(workflowData("a: b, c"), "a: b, c");
}

TEST(WorkflowEscape, PropertiesAlsoEscapeColonAndComma) {
  EXPECT_EQ(workflowProperty("a:b,c%.md"), "a%3Ab%2Cc%25.md");
  EXPECT_EQ(workflowProperty("x\ny"), "x%0Ay");
}

TEST(WorkflowEscape, RoundTripsThroughTheRunnersUnescaping) {
  for (const char *S :
       {"plain", "%", "%0A", "%250D", "a:b,c", "\r\n\r", "::set-env", "%%::,,",
        "100% sure: it cures, fast\nreally"}) {
    EXPECT_EQ(test::unescapeData(workflowData(S)), S);
    EXPECT_EQ(test::unescapeProperty(workflowProperty(S)), S);
  }
}

TEST(XmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(xmlEscape("&<>\"'", true), "&amp;&lt;&gt;&quot;&apos;");
  EXPECT_EQ(xmlEscape("&<>\"'", false), "&amp;&lt;&gt;&quot;&apos;");
}

TEST(XmlEscape, KeepsLineBreaksInAttributesAsReferences) {
  EXPECT_EQ(xmlEscape("a\nb\tc\rd", true), "a&#10;b&#9;c&#13;d");
  EXPECT_EQ(xmlEscape("a\nb\tc", false), "a\nb\tc");
}

TEST(XmlEscape, DropsForbiddenCharactersAndRepairsUtf8) {
  EXPECT_EQ(xmlEscape(std::string("a\x01"
                                  "b\x1f"
                                  "c",
                                  5),
                      true),
            "abc");
  EXPECT_EQ(xmlEscape(std::string("x\0y", 3), false), "xy");
  EXPECT_EQ(xmlEscape("a\xFF"
                      "b",
                      false),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(xmlEscape("a\xEF\xBF\xBF"
                      "b",
                      false),
            "ab"); // U+FFFF
  EXPECT_EQ(xmlEscape("caf\xC3\xA9", true), "caf\xC3\xA9");
}

TEST(MarkdownCell, StaysOneCellOnOneLine) {
  EXPECT_EQ(markdownCell("a | b\nc"), "a \\| b c");
  EXPECT_EQ(markdownCell("<script>&`x`"), "&lt;script&gt;&amp;\\`x\\`");
  EXPECT_EQ(markdownCell("[link](u) *b* _i_ \\"),
            "\\[link\\](u) \\*b\\* \\_i\\_ \\\\");
}

TEST(PathToUri, RelativeStaysRelativeAbsoluteBecomesFileUri) {
  EXPECT_EQ(pathToUri("docs/tea.md"), "docs/tea.md");
  EXPECT_EQ(pathToUri("../a b/caf\xC3\xA9#1.md"), "../a%20b/caf%C3%A9%231.md");
  EXPECT_EQ(pathToUri("/srv/site/x.md"), "file:///srv/site/x.md");
  EXPECT_EQ(pathToUri("a:b.md"), "a%3Ab.md"); // not a scheme
  EXPECT_EQ(pathToUri("<stdin>"), "%3Cstdin%3E");
}

TEST(ReportPath, DropsLeadingDotSlash) {
  EXPECT_EQ(reportPath("./docs/a.md"), "docs/a.md");
  EXPECT_EQ(reportPath("././a.md"), "a.md");
  EXPECT_EQ(reportPath(".//a.md"), "a.md");
  EXPECT_EQ(reportPath("../a.md"), "../a.md");
  EXPECT_EQ(reportPath("/abs/a.md"), "/abs/a.md");
  EXPECT_EQ(reportPath("./"), "./");
}

} // namespace
