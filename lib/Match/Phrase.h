//===- Match/Phrase.h - Phrases to RE2 patterns ------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Phrase syntax (docs/writing-rules.md):
///   - literal text, matched case-insensitively, bounded by word boundaries;
///   - one space matches one space (prose white space is already collapsed);
///   - a hyphen matches a hyphen, a space or nothing ("pain-free" also finds
///     "pain free" and "painfree");
///   - `word~` also matches the word's inflections (cure~ -> cure, cures,
///     cured, curing; therapy~ -> therapy, therapies);
///   - `{NAME}` is a vocabulary term list defined in the pack's pack.json;
///   - `(a|b)` lists alternatives inside a phrase; `[word]` is optional.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MATCH_PHRASE_H
#define CLAIMLINT_MATCH_PHRASE_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace claimlint {

/// Named term lists, each already compiled to a regex alternation "(?:...)".
using Vocabulary = llvm::StringMap<std::string>;

/// A character of a word as RE2's \b sees words: an ASCII letter, digit or
/// '_' (every byte of a non-ASCII character is a non-word).
inline bool isWordChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The inflected forms of \p Word, \p Word first.
std::vector<std::string> inflections(llvm::StringRef Word);

/// Where the word that starts at \p I of \p Phrase ends: word characters
/// and apostrophes ("Parkinson's" is one word of a phrase).
size_t phraseWordEnd(llvm::StringRef Phrase, size_t I);

/// Where the group that opens at \p I of \p Phrase ('(' or '[') closes:
/// the index of the ')' or ']' at the same depth, or npos when the group is
/// unbalanced or closed by the other kind of bracket.
size_t phraseGroupEnd(llvm::StringRef Phrase, size_t I);

/// The alternatives of a group's inside, split at the '|'s outside any
/// nested group: "a|b (c|d)" is "a" and "b (c|d)" (slices of \p Inner).
std::vector<llvm::StringRef> phraseAlternatives(llvm::StringRef Inner);

/// Translates \p Phrase to RE2 syntax. With \p Bounded, adds \b at either end
/// that begins or ends with a word character. Errors name the offending part
/// and set \p ErrorOffset to its byte offset in \p Phrase.
llvm::Expected<std::string> phraseToRegex(llvm::StringRef Phrase,
                                          const Vocabulary &Vocab, bool Bounded,
                                          size_t &ErrorOffset);

/// Expands `{NAME}` references in an RE2 pattern. Braces that are RE2
/// repetitions (`{2}`, `{1,3}`) are left alone.
llvm::Expected<std::string> expandVocabulary(llvm::StringRef Pattern,
                                             const Vocabulary &Vocab,
                                             size_t &ErrorOffset);

/// Compiles a list of phrases to one alternation "(?:a|b|...)" without outer
/// boundaries, for use as a vocabulary entry.
llvm::Expected<std::string>
compileTermList(const std::vector<std::string> &Terms, const Vocabulary &Vocab,
                size_t &ErrorIndex, size_t &ErrorOffset);

/// Joins \p Regexes into one alternation for leftmost-longest matching,
/// with the same language (so the same matches) as "a|b|...": alternatives
/// that end in the same long tail (a vocabulary list of a few KB, say) share
/// it, "(?:a|b)TAIL". RE2 factors common prefixes itself but not common
/// suffixes, and the phrases of one rule often end in the same list: sharing
/// it makes the pattern smaller, so faster to parse and compile. Under
/// leftmost-first matching the order of alternatives would matter: do not
/// use it there.
std::string
joinLongestAlternatives(const std::vector<llvm::StringRef> &Regexes);

} // namespace claimlint

#endif // CLAIMLINT_MATCH_PHRASE_H
