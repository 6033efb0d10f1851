//===- LSP/Position.cpp - LSP positions at the edge -----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Position.h"

#include <algorithm>
#include <climits>

namespace claimlint {
namespace lsp {

llvm::StringRef encodingName(PositionEncoding E) {
  return E == PositionEncoding::Utf8 ? "utf-8" : "utf-16";
}

ColumnUnit columnUnit(PositionEncoding E) {
  return E == PositionEncoding::Utf8 ? ColumnUnit::Byte : ColumnUnit::Utf16;
}

PositionEncoding negotiateEncoding(const json &ClientCapabilities) {
  if (const json *List =
          path(ClientCapabilities, {"general", "positionEncodings"}))
    if (List->is_array())
      for (const json &E : *List)
        if (E.is_string() && E.get_ref<const std::string &>() == "utf-8")
          return PositionEncoding::Utf8;
  return PositionEncoding::Utf16;
}

Position toPosition(const LineIndex &Lines, size_t Offset, PositionEncoding E) {
  LineIndex::Position P = Lines.position(Offset, columnUnit(E));
  return {static_cast<int64_t>(P.Line) - 1, static_cast<int64_t>(P.Column) - 1};
}

size_t toOffset(const LineIndex &Lines, Position P, PositionEncoding E) {
  if (P.Line < 0)
    return 0;
  if (P.Line >= static_cast<int64_t>(Lines.lineCount()))
    return Lines.text().size();
  unsigned Line = static_cast<unsigned>(P.Line) + 1;
  int64_t Char = std::max<int64_t>(0, std::min<int64_t>(P.Character, INT_MAX));
  size_t Off =
      Lines.offset(Line, static_cast<unsigned>(Char) + 1, columnUnit(E));
  if (E == PositionEncoding::Utf8) {
    // A byte column may point inside a multi-byte character: round down.
    size_t Start = Lines.lineStart(Line);
    llvm::StringRef Text = Lines.text();
    size_t I = Start;
    while (I < Off) {
      unsigned Len = utf8SequenceLength(Text.substr(I));
      if (I + Len > Off)
        break;
      I += Len;
    }
    Off = I;
  }
  return Off;
}

json toJson(const Position &P) {
  return {{"line", P.Line}, {"character", P.Character}};
}

json toJson(const Range &R) {
  return {{"start", toJson(R.Start)}, {"end", toJson(R.End)}};
}

json rangeJson(const LineIndex &Lines, size_t Begin, size_t End,
               PositionEncoding E) {
  return toJson(Range{toPosition(Lines, Begin, E), toPosition(Lines, End, E)});
}

llvm::Optional<Position> parsePosition(const json &V) {
  llvm::Optional<int64_t> L = intMember(V, "line");
  llvm::Optional<int64_t> C = intMember(V, "character");
  if (!L || !C)
    return llvm::None;
  return Position{*L, *C};
}

llvm::Optional<Range> parseRange(const json &V) {
  const json *S = member(V, "start");
  const json *E = member(V, "end");
  if (!S || !E)
    return llvm::None;
  llvm::Optional<Position> PS = parsePosition(*S), PE = parsePosition(*E);
  if (!PS || !PE)
    return llvm::None;
  return Range{*PS, *PE};
}

void applyChanges(std::string &Text, llvm::ArrayRef<ContentChange> Changes,
                  PositionEncoding E) {
  for (const ContentChange &C : Changes) {
    if (!C.Where) {
      Text = C.Text;
      continue;
    }
    LineIndex Lines(Text);
    size_t B = toOffset(Lines, C.Where->Start, E);
    size_t End = toOffset(Lines, C.Where->End, E);
    if (End < B)
      std::swap(B, End);
    Text.replace(B, End - B, C.Text);
  }
}

} // namespace lsp
} // namespace claimlint
