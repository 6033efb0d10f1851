//===- Rules/RuleSet.h - Every rule compiled into one matcher -----*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// All loaded rules compiled once: every trigger of every rule goes into one
/// PatternSet (one RE2::Set pass finds the candidates), exceptions and
/// document requirements into another. Immutable and thread-safe once built.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_RULES_RULESET_H
#define CLAIMLINT_RULES_RULESET_H

#include "Match/PatternSet.h"
#include "Rules/Rule.h"

#include "llvm/ADT/StringMap.h"

#include <memory>
#include <vector>

namespace claimlint {

class RuleSet {
public:
  /// Compiles \p Rules. Invalid RE2 patterns are located errors in their rule
  /// files, all reported together.
  static llvm::Expected<std::unique_ptr<RuleSet>>
  build(std::vector<Rule> Rules);

  const std::vector<Rule> &rules() const { return Rules; }
  /// Index of the rule with \p Id, or -1.
  int find(llvm::StringRef Id) const;

  struct Owner {
    unsigned Rule;
    unsigned Group;
  };
  const PatternSet &triggers() const { return Triggers; }
  Owner owner(unsigned Pattern) const { return Owners[Pattern]; }

  /// Exceptions and requirements, per rule: indices into extras().
  const PatternSet &extras() const { return Extras; }
  const std::vector<unsigned> &exceptionsOf(unsigned Rule) const {
    return ExceptionIdx[Rule];
  }
  const std::vector<unsigned> &requiresOf(unsigned Rule) const {
    return RequireIdx[Rule];
  }

private:
  std::vector<Rule> Rules;
  llvm::StringMap<unsigned> ById;
  PatternSet Triggers;
  std::vector<Owner> Owners;
  PatternSet Extras;
  std::vector<std::vector<unsigned>> ExceptionIdx;
  std::vector<std::vector<unsigned>> RequireIdx;
};

} // namespace claimlint

#endif // CLAIMLINT_RULES_RULESET_H
