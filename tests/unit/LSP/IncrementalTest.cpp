//===- LSP/IncrementalTest.cpp - Chunked linting equals whole-page linting ===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Incremental.h"

#include "gtest/gtest.h"

#include <random>

#include "LSPTestUtil.h"

using namespace claimlint;
using namespace claimlint::lsp;

namespace {

/// Pieces of pages: claims in every kind of block, and the constructs that
/// decide where a page may be cut (fences across blank lines, loose lists,
/// front matter, indented continuations, raw HTML, reference definitions).
const char *const MarkdownPieces[] = {
    "This tea cures colds.",
    ("A miracle \xE2\x80\x9C"
     "cure\xE2\x80\x9D \xF0\x9F\x98\x80 for you."),
    "It may cure you, some say [3].",
    "There is no cure for arthritis.",
    "# Cures for everything",
    "Cures\n=====",
    "- cures colds\n- a miracle",
    "- first cure\n\n- second miracle",
    "1. cure one\n\n2. cure two",
    "- item\n\n  continued cures here",
    "```\ncures\n\ncures in code\n```",
    "~~~~\nmiracle\n\n~~~\nstill code cures\n~~~~",
    "    indented cures code",
    "> quoted miracle cure\n> more",
    "| a | b |\n|---|---|\n| cures | miracle |",
    "***",
    "This page is not medical advice.",
    "\xE4\xB8\xAD\xE6\x96\x87 cures \xE4\xB8\xAD",
    "Line one cures\r\nline two miracle",
    "Our *miracle* **cures** work.",
};
const char *const RarePieces[] = {
    "<div>\n\ncures\n\n</div>",
    "[3]: https://example.org/cure",
    "<!-- a comment\n\nwith cures -->",
};

std::string makePage(std::mt19937 &Rng, bool Rare) {
  std::string P;
  if (Rng() % 5 == 0)
    P += "---\ntitle: Cures\n\ndescription: miracle\n---\n";
  unsigned N = 3 + Rng() % 12;
  for (unsigned I = 0; I < N; ++I) {
    if (Rare && Rng() % 8 == 0)
      P += RarePieces[Rng() % std::size(RarePieces)];
    else
      P += MarkdownPieces[Rng() % std::size(MarkdownPieces)];
    switch (Rng() % 4) {
    case 0:
      P += "\n";
      break;
    case 3:
      P += "\n\n\n";
      break;
    default:
      P += "\n\n";
    }
  }
  return P;
}

std::string describe(const std::vector<Diagnostic> &Ds) {
  std::string S;
  for (const Diagnostic &D : Ds)
    S += D.RuleId + "@" + std::to_string(D.Offset) + "+" +
         std::to_string(D.Length) + ":" + std::to_string(D.Line) + ":" +
         std::to_string(D.Column) + " " + severityName(D.Sev).str() + " " +
         claimStatusName(D.Status).str() + " " + D.Message +
         " cues:" + std::to_string(D.Cues.size()) +
         (D.Cues.empty() ? "" : "@" + std::to_string(D.Cues[0].Offset)) + "\n";
  return S;
}

class IncrementalTest : public ::testing::TestWithParam<FileType> {};

TEST_P(IncrementalTest, SameFindingsAsTheWholePage) {
  auto W = lsptest::workspace();
  ASSERT_TRUE(W);
  FileSettings S = lsptest::testPackOnly(*W, GetParam());
  std::mt19937 Rng(GetParam() == FileType::Markdown ? 42 : 7);
  IncrementalLinter Inc(W->rules(), W->analyzer(), W->linter().options());
  unsigned Chunked = 0;
  for (int Page = 0; Page < 120; ++Page) {
    std::string Text = makePage(Rng, Page % 3 == 0);
    for (int Edit = 0; Edit < 6; ++Edit) {
      auto Want = W->linter().lint("p.md", Text, S).Diags;
      auto Got = Inc.lint("p.md", Text, S).materialize(Text);
      ASSERT_EQ(describe(Got), describe(Want)) << "page:\n" << Text;
      Chunked += Inc.lastChunks() > 1;
      // A small edit somewhere (also at chunk edges).
      size_t At = Rng() % (Text.size() + 1);
      switch (Rng() % 3) {
      case 0:
        Text.insert(At, Rng() % 2 ? " cures" : "\n");
        break;
      case 1:
        Text.erase(At, 1 + Rng() % 3);
        break;
      default:
        Text.insert(At, "x");
      }
    }
  }
  EXPECT_GT(Chunked, 200u); // most pages took the chunked path
}

INSTANTIATE_TEST_SUITE_P(Types, IncrementalTest,
                         ::testing::Values(FileType::Markdown, FileType::Text));

TEST(Incremental, OneEditRelintsOneChunk) {
  auto W = lsptest::workspace();
  FileSettings S = lsptest::testPackOnly(*W, FileType::Markdown);
  IncrementalLinter Inc(W->rules(), W->analyzer(), W->linter().options());
  std::string Text;
  for (int I = 0; I < 50; ++I)
    Text += "Paragraph " + std::to_string(I) + " says tea cures colds.\n\n";
  auto First = Inc.lint("p.md", Text, S).materialize(Text);
  EXPECT_EQ(Inc.lastChunks(), 50u);
  EXPECT_EQ(Inc.lastLinted(), 50u);
  Text.insert(Text.find("Paragraph 20") + 10, "x");
  auto Second = Inc.lint("p.md", Text, S).materialize(Text);
  EXPECT_EQ(Inc.lastLinted(), 1u);
  ASSERT_EQ(First.size(), Second.size());
  EXPECT_EQ(Second.back().Offset, First.back().Offset + 1);
}

TEST(Incremental, Boundaries) {
  auto B = splitIntoChunks("a\n\nb\n\n  c\n\n- d\n\ne", FileType::Markdown);
  ASSERT_TRUE(B.hasValue());
  EXPECT_EQ(*B, (std::vector<uint32_t>{0, 3, 16}));
  EXPECT_FALSE(splitIntoChunks("a\n\n<b>x</b>", FileType::Markdown));
  EXPECT_FALSE(splitIntoChunks("a\n\n[x]: /y", FileType::Markdown));
  EXPECT_FALSE(splitIntoChunks("a <!-- claimlint-disable -->", FileType::Text));
  EXPECT_FALSE(splitIntoChunks("<p>a</p>\n\n<p>b</p>", FileType::Html));
  auto F = splitIntoChunks("```\na\n\nb\n```\n\nc", FileType::Markdown);
  EXPECT_EQ(*F, (std::vector<uint32_t>{0, 14}));
  auto T = splitIntoChunks("a\n\n  b\n\n- c", FileType::Text);
  EXPECT_EQ(*T, (std::vector<uint32_t>{0, 8}));
}

} // namespace
