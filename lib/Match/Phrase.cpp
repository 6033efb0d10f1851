//===- Match/Phrase.cpp - Phrases to RE2 patterns -------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Match/Phrase.h"

#include "Support/Error.h"

#include "llvm/ADT/StringExtras.h"

#include <re2/re2.h>

#include <algorithm>

namespace claimlint {

namespace {
bool isVowel(char C) { return llvm::StringRef("aeiou").contains(C); }

std::string quote(llvm::StringRef S) {
  return RE2::QuoteMeta(re2::StringPiece(S.data(), S.size()));
}
} // namespace

std::vector<std::string> inflections(llvm::StringRef Word) {
  std::string W = Word.str();
  std::vector<std::string> Out{W};
  if (W.size() < 2)
    return Out;
  char Last = W.back();
  char Before = W[W.size() - 2];
  std::string Stem = W;
  if (Last == 'e') {
    Stem.pop_back();
    Out.push_back(W + "s");
    Out.push_back(W + "d");
    Out.push_back(Stem + "ing");
  } else if (Last == 'y' && !isVowel(Before)) {
    Stem.pop_back();
    Out.push_back(Stem + "ies");
    Out.push_back(Stem + "ied");
    Out.push_back(W + "ing");
  } else {
    bool Sibilant = Last == 's' || Last == 'x' || Last == 'z' ||
                    llvm::StringRef(W).endswith("ch") ||
                    llvm::StringRef(W).endswith("sh");
    Out.push_back(W + (Sibilant ? "es" : "s"));
    Out.push_back(W + "ed");
    Out.push_back(W + "ing");
  }
  return Out;
}

size_t phraseWordEnd(llvm::StringRef P, size_t I) {
  while (I < P.size() && (isWordChar(P[I]) || P[I] == '\''))
    ++I;
  return I;
}

size_t phraseGroupEnd(llvm::StringRef P, size_t I) {
  char CloseC = P[I] == '(' ? ')' : ']';
  int Depth = 0;
  for (size_t J = I; J < P.size(); ++J) {
    if (P[J] == '(' || P[J] == '[')
      ++Depth;
    else if ((P[J] == ')' || P[J] == ']') && --Depth == 0)
      return P[J] == CloseC ? J : llvm::StringRef::npos;
  }
  return llvm::StringRef::npos;
}

std::vector<llvm::StringRef> phraseAlternatives(llvm::StringRef Inner) {
  std::vector<llvm::StringRef> Out;
  size_t Start = 0;
  int Depth = 0;
  for (size_t K = 0; K <= Inner.size(); ++K) {
    if (K < Inner.size()) {
      char Ch = Inner[K];
      if (Ch == '(' || Ch == '[')
        ++Depth;
      else if (Ch == ')' || Ch == ']')
        --Depth;
      if (Ch != '|' || Depth != 0)
        continue;
    }
    Out.push_back(Inner.slice(Start, K));
    Start = K + 1;
  }
  return Out;
}

namespace {

/// Translates one phrase fragment (no top-level handling of boundaries).
llvm::Error translate(llvm::StringRef P, size_t Base, const Vocabulary &Vocab,
                      std::string &Out, size_t &ErrorOffset) {
  size_t I = 0;
  while (I < P.size()) {
    char C = P[I];
    if (C == '{') {
      size_t Close = P.find('}', I);
      if (Close == llvm::StringRef::npos) {
        ErrorOffset = Base + I;
        return makeError("unterminated '{' in phrase");
      }
      llvm::StringRef Name = P.slice(I + 1, Close);
      auto It = Vocab.find(Name);
      if (It == Vocab.end()) {
        ErrorOffset = Base + I;
        return makeError("unknown vocabulary term list '{" + Name + "}'");
      }
      Out += It->second;
      I = Close + 1;
      continue;
    }
    if (C == '(' || C == '[') {
      size_t J = phraseGroupEnd(P, I);
      if (J == llvm::StringRef::npos) {
        ErrorOffset = Base + I;
        return makeError(llvm::Twine("unbalanced '") + llvm::Twine(C) +
                         "' in phrase");
      }
      llvm::StringRef Inner = P.slice(I + 1, J);
      size_t OpenAt = Out.size();
      Out += "(?:";
      bool First = true;
      for (llvm::StringRef Alt : phraseAlternatives(Inner)) {
        if (!First)
          Out += '|';
        First = false;
        if (llvm::Error E =
                translate(Alt, Base + I + 1 + (Alt.data() - Inner.data()),
                          Vocab, Out, ErrorOffset))
          return E;
      }
      Out += ')';
      if (C == '[') {
        // "a [very] big": the optional words take their following space, so
        // "a big" matches too. Wrap the whole group: "[hip|knee] x" is
        // (?:(?:hip|knee) )?x.
        Out.insert(OpenAt, "(?:");
        if (J + 1 < P.size() && P[J + 1] == ' ') {
          Out += ' ';
          ++J;
        }
        Out += ")?";
      }
      I = J + 1;
      continue;
    }
    if (C == ')' || C == ']' || C == '}') {
      ErrorOffset = Base + I;
      return makeError(llvm::Twine("unbalanced '") + llvm::Twine(C) +
                       "' in phrase");
    }
    if (C == ' ') {
      Out += ' ';
      ++I;
      continue;
    }
    if (C == '-') {
      Out += "[- ]?";
      ++I;
      continue;
    }
    if (isWordChar(C)) {
      size_t J = phraseWordEnd(P, I);
      llvm::StringRef Word = P.slice(I, J);
      if (J < P.size() && P[J] == '~') {
        std::vector<std::string> Forms = inflections(Word.lower());
        Out += "(?:";
        for (size_t K = 0; K < Forms.size(); ++K) {
          if (K)
            Out += '|';
          Out += quote(Forms[K]);
        }
        Out += ')';
        I = J + 1;
      } else {
        Out += quote(Word);
        I = J;
      }
      continue;
    }
    // Any other character, including UTF-8 bytes, is literal.
    size_t J = I + 1;
    while (J < P.size() && (static_cast<unsigned char>(P[J]) & 0xC0) == 0x80)
      ++J;
    Out += quote(P.slice(I, J));
    I = J;
  }
  return llvm::Error::success();
}

bool startsWithWordChar(llvm::StringRef P) {
  P = P.ltrim();
  if (P.empty())
    return false;
  return isWordChar(P[0]) || P[0] == '{' || P[0] == '(' || P[0] == '[';
}

bool endsWithWordChar(llvm::StringRef P) {
  P = P.rtrim();
  P.consume_back("~");
  if (P.empty())
    return false;
  char C = P.back();
  return isWordChar(C) || C == '}' || C == ')' || C == ']';
}

} // namespace

llvm::Expected<std::string> phraseToRegex(llvm::StringRef Phrase,
                                          const Vocabulary &Vocab, bool Bounded,
                                          size_t &ErrorOffset) {
  llvm::StringRef P = Phrase.trim();
  size_t Lead = Phrase.size() - Phrase.ltrim().size();
  if (P.empty()) {
    ErrorOffset = 0;
    return makeError("empty phrase");
  }
  std::string Body;
  if (llvm::Error E = translate(P, Lead, Vocab, Body, ErrorOffset))
    return E;
  std::string Out;
  if (Bounded && startsWithWordChar(P))
    Out += "\\b";
  Out += Body;
  if (Bounded && endsWithWordChar(P))
    Out += "\\b";
  return Out;
}

llvm::Expected<std::string> expandVocabulary(llvm::StringRef Pattern,
                                             const Vocabulary &Vocab,
                                             size_t &ErrorOffset) {
  std::string Out;
  size_t I = 0;
  while (I < Pattern.size()) {
    char C = Pattern[I];
    if (C == '\\' && I + 1 < Pattern.size()) {
      Out += Pattern.substr(I, 2).str();
      I += 2;
      continue;
    }
    if (C == '{' && I + 1 < Pattern.size() &&
        (Pattern[I + 1] >= 'A' && Pattern[I + 1] <= 'Z')) {
      size_t Close = Pattern.find('}', I);
      if (Close != llvm::StringRef::npos) {
        llvm::StringRef Name = Pattern.slice(I + 1, Close);
        auto It = Vocab.find(Name);
        if (It == Vocab.end()) {
          ErrorOffset = I;
          return makeError("unknown vocabulary term list '{" + Name + "}'");
        }
        Out += It->second;
        I = Close + 1;
        continue;
      }
    }
    Out += C;
    ++I;
  }
  return Out;
}

llvm::Expected<std::string>
compileTermList(const std::vector<std::string> &Terms, const Vocabulary &Vocab,
                size_t &ErrorIndex, size_t &ErrorOffset) {
  std::string Out = "(?:";
  for (size_t I = 0; I < Terms.size(); ++I) {
    auto R = phraseToRegex(Terms[I], Vocab, /*Bounded=*/false, ErrorOffset);
    if (!R) {
      ErrorIndex = I;
      return R.takeError();
    }
    if (I)
      Out += '|';
    Out += *R;
  }
  Out += ')';
  return Out;
}

namespace {

/// The end of the atom at \p I (a character, an escape, a class or a whole
/// group), or npos when not understood.
size_t atomEnd(llvm::StringRef R, size_t I) {
  constexpr size_t NPos = llvm::StringRef::npos;
  char C = R[I];
  if (C == '\\') {
    if (I + 1 >= R.size() || R[I + 1] == 'Q')
      return NPos; // \Q...\E: not produced by phrases; keep it whole
    char E = R[I + 1];
    if ((E == 'p' || E == 'P' || E == 'x') && I + 2 < R.size() &&
        R[I + 2] == '{') {
      size_t End = R.find('}', I + 3);
      return End == NPos ? NPos : End + 1;
    }
    if (E == 'p' || E == 'P')
      return std::min(R.size(), I + 3);
    if (E == 'x')
      return std::min(R.size(), I + 4);
    size_t J = I + 2; // an escaped UTF-8 character keeps its tail
    while (J < R.size() && (static_cast<unsigned char>(R[J]) & 0xC0) == 0x80)
      ++J;
    return J;
  }
  if (C == '[') {
    size_t J = I + 1;
    if (J < R.size() && R[J] == '^')
      ++J;
    if (J < R.size() && R[J] == ']')
      ++J; // a leading ']' is literal
    while (J < R.size() && R[J] != ']') {
      if (R.substr(J).startswith("[:")) {
        size_t E = R.find(":]", J + 2);
        if (E == NPos)
          return NPos;
        J = E + 2;
      } else if (R[J] == '\\') {
        size_t E = atomEnd(R, J);
        if (E == NPos)
          return NPos;
        J = E;
      } else {
        ++J;
      }
    }
    return J < R.size() ? J + 1 : NPos;
  }
  if (C == '(') {
    if (R.substr(I).startswith("(?") && I + 2 < R.size() && R[I + 2] != ':')
      return NPos; // flags or a named group: keep the pattern as it is
    size_t J = I + 1;
    while (J < R.size() && R[J] != ')') {
      size_t E = atomEnd(R, J);
      if (E == NPos)
        return NPos;
      J = E;
    }
    return J < R.size() ? J + 1 : NPos;
  }
  if (C == ')')
    return NPos;
  size_t J = I + 1;
  while (J < R.size() && (static_cast<unsigned char>(R[J]) & 0xC0) == 0x80)
    ++J;
  return J;
}

/// Where the quantifiers that follow an atom end ('*', '+', '?', {n,m}).
size_t quantifiersEnd(llvm::StringRef R, size_t I) {
  while (I < R.size()) {
    if (R[I] == '*' || R[I] == '+' || R[I] == '?') {
      ++I;
      continue;
    }
    if (R[I] == '{' && I + 1 < R.size() && llvm::isDigit(R[I + 1])) {
      size_t J = I + 1;
      while (J < R.size() && (llvm::isDigit(R[J]) || R[J] == ','))
        ++J;
      if (J < R.size() && R[J] == '}') {
        I = J + 1;
        continue;
      }
    }
    break;
  }
  return I;
}

/// The start of the shortest tail of \p R, cut between top-level pieces,
/// that is at least \p MinTail bytes long; 0 when there is none (too short,
/// a top-level '|', or syntax this does not follow).
size_t tailStart(llvm::StringRef R, size_t MinTail) {
  if (R.size() <= MinTail)
    return 0;
  size_t Best = 0;
  for (size_t I = 0; I < R.size();) {
    if (R[I] == '|')
      return 0;
    size_t E = atomEnd(R, I);
    if (E == llvm::StringRef::npos)
      return 0;
    if (R.size() - I >= MinTail)
      Best = I;
    I = quantifiersEnd(R, E);
  }
  return Best;
}

} // namespace

std::string
joinLongestAlternatives(const std::vector<llvm::StringRef> &Regexes) {
  // Tails shorter than this are not worth a group of their own.
  constexpr size_t MinTail = 256;
  std::vector<llvm::StringRef> Tails;              // in order of first use
  std::vector<std::vector<llvm::StringRef>> Heads; // per tail
  std::vector<llvm::StringRef> Alone;
  llvm::StringMap<unsigned> TailIndex;
  for (llvm::StringRef R : Regexes) {
    size_t T = tailStart(R, MinTail);
    if (T == 0) {
      Alone.push_back(R);
      continue;
    }
    auto In = TailIndex.try_emplace(R.substr(T), Tails.size());
    if (In.second) {
      Tails.push_back(R.substr(T));
      Heads.emplace_back();
    }
    Heads[In.first->second].push_back(R.take_front(T));
  }
  std::string Out;
  bool First = true;
  auto Sep = [&] {
    if (!First)
      Out += '|';
    First = false;
  };
  for (size_t I = 0; I < Tails.size(); ++I) {
    Sep();
    if (Heads[I].size() == 1) {
      Out += Heads[I][0];
    } else {
      Out += "(?:";
      for (size_t H = 0; H < Heads[I].size(); ++H) {
        if (H)
          Out += '|';
        Out += Heads[I][H];
      }
      Out += ')';
    }
    Out += Tails[I];
  }
  for (llvm::StringRef R : Alone) {
    Sep();
    Out += R;
  }
  return Out;
}

} // namespace claimlint
