//===- Match/PatternSet.h - Many patterns, one pass ---------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A set of RE2 patterns searched together: one RE2::Set pass tells which
/// patterns occur in a text, then only those patterns are run for exact spans.
/// Linear time in the text for any pattern (RE2 guarantees it). If the set's
/// DFA runs out of memory, every pattern is run on its own instead, so a
/// match is never silently lost.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MATCH_PATTERNSET_H
#define CLAIMLINT_MATCH_PATTERNSET_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace claimlint {

struct PatternOptions {
  bool CaseInsensitive = true;
  bool LongestMatch = true; ///< leftmost-longest (phrases); else leftmost-first
  /// False: the pattern stays out of the RE2::Set prefilter; candidates()
  /// never reports it and the caller decides when to run it (findAll()),
  /// for instance when a word it needs occurs (Match/RegexWords.h).
  bool Prefilter = true;
  /// The pattern is known to compile (a built-in rule, checked by the test
  /// suite): add() does not parse it. Only with Prefilter false; it is
  /// compiled the first time findAll() runs it.
  bool Trusted = false;
};

class PatternSet {
public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet &&) noexcept;
  PatternSet &operator=(PatternSet &&) noexcept;

  /// Adds \p Regex (RE2 syntax). Returns its index, or an error with RE2's
  /// message ("missing ): ...") when it does not compile.
  llvm::Expected<unsigned> add(llvm::StringRef Regex,
                               const PatternOptions &Opts = {});

  /// Builds the prefilter. Must be called once, after the last add(). Its
  /// RE2::Sets compile on two threads when the machine has two cores. With
  /// \p Prefilter false (a set only findAll() will ask), none
  /// is compiled, and candidates() would run each pattern.
  llvm::Error compile(bool Prefilter = true);

  size_t size() const { return Patterns.size(); }

  /// Indices of the patterns that match somewhere in \p Text, ascending.
  void candidates(llvm::StringRef Text, std::vector<int> &Out) const;

  /// Reports every non-overlapping, non-empty match of pattern \p Index in
  /// \p Text as (Begin, End) offsets relative to \p Text. Return false from
  /// \p OnMatch to stop.
  void findAll(unsigned Index, llvm::StringRef Text,
               llvm::function_ref<bool(uint32_t, uint32_t)> OnMatch) const;

  /// candidates() then findAll() for each: every match of every pattern.
  void matchAll(
      llvm::StringRef Text,
      llvm::function_ref<bool(unsigned, uint32_t, uint32_t)> OnMatch) const;

  /// How many times the prefilter fell back to running each pattern.
  unsigned fallbacks() const { return Fallbacks; }

private:
  struct Entry;
  std::vector<std::unique_ptr<Entry>> Patterns;
  struct SetImpl;
  std::unique_ptr<SetImpl> Set;
  size_t InSet = 0; ///< patterns in the prefilter
  bool Compiled = false;
  mutable unsigned Fallbacks = 0;
};

} // namespace claimlint

#endif // CLAIMLINT_MATCH_PATTERNSET_H
