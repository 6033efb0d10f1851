//===- Rules/RuleSet.h - Every rule compiled into one matcher -----*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// All loaded rules compiled once. Trigger phrases go into one PhraseMatcher
/// (a trie walk over the words, vocabulary lists shared), the groups it does
/// not model and regex patterns into one PatternSet. A pattern that needs one
/// of a few words (Match/RegexWords.h) is run only on text where the walk
/// found one of them, and compiled the first time that happens; the others
/// (and all of them in a pack of hundreds of patterns) are found by one
/// RE2::Set pass. Exceptions and document requirements go
/// into PatternSets of their own. Immutable and thread-safe once built.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_RULES_RULESET_H
#define CLAIMLINT_RULES_RULESET_H

#include "Match/PatternSet.h"
#include "Match/PhraseMatcher.h"
#include "Rules/Rule.h"

#include "llvm/ADT/StringMap.h"

#include <memory>
#include <mutex>
#include <vector>

namespace claimlint {

class RuleSet {
public:
  /// Compiles \p Rules. Invalid RE2 patterns are located errors in their rule
  /// files, all reported together.
  struct BuildOptions {
    /// False: every phrase group in RE2, as the phrase matcher's reference
    /// (tests compare the two; CLAIMLINT_PHRASE_MATCHER=0 sets it).
    bool PhraseMatcher = true;
  };
  static llvm::Expected<std::unique_ptr<RuleSet>> build(std::vector<Rule> Rules,
                                                        BuildOptions Opts);
  static llvm::Expected<std::unique_ptr<RuleSet>>
  build(std::vector<Rule> Rules);

  const std::vector<Rule> &rules() const { return Rules; }
  /// Index of the rule with \p Id, or -1.
  int find(llvm::StringRef Id) const;

  struct Owner {
    unsigned Rule;
    unsigned Group;
  };
  /// Every trigger match in \p Text (one block of prose), as (owner, begin,
  /// end) offsets relative to \p Text; per trigger pattern or phrase group
  /// leftmost-longest (phrases) or leftmost-first (patterns), without
  /// overlap. Return false to stop. Thread-safe; \p OnMatch must not call
  /// findTriggers() itself (it uses per-thread scratch space).
  /// The phrase matcher finds the requirements' phrases in the same pass:
  /// with \p Requires, they are added there (by requirement number, see
  /// scanRequires(), offsets plus \p Base).
  using Spans = std::vector<std::pair<uint32_t, uint32_t>>;
  void findTriggers(llvm::StringRef Text,
                    llvm::function_ref<bool(Owner, uint32_t, uint32_t)> OnMatch,
                    std::vector<Spans> *Requires = nullptr,
                    uint32_t Base = 0) const;

  /// The RE2 side of the triggers, how many phrase groups the phrase
  /// matcher took, and how many trigger patterns run only where a word (or
  /// a character) they need occurs (benchmarks and tests).
  const PatternSet &triggers() const { return Triggers; }
  size_t phraseGroups() const { return TriggerPhraseGroups; }
  size_t wordGatedPatterns() const { return Gated.size() + CharGated.size(); }

  /// Exceptions, per rule: indices into extras().
  const PatternSet &extras() const { return Extras; }
  const std::vector<unsigned> &exceptionsOf(unsigned Rule) const {
    return ExceptionIdx[Rule];
  }

  /// Requirements of document rules: \p Rule's requirement numbers, indices
  /// into what scanRequires() gives.
  const std::vector<unsigned> &requiresOf(unsigned Rule) const {
    return RequireIdx[Rule];
  }
  /// How many requirement numbers there are.
  unsigned requirements() const { return Requires; }
  /// Every match of every requirement in \p Text, by requirement number, each
  /// in text order (leftmost-longest, without overlap): one pass of the
  /// phrase matcher, and RE2 for requirements it does not model.
  void scanRequires(llvm::StringRef Text, std::vector<Spans> &Out) const;
  /// Only the requirements the phrase matcher does not model: what
  /// findTriggers() left out of \p Out, added.
  void scanRequiresRe2(llvm::StringRef Text, std::vector<Spans> &Out) const;

private:
  std::vector<Rule> Rules;
  llvm::StringMap<unsigned> ById;
  PatternSet Triggers;
  std::vector<Owner> Owners;
  PhraseMatcher Phrases;
  std::vector<Owner> PhraseOwners;
  PatternSet Extras;
  std::vector<std::vector<unsigned>> ExceptionIdx;
  std::vector<std::vector<unsigned>> RequireIdx;
  size_t TriggerPhraseGroups = 0;
  unsigned Requires = 0; ///< requirement numbers given out
  /// Owner of a requirement's phrase group in Phrases (Group = number).
  static constexpr unsigned RequireOwner = ~0u;
  /// Trigger patterns kept out of the RE2::Set: each runs where a word of
  /// each of its word sets occurs. Words are phrase groups of Phrases
  /// (Owner WordOwner, Group = word number).
  struct WordGated {
    unsigned Pattern;                        ///< index into Triggers
    std::vector<std::vector<unsigned>> Sets; ///< word numbers
    std::string Regex;                       ///< for GatedSet
    bool Longest;
  };
  std::vector<WordGated> Gated;
  /// Where many gated patterns pass their gates in one block (a large pack
  /// of plain patterns), one RE2::Set pass over the block tells which
  /// really occur, instead of a search per pattern. Built the first time a
  /// block needs it (Gated order = its indices).
  struct LazySet {
    std::once_flag Once;
    PatternSet Set;
  };
  std::unique_ptr<LazySet> GatedSet;
  static constexpr size_t GatedSetFrom = 4; ///< candidates in one block
  /// More regex trigger patterns than this: none is gated, all go into the
  /// RE2::Set (bench/compare's 300- and 3,000-pattern packs).
  static constexpr size_t MaxGatedPatterns = 128;
  std::vector<std::vector<unsigned>> GatedByWord; ///< word -> Gated indices
  /// Patterns with no word to go by but a character they need: each runs
  /// where one of its characters occurs.
  std::vector<std::pair<unsigned, std::string>> CharGated;
  unsigned Words = 0;
  static constexpr unsigned WordOwner = ~0u - 1;
  /// The rest: (requirement number, index into RequireRe2).
  std::vector<std::pair<unsigned, unsigned>> Re2Need;
  PatternSet RequireRe2;
};

} // namespace claimlint

#endif // CLAIMLINT_RULES_RULESET_H
