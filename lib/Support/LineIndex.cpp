//===- Support/LineIndex.cpp - Byte offsets to lines and columns ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Support/LineIndex.h"

#include <algorithm>

namespace claimlint {

LineIndex::LineIndex(llvm::StringRef Text) : Text(Text) {
  Starts.push_back(0);
  for (size_t I = 0, E = Text.size(); I < E; ++I) {
    char C = Text[I];
    if (C == '\n') {
      Starts.push_back(static_cast<uint32_t>(I + 1));
    } else if (C == '\r') {
      if (I + 1 < E && Text[I + 1] == '\n')
        ++I;
      Starts.push_back(static_cast<uint32_t>(I + 1));
    }
  }
}

unsigned utf8SequenceLength(llvm::StringRef Text) {
  if (Text.empty())
    return 0;
  auto B = static_cast<unsigned char>(Text[0]);
  unsigned Len;
  if (B < 0x80)
    return 1;
  if (B >= 0xC2 && B <= 0xDF)
    Len = 2;
  else if (B >= 0xE0 && B <= 0xEF)
    Len = 3;
  else if (B >= 0xF0 && B <= 0xF4)
    Len = 4;
  else
    return 1;
  if (Text.size() < Len)
    return 1;
  for (unsigned I = 1; I < Len; ++I)
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
      return 1;
  auto B1 = static_cast<unsigned char>(Text[1]);
  // Reject overlong forms, surrogates and values above U+10FFFF.
  if ((B == 0xE0 && B1 < 0xA0) || (B == 0xED && B1 >= 0xA0) ||
      (B == 0xF0 && B1 < 0x90) || (B == 0xF4 && B1 >= 0x90))
    return 1;
  return Len;
}

size_t countUnits(llvm::StringRef Text, ColumnUnit Unit) {
  if (Unit == ColumnUnit::Byte)
    return Text.size();
  size_t N = 0;
  for (size_t I = 0; I < Text.size();) {
    unsigned L = utf8SequenceLength(Text.substr(I));
    N += (Unit == ColumnUnit::Utf16 && L == 4) ? 2 : 1;
    I += L;
  }
  return N;
}

size_t LineIndex::lineStart(unsigned Line) const {
  if (Line == 0)
    return 0;
  if (Line > Starts.size())
    return Text.size();
  return Starts[Line - 1];
}

llvm::StringRef LineIndex::lineText(unsigned Line) const {
  if (Line == 0 || Line > Starts.size())
    return {};
  size_t B = Starts[Line - 1];
  size_t E = Line < Starts.size() ? Starts[Line] : Text.size();
  llvm::StringRef L = Text.slice(B, E);
  if (L.endswith("\r\n"))
    return L.drop_back(2);
  if (L.endswith("\n") || L.endswith("\r"))
    return L.drop_back(1);
  return L;
}

LineIndex::Position LineIndex::position(size_t Offset, ColumnUnit Unit) const {
  Offset = std::min(Offset, Text.size());
  auto It = std::upper_bound(Starts.begin(), Starts.end(),
                             static_cast<uint32_t>(Offset));
  unsigned Line = static_cast<unsigned>(It - Starts.begin());
  size_t Start = Starts[Line - 1];
  Position P;
  P.Line = Line;
  P.Column =
      static_cast<unsigned>(countUnits(Text.slice(Start, Offset), Unit)) + 1;
  return P;
}

size_t LineIndex::offset(unsigned Line, unsigned Column,
                         ColumnUnit Unit) const {
  if (Line == 0)
    return 0;
  if (Line > Starts.size())
    return Text.size();
  llvm::StringRef L = lineText(Line);
  size_t Start = Starts[Line - 1];
  if (Column <= 1)
    return Start;
  size_t Want = Column - 1;
  if (Unit == ColumnUnit::Byte)
    return Start + std::min(Want, L.size());
  size_t Units = 0;
  size_t I = 0;
  while (I < L.size() && Units < Want) {
    unsigned Len = utf8SequenceLength(L.substr(I));
    unsigned U = (Unit == ColumnUnit::Utf16 && Len == 4) ? 2 : 1;
    if (Units + U > Want)
      break; // inside a surrogate pair: stay before the character
    Units += U;
    I += Len;
  }
  return Start + I;
}

} // namespace claimlint
