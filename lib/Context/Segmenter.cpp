//===- Context/Segmenter.cpp - Sentences ----------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A rule-based sentence splitter for normalised prose. A sentence ends at
// '.', '!', '?' or an ellipsis, followed by closing quotes or brackets, an
// optional citation ("[3]", "²") and a space before something that can start a
// sentence. A '.' after a known abbreviation ("Dr.", "e.g.", "et al.") or an
// initial, or before a lowercase word, does not end one. Block boundaries
// ('\n') always do: the caller never passes a range that crosses one.
//
// The abbreviation list is English orthography, not health vocabulary, so it
// lives here rather than in the lexicon.
//
//===----------------------------------------------------------------------===//

#include "Context/Segmenter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace claimlint {

namespace {

bool isUpperAscii(char C) { return C >= 'A' && C <= 'Z'; }

bool isWordByte(char C) {
  return llvm::isAlnum(C) || static_cast<unsigned char>(C) >= 0x80;
}

/// Length of a Unicode superscript digit (or superscript minus) at \p I.
unsigned superscriptAt(llvm::StringRef T, size_t I) {
  auto B = [&](size_t K) {
    return K < T.size() ? static_cast<unsigned char>(T[K]) : 0u;
  };
  if (B(I) == 0xC2 &&
      (B(I + 1) == 0xB2 || B(I + 1) == 0xB3 || B(I + 1) == 0xB9)) // ² ³ ¹
    return 2;
  if (B(I) == 0xE2 && B(I + 1) == 0x81 &&
      (B(I + 2) == 0xB0 || (B(I + 2) >= 0xB4 && B(I + 2) <= 0xBB))) // ⁰ ⁴-⁹ ⁻
    return 3;
  return 0;
}

/// Length of the ellipsis character U+2026 at \p I, or 0.
unsigned ellipsisAt(llvm::StringRef T, size_t I) {
  return T.substr(I).startswith("\xE2\x80\xA6") ? 3 : 0;
}

bool isCloser(char C) {
  return C == '"' || C == '\'' || C == ')' || C == ']' || C == '*';
}

/// Skips a citation that may follow a sentence terminator: "[3]", "[2, 5]",
/// "[^note]", or superscript digits. Returns the position after it.
size_t skipCitation(llvm::StringRef T, size_t J, size_t Limit) {
  if (J < Limit && T[J] == '[') {
    size_t K = J + 1;
    bool Footnote = K < Limit && T[K] == '^';
    if (Footnote)
      ++K;
    size_t First = K;
    size_t Max = std::min(Limit, J + 24);
    while (K < Max && T[K] != ']') {
      char C = T[K];
      bool Ok = Footnote ? C != ' '
                         : (llvm::isDigit(C) || C == ',' || C == '-' ||
                            C == ' ' || static_cast<unsigned char>(C) >= 0x80);
      if (!Ok)
        return J;
      ++K;
    }
    if (K < Max && K > First)
      return K + 1;
    return J;
  }
  size_t K = J;
  while (K < Limit) {
    if (unsigned N = superscriptAt(T, K))
      K += N;
    else if (K > J && T[K] == ',' && superscriptAt(T, K + 1))
      ++K;
    else
      break;
  }
  return K;
}

/// Abbreviations that never end a sentence (lowercase, without the final
/// '.'); tokens with an inner '.' ("e.g", "U.S", "Ph.D") are handled apart.
bool isAbbreviation(llvm::StringRef Lower) {
  return llvm::StringSwitch<bool>(Lower)
      .Cases("dr", "drs", "mr", "mrs", "ms", "prof", "sr", "jr", true)
      .Cases("st", "mt", "rev", "hon", "capt", "sgt", "col", "lt", true)
      .Cases("vs", "al", "approx", "appt", "dept", "est", "cf", "ca", true)
      .Cases("viz", "ibid", "cit", "op", "eq", "eds", "ed", "incl", true)
      .Cases("assoc", "univ", "govt", "inst", "corp", true)
      .Default(false);
}

/// Abbreviations that do not end a sentence when a number follows
/// ("No. 1", "p. 23", "Fig. 2", "Jan. 5").
bool isNumberAbbreviation(llvm::StringRef Lower) {
  return llvm::StringSwitch<bool>(Lower)
      .Cases("no", "nos", "p", "pp", "vol", "vols", "fig", "figs", true)
      .Cases("ref", "refs", "tab", "ch", "sec", "art", "para", true)
      .Cases("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", true)
      .Cases("sept", "oct", "nov", "dec", true)
      .Default(false);
}

/// True if the '.' at \p Dot belongs to an abbreviation or an initial rather
/// than ending a sentence. \p Next is the first byte of the following word.
bool abbreviationBefore(llvm::StringRef T, size_t Begin, size_t Dot,
                        char Next) {
  size_t S = Dot;
  while (S > Begin && (llvm::isAlnum(T[S - 1]) || T[S - 1] == '.'))
    --S;
  llvm::StringRef Tok = T.slice(S, Dot);
  if (Tok.empty())
    return false;
  std::string Lower = Tok.lower();
  if (Tok.contains('.'))
    return true; // e.g. / i.e. / U.S. / Ph.D.
  if (isAbbreviation(Lower))
    return true;
  if (llvm::isDigit(Next) && isNumberAbbreviation(Lower))
    return true;
  // A single capital letter is an initial ("J. R. Smith") when it starts the
  // sentence or the word before it is capitalised or another initial;
  // "vitamin D. It" ends.
  if (Tok.size() == 1 && isUpperAscii(Tok[0])) {
    size_t P = S;
    while (P > Begin && T[P - 1] == ' ')
      --P;
    if (P == Begin)
      return true;
    size_t W = P;
    while (W > Begin && (isWordByte(T[W - 1]) || T[W - 1] == '.'))
      --W;
    return W < P && isUpperAscii(T[W]);
  }
  return false;
}

bool canStartSentence(char C) {
  auto U = static_cast<unsigned char>(C);
  return isUpperAscii(C) || llvm::isDigit(C) || U >= 0x80 || C == '"' ||
         C == '\'' || C == '(' || C == '[' || C == '*' || C == '#' ||
         C == '-' || C == '$';
}

uint32_t trimEnd(llvm::StringRef T, uint32_t Begin, uint32_t End) {
  while (End > Begin && T[End - 1] == ' ')
    --End;
  return End;
}

} // namespace

