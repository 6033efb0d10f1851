//===- Markup/PlainReader.cpp - Plain text reader -------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "llvm/ADT/StringExtras.h"

namespace claimlint {

llvm::StringRef fileTypeName(FileType T) {
  switch (T) {
  case FileType::Text:
    return "text";
  case FileType::Markdown:
    return "markdown";
  case FileType::Html:
    return "html";
  }
  return "text";
}

llvm::Optional<FileType> parseFileType(llvm::StringRef Name) {
  std::string L = Name.lower();
  if (L == "text" || L == "txt" || L == "plaintext" || L == "plain")
    return FileType::Text;
  if (L == "markdown" || L == "md")
    return FileType::Markdown;
  if (L == "html" || L == "htm")
    return FileType::Html;
  return llvm::None;
}

namespace {

struct Line {
  uint32_t Begin; // first byte
  uint32_t End;   // before the line break
};

/// Length of a list marker ("- ", "* ", "+ ", "• ", "12. ", "3) ") at the
/// start of \p L after indentation, or 0.
size_t listMarker(llvm::StringRef L) {
  llvm::StringRef T = L.ltrim(" \t");
  size_t Indent = L.size() - T.size();
  if (T.startswith("- ") || T.startswith("* ") || T.startswith("+ "))
    return Indent + 2;
  if (T.startswith("\xE2\x80\xA2 ")) // bullet
    return Indent + 4;
  size_t D = 0;
  while (D < T.size() && D < 3 && llvm::isDigit(T[D]))
    ++D;
  if (D > 0 && D + 1 < T.size() && (T[D] == '.' || T[D] == ')') &&
      T[D + 1] == ' ')
    return Indent + D + 2;
  return 0;
}

bool endsSentence(llvm::StringRef L) {
  L = L.rtrim(" \t\"')\xE2\x80\x9D\xE2\x80\x99");
  return !L.empty() && llvm::StringRef(".!?:;,").contains(L.back());
}

bool startsCapitalised(llvm::StringRef L) {
  L = L.ltrim(" \t\"'");
  return !L.empty() && ((L[0] >= 'A' && L[0] <= 'Z') || llvm::isDigit(L[0]));
}

} // namespace

Prose readPlainText(llvm::StringRef Text) {
  ProseBuilder B(Text);
  uint32_t Start = Text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  std::vector<Line> Lines;
  for (uint32_t I = Start, N = static_cast<uint32_t>(Text.size()); I <= N;) {
    uint32_t E = I;
    while (E < N && Text[E] != '\n' && Text[E] != '\r')
      ++E;
    Lines.push_back({I, E});
    if (E >= N)
      break;
    I = E + ((Text[E] == '\r' && E + 1 < N && Text[E + 1] == '\n') ? 2 : 1);
  }
  bool PrevEndsSentence = false;
  for (size_t K = 0; K < Lines.size(); ++K) {
    llvm::StringRef L = Text.slice(Lines[K].Begin, Lines[K].End);
    if (L.trim().empty()) {
      B.endBlock();
      continue;
    }
    bool Last = K + 1 == Lines.size();
    llvm::StringRef Next =
        Last ? llvm::StringRef()
             : Text.slice(Lines[K + 1].Begin, Lines[K + 1].End);
    size_t Marker = listMarker(L);
    // A heading is a short unpunctuated line followed by a capitalised line
    // or a list. It starts a block, or follows a line that ends a sentence
    // (pages saved as text put each paragraph on one line, with no blank
    // lines). A line in the middle of a wrapped sentence is never a heading:
    // "...and our tea cures\nInfluenza fast." stays one block.
    bool Heading = !Marker && (!B.inBlock() || PrevEndsSentence) &&
                   !endsSentence(L) && L.size() < 80 &&
                   (startsCapitalised(Next) || listMarker(Next));
    PrevEndsSentence = endsSentence(L);
    if (Heading)
      B.endBlock();
    if (Marker) {
      B.beginBlock(BlockKind::ListItem);
      B.addText(Lines[K].Begin + static_cast<uint32_t>(Marker), Lines[K].End);
    } else {
      if (!B.inBlock())
        B.beginBlock(Heading ? BlockKind::Heading : BlockKind::Paragraph);
      else
        B.addSpace(Lines[K].Begin);
      B.addText(Lines[K].Begin, Lines[K].End);
    }
    // Decide whether the block ends with this line.
    if (Last || listMarker(Next) || Heading ||
        (Marker && !Next.startswith(" ") && !Next.startswith("\t")))
      B.endBlock();
  }
  return B.take();
}

Prose readDocument(llvm::StringRef Text, FileType Type) {
  switch (Type) {
  case FileType::Text:
    return readPlainText(Text);
  case FileType::Markdown:
    return readMarkdown(Text);
  case FileType::Html:
    return readHtml(Text);
  }
  return readPlainText(Text);
}

} // namespace claimlint
