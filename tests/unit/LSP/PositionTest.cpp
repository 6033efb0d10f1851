//===- LSP/PositionTest.cpp - LSP positions and edits ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Position.h"

#include "gtest/gtest.h"

#include "LSP/Uri.h"

using namespace claimlint;
using namespace claimlint::lsp;

namespace {

TEST(Position, SurrogatePairVectors) {
  std::string T = "a\xF0\x90\x90\x80"
                  "b"; // a, U+10400, b
  LineIndex L(T);
  EXPECT_EQ(toPosition(L, 0, PositionEncoding::Utf16).Character, 0);
  EXPECT_EQ(toPosition(L, 1, PositionEncoding::Utf16).Character, 1);
  EXPECT_EQ(toPosition(L, 5, PositionEncoding::Utf16).Character, 3);
  EXPECT_EQ(toPosition(L, 5, PositionEncoding::Utf8).Character, 5);
  EXPECT_EQ(toOffset(L, {0, 3}, PositionEncoding::Utf16), 5u);
  EXPECT_EQ(toOffset(L, {0, 5}, PositionEncoding::Utf8), 5u);
  // Inside the pair / the sequence: round down to the character.
  EXPECT_EQ(toOffset(L, {0, 2}, PositionEncoding::Utf16), 1u);
  EXPECT_EQ(toOffset(L, {0, 3}, PositionEncoding::Utf8), 1u);
}

TEST(Position, CurlyQuotesAndCjk) {
  std::string T = "x\n\xE2\x80\x9C\xE4\xB8\xAD\xE2\x80\x9D cures"; // “中” cures
  LineIndex L(T);
  size_t Cures = T.find("cures");
  EXPECT_EQ(toPosition(L, Cures, PositionEncoding::Utf16), (Position{1, 4}));
  EXPECT_EQ(toPosition(L, Cures, PositionEncoding::Utf8), (Position{1, 10}));
  EXPECT_EQ(toOffset(L, {1, 4}, PositionEncoding::Utf16), Cures);
}

TEST(Position, LineEndingsAndClamping) {
  std::string T = "ab\r\ncd\ref\ngh";
  LineIndex L(T);
  EXPECT_EQ(toPosition(L, T.find('g'), PositionEncoding::Utf16),
            (Position{3, 0}));
  EXPECT_EQ(toOffset(L, {0, 99}, PositionEncoding::Utf16), 2u); // before \r\n
  EXPECT_EQ(toOffset(L, {1, 1}, PositionEncoding::Utf16), 5u);
  EXPECT_EQ(toOffset(L, {9, 0}, PositionEncoding::Utf16), T.size());
  EXPECT_EQ(toOffset(L, {-1, 0}, PositionEncoding::Utf16), 0u);
}

TEST(Position, Negotiation) {
  EXPECT_EQ(negotiateEncoding(json::object()), PositionEncoding::Utf16);
  EXPECT_EQ(negotiateEncoding(json::parse(
                R"({"general":{"positionEncodings":["utf-16","utf-8"]}})")),
            PositionEncoding::Utf8);
  EXPECT_EQ(negotiateEncoding(
                json::parse(R"({"general":{"positionEncodings":["utf-32"]}})")),
            PositionEncoding::Utf16);
  EXPECT_EQ(negotiateEncoding(json::parse(R"({"general":7})")),
            PositionEncoding::Utf16);
}

TEST(Position, ChangesApplyInOrder) {
  std::string T = "hello\nworld\n";
  applyChanges(T,
               {{Range{{0, 0}, {0, 5}}, "bye"},
                {Range{{1, 0}, {1, 0}}, "\xF0\x9F\x98\x80 "},
                {Range{{1, 3}, {1, 3}}, "new "}},
               PositionEncoding::Utf16);
  EXPECT_EQ(T, "bye\n\xF0\x9F\x98\x80 new world\n");
  applyChanges(T, {{llvm::None, "all new"}}, PositionEncoding::Utf16);
  EXPECT_EQ(T, "all new");
  // A reversed range still covers the same text.
  applyChanges(T, {{Range{{0, 3}, {0, 0}}, "ALL"}}, PositionEncoding::Utf8);
  EXPECT_EQ(T, "ALL new");
}

TEST(Position, ParseRange) {
  EXPECT_TRUE(
      parseRange(
          json::parse(
              R"({"start":{"line":1,"character":2},"end":{"line":1,"character":3}})"))
          .hasValue());
  EXPECT_FALSE(parseRange(json::parse(R"({"start":{"line":1}})")).hasValue());
  EXPECT_FALSE(parseRange(json::parse(R"([1,2])")).hasValue());
  EXPECT_FALSE(
      parsePosition(json::parse(R"({"line":"1","character":0})")).hasValue());
}

TEST(Uri, RoundTrip) {
  EXPECT_EQ(uriToPath("file:///a%20b/c%C3%A9.md").getValueOr(""), "/a b/cé.md");
  EXPECT_EQ(uriToPath("file://localhost/x").getValueOr(""), "/x");
  EXPECT_FALSE(uriToPath("untitled:Untitled-1").hasValue());
  EXPECT_FALSE(uriToPath("file://server/share").hasValue());
  EXPECT_EQ(pathToUri("/a b/cé.md"), "file:///a%20b/c%C3%A9.md");
  EXPECT_EQ(uriToPath(pathToUri("/t/[x]#1?.md")).getValueOr(""),
            "/t/[x]#1?.md");
}

} // namespace
