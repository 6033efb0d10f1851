//===- Match/RegexWords.cpp - Words every match of a regex contains -------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A small recursive-descent reader of RE2 syntax. Each piece of the regex
// becomes a Piece: what its matches can be (a finite set of lower-case
// strings when it is literal enough, with \b kept as a marker byte), whether
// a match can be empty, whether every non-empty match starts or ends with a
// non-word character, and the best word set found inside it. Literal pieces
// next to each other are multiplied out into runs; a run's words are whole
// when the run or its neighbours fix both sides.
//
//===----------------------------------------------------------------------===//

#include "Match/RegexWords.h"

#include "Match/Phrase.h"
#include "Match/Prebuilt.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

#include <algorithm>
#include <limits>

namespace claimlint {

namespace {

constexpr char Marker = '\x01'; ///< a \b inside a literal string
constexpr size_t MaxStrings = 64;
constexpr size_t MaxLength = 200;
constexpr size_t MaxSets = 4;      ///< word sets given for one regex
constexpr size_t LongGroup = 1000; ///< bytes; see Reader::group()
constexpr unsigned Unbounded = std::numeric_limits<unsigned>::max();

/// Characters RE2's case folding equates with an ASCII letter (k, s).
bool foldsToAscii(uint32_t C) { return C == 0x17F || C == 0x212A; }

double wordCost(const std::string &W) {
  if (W.size() >= 6)
    return 1;
  return W.size() >= 4 ? 3 : 20;
}

struct Need {
  std::vector<std::string> Words;
  double Cost = std::numeric_limits<double>::infinity();
  bool ok() const { return !Words.empty(); }
};

/// The rarest-looking of \p Needs, or an empty Need.
Need best(const std::vector<Need> &Needs) {
  Need B;
  for (const Need &N : Needs)
    if (N.Cost < B.Cost)
      B = N;
  return B;
}

void addNeed(std::vector<Need> &Needs, Need N) {
  if (N.ok())
    Needs.push_back(std::move(N));
}

/// How common a punctuation character is in prose (lower is rarer).
int charCost(char C) { return llvm::StringRef(",.-").contains(C) ? 4 : 1; }

int charsCost(const std::string &Chars) {
  int Cost = 0;
  for (char C : Chars)
    Cost += charCost(C);
  return Cost;
}

/// Keeps the better of two required-character sets in \p Best.
void keepChars(std::string &Best, const std::string &Other) {
  if (!Other.empty() && (Best.empty() || charsCost(Other) < charsCost(Best)))
    Best = Other;
}

/// One rare punctuation character of each of \p Lits, or "".
std::string charsOf(const std::vector<std::string> &Lits) {
  std::string Out;
  for (const std::string &S : Lits) {
    char Best = 0;
    for (char C : S)
      if (C > ' ' && C < 0x7F && !isWordChar(C) &&
          (!Best || charCost(C) < charCost(Best)))
        Best = C;
    if (!Best)
      return "";
    if (Out.find(Best) == std::string::npos)
      Out += Best;
  }
  return Out;
}

struct Piece {
  bool Known = false; ///< Lits holds every string a match can be
  std::vector<std::string> Lits;
  bool CanBeEmpty = false;
  bool ZeroWidth = false;    ///< every match is empty
  bool FirstNonWord = false; ///< every non-empty match starts with one
  bool LastNonWord = false;
  /// Word sets every match of this piece contains a word of, whole (each
  /// set holds on its own, so all of them hold together).
  std::vector<Need> Needs;
  /// ASCII punctuation, one of which every match contains (empty: none
  /// known); see requiredCharacters().
  std::string Chars;

