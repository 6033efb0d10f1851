//===- MarkupTestUtil.h - Helpers for the Markup tests ----------*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Helpers shared by the Markup tests: find a word in the prose and map it
/// back, find raw text in the source, list blocks, and check the invariants
/// every Prose must satisfy.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_UNIT_MARKUP_MARKUPTESTUTIL_H
#define CLAIMLINT_TESTS_UNIT_MARKUP_MARKUPTESTUTIL_H

#include "Markup/Prose.h"

#include "llvm/ADT/StringRef.h"

#include "gtest/gtest.h"

#include <ostream>
#include <string>
#include <vector>

namespace claimlint {

/// Lets gtest print ranges as [Begin, End).
inline void PrintTo(const Range &R, std::ostream *OS) {
  *OS << "[" << R.Begin << ", " << R.End << ")";
}

namespace test {

/// The position of the \p Nth occurrence (0-based) of \p Needle in \p Hay,
/// or npos.
inline size_t findNth(llvm::StringRef Hay, llvm::StringRef Needle,
                      unsigned Nth) {
  size_t At = Hay.find(Needle);
  for (; Nth > 0 && At != llvm::StringRef::npos; --Nth)
    At = Hay.find(Needle, At + 1);
  return At;
}

/// The original range of the \p Nth occurrence of \p Word in the prose.
inline Range mapped(const Prose &P, llvm::StringRef Word, unsigned Nth = 0) {
  size_t At = findNth(P.text(), Word, Nth);
  if (At == llvm::StringRef::npos) {
    ADD_FAILURE() << "'" << Word.str() << "' not in prose: " << P.text();
    return {~0u, ~0u};
  }
  auto B = static_cast<uint32_t>(At);
  return P.toOriginal({B, B + static_cast<uint32_t>(Word.size())});
}

/// The range of the \p Nth occurrence of \p Raw in the source \p Text.
inline Range raw(llvm::StringRef Text, llvm::StringRef Raw, unsigned Nth = 0) {
  size_t At = findNth(Text, Raw, Nth);
  if (At == llvm::StringRef::npos) {
    ADD_FAILURE() << "'" << Raw.str() << "' not in source";
    return {~0u, ~0u};
  }
  auto B = static_cast<uint32_t>(At);
  return {B, B + static_cast<uint32_t>(Raw.size())};
}

/// The blocks as "kind: text".
inline std::vector<std::string> blocks(const Prose &P) {
  std::vector<std::string> Out;
  for (const Block &B : P.blocks())
    Out.push_back(blockKindName(B.Kind).str() + ": " +
                  P.text().substr(B.Text.Begin, B.Text.size()));
  return Out;
}

/// Checks what every reader must guarantee: verbatim pieces copy the source,
/// the map is ordered, blocks are non-empty, trimmed and '\n'-separated, and
/// comments lie inside the file.
inline void expectWellFormed(const Prose &P, llvm::StringRef Text) {
  const std::string &S = P.text();
  uint32_t ProseEnd = 0, OrigEnd = 0;
  for (const Prose::Piece &Pc : P.pieces()) {
    EXPECT_GE(Pc.Prose, ProseEnd) << "pieces out of prose order";
    EXPECT_GE(Pc.Orig, OrigEnd) << "pieces out of source order";
    EXPECT_LE(Pc.Orig + Pc.OrigLen, Text.size());
    EXPECT_LE(Pc.Prose + Pc.ProseLen, S.size());
    if (Pc.Verbatim) {
      EXPECT_EQ(Pc.ProseLen, Pc.OrigLen);
      EXPECT_EQ(S.substr(Pc.Prose, Pc.ProseLen),
                Text.substr(Pc.Orig, Pc.OrigLen).str());
    }
    ProseEnd = Pc.Prose + Pc.ProseLen;
    OrigEnd = Pc.Orig + Pc.OrigLen;
  }
  uint32_t Next = 0;
  for (const Block &B : P.blocks()) {
    EXPECT_EQ(B.Text.Begin, Next) << "blocks not contiguous";
    ASSERT_GT(B.Text.size(), 0u) << "empty block";
    llvm::StringRef T(S.data() + B.Text.Begin, B.Text.size());
    EXPECT_FALSE(T.contains('\n'));
    EXPECT_NE(T.front(), ' ');
    EXPECT_NE(T.back(), ' ');
    ASSERT_LT(B.Text.End, S.size());
    EXPECT_EQ(S[B.Text.End], '\n');
    Next = B.Text.End + 1;
  }
  EXPECT_EQ(Next, S.size());
  for (const Comment &C : P.comments()) {
    EXPECT_LE(C.Source.Begin, C.Body.Begin);
    EXPECT_LE(C.Body.Begin, C.Body.End);
    EXPECT_LE(C.Body.End, C.Source.End);
    EXPECT_LE(C.Source.End, Text.size());
  }
}

/// The body of comment \p I, as written in \p Text.
inline std::string commentBody(const Prose &P, llvm::StringRef Text, size_t I) {
  if (I >= P.comments().size())
    return "<no comment " + std::to_string(I) + ">";
  const Range &R = P.comments()[I].Body;
  return Text.slice(R.Begin, R.End).str();
}

} // namespace test
} // namespace claimlint

#endif // CLAIMLINT_TESTS_UNIT_MARKUP_MARKUPTESTUTIL_H