uint32_t findSentenceEnd(llvm::StringRef Text, uint32_t Begin, uint32_t Limit) {
  Limit = std::min<uint32_t>(Limit, static_cast<uint32_t>(Text.size()));
  size_t I = Begin;
  while (I < Limit) {
    char C = Text[I];
    unsigned Ell = ellipsisAt(Text, I);
    if (C != '.' && C != '!' && C != '?' && !Ell) {
      ++I;
      continue;
    }
    // A run of terminators: "...", "?!", "…".
    size_t J = I;
    unsigned Dots = 0;
    bool Strong = false; // '!', '?' or an ellipsis
    while (J < Limit) {
      if (Text[J] == '.') {
        ++Dots;
        ++J;
      } else if (Text[J] == '!' || Text[J] == '?') {
        Strong = true;
        ++J;
      } else if (unsigned N = ellipsisAt(Text, J)) {
        Strong = true;
        J += N;
      } else {
        break;
      }
    }
    if (Dots > 1)
      Strong = true;
    // Closing quotes and brackets, a citation, then closers again.
    while (J < Limit && isCloser(Text[J]))
      ++J;
    size_t AfterCite = skipCitation(Text, J, Limit);
    if (AfterCite != J) {
      J = AfterCite;
      while (J < Limit && isCloser(Text[J]))
        ++J;
    }
    if (J >= Limit)
      return trimEnd(Text, Begin, Limit);
    if (Text[J] != ' ') { // "3.5", "e.g.x", "U.S.A": not a boundary
      I = std::max(I + 1, J);
      continue;
    }
    size_t K = J;
    while (K < Limit && Text[K] == ' ')
      ++K;
    if (K >= Limit)
      return trimEnd(Text, Begin, Limit);
    char Next = Text[K];
    bool Boundary;
    if (Strong && Dots == 0) // "!" or "?"
      Boundary = true;
    else if (Strong) // an ellipsis
      Boundary = canStartSentence(Next);
    else
      Boundary =
          canStartSentence(Next) && !abbreviationBefore(Text, Begin, I, Next);
    if (Boundary)
      return static_cast<uint32_t>(J);
    I = K;
  }
  return trimEnd(Text, Begin, Limit);
}

std::vector<Sentence> segmentSentences(const Prose &P) {
  std::vector<Sentence> Out;
  llvm::StringRef T = P.text();
  for (size_t B = 0; B < P.blocks().size(); ++B) {
    Range R = P.blocks()[B].Text;
    uint32_t Pos = R.Begin;
    while (Pos < R.End) {
      while (Pos < R.End && T[Pos] == ' ')
        ++Pos;
      if (Pos >= R.End)
        break;
      uint32_t E = findSentenceEnd(T, Pos, R.End);
      if (E <= Pos) // cannot happen; never loop forever
        E = R.End;
      Out.push_back({{Pos, E}, static_cast<uint32_t>(B)});
      Pos = E;
    }
  }
  return Out;
}

Range nextSentence(llvm::StringRef Text, const Sentence &S) {
  size_t BlockEnd = Text.find('\n', S.Text.End);
  if (BlockEnd == llvm::StringRef::npos)
    BlockEnd = Text.size();
  uint32_t Pos = S.Text.End;
  while (Pos < BlockEnd && Text[Pos] == ' ')
    ++Pos;
  if (Pos >= BlockEnd)
    return {S.Text.End, S.Text.End};
  return {Pos, findSentenceEnd(Text, Pos, static_cast<uint32_t>(BlockEnd))};
}

} // namespace claimlint