  static Piece unknown(bool NonWord = false) {
    Piece P;
    P.FirstNonWord = P.LastNonWord = NonWord;
    return P;
  }
  static Piece literal(std::string S) {
    Piece P;
    P.Known = true;
    P.FirstNonWord = !S.empty() && !isWordChar(S.front());
    P.LastNonWord = !S.empty() && !isWordChar(S.back());
    P.Lits.push_back(llvm::StringRef(S).lower());
    return P;
  }
  static Piece empty(bool Boundary) {
    Piece P;
    P.Known = true;
    P.Lits.push_back(Boundary ? std::string(1, Marker) : std::string());
    P.CanBeEmpty = P.ZeroWidth = P.FirstNonWord = P.LastNonWord = true;
    return P;
  }
  bool allEndWithMarker() const {
    return Known && !Lits.empty() &&
           llvm::all_of(Lits, [](const std::string &S) {
             return !S.empty() && S.back() == Marker;
           });
  }
  bool allStartWithMarker() const {
    return Known && !Lits.empty() &&
           llvm::all_of(Lits, [](const std::string &S) {
             return !S.empty() && S.front() == Marker;
           });
  }
};

/// Every concatenation of one string of each list, or false if too many.
bool multiply(std::vector<std::string> &Acc,
              const std::vector<std::string> &Next) {
  if (Acc.size() * Next.size() > MaxStrings)
    return false;
  std::vector<std::string> Out;
  Out.reserve(Acc.size() * Next.size());
  for (const std::string &A : Acc)
    for (const std::string &B : Next) {
      if (A.size() + B.size() > MaxLength)
        return false;
      Out.push_back(A + B);
    }
  std::sort(Out.begin(), Out.end());
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  Acc = std::move(Out);
  return true;
}

/// The whole words of \p S that may be required (a letter, no '_').
std::vector<std::string> wholeWords(const std::string &S, bool LeftFixed,
                                    bool RightFixed) {
  std::vector<std::string> Out;
  for (size_t I = 0; I < S.size();) {
    if (!isWordChar(S[I])) {
      ++I;
      continue;
    }
    size_t J = I;
    while (J < S.size() && isWordChar(S[J]))
      ++J;
    bool Whole = (I > 0 || LeftFixed) && (J < S.size() || RightFixed);
    std::string Word = S.substr(I, J - I);
    if (Whole && Word.size() <= 40 && Word.find('_') == std::string::npos &&
        llvm::any_of(Word, [](char C) { return llvm::isAlpha(C); }))
      Out.push_back(std::move(Word));
    I = J;
  }
  return Out;
}

/// What a run of literal strings needs, given whether its left and right
/// neighbours fix a boundary there: with one string, each of its whole
/// words; with several, one set of the best whole word of each string.
void runWords(std::vector<Need> &Needs, const std::vector<std::string> &Lits,
              bool LeftFixed, bool RightFixed) {
  if (Lits.size() == 1) {
    for (std::string &W : wholeWords(Lits[0], LeftFixed, RightFixed)) {
      Need N;
      N.Cost = wordCost(W);
      N.Words.push_back(std::move(W));
      Needs.push_back(std::move(N));
    }
    return;
  }
  Need N;
  N.Cost = 0;
  for (const std::string &S : Lits) {
    std::string BestWord;
    double BestCost = 0;
    for (std::string &W : wholeWords(S, LeftFixed, RightFixed)) {
      double C = wordCost(W);
      if (BestWord.empty() || C < BestCost ||
          (C == BestCost && W.size() > BestWord.size())) {
        BestCost = C;
        BestWord = std::move(W);
      }
    }
    if (BestWord.empty())
      return;
    if (!llvm::is_contained(N.Words, BestWord)) {
      N.Words.push_back(BestWord);
      N.Cost += BestCost;
    }
  }
  addNeed(Needs, std::move(N));
}

class Reader {
public:
  explicit Reader(llvm::StringRef R) : R(R) {}

  std::string readChars() {
    Piece P = alternation();
    if (Bad || I != R.size())
      return "";
    if (P.Known) // a lone literal is no concatenation
      keepChars(P.Chars, charsOf(P.Lits));
    std::sort(P.Chars.begin(), P.Chars.end());
    return P.Chars;
  }

