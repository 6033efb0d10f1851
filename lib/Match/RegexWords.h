//===- Match/RegexWords.h - Words every match of a regex contains -*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A necessary condition for a regex, read from its source: sets of words
/// such that every match of the regex contains one word of each set as a
/// whole word (a run of ASCII letters, digits and '_', as RE2's \b sees
/// words, with no word character on either side). A text that lacks every
/// word of one set cannot contain a match, so the regex need not be compiled
/// or run on it.
///
/// The words come from literal text the regex requires: `\bonly \d+ spots?`
/// needs "only"; `(?:fix|cure)s? permanently\b` needs "permanently";
/// `\b(?:spots?|seats?) left\b` needs one of spot, spots, seat, seats, and
/// "left". A word counts only if the regex fixes what is on both sides of
/// it: a non-word literal, `\s`, a class of non-word characters, or `\b`.
///
/// The analysis is conservative: whatever it does not understand (`.`, most
/// classes, a long literal product) it treats as unknown text, and a regex
/// with no word it can prove necessary gets none. Case folding: a word is
/// compared in ASCII lower case; RE2 also equates k with U+212A KELVIN SIGN
/// and s with U+017F LONG S, so a caller must treat text holding either as
/// containing every word (the phrase matcher does, see PhraseMatcher.h).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MATCH_REGEXWORDS_H
#define CLAIMLINT_MATCH_REGEXWORDS_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {

/// Sets of words (lower case, letters and digits, at least one letter):
/// every match of \p Regex (RE2 syntax, already valid) contains, for each
/// set, one of its words as a whole word. Empty when none was found. The
/// sets come from separate parts of the regex (`\bonly \d+ spots? left\b`:
/// {only} and {left}), at most four, the rarest-looking first: fewest words,
/// long words preferred over short ones ("of", "to" occur in most
/// paragraphs).
std::vector<std::vector<std::string>> requiredWords(llvm::StringRef Regex);

/// ASCII punctuation characters, one of which every match of \p Regex
/// contains (sorted; empty when none was found), for a regex with no word
/// to go by: `"[^"]{8,300}" - [a-z]+` needs '"'. Rare ones preferred over
/// ',', '.' and '-'.
std::string requiredCharacters(llvm::StringRef Regex);

} // namespace claimlint

#endif // CLAIMLINT_MATCH_REGEXWORDS_H
