//===- Markup/Prose.cpp - Normalised prose with an offset map -------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Markup/Prose.h"

#include <algorithm>
#include <cassert>

namespace claimlint {

llvm::StringRef blockKindName(BlockKind K) {
  switch (K) {
  case BlockKind::Paragraph:
    return "paragraph";
  case BlockKind::Heading:
    return "heading";
  case BlockKind::ListItem:
    return "list-item";
  case BlockKind::TableCell:
    return "table-cell";
  case BlockKind::BlockQuote:
    return "block-quote";
  case BlockKind::Title:
    return "title";
  case BlockKind::Description:
    return "description";
  case BlockKind::AltText:
    return "alt-text";
  case BlockKind::Other:
    return "other";
  }
  return "other";
}

unsigned normalisedPrefix(llvm::StringRef S, llvm::StringRef &Replacement) {
  if (S.empty())
    return 0;
  auto B0 = static_cast<unsigned char>(S[0]);
  if (B0 == ' ' || B0 == '\t' || B0 == '\n' || B0 == '\r' || B0 == '\f' ||
      B0 == '\v') {
    Replacement = " ";
    return 1;
  }
  if (B0 < 0x80 || S.size() < 2)
    return 0;
  auto B1 = static_cast<unsigned char>(S[1]);
  if (B0 == 0xC2) {
    if (B1 == 0xA0) { // U+00A0 no-break space
      Replacement = " ";
      return 2;
    }
    if (B1 == 0xAD) { // U+00AD soft hyphen
      Replacement = "";
      return 2;
    }
    return 0;
  }
  if (S.size() < 3)
    return 0;
  auto B2 = static_cast<unsigned char>(S[2]);
  if (B0 == 0xE2 && B1 == 0x80) {
    if (B2 <= 0x8A || B2 == 0xAF) { // U+2000..U+200A spaces, U+202F
      Replacement = " ";
      return 3;
    }
    if (B2 == 0x8B || B2 == 0x8C || B2 == 0x8D) { // zero-width space/joiners
      Replacement = "";
      return 3;
    }
    if (B2 == 0x90 || B2 == 0x91 || B2 == 0x92) { // hyphen, nb hyphen, figure
      Replacement = "-";
      return 3;
    }
    if (B2 == 0x98 || B2 == 0x99 || B2 == 0x9B) { // single curly quotes
      Replacement = "'";
      return 3;
    }
    if (B2 == 0x9C || B2 == 0x9D || B2 == 0x9F) { // double curly quotes
      Replacement = "\"";
      return 3;
    }
    return 0;
  }
  if (B0 == 0xE2 && B1 == 0x81 && B2 == 0xA0) { // U+2060 word joiner
    Replacement = "";
    return 3;
  }
  if (B0 == 0xEF && B1 == 0xBB && B2 == 0xBF) { // U+FEFF (BOM / ZWNBSP)
    Replacement = "";
    return 3;
  }
  if (B0 == 0xE3 && B1 == 0x80 && B2 == 0x80) { // U+3000 ideographic space
    Replacement = " ";
    return 3;
  }
  return 0;
}

ProseBuilder::ProseBuilder(llvm::StringRef Original) : Original(Original) {
  // Prose is rarely longer than its source: one allocation, no regrowth.
  Out.Text.reserve(Original.size() + 1);
}

void ProseBuilder::beginBlock(BlockKind K) {
  if (InBlock)
    endBlock();
  InBlock = true;
  Kind = K;
  BlockStart = static_cast<uint32_t>(Out.Text.size());
}

void ProseBuilder::emit(llvm::StringRef S, uint32_t OrigBegin, uint32_t OrigLen,
                        bool Verbatim) {
  auto P = static_cast<uint32_t>(Out.Text.size());
  auto Len = static_cast<uint32_t>(S.size());
  Out.Text.append(S.data(), S.size());
  if (Verbatim && Len && !Out.Pieces.empty()) {
    // A space that stood for one ' ' of the source maps byte for byte. Once
    // text follows it, nothing widens or drops it any more, so it joins the
    // verbatim runs around it: about one piece per run of text instead of
    // two per word.
    Prose::Piece &Sp = Out.Pieces.back();
    if (!Sp.Verbatim && Sp.ProseLen == 1 && Sp.OrigLen == 1 &&
        Sp.Prose + 1 == P && Sp.Orig + 1 == OrigBegin &&
        Out.Text[Sp.Prose] == ' ' && Original[Sp.Orig] == ' ') {
      Sp.Verbatim = true;
      if (Out.Pieces.size() >= 2) {
        Prose::Piece &Before = Out.Pieces[Out.Pieces.size() - 2];
        if (Before.Verbatim && Before.Prose + Before.ProseLen == Sp.Prose &&
            Before.Orig + Before.OrigLen == Sp.Orig) {
          ++Before.ProseLen;
          ++Before.OrigLen;
          Out.Pieces.pop_back();
        }
      }
    }
  }
  if (!Out.Pieces.empty()) {
    Prose::Piece &Last = Out.Pieces.back();
    if (Verbatim && Last.Verbatim && Last.Prose + Last.ProseLen == P &&
        Last.Orig + Last.OrigLen == OrigBegin) {
      Last.ProseLen += Len;
      Last.OrigLen += OrigLen;
      return;
    }
  }
  Out.Pieces.push_back({P, OrigBegin, Len, OrigLen, Verbatim});
}

void ProseBuilder::emitSpace(uint32_t OrigBegin, uint32_t OrigLen) {
  if (Out.Text.size() == BlockStart || Out.Text.back() == ' ') {
    // Collapsed into the previous space: widen that piece so the map stays
    // monotonic and covers the source.
    if (Out.Text.size() != BlockStart && !Out.Pieces.empty() &&
        !Out.Pieces.back().Verbatim &&
        Out.Pieces.back().Orig + Out.Pieces.back().OrigLen == OrigBegin)
      Out.Pieces.back().OrigLen += OrigLen;
    return;
  }
  emit(" ", OrigBegin, OrigLen, /*Verbatim=*/false);
}

void ProseBuilder::addText(uint32_t Begin, uint32_t End) {
  assert(InBlock && "addText outside a block");
  assert(Begin <= End && End <= Original.size() && "range outside the file");
  // ASCII other than white space is kept as it is.
  auto Plain = [](unsigned char C) {
    return C < 0x80 && C != ' ' && (C < '\t' || C > '\r');
  };
  const auto *S = reinterpret_cast<const unsigned char *>(Original.data());
  uint32_t RunStart = Begin;
  uint32_t I = Begin;
  while (I < End) {
    if (Plain(S[I])) {
      ++I;
      continue;
    }
    // One space between two kept bytes of this run stays in the run: emit()
    // would merge it into the run anyway (a byte-for-byte space).
    if (S[I] == ' ' && I > RunStart && I + 1 < End && Plain(S[I + 1])) {
      I += 2;
      continue;
    }
    llvm::StringRef Repl;
    unsigned N = normalisedPrefix(Original.slice(I, End), Repl);
    if (N == 0) {
      ++I;
      continue;
    }
    if (I > RunStart)
      emit(Original.slice(RunStart, I), RunStart, I - RunStart, true);
    if (Repl == " ")
      emitSpace(I, N);
    else if (!Repl.empty())
      emit(Repl, I, N, false);
    I += N;
    RunStart = I;
  }
  if (End > RunStart)
    emit(Original.slice(RunStart, End), RunStart, End - RunStart, true);
}

void ProseBuilder::addReplacement(llvm::StringRef Text, uint32_t Begin,
                                  uint32_t End) {
  assert(InBlock && "addReplacement outside a block");
  llvm::StringRef Repl;
  if (normalisedPrefix(Text, Repl) == Text.size()) {
    if (Repl == " ")
      emitSpace(Begin, End - Begin);
    else if (!Repl.empty())
      emit(Repl, Begin, End - Begin, false);
    return;
  }
  bool AllSpace = !Text.empty() &&
                  Text.find_first_not_of(" \t\r\n") == llvm::StringRef::npos;
  if (AllSpace) {
    emitSpace(Begin, End - Begin);
    return;
  }
  emit(Text, Begin, End - Begin, /*Verbatim=*/Text.size() == End - Begin &&
                                     Original.slice(Begin, End) == Text);
}

void ProseBuilder::addSpace(uint32_t At) {
  assert(InBlock && "addSpace outside a block");
  emitSpace(At, 0);
}

void ProseBuilder::endBlock() {
  if (!InBlock)
    return;
  InBlock = false;
  if (Out.Text.size() > BlockStart && Out.Text.back() == ' ') {
    Out.Text.pop_back();
    assert(!Out.Pieces.empty() && Out.Pieces.back().ProseLen == 1);
    Out.Pieces.pop_back();
  }
  if (Out.Text.size() == BlockStart)
    return;
  Out.Blocks.push_back(
      {Kind, {BlockStart, static_cast<uint32_t>(Out.Text.size())}});
  Out.Text.push_back('\n');
}

Prose ProseBuilder::take() {
  endBlock();
  return std::move(Out);
}

uint32_t Prose::mapBegin(uint32_t P) const {
  if (Pieces.empty())
    return 0;
  auto It = std::upper_bound(
      Pieces.begin(), Pieces.end(), P,
      [](uint32_t V, const Piece &Pc) { return V < Pc.Prose; });
  if (It == Pieces.begin())
    return Pieces.front().Orig;
  const Piece &Pc = *(It - 1);
  if (P < Pc.Prose + Pc.ProseLen)
    return Pc.Verbatim ? Pc.Orig + (P - Pc.Prose) : Pc.Orig;
  // In a block separator: the next piece's start.
  return It != Pieces.end() ? It->Orig : Pc.Orig + Pc.OrigLen;
}

uint32_t Prose::mapEnd(uint32_t P) const {
  if (Pieces.empty())
    return 0;
  if (P == 0)
    return Pieces.front().Orig;
  // The piece holding the last byte of the range, P - 1.
  auto It = std::upper_bound(
      Pieces.begin(), Pieces.end(), P - 1,
      [](uint32_t V, const Piece &Pc) { return V < Pc.Prose; });
  if (It == Pieces.begin())
    return Pieces.front().Orig;
  const Piece &Pc = *(It - 1);
  if (P - 1 < Pc.Prose + Pc.ProseLen && Pc.Verbatim)
    return Pc.Orig + (P - Pc.Prose);
  return Pc.Orig + Pc.OrigLen;
}

Range Prose::toOriginal(Range R) const {
  uint32_t B = mapBegin(R.Begin);
  uint32_t E = R.End > R.Begin ? mapEnd(R.End) : B;
  if (E < B)
    E = B;
  return {B, E};
}

uint32_t Prose::fromOriginal(uint32_t Orig) const {
  auto It = std::upper_bound(
      Pieces.begin(), Pieces.end(), Orig,
      [](uint32_t V, const Piece &Pc) { return V < Pc.Orig + Pc.OrigLen; });
  if (It == Pieces.end())
    return static_cast<uint32_t>(Text.size());
  if (It->Verbatim && Orig >= It->Orig)
    return It->Prose + (Orig - It->Orig);
  return It->Prose;
}

} // namespace claimlint