  std::vector<std::vector<std::string>> read() {
    Piece P = alternation();
    if (Bad || I != R.size())
      return {};
    std::stable_sort(
        P.Needs.begin(), P.Needs.end(),
        [](const Need &A, const Need &B) { return A.Cost < B.Cost; });
    std::vector<std::vector<std::string>> Out;
    for (Need &N : P.Needs) {
      std::sort(N.Words.begin(), N.Words.end());
      if (!llvm::is_contained(Out, N.Words) && Out.size() < MaxSets)
        Out.push_back(std::move(N.Words));
    }
    return Out;
  }

private:
  llvm::StringRef R;
  size_t I = 0;
  bool Bad = false; ///< something unexpected: give no words at all

  bool at(char C) const { return I < R.size() && R[I] == C; }

  Piece alternation() {
    std::vector<Piece> Branches;
    Branches.push_back(concatenation());
    while (!Bad && at('|')) {
      ++I;
      Branches.push_back(concatenation());
    }
    if (Branches.size() == 1)
      return std::move(Branches[0]);
    Piece P;
    P.Known = true;
    P.ZeroWidth = P.FirstNonWord = P.LastNonWord = true;
    Need All;
    All.Cost = 0;
    bool AllNeed = true, AllChars = true;
    for (Piece &B : Branches) {
      if (B.Chars.empty())
        AllChars = false;
      for (char C : B.Chars)
        if (P.Chars.find(C) == std::string::npos)
          P.Chars += C;
      P.CanBeEmpty |= B.CanBeEmpty;
      P.ZeroWidth &= B.ZeroWidth;
      P.FirstNonWord &= B.FirstNonWord;
      P.LastNonWord &= B.LastNonWord;
      if (P.Known && B.Known && P.Lits.size() + B.Lits.size() <= MaxStrings)
        P.Lits.insert(P.Lits.end(), B.Lits.begin(), B.Lits.end());
      else
        P.Known = false;
      Need BestOfBranch = best(B.Needs);
      if (!BestOfBranch.ok()) {
        AllNeed = false;
        continue;
      }
      All.Cost += BestOfBranch.Cost;
      for (std::string &W : BestOfBranch.Words)
        if (!llvm::is_contained(All.Words, W))
          All.Words.push_back(std::move(W));
    }
    if (P.Known) {
      std::sort(P.Lits.begin(), P.Lits.end());
      P.Lits.erase(std::unique(P.Lits.begin(), P.Lits.end()), P.Lits.end());
    } else {
      P.Lits.clear();
    }
    if (AllNeed)
      P.Needs.push_back(std::move(All));
    if (!AllChars)
      P.Chars.clear();
    return P;
  }

  Piece concatenation() {
    std::vector<Piece> Items;
    while (!Bad && I < R.size() && R[I] != '|' && R[I] != ')') {
      Piece A = atom();
      if (Bad)
        break;
      unsigned Min, Max;
      if (quantifier(Min, Max) && A.Known && Min >= 1 && Min <= 4 &&
          (Max == Unbounded || Max > 4)) {
        // x{2,}: two literal copies, then an unknown rest that may be empty.
        Piece Rest = A;
        apply(Rest, 0, Unbounded);
        for (unsigned K = 0; K < Min; ++K)
          Items.push_back(A);
        Items.push_back(std::move(Rest));
        continue;
      }
      if (Min != 1 || Max != 1)
        apply(A, Min, Max);
      while (quantifier(Min, Max)) // not valid RE2 alone; read anyway
        apply(A, Min, Max);
      Items.push_back(std::move(A));
    }
    return join(Items);
  }

  /// Whether the pieces before Items[At] fix a word boundary there: the
  /// nearest one that cannot be empty ends in a non-word, or a \b comes
  /// first (rightFixed: the same looking from Items[At] on).
  static bool leftFixed(const std::vector<Piece> &Items, size_t At) {
    for (size_t J = At; J-- > 0;) {
      const Piece &P = Items[J];
      if (P.allEndWithMarker())
        return true;
      if (!P.LastNonWord)
        return false;
      if (!P.CanBeEmpty)
        return true;
    }
    return false;
  }
  static bool rightFixed(const std::vector<Piece> &Items, size_t At) {
    for (size_t J = At; J < Items.size(); ++J) {
      const Piece &P = Items[J];
      if (P.allStartWithMarker())
        return true;
      if (!P.FirstNonWord)
        return false;
      if (!P.CanBeEmpty)
        return true;
    }
    return false;
  }

