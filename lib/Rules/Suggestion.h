//===- Rules/Suggestion.h - Rewrites that keep what they replace --*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A rule's suggested rewrite replaces the matched text. So that a rewrite of
/// "cures hip arthritis" can keep the condition, its text may name parts of
/// the match: "{match}" is the whole matched text, "{COND}" the part that is a
/// term of the pack's COND vocabulary, and "{BODY|COND}" the stretch of the
/// match from the first to the last term of either list ("hip arthritis").
/// A suggestion is offered for a match only when each of its slots is
/// filled.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_RULES_SUGGESTION_H
#define CLAIMLINT_RULES_SUGGESTION_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace claimlint {

/// Finds the terms of one vocabulary list in a matched text. The regex is
/// compiled on first use (most runs never need it); thread-safe.
class TermFinder {
public:
  TermFinder(std::string Name, std::string Regex);
  ~TermFinder();
  const std::string &name() const { return Name; }
  /// The stretch of \p Text from the start of its first term to the end of
  /// its last (leftmost-longest, whole words), as offsets; None if it has no
  /// term.
  llvm::Optional<std::pair<size_t, size_t>> span(llvm::StringRef Text) const;

private:
  std::string Name;
  std::string Regex;
  mutable std::once_flag Once;
  /// Shared by every finder of the same list (a list used in the
  /// suggestions of several rules is compiled once per process).
  mutable std::shared_ptr<const re2::RE2> Re;
};

/// One "{...}" in a suggestion's text.
struct SuggestionSlot {
  size_t Begin = 0, End = 0; ///< the braces' span in the text
  /// The lists to try, in order; none for "{match}".
  std::vector<std::shared_ptr<const TermFinder>> Lists;
};

struct Suggestion {
  std::string Text;  ///< replacement for the matched span
  bool Safe = false; ///< may be applied by --fix
  std::vector<SuggestionSlot> Slots;

  /// The text with its slots filled from \p Match (the matched text, as in
  /// the file); None when a slot's lists have no term in it.
  llvm::Optional<std::string> fill(llvm::StringRef Match) const;
};

} // namespace claimlint

#endif // CLAIMLINT_RULES_SUGGESTION_H
