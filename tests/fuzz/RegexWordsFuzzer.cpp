//===- fuzz/RegexWordsFuzzer.cpp - Words a regex needs --------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The input is a regex, a NUL byte and a text (without a NUL byte, the input
// is both). When RE2 accepts the regex, requiredWords() must be sound on the
// text, for each word set it gives: if the regex matches anywhere, one of
// the set's words occurs as a whole word, and each match (leftmost-first and
// leftmost-longest, as the rule set runs patterns and phrases) contains one.
// Likewise requiredCharacters(): every match contains one of them. Text with
// U+212A or U+017F is left out: callers treat it as holding every word
// (Match/RegexWords.h).
//
//===----------------------------------------------------------------------===//

#include "Match/RegexWords.h"

#include <re2/re2.h>

#include "FuzzCommon.h"

using namespace claimlint;

namespace {

bool isWordByte(char C) { return llvm::isAlnum(C) || C == '_'; }

/// Whether one of \p Words occurs as a whole word inside [B, E) of \p Text.
bool hasWholeWord(llvm::StringRef Text, const std::vector<std::string> &Words,
                  size_t B, size_t E) {
  std::string Lower = Text.lower();
  for (const std::string &W : Words)
    for (size_t P = Lower.find(W, B);
         P != std::string::npos && P + W.size() <= E; P = Lower.find(W, P + 1))
      if ((P == 0 || !isWordByte(Text[P - 1])) &&
          (P + W.size() == Text.size() || !isWordByte(Text[P + W.size()])))
        return true;
  return false;
}

void checkMatches(const RE2 &Re, llvm::StringRef Text,
                  const std::vector<std::vector<std::string>> &Sets) {
  re2::StringPiece T(Text.data(), Text.size()), M;
  size_t Pos = 0;
  for (int N = 0; N < 64 && Pos <= Text.size() &&
                  Re.Match(T, Pos, Text.size(), RE2::UNANCHORED, &M, 1);
       ++N) {
    size_t B = M.data() - Text.data(), E = B + M.size();
    for (const std::vector<std::string> &Words : Sets)
      FUZZ_CHECK(hasWholeWord(Text, Words, B, E),
                 "a match without any word of a required set at [" +
                     fuzz::str(B) + ", " + fuzz::str(E) + ")");
    Pos = E > B ? E : B + 1;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef In(reinterpret_cast<const char *>(Data), Size);
  auto [Regex, Text] = In.split('\0');
  if (Text.empty() && !In.contains('\0'))
    Text = Regex;
  if (Regex.size() > 4096 || Text.size() > 1 << 16)
    return 0;
  RE2::Options O;
  O.set_log_errors(false);
  O.set_case_sensitive(false);
  O.set_max_mem(8 << 20);
  re2::StringPiece P(Regex.data(), Regex.size());
  RE2 First(P, O);
  if (!First.ok())
    return 0;
  std::vector<std::vector<std::string>> Sets = requiredWords(Regex);
  FUZZ_CHECK(Sets.size() <= 4, "more than four word sets");
  for (const std::vector<std::string> &Words : Sets) {
    FUZZ_CHECK(!Words.empty(), "an empty word set");
    for (const std::string &W : Words)
      FUZZ_CHECK(!W.empty() &&
                     llvm::all_of(W,
                                  [](char C) {
                                    return llvm::isDigit(C) ||
                                           (C >= 'a' && C <= 'z');
                                  }) &&
                     llvm::any_of(W, [](char C) { return llvm::isAlpha(C); }),
                 "a required word that is not a lower-case word: '" + W + "'");
  }
  std::string Chars = requiredCharacters(Regex);
  if (!Chars.empty()) {
    re2::StringPiece T(Text.data(), Text.size()), M;
    size_t Pos = 0;
    for (int N = 0; N < 64 && Pos <= Text.size() &&
                    First.Match(T, Pos, Text.size(), RE2::UNANCHORED, &M, 1);
         ++N) {
      llvm::StringRef Match(M.data(), M.size());
      FUZZ_CHECK(Match.find_first_of(Chars) != llvm::StringRef::npos,
                 "a match without any of the required characters '" + Chars +
                     "'");
      size_t B = M.data() - Text.data();
      Pos = M.size() ? B + M.size() : B + 1;
    }
  }
  if (Sets.empty() || Text.contains("\xE2\x84\xAA") ||
      Text.contains("\xC5\xBF"))
    return 0;
  re2::StringPiece T(Text.data(), Text.size());
  if (RE2::PartialMatch(T, First))
    for (const std::vector<std::string> &Words : Sets)
      FUZZ_CHECK(hasWholeWord(Text, Words, 0, Text.size()),
                 "the regex matches a text lacking every word of a set");
  checkMatches(First, Text, Sets);
  O.set_longest_match(true);
  RE2 Longest(P, O);
  if (Longest.ok())
    checkMatches(Longest, Text, Sets);
  return 0;
}