  static Piece join(std::vector<Piece> &Items) {
    if (Items.empty())
      return Piece::empty(false);
    if (Items.size() == 1)
      return std::move(Items[0]);
    Piece P;
    P.CanBeEmpty = P.ZeroWidth = true;
    for (const Piece &X : Items) {
      P.CanBeEmpty &= X.CanBeEmpty;
      P.ZeroWidth &= X.ZeroWidth;
    }
    P.FirstNonWord = true;
    for (const Piece &X : Items) {
      if (X.ZeroWidth)
        continue;
      if (!X.FirstNonWord) {
        P.FirstNonWord = false;
        break;
      }
      if (!X.CanBeEmpty)
        break;
    }
    P.LastNonWord = true;
    for (size_t J = Items.size(); J-- > 0;) {
      const Piece &X = Items[J];
      if (X.ZeroWidth)
        continue;
      if (!X.LastNonWord) {
        P.LastNonWord = false;
        break;
      }
      if (!X.CanBeEmpty)
        break;
    }
    // Words inside single pieces, then in runs of literal pieces.
    for (Piece &X : Items) {
      P.Needs.insert(P.Needs.end(), X.Needs.begin(), X.Needs.end());
      keepChars(P.Chars, X.Chars);
      if (X.Known)
        keepChars(P.Chars, charsOf(X.Lits));
    }
    P.Known = true;
    P.Lits = {std::string()};
    for (size_t A = 0; A < Items.size();) {
      if (!Items[A].Known) {
        P.Known = false;
        ++A;
        continue;
      }
      // A run too long to multiply out is read in chunks that fit, each
      // with its own neighbours (a word cut at a chunk's edge is lost).
      size_t From = A, B = A;
      std::vector<std::string> Run = {std::string()};
      for (; B < Items.size() && Items[B].Known; ++B) {
        if (multiply(Run, Items[B].Lits))
          continue;
        P.Known = false;
        if (B > From)
          runWords(P.Needs, Run, leftFixed(Items, From), rightFixed(Items, B));
        From = B;
        Run = {std::string()};
        if (!multiply(Run, Items[B].Lits)) { // a single piece too long
          From = B + 1;
          Run = {std::string()};
        }
      }
      if (B > From)
        runWords(P.Needs, Run, leftFixed(Items, From), rightFixed(Items, B));
      // Each piece of the run on its own too: a run gives one word per
      // string, where its pieces may each need one ("\bonly (?:spots?|
      // seats?) left\b" needs a spot or seat word, and "left").
      if (B - A > 1)
        for (size_t K = A; K < B; ++K)
          if (!Items[K].ZeroWidth)
            runWords(P.Needs, Items[K].Lits, leftFixed(Items, K),
                     rightFixed(Items, K + 1));
      if (P.Known && (From != A || !multiply(P.Lits, Run)))
        P.Known = false;
      A = B;
    }
    if (!P.Known)
      P.Lits.clear();
    return P;
  }

  /// A code point from \x{...} or \xHH (I after the 'x').
  uint32_t hexEscape() {
    uint32_t V = 0;
    if (at('{')) {
      ++I;
      while (I < R.size() && R[I] != '}')
        V = V * 16 + llvm::hexDigitValue(R[I++]);
      ++I;
      return V;
    }
    for (int K = 0; K < 2 && I < R.size(); ++K)
      V = V * 16 + llvm::hexDigitValue(R[I++]);
    return V;
  }

