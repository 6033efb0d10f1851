//===- Match/PhraseMatcher.h - Rule phrases matched word by word -*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds rule phrases (Match/Phrase.h) by walking the text's words through a
/// trie of all phrases, instead of compiling them to RE2. Vocabulary lists
/// (`{COND}`) are tries of their own, matched once per place they can start
/// and shared by every phrase that names them, where the RE2 translation
/// must copy the whole list into each phrase (the built-in pack's 105 KB of
/// phrase regex is mostly such copies). Building the tries of the built-in
/// pack and lexicon takes about 15 ms; a pass costs a hash probe or two per
/// word.
///
/// The matches are exactly those of the group's RE2 translation, searched
/// leftmost-longest and without overlap as PatternSet::findAll does:
/// - words are runs of ASCII letters, digits and '_' (RE2's \b), compared in
///   ASCII lower case; every other character stands alone;
/// - a phrase's space needs one space in the text; a phrase's hyphen a
///   hyphen, a space or nothing: "pain-free", "pain free", "painfree" (a word
///   that ends in a word that follows a hyphen in some phrase is also read
///   as two words joined there);
/// - text with U+212A KELVIN SIGN or U+017F LONG S, which RE2's case folding
///   equates with k and s, is searched with the RE2 translation instead.
/// A group whose phrases use what this does not model (non-ASCII literals,
/// a hyphen or phrase edge next to punctuation, a phrase that can begin or
/// end with a space, a list glued to a word) is refused by addGroup(); the
/// caller keeps it in RE2.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MATCH_PHRASEMATCHER_H
#define CLAIMLINT_MATCH_PHRASEMATCHER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace claimlint {

/// A pack's vocabulary as written: NAME -> terms (phrases without lists).
using TermLists = llvm::StringMap<std::vector<std::string>>;

class PhraseMatcher {
public:
  PhraseMatcher();
  ~PhraseMatcher();
  PhraseMatcher(PhraseMatcher &&) noexcept;
  PhraseMatcher &operator=(PhraseMatcher &&) noexcept;

  /// Adds the phrases of one group, matched together leftmost-longest as
  /// one alternation. `{NAME}` names a list in \p Lists (may be null: no
  /// lists). \p Regex is the group's RE2 translation, compiled only if text
  /// needs it (see above). Returns the group's index, or None when the
  /// matcher does not model one of the phrases (nothing is added then).
  llvm::Optional<unsigned> addGroup(llvm::ArrayRef<std::string> Phrases,
                                    const TermLists *Lists, std::string Regex);
  /// The same, with the translation made by \p MakeRegex the first time
  /// text needs it (never, usually).
  llvm::Optional<unsigned>
  addGroup(llvm::ArrayRef<std::string> Phrases, const TermLists *Lists,
           llvm::unique_function<std::string()> MakeRegex);

  /// Builds the lookup tables. Once, after the last addGroup().
  void compile();

  size_t groups() const;

  /// Every match of every group in \p Text, as (group, begin, end) offsets
  /// relative to \p Text; per group in order, across groups in no promised
  /// order. Return false from \p OnMatch to stop. Thread-safe.
  void matchAll(
      llvm::StringRef Text,
      llvm::function_ref<bool(unsigned, uint32_t, uint32_t)> OnMatch) const;

private:
  struct Impl;
  std::unique_ptr<Impl> I;
};

} // namespace claimlint

#endif // CLAIMLINT_MATCH_PHRASEMATCHER_H