  /// A UTF-8 sequence at I (consumed). RE2 accepted the regex, so it is
  /// one; should it not be, the regex gives no words.
  uint32_t utf8() {
    const auto *From = reinterpret_cast<const llvm::UTF8 *>(R.data() + I);
    const auto *End = reinterpret_cast<const llvm::UTF8 *>(R.end());
    const llvm::UTF8 *At = From;
    llvm::UTF32 C = 0;
    if (llvm::convertUTF8Sequence(&At, End, &C, llvm::strictConversion) !=
        llvm::conversionOK) {
      Bad = true;
      I = R.size();
      return 0;
    }
    I += At - From;
    return C;
  }

  static Piece codePoint(uint32_t C) {
    char Bytes[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *End = Bytes;
    if (foldsToAscii(C) || !llvm::ConvertCodePointToUTF8(C, End))
      return Piece::unknown();
    return Piece::literal(std::string(Bytes, End));
  }

  void skipPropertyName() {
    if (at('{')) {
      while (I < R.size() && R[I] != '}')
        ++I;
      ++I;
    } else {
      ++I;
    }
  }

  Piece escape() {
    ++I; // the backslash
    if (I >= R.size()) {
      Bad = true;
      return Piece();
    }
    char C = R[I++];
    switch (C) {
    case 'b':
      return Piece::empty(true);
    case 'B':
    case 'A':
    case 'z':
      return Piece::empty(false);
    case 's':
      return Piece::unknown(/*NonWord=*/true);
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 'S':
    case 'C':
      return Piece::unknown();
    case 'p':
    case 'P':
      skipPropertyName();
      return Piece::unknown();
    case 'x':
      return codePoint(hexEscape());
    case 'n':
      return Piece::literal("\n");
    case 't':
      return Piece::literal("\t");
    case 'r':
      return Piece::literal("\r");
    case 'f':
      return Piece::literal("\f");
    case 'v':
      return Piece::literal("\v");
    case 'a':
      return Piece::literal("\a");
    case 'Q': {
      size_t End = R.find("\\E", I);
      llvm::StringRef Quoted =
          R.slice(I, End == llvm::StringRef::npos ? R.size() : End);
      I = End == llvm::StringRef::npos ? R.size() : End + 2;
      if (Quoted.empty())
        return Piece::empty(false);
      if (llvm::any_of(Quoted, [](char Q) { return Q & 0x80; }))
        return Piece::unknown();
      return Piece::literal(Quoted.str());
    }
    default:
      if (llvm::isAlnum(static_cast<unsigned char>(C)))
        return Piece::unknown(); // octal and the like: rare, not modelled
      return Piece::literal(std::string(1, C));
    }
  }

  /// One member of a class (a character, or a class escape: Set true).
  uint32_t classMember(bool &Set, bool &SetNonWord) {
    Set = false;
    SetNonWord = false;
    if (R[I] != '\\')
      return static_cast<unsigned char>(R[I]) < 0x80
                 ? static_cast<unsigned char>(R[I++])
                 : utf8();
    ++I;
    if (I >= R.size()) {
      Bad = true;
      return 0;
    }
    char C = R[I++];
    switch (C) {
    case 's':
      Set = SetNonWord = true;
      return 0;
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 'S':
      Set = true;
      return 0;
    case 'p':
    case 'P':
      skipPropertyName();
      Set = true;
      return 0;
    case 'x':
      return hexEscape();
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    default:
      if (llvm::isAlnum(static_cast<unsigned char>(C)))
        Set = true; // not modelled
      return static_cast<unsigned char>(C);
    }
  }

  Piece charClass() {
    ++I; // '['
    bool Negated = at('^');
    if (Negated)
      ++I;
    bool NonWord = true, Simple = true;
    std::string Chars;
    bool First = true;
    while (I < R.size() && (First || R[I] != ']')) {
      First = false;
      if (R.substr(I).startswith("[:")) {
        size_t End = R.find(":]", I + 2);
        if (End == llvm::StringRef::npos) {
          Bad = true;
          return Piece();
        }
        llvm::StringRef Name = R.slice(I + 2, End);
        if (Name != "space" && Name != "blank" && Name != "cntrl")
          NonWord = false;
        Simple = false;
        I = End + 2;
        continue;
      }
      bool Set, SetNonWord;
      uint32_t Lo = classMember(Set, SetNonWord);
      if (Bad)
        return Piece();
      if (Set) {
        Simple = false;
        NonWord &= SetNonWord;
        continue;
      }
      uint32_t Hi = Lo;
      if (at('-') && I + 1 < R.size() && R[I + 1] != ']') {
        ++I;
        Hi = classMember(Set, SetNonWord);
        if (Bad || Set) {
          Bad = true;
          return Piece();
        }
        Simple = false;
      }
      for (uint32_t C = Lo; C <= std::min<uint32_t>(Hi, 0x7F); ++C)
        if (isWordChar(static_cast<char>(C)))
          NonWord = false;
      if ((Lo <= 0x17F && 0x17F <= Hi) || (Lo <= 0x212A && 0x212A <= Hi))
        NonWord = false;
      if (Lo >= 0x80)
        Simple = false;
      else if (Simple)
        Chars += static_cast<char>(llvm::toLower(static_cast<char>(Lo)));
    }
    if (!at(']')) {
      Bad = true;
      return Piece();
    }
    ++I;
    if (Negated)
      return Piece::unknown();
    Piece P = Piece::unknown(NonWord);
    if (Simple && !Chars.empty() && Chars.size() <= 16) {
      P.Known = true;
      for (char C : Chars)
        P.Lits.push_back(std::string(1, C));
      std::sort(P.Lits.begin(), P.Lits.end());
      P.Lits.erase(std::unique(P.Lits.begin(), P.Lits.end()), P.Lits.end());
    }
    return P;
  }

  /// Where the group opening at \p From ends (after its ')'), or npos.
  size_t groupEnd(size_t From) const {
    int Depth = 0;
    for (size_t J = From; J < R.size(); ++J) {
      char C = R[J];
      if (C == '\\') {
        ++J;
      } else if (C == '[') { // a class: ']' first is a member
        J += J + 1 < R.size() && R[J + 1] == '^' ? 2 : 1;
        if (J < R.size() && R[J] == ']')
          ++J;
        while (J < R.size() && R[J] != ']')
          J += R[J] == '\\' ? 2 : 1;
      } else if (C == '(') {
        ++Depth;
      } else if (C == ')' && --Depth == 0) {
        return J + 1;
      }
    }
    return llvm::StringRef::npos;
  }

  Piece group() {
    // A long group (a vocabulary list copied in) has too many spellings to
    // give a word set; reading it would cost more than the rest of the
    // regex. It is skipped as unknown text that may be empty.
    size_t End = groupEnd(I);
    if (End != llvm::StringRef::npos && End - I > LongGroup) {
      I = End;
      Piece P = Piece::unknown();
      P.CanBeEmpty = true;
      return P;
    }
    ++I; // '('
    if (at('?')) {
      ++I;
      if (at('P')) { // (?P<name>...)
        size_t End = R.find('>', I);
        if (End == llvm::StringRef::npos) {
          Bad = true;
          return Piece();
        }
        I = End + 1;
      } else {
        while (I < R.size() && (llvm::isAlpha(R[I]) || R[I] == '-'))
          ++I;
        if (at(')')) { // flags for the rest of the group: (?i)
          ++I;
          // RE2 applies a repetition after the flags to the piece before
          // them ("treat(?i)?" is "trea" and an optional "t"): not modelled.
          if (I < R.size() && llvm::StringRef("?*+{").contains(R[I]))
            Bad = true;
          return Piece::empty(false);
        }
        if (!at(':')) {
          Bad = true;
          return Piece();
        }
        ++I;
      }
    }
    Piece P = alternation();
    if (!at(')')) {
      Bad = true;
      return Piece();
    }
    ++I;
    return P;
  }

  Piece atom() {
    char C = R[I];
    switch (C) {
    case '(':
      return group();
    case '[':
      return charClass();
    case '\\':
      return escape();
    case '.':
      ++I;
      return Piece::unknown();
    case '^':
    case '$':
      ++I;
      return Piece::empty(false);
    case '*':
    case '+':
    case '?':
      Bad = true; // a repetition with nothing before it: not valid RE2
      return Piece();
    default: {
      if (static_cast<unsigned char>(C) >= 0x80)
        return codePoint(utf8());
      // A run of plain characters as one piece, but for a last one that a
      // repetition follows (it applies to that character alone).
      size_t J = I + 1;
      while (J < R.size() && plain(R[J]))
        ++J;
      if (J < R.size() && J - I > 1 && llvm::StringRef("?*+{").contains(R[J]))
        --J;
      std::string S = R.slice(I, J).str();
      I = J;
      return Piece::literal(std::move(S));
    }
    }
  }

  static bool plain(char C) {
    return !(C & 0x80) && !llvm::StringRef("\\()[]{}|?*+.^$").contains(C);
  }

  /// {n}, {n,} or {n,m} at I: consumed, or false (then '{' is a literal).
  bool count(unsigned &Min, unsigned &Max) {
    size_t J = I + 1;
    auto Number = [&](unsigned &V) {
      size_t From = J;
      V = 0;
      while (J < R.size() && llvm::isDigit(R[J]))
        V = std::min(V * 10 + unsigned(R[J++] - '0'), 100000u);
      return J > From;
    };
    if (!Number(Min))
      return false;
    Max = Min;
    if (J < R.size() && R[J] == ',') {
      ++J;
      if (!Number(Max))
        Max = Unbounded;
    }
    if (J >= R.size() || R[J] != '}')
      return false;
    I = J + 1;
    return true;
  }

  /// A repetition at I (consumed, with its lazy '?'), or false and {1,1}.
  bool quantifier(unsigned &Min, unsigned &Max) {
    Min = Max = 1;
    if (I >= R.size())
      return false;
    if (R[I] == '?') {
      Min = 0, Max = 1;
      ++I;
    } else if (R[I] == '*') {
      Min = 0, Max = Unbounded;
      ++I;
    } else if (R[I] == '+') {
      Min = 1, Max = Unbounded;
      ++I;
    } else if (!(R[I] == '{' && count(Min, Max))) {
      Min = Max = 1;
      return false;
    }
    if (at('?')) // lazy
      ++I;
    return true;
  }

  static void apply(Piece &P, unsigned Min, unsigned Max) {
    if (Min == 0) {
      P.CanBeEmpty = true;
      P.Needs.clear();
      P.Chars.clear();
    }
    if (!P.Known)
      return;
    if (Max == Unbounded || Max > 4) {
      P.Known = false;
      P.Lits.clear();
      return;
    }
    std::vector<std::string> All, Power = {std::string()};
    for (unsigned K = 0; K <= Max; ++K) {
      if (K >= Min)
        All.insert(All.end(), Power.begin(), Power.end());
      if (K < Max && !multiply(Power, P.Lits)) {
        P.Known = false;
        P.Lits.clear();
        return;
      }
    }
    std::sort(All.begin(), All.end());
    All.erase(std::unique(All.begin(), All.end()), All.end());
    if (All.size() > MaxStrings) {
      P.Known = false;
      P.Lits.clear();
      return;
    }
    P.Lits = std::move(All);
  }
};

} // namespace

std::vector<std::vector<std::string>> requiredWords(llvm::StringRef Regex) {
  // The built-in pack's regexes are read at build time (Match/Prebuilt.h).
  if (const prebuilt::WordSets *Known = prebuilt::findWords(Regex))
    return *Known;
  std::vector<std::vector<std::string>> Sets = Reader(Regex).read();
  if (prebuilt::recording())
    prebuilt::recordWords(Regex, Sets);
  return Sets;
}

std::string requiredCharacters(llvm::StringRef Regex) {
  return Reader(Regex).readChars();
}

} // namespace claimlint
